package modeltest

import (
	"slices"
	"strings"
	"testing"
)

func TestChangesBetween(t *testing.T) {
	cases := []struct {
		e0, e1 uint64
		want   int
	}{
		{0, 0, 0}, // nothing ran
		{2, 2, 0}, // one ran and ended before
		{0, 1, 1}, // one began
		{1, 1, 1}, // one was running
		{1, 2, 1}, // it ended
		{2, 3, 1}, // the next began
		{1, 3, 2}, // one ended, another began
		{0, 4, 2}, // two ran wholly
		{3, 6, 2},
		{4, 9, 3},
	}
	for _, c := range cases {
		if got := ChangesBetween(c.e0, c.e1); got != c.want {
			t.Errorf("ChangesBetween(%d, %d) = %d, want %d", c.e0, c.e1, got, c.want)
		}
	}
}

func TestExpectedDiff(t *testing.T) {
	s := func(v string) *string { return &v }
	e := &Expected{Vals: map[string]string{"a": "a=1-0", "b": "b=1-0"}}
	cases := []struct {
		name string
		cols []string
		row  []*string
		bad  int
	}{
		{"as written", []string{"a", "b"}, []*string{s("a=1-0"), s("b=1-0")}, 0},
		{"a column added since is NULL", []string{"a", "b", "c"}, []*string{s("a=1-0"), s("b=1-0"), nil}, 0},
		{"a dropped column is not looked for", []string{"b"}, []*string{s("b=1-0")}, 0},
		{"shifted after a drop", []string{"b", "c"}, []*string{s("a=1-0"), s("b=1-0")}, 2},
		{"lost", []string{"a", "b"}, []*string{nil, s("b=1-0")}, 1},
	}
	for _, c := range cases {
		if bad := e.Diff(c.cols, c.row); len(bad) != c.bad {
			t.Errorf("%s: %v, want %d differences", c.name, bad, c.bad)
		}
	}
	if bad := (&Expected{Unknown: true}).Diff([]string{"a"}, []*string{s("x")}); bad != nil {
		t.Errorf("an unknown row was checked: %v", bad)
	}
}

// A seed yields the same operations every time, and every operation fits the model it was
// made for (Apply would panic on a missing table; limits hold).
func TestGenIsDeterministicAndValid(t *testing.T) {
	run := func(seed uint64) []string {
		m := New(DefaultSpace)
		g := NewGen(seed, m)
		var out []string
		for _, op := range g.Setup() {
			m.Apply(op)
		}
		for i := 0; i < 3000; i++ {
			op := g.Next()
			out = append(out, op.String())
			if op.Kind == InsertDup && m.Spaces[op.Space].Tables[op.Table].Rows[op.ID] == nil {
				t.Fatalf("step %d: %v duplicates no row", i, op)
			}
			m.Apply(op)
			if len(m.Spaces) > maxSpaces || m.Spaces[DefaultSpace] == nil {
				t.Fatalf("step %d: %v leaves tablespaces %v", i, op, m.SpaceNames())
			}
			for _, sp := range m.Spaces {
				for name, tb := range sp.Tables {
					if len(tb.Cols) == 0 || len(tb.Cols) > maxCols || len(tb.Rows) > maxID {
						t.Fatalf("step %d: %v leaves table %s with %d columns, %d rows", i, op, name, len(tb.Cols), len(tb.Rows))
					}
					for name, ix := range tb.Indexes {
						if !slices.Contains(tb.Cols, ix.Col) {
							t.Fatalf("step %d: index %s on missing column %s", i, name, ix.Col)
						}
					}
					if ix, dup := tb.Duplicated(); dup {
						t.Fatalf("step %d: %v left a duplicate in unique index %s", i, op, ix)
					}
				}
			}
		}
		return out
	}
	a, b := run(42), run(42)
	if !slices.Equal(a, b) {
		t.Fatal("one seed made two different runs")
	}
	if slices.Equal(a, run(43)) {
		t.Fatal("two seeds made the same run")
	}
	fails := 0
	for _, s := range a {
		if strings.Contains(s, "must fail") {
			fails++
		}
	}
	if fails == 0 {
		t.Error("3000 operations have none that must fail")
	}
	kinds := map[Kind]bool{}
	for _, s := range a {
		for k := range kindNames {
			if len(s) > len(kindNames[k]) && s[:len(kindNames[k])+1] == kindNames[k]+" " || strings.Contains(s, "("+kindNames[k]+")") {
				kinds[Kind(k)] = true
			}
		}
	}
	for k := Kind(1); int(k) < len(kindNames); k++ {
		if !kinds[k] {
			t.Errorf("3000 operations have no %v", k)
		}
	}
}

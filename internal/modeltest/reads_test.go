package modeltest

import (
	"slices"
	"strings"
	"testing"
)

// TestReadWant checks the answers the model computes for concurrent reads, and that a state
// without what a read reads has none.
func TestReadWant(t *testing.T) {
	m := New(DefaultSpace)
	sp := m.Spaces[DefaultSpace]
	sp.Tables["a"] = NewTable("c1", "c2")
	sp.Tables["a"].Rows[1] = Row{"c1": "v1"}
	sp.Tables["a"].Rows[2] = Row{"c1": "v5", "c2": "u7"}
	sp.Tables["b"] = NewTable("c3")
	sp.Tables["b"].Rows[2] = Row{"c3": "v2"}
	dropped := m.Clone()
	dropped.Apply(Op{Kind: DropColumn, Space: DefaultSpace, Table: "a", Col: "c1"})
	cases := []struct {
		name string
		read func(g *ReadGen, space string, sp *Tablespace) Read
		sql  string // a part of the statement
		want []string
	}{
		{"pair", readPair, "p.id =", nil},
		{"sums", readSums, "count(*)", nil},
		{"space", readSpace, "UNION ALL", []string{"a|1|v1", "a|2|v5", "b|2|v2"}},
		{"keyjoin", readKeyJoin, "JOIN", nil},
	}
	g := NewReadGen(1, 0)
	for _, c := range cases {
		q := c.read(g, DefaultSpace, sp)
		if !strings.Contains(q.SQL, c.sql) {
			t.Errorf("%s: %s lacks %q", c.name, q.SQL, c.sql)
		}
		got, ok := q.Want(m)
		if !ok {
			t.Errorf("%s: %s: no answer in the state it was made from", c.name, q.SQL)
		}
		if c.want != nil && !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Sums of an empty table: a NULL sum.
	empty := New(DefaultSpace)
	empty.Spaces[DefaultSpace].Tables["a"] = NewTable("c1")
	q := readSums(g, DefaultSpace, empty.Spaces[DefaultSpace])
	if got, _ := q.Want(empty); !slices.Equal(got, []string{`0|0|\N`}) {
		t.Errorf("sums of an empty table: %q", got)
	}
	// A read of c1 has no answer once c1 is dropped; one of the table's key does.
	scan := Read{Space: DefaultSpace}
	for scan.SQL == "" || !strings.Contains(scan.SQL, "c1") {
		scan = readScan(g, DefaultSpace, sp)
	}
	if _, ok := scan.Want(dropped); ok {
		t.Errorf("%s: an answer without column c1", scan.SQL)
	}
	if _, ok := (Read{Space: "gone", want: scan.want}).Want(m); ok {
		t.Errorf("an answer in a tablespace the state lacks")
	}
}

func TestAnswerSortsAndRendersNull(t *testing.T) {
	s := func(v string) *string { return &v }
	got := Answer([][]*string{{s("2"), nil}, {s("1"), s("x")}})
	if want := []string{"1|x", `2|\N`}; !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

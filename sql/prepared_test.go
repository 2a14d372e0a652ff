package sql

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

func TestPreparedStatements(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	run := func(q string) []string {
		t.Helper()
		var out textOutput
		if err := s.Exec(ctx, q, &out); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return out.lines
	}
	run("CREATE TABLE p (id bigint PRIMARY KEY, name text, score double precision, ok boolean)")

	ins, err := s.Prepare(context.Background(), "INSERT INTO p VALUES ($1, $2, $3, $4)", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantTypes := []types.Type{types.Int64, types.Text, types.Float64, types.Bool}
	if got := ins.ParamTypes(); len(got) != 4 || got[0] != wantTypes[0] || got[2] != wantTypes[2] || got[3] != wantTypes[3] {
		t.Fatalf("inferred parameter types %v, want %v", got, wantTypes)
	}
	for i := int64(1); i <= 3; i++ {
		var out textOutput
		args := []types.Value{types.NewInt(types.Int64, i), types.NewText("n" + string(rune('0'+i))),
			types.NewFloat(types.Float64, float64(i)/2), types.NewBool(i%2 == 1)}
		if err := s.ExecPrepared(ctx, ins, args, &out); err != nil {
			t.Fatal(err)
		}
	}

	sel, err := s.Prepare(context.Background(), "SELECT name, score FROM p WHERE id = $1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if cols := sel.Columns(); len(cols) != 2 || cols[1].Type != types.Float64 {
		t.Fatalf("columns %v", cols)
	}
	if pt := sel.ParamTypes(); len(pt) != 1 || pt[0] != types.Int64 {
		t.Fatalf("param types %v", pt)
	}
	var out textOutput
	if err := s.ExecPrepared(ctx, sel, []types.Value{types.NewInt(types.Int64, 2)}, &out); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out.lines, ";"); got != "n2|1;tag: SELECT 1" {
		t.Fatalf("got %q", got)
	}

	cases := []struct {
		query string
		args  []types.Value
		want  string
		code  string
	}{
		{"SELECT id FROM p WHERE score > $1 ORDER BY id LIMIT $2", []types.Value{types.NewFloat(types.Float64, 0.6), types.NewInt(types.Int64, 1)}, "2;tag: SELECT 1", ""},
		{"UPDATE p SET score = $1 WHERE id = $2", []types.Value{types.NewFloat(types.Float64, 9), types.NewInt(types.Int64, 3)}, "tag: UPDATE 1", ""},
		{"SELECT score FROM p WHERE id = $1", []types.Value{types.NewInt(types.Int64, 3)}, "9;tag: SELECT 1", ""},
		{"SELECT id FROM p WHERE id = $1", []types.Value{types.NullValue}, "tag: SELECT 0", ""},
		{"DELETE FROM p WHERE name = $1", []types.Value{types.NewText("n1")}, "tag: DELETE 1", ""},
		{"SELECT $1", []types.Value{types.NewText("echo")}, "echo;tag: SELECT 1", ""},
		{"SELECT id FROM p WHERE id = $1", nil, "", "08P01"},
		{"SELECT 1; SELECT 2", nil, "", "42601"},
	}
	for _, c := range cases {
		st, err := s.Prepare(context.Background(), c.query, nil)
		if err == nil {
			var out textOutput
			err = s.ExecPrepared(ctx, st, c.args, &out)
			if err == nil && strings.Join(out.lines, ";") != c.want {
				t.Errorf("%s: got %q, want %q", c.query, strings.Join(out.lines, ";"), c.want)
			}
		}
		var e *Error
		switch {
		case c.code == "" && err != nil:
			t.Errorf("%s: %v", c.query, err)
		case c.code != "" && (!errors.As(err, &e) || e.Code != c.code):
			t.Errorf("%s: got %v, want %s", c.query, err, c.code)
		}
	}

	// A cached plan is re-bound when its table is dropped and re-created with another shape.
	run("DROP TABLE p")
	run("CREATE TABLE p (id bigint PRIMARY KEY, name text, extra int)")
	run("INSERT INTO p VALUES (2, 'fresh', 7)")
	out = textOutput{}
	if err := s.ExecPrepared(ctx, sel, []types.Value{types.NewInt(types.Int64, 2)}, &out); err == nil {
		t.Fatalf("stale plan ran against a table without column score: %v", out.lines)
	}
	if got := run("SELECT name, extra FROM p WHERE id = 2"); strings.Join(got, ";") != "fresh|7;tag: SELECT 1" {
		t.Fatalf("after re-create: %q", got)
	}
}

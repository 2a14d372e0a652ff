package sql

import (
	"context"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

// A statement prepared (protocol level) in one session keeps the result columns it was
// described with when another session changes its table: a change of them is 0A000, as
// PostgreSQL's "cached plan must not change result type", never rows of another shape; a
// change that keeps them re-binds and reads the new table. A simple query re-binds freely.
func TestPreparedAcrossSessionsAfterDDL(t *testing.T) {
	a, b := twoSessions(t)
	ctx := context.Background()
	mustRun := func(s *Session, q string) string {
		t.Helper()
		lines, code := queryState(s, q)
		if code != "" {
			t.Fatalf("%s: %s", q, code)
		}
		return strings.Join(lines, ";")
	}
	mustRun(a, "CREATE TABLE px (id int PRIMARY KEY, a int, b text)")
	mustRun(a, "INSERT INTO px VALUES (1, 10, 'x')")
	prep := func(q string) PreparedStatement {
		st, err := a.Prepare(ctx, q, nil)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return st
	}
	star, ab, byID := prep("SELECT * FROM px"), prep("SELECT a, b FROM px"), prep("SELECT b FROM px WHERE id = $1")
	exec := func(st PreparedStatement, args ...types.Value) (string, string) {
		var out textOutput
		err := a.ExecPrepared(ctx, st, args, &out)
		return strings.Join(out.lines, ";"), sqlState(err)
	}
	one := types.NewInt(types.Int32, 1)
	steps := []struct {
		ddl  string // run by session b first ("" for none)
		st   PreparedStatement
		args []types.Value
		want string // the rows, or "error CODE"
	}{
		{"", star, nil, "1|10|x;tag: SELECT 1"},
		{"ALTER TABLE px ADD COLUMN c int", star, nil, "error 0A000"},
		{"", star, nil, "error 0A000"}, // every run, as PostgreSQL
		{"", ab, nil, "10|x;tag: SELECT 1"},
		{"", byID, []types.Value{one}, "x;tag: SELECT 1"},
		{"DROP TABLE px", byID, []types.Value{one}, "error 42P01"},
		{"CREATE TABLE px (id int PRIMARY KEY, b text, a int)", byID, []types.Value{one}, "tag: SELECT 0"},
		{"INSERT INTO px VALUES (1, 'fresh', 5)", byID, []types.Value{one}, "fresh;tag: SELECT 1"},
		{"", ab, nil, "5|fresh;tag: SELECT 1"},
		{"ALTER TABLE px RENAME COLUMN a TO z", ab, nil, "error 42703"},
		{"ALTER TABLE px RENAME COLUMN b TO a", ab, nil, "error 42703"},
		{"ALTER TABLE px RENAME COLUMN z TO b", ab, nil, "error 0A000"}, // a is text now, b int
	}
	for i, s := range steps {
		if s.ddl != "" {
			mustRun(b, s.ddl)
		}
		got, code := exec(s.st, s.args...)
		if code != "" {
			got = "error " + code
		}
		if got != s.want {
			t.Errorf("step %d (after %q): got %q, want %q", i, s.ddl, got, s.want)
		}
	}
	// The simple protocol re-binds the same text to the new shape.
	if got := mustRun(a, "SELECT * FROM px"); got != "1|fresh|5;tag: SELECT 1" {
		t.Errorf("simple query after the changes: %q", got)
	}
}

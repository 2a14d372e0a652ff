package sql

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/lexer"

	"github.com/drovedb/drove/types"
)

// A prepared data-modifying WITH: its parameters are typed across its parts, its result
// columns are the main query's, and each run runs every part again (the work tables a run
// filled are not read by the next).
func TestModifyingWithPrepared(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	run := func(q string) string {
		t.Helper()
		var out textOutput
		if err := s.Exec(ctx, q, &out); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return strings.Join(out.lines, ";")
	}
	run("CREATE TABLE mw (id int PRIMARY KEY, v text)")
	run("CREATE TABLE mw_log (id int PRIMARY KEY, v text)")
	run("INSERT INTO mw VALUES (1, 'a'), (2, 'b'), (3, 'c')")
	st, err := s.Prepare(ctx, "WITH d AS (DELETE FROM mw WHERE id = $1 RETURNING *), i AS (INSERT INTO mw_log SELECT * FROM d RETURNING v) SELECT v || $2 FROM i", nil)
	if err != nil {
		t.Fatal(err)
	}
	if pt := st.ParamTypes(); len(pt) != 2 || pt[0] != types.Int32 || pt[1] != types.Text {
		t.Fatalf("parameter types %v", pt)
	}
	if cols := st.Columns(); len(cols) != 1 || cols[0].Type != types.Text {
		t.Fatalf("columns %v", cols)
	}
	for i, want := range []string{"a!;tag: SELECT 1", "b!;tag: SELECT 1", "tag: SELECT 0"} {
		id := int64(i + 1)
		if i == 2 {
			id = 1 // already moved
		}
		var out textOutput
		if err := s.ExecPrepared(ctx, st, []types.Value{types.NewInt(types.Int32, id), types.NewText("!")}, &out); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(out.lines, ";"); got != want {
			t.Fatalf("run %d: got %q, want %q", i, got, want)
		}
	}
	if got := run("SELECT * FROM mw_log ORDER BY id"); got != "1|a;2|b;tag: SELECT 2" {
		t.Fatalf("mw_log: %q", got)
	}
	// A change of a part's table binds the statement again.
	run("ALTER TABLE mw ADD COLUMN w int")
	run("ALTER TABLE mw_log ADD COLUMN w int")
	var out textOutput
	if err := s.ExecPrepared(ctx, st, []types.Value{types.NewInt(types.Int32, 3), types.NewText("?")}, &out); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(out.lines, ";"); got != "c?;tag: SELECT 1" {
		t.Fatalf("after ALTER: %q", got)
	}
	// A read-only transaction refuses it, named by its main statement as PostgreSQL does.
	run("BEGIN READ ONLY")
	err = s.Exec(ctx, "WITH d AS (DELETE FROM mw RETURNING *) SELECT * FROM d", &textOutput{})
	var se *Error
	if !errors.As(err, &se) || se.Code != "25006" || se.Message != "cannot execute SELECT in a read-only transaction" {
		t.Fatalf("read-only: %v", err)
	}
	run("ROLLBACK")
}

// modifyingWithBothWays is TestBindFromParser's check of the data-modifying WITH: every golden
// statement beginning with a WITH that writes (a data-modifying WITH query, or INSERT, UPDATE
// or DELETE after WITH) is read by sql/parser and bound from its tree (Statement.modWith), none
// left to the dialect pass but SELECT INTO (ctas.go, whose query is bound from the tree too);
// each that binds binds again from its text, as a re-bind does, to the same columns.
func modifyingWithBothWays(t *testing.T) bothWaysCheck {
	bound, refused := 0, 0
	return bothWaysCheck{words: map[string]bool{"with": true}, compare: func(s *Session, b bothWays) {
		toks, err := lexSQL(b.q)
		if err != nil || !modifyingWithTokens(toks) || b.newErr != nil || len(b.newSts) != 1 {
			return
		}
		st := b.newSts[0]
		if !st.modWith {
			if st.ctas == nil || !st.ctas.into {
				t.Errorf("%s: %s: left to the dialect pass", b.where, b.q)
			}
			return
		}
		p, err := s.bind(st)
		st.plan = nil
		again, err2 := s.bind(st)
		switch {
		case sqlstateOf(err) != sqlstateOf(err2):
			t.Errorf("%s: %s\n bound: %v, bound again: %v", b.where, b.q, err, err2)
		case err != nil:
			refused++
		case !reflect.DeepEqual(p.cols, again.cols):
			t.Errorf("%s: %s\n columns %v, bound again %v", b.where, b.q, p.cols, again.cols)
		default:
			bound++
		}
	}, report: func() {
		t.Logf("of the golden data-modifying WITH statements, %d bind from sql/parser's tree (twice alike), %d are refused alike", bound, refused)
		if bound < 45 {
			t.Errorf("only %d golden data-modifying WITH statements bound", bound)
		}
	}}
}

// TestModifyingWithUnreadQuery: a WITH query that a writing main statement does not read is
// bound (its errors are the statement's, as PostgreSQL analyzes it) but not run; the dialect
// pass's split sent such a statement back to itself until the stack overflowed.
func TestModifyingWithUnreadQuery(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	for _, c := range []struct{ sql, want string }{
		{"CREATE TABLE mu (id int PRIMARY KEY, v text)", "tag: CREATE TABLE"},
		{"WITH x AS (SELECT 1) INSERT INTO mu VALUES (10, 'x') RETURNING *", "10|x;tag: INSERT 0 1"},
		{"WITH x AS (SELECT * FROM nosuch) INSERT INTO mu VALUES (11, 'x')", "42P01"},
		{"WITH x AS (SELECT 1), d AS (DELETE FROM mu WHERE id = 10 RETURNING *) INSERT INTO mu SELECT id + 100, v FROM d RETURNING *", "110|x;tag: INSERT 0 1"},
		{"WITH a AS (WITH x AS (SELECT 1 AS k) INSERT INTO mu SELECT 20 + k, 'q' FROM x RETURNING *) SELECT * FROM a", "21|q;tag: SELECT 1"},
		{"SELECT * FROM mu ORDER BY id", "21|q;110|x;tag: SELECT 2"},
	} {
		var out textOutput
		var got string
		if err := s.Exec(ctx, c.sql, &out); err != nil {
			got = sqlstateOf(err)
		} else {
			got = strings.Join(out.lines, ";")
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.sql, got, c.want)
		}
	}
}

// modifyingWithTokens reports whether a statement's tokens begin a WITH that writes: an
// INSERT, UPDATE or DELETE after a parenthesis (a WITH query's) or after the WITH queries'
// closing one (the main statement).
func modifyingWithTokens(toks []lexer.Token) bool {
	if !toks[0].Is("with") {
		return false
	}
	for i := 1; i < len(toks); i++ {
		if dmlWord(toks[i]) && (toks[i-1].IsPunct("(") || toks[i-1].IsPunct(")")) {
			return true
		}
	}
	return false
}

// dmlWord reports whether t starts an INSERT, UPDATE or DELETE.
func dmlWord(t lexer.Token) bool { return t.Is("insert") || t.Is("update") || t.Is("delete") }

package sql

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// Text built from a client's numbers is bounded as PostgreSQL bounds it, before it is
// allocated: format()'s width past MaxAllocSize is 54000 "out of memory" (StringInfo's), a
// to_char/to_number/to_date picture of 64 MiB or more is 54000 (PostgreSQL's palloc of its
// nodes fails). drove used to build format('%2000000000s', 'x') (2 GB) and parse a 400 MB
// picture for minutes, holding gigabytes.
func TestTextBuildLimits(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	for _, c := range []struct{ q, detail string }{
		{"SELECT format('%2000000000s', 'x')", "Cannot enlarge string buffer containing 0 bytes by 1999999999 more bytes."},
		{"SELECT format('ab%-2000000000s', 'x')", "Cannot enlarge string buffer containing 3 bytes by 1999999999 more bytes."},
		{"SELECT format('%*s', 1073741824, 'x')", "Cannot enlarge string buffer containing 0 bytes by 1073741823 more bytes."},
		{"SELECT to_char(1, repeat('9', 67108863))", ""},
		{"SELECT to_char(now(), repeat('Y', 67108863))", ""},
		{"SELECT to_char(interval '1 day', repeat('D', 67108863))", ""},
		{"SELECT to_number('1', repeat('9', 67108863))", ""},
		{"SELECT to_date('1', repeat('D', 67108863))", ""},
		{"SELECT to_timestamp('1', repeat('D', 67108863))", ""},
	} {
		err := s.Exec(context.Background(), c.q, discard{})
		var e *Error
		if !errors.As(err, &e) || e.Code != "54000" || e.Detail != c.detail {
			t.Errorf("%s: got %v, want 54000 (detail %q)", c.q, err, c.detail)
		}
	}
	// just under the limits the answers are PostgreSQL's
	var out cursorCounter
	for _, q := range []string{
		"SELECT length(format('%10s|%-3s|', 'x', 'y'))",
		"SELECT to_char(1234, 'FM9,999')",
	} {
		mustExecOut(t, s, q, out.reset())
		if out.rows != 1 {
			t.Errorf("%s: %d rows", q, out.rows)
		}
	}
}

// A function takes at most 100 arguments (FUNC_MAX_ARGS, 54023); COALESCE, GREATEST and
// LEAST are expressions in PostgreSQL's grammar and take any number.
func TestFuncMaxArgs(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	args := func(n int) string { return strings.TrimSuffix(strings.Repeat("1,", n), ",") }
	for _, f := range []string{"jsonb_build_array", "concat", "json_build_object"} {
		err := s.Exec(context.Background(), "SELECT "+f+"("+args(101)+")", discard{})
		var e *Error
		if !errors.As(err, &e) || e.Code != "54023" || e.Message != "cannot pass more than 100 arguments to a function" {
			t.Errorf("%s of 101 arguments: got %v, want 54023", f, err)
		}
	}
	var out cursorCounter
	for _, q := range []string{"SELECT concat(" + args(100) + ")", "SELECT coalesce(" + args(1000) + ")",
		"SELECT greatest(" + args(1000) + ")", "SELECT least(" + args(1000) + ")"} {
		mustExecOut(t, s, q, out.reset())
		if out.rows != 1 {
			t.Errorf("%.30s...: %d rows", q, out.rows)
		}
	}
}

// A table has at most 1600 columns (54011), made by CREATE TABLE or ALTER TABLE ADD COLUMN.
func TestTableMaxColumns(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	cols := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("c" + strconv.Itoa(i) + " int")
		}
		return b.String()
	}
	code := func(q string) string {
		var e *Error
		if err := s.Exec(context.Background(), q, discard{}); errors.As(err, &e) {
			return e.Code + " " + e.Message
		} else if err != nil {
			return err.Error()
		}
		return ""
	}
	const want = "54011 tables can have at most 1600 columns"
	if got := code("CREATE TABLE wide (" + cols(1601) + ")"); got != want {
		t.Errorf("CREATE TABLE of 1601 columns: %q", got)
	}
	if got := code("CREATE TEMP TABLE wide (" + cols(1601) + ")"); got != want {
		t.Errorf("CREATE TEMP TABLE of 1601 columns: %q", got)
	}
	mustExec(t, s, "CREATE TABLE wide ("+cols(1600)+")")
	if got := code("ALTER TABLE wide ADD COLUMN extra int"); got != want {
		t.Errorf("ADD COLUMN as the 1601st: %q", got)
	}
}

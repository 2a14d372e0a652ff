package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// COPY's table without a schema is the one search_path finds, as PostgreSQL 15 answers:
// the temporary table where pg_temp comes first (implicitly or not), public's where public
// comes before it, none where the path has no public (golden files cannot run COPY's data).
func TestCopySearchPath(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE sc (a int)")
	execOK(t, s, "INSERT INTO sc VALUES (1)")
	execOK(t, s, "CREATE TEMP TABLE sc (a int)")
	execOK(t, s, "INSERT INTO sc VALUES (2)")
	steps := []struct{ sql, in, out, code string }{
		{sql: "COPY sc TO STDOUT", out: "2\n"},
		{sql: "SET search_path = public, pg_temp"},
		{sql: "COPY sc TO STDOUT", out: "1\n"},
		{sql: "COPY sc FROM STDIN", in: "5\n"},
		{sql: "COPY public.sc TO STDOUT", out: "1\n5\n"},
		{sql: "SET search_path = foo"},
		{sql: "COPY sc TO STDOUT", out: "2\n"},
		{sql: "COPY public.sc TO STDOUT", out: "1\n5\n"},
		{sql: "DROP TABLE pg_temp.sc"},
		{sql: "COPY sc TO STDOUT", code: "42P01"},
		{sql: "COPY sc FROM STDIN", in: "6\n", code: "42P01"},
		{sql: "COPY pg_temp.sc TO STDOUT", code: "42P01"},
	}
	for _, st := range steps {
		io := &copyIO{in: strings.NewReader(st.in)}
		err := s.Exec(ctx, st.sql, io)
		var e *Error
		switch {
		case st.code != "" && (!errors.As(err, &e) || e.Code != st.code):
			t.Errorf("%s: %v, want %s", st.sql, err, st.code)
		case st.code == "" && err != nil:
			t.Errorf("%s: %v", st.sql, err)
		case io.out.String() != st.out:
			t.Errorf("%s wrote %q, want %q", st.sql, io.out.String(), st.out)
		}
	}
}

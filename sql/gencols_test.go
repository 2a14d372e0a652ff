package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// COPY FROM computes a generated column, COPY TO leaves it out, and a list naming one is
// refused either way (42P10), as PostgreSQL 15's COPY does.
func TestGeneratedColumnCopy(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE g (a int PRIMARY KEY, b int, c int GENERATED ALWAYS AS (a * 2) STORED CHECK (c < 100))")
	if err := s.Exec(ctx, "COPY g FROM STDIN", &copyIO{in: strings.NewReader("1\t10\n2\t20\n")}); err != nil {
		t.Fatalf("COPY g FROM STDIN: %v", err)
	}
	if err := s.Exec(ctx, "COPY g (b, a) FROM STDIN", &copyIO{in: strings.NewReader("30\t3\n")}); err != nil {
		t.Fatalf("COPY g (b, a) FROM STDIN: %v", err)
	}
	err := s.Exec(ctx, "COPY g FROM STDIN", &copyIO{in: strings.NewReader("60\t1\n")})
	if sqlState(err) != "23514" {
		t.Errorf("COPY of a row whose computed value fails the CHECK: %v, want 23514", err)
	}
	out := &textOutput{}
	if err := s.Exec(ctx, "SELECT * FROM g ORDER BY a", out); err != nil {
		t.Fatal(err)
	}
	if got, want := rowsOf(out), "1|10|2;2|20|4;3|30|6"; got != want {
		t.Errorf("rows after COPY: %q, want %q", got, want)
	}
	cio := &copyIO{}
	if err := s.Exec(ctx, "COPY g TO STDOUT", cio); err != nil {
		t.Fatal(err)
	}
	if got, want := cio.out.String(), "1\t10\n2\t20\n3\t30\n"; got != want {
		t.Errorf("COPY g TO STDOUT: %q, want %q", got, want)
	}
	for _, q := range []string{"COPY g (a, c) FROM STDIN", "COPY g (c) TO STDOUT"} {
		err := s.Exec(ctx, q, &copyIO{in: strings.NewReader("4\t8\n")})
		var e *Error
		if !errors.As(err, &e) || e.Code != "42P10" || e.Message != `column "c" is a generated column` ||
			e.Detail != "Generated columns cannot be used in COPY." {
			t.Errorf("%s: %#v, want 42P10", q, err)
		}
	}
}

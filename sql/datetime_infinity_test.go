package sql

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// Date and timestamp infinities in expressions, as PostgreSQL 15 evaluates them: they sort
// around every value, equal each other across the two types (also as a key), stay infinite
// through date ± integer and casts, and make date - date an error.
func TestInfinityExpressions(t *testing.T) {
	runQueryCases(t, "CREATE TABLE d (k date PRIMARY KEY, t timestamp); CREATE INDEX d_t ON d (t); "+
		"INSERT INTO d VALUES ('infinity', '-infinity'), ('-infinity', 'infinity'), ('2024-01-02', '2024-01-02 10:00')", []queryCase{
		{"SELECT k FROM d ORDER BY k", "-infinity\n2024-01-02\ninfinity\ntag: SELECT 3"},
		{"SELECT t FROM d ORDER BY t", "-infinity\n2024-01-02 10:00:00\ninfinity\ntag: SELECT 3"},
		{"SELECT min(k), max(t) FROM d", "-infinity|infinity\ntag: SELECT 1"},
		{"SELECT t FROM d WHERE k = 'infinity'::timestamp", "-infinity\ntag: SELECT 1"},
		{"SELECT k FROM d WHERE t = '-infinity'::date", "infinity\ntag: SELECT 1"},
		{"SELECT k FROM d WHERE k < '5874897-12-31'::date ORDER BY k", "-infinity\n2024-01-02\ntag: SELECT 2"},
		{"SELECT k::timestamp, t::date FROM d WHERE k = '-infinity'", "-infinity|infinity\ntag: SELECT 1"},
		{"SELECT 'infinity'::date = 'infinity'::timestamp, '-infinity'::timestamp < '4714-11-24 BC'::date", "t|t\ntag: SELECT 1"},
		{"SELECT 'infinity'::date > '5874897-12-31'::date, '-infinity'::date < '4714-11-24 BC'::date", "t|t\ntag: SELECT 1"},
		{"SELECT 'infinity'::date - 5, 3 + '-infinity'::date, '-infinity'::date + 7", "infinity|-infinity|-infinity\ntag: SELECT 1"},
		{"SELECT 'infinity'::date - '2024-01-02'::date", "error 22008"},
		{"SELECT '-infinity'::date - '-infinity'::date", "error 22008"},
		{"SELECT isfinite(k), isfinite(t) FROM d ORDER BY k", "f|f\nt|t\nf|f\ntag: SELECT 3"},
		// isfinite has date/time and interval overloads: an untyped literal is ambiguous, as
		// in PostgreSQL 15.
		{"SELECT isfinite('infinity')", "error 42725"},
		{"SELECT isfinite('infinity'::timestamptz)", "f\ntag: SELECT 1"},
		{"SELECT isfinite(1)", "error 42883"},
		{"SELECT 'INFINITY'::date::text || '/' || ' -infinity '::timestamp::text", "infinity/-infinity\ntag: SELECT 1"},
		{"SELECT '+infinity'::date", "error 22007"},
		{"SELECT '294247-01-10 04:00:54.775807'::timestamp", "error 22008"}, // infinity's microsecond
	})
}

// copyIO feeds COPY FROM its input and keeps what COPY TO writes.
type copyIO struct {
	discard
	in  io.Reader
	out bytes.Buffer
}

func (c *copyIO) CopyIn(int, bool) (io.Reader, error)  { return c.in, nil }
func (c *copyIO) CopyOut(int, bool) (io.Writer, error) { return &c.out, nil }

// COPY reads and writes the infinities as text.
func TestInfinityCopy(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE c (id int PRIMARY KEY, d date, t timestamp)")
	in := "1\tinfinity\t-infinity\n2\t-Infinity\t INFINITY \n3\t2024-01-02\t2024-01-02 10:00:00\n"
	if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader(in)}); err != nil {
		t.Fatal(err)
	}
	out := &copyIO{}
	if err := s.Exec(ctx, "COPY c TO STDOUT", out); err != nil {
		t.Fatal(err)
	}
	want := "1\tinfinity\t-infinity\n2\t-infinity\tinfinity\n3\t2024-01-02\t2024-01-02 10:00:00\n"
	if out.out.String() != want {
		t.Errorf("COPY TO wrote %q, want %q", out.out.String(), want)
	}
	if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader("4\t+infinity\t\\N\n")}); sqlState(err) != "22007" {
		t.Errorf("COPY of +infinity: %v, want 22007", err)
	}
}

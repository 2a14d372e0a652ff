package sql

import (
	"context"
	"strings"
	"testing"
)

// A typed literal's column is named after its type, as in PostgreSQL (and arrays.sql's casts
// and slices): DATE, TIME and
// TIMESTAMP literals were vitess's, which named them ?column? (PostgreSQL's date.sql and
// timestamp.sql print these headers).
func TestTypedLiteralColumnNames(t *testing.T) {
	checkColumnNames(t, map[string]string{
		"SELECT date '1999-01-08', time '04:05:06', timestamp '1999-01-08 04:05:06'":            "date,time,timestamp",
		"SELECT timestamp without time zone '1999-01-08', time without time zone '04:05'":       "timestamp,time",
		"SELECT timestamp with time zone '1999-01-08 00:00+00', time with time zone '04:05+02'": "timestamptz,timetz",
		// a cast to an array is named for the element type; a slice for what it slices
		"SELECT '{1 day}'::interval[], '{1}'::float8[], '{t}'::bool[], '{2020-01-01}'::date[]": "interval,float8,bool,date",
		"SELECT a[1:2], a[:1], a[2:], a[1] FROM (SELECT ARRAY[1, 2] a) s":                      "a,a,a,a",
	})
}

// checkColumnNames runs each query of cases in a new session and compares its result's
// column names, joined by commas, with the case's.
func checkColumnNames(t *testing.T, cases map[string]string) {
	t.Helper()
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for sql, want := range cases {
		out := &columnsOutput{}
		if err := s.Exec(context.Background(), sql, out); err != nil {
			t.Errorf("%s: %v", sql, err)
			continue
		}
		if got := strings.Join(out.names(), ","); got != want {
			t.Errorf("%s: columns %s, want %s", sql, got, want)
		}
	}
}

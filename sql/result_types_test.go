package sql

import (
	"context"
	"testing"

	"github.com/drovedb/drove/types"
)

// The result columns' types are PostgreSQL 15's (the golden files compare only the text of
// values): each case was a disagreement the differential tests found.
func TestResultColumnTypes(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE rt (id int PRIMARY KEY, d date, ts timestamp, n numeric)")
	execOK(t, s, "INSERT INTO rt VALUES (1, '2020-01-01', NULL, NULL)")
	cases := []struct {
		sql  string
		want []types.Type
	}{
		{"SELECT ntile(2) OVER (ORDER BY id), row_number() OVER (), rank() OVER (ORDER BY id) FROM rt",
			[]types.Type{types.Int32, types.Int64, types.Int64}},
		{"SELECT COALESCE(d, ts), COALESCE(ts, d), CASE WHEN id = 1 THEN d ELSE ts END, greatest(d, ts) FROM rt",
			[]types.Type{types.Timestamp, types.Timestamp, types.Timestamp, types.Timestamp}},
		{"SELECT COALESCE(d, TIMESTAMPTZ '2020-01-01 00:00+00'), COALESCE(n, 0), COALESCE(id, 1.5::float8) FROM rt",
			[]types.Type{types.Timestamptz, types.Numeric, types.Float64}},
		{"SELECT substring('abc'::bytea FROM 2), substring('abc' FROM 2)", []types.Type{types.Bytea, types.Text}},
	}
	for _, c := range cases {
		out := &columnsOutput{}
		if err := s.Exec(context.Background(), c.sql, out); err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if len(out.cols) != len(c.want) {
			t.Errorf("%s: %d columns, want %d", c.sql, len(out.cols), len(c.want))
			continue
		}
		for i, w := range c.want {
			if out.cols[i].Type != w {
				t.Errorf("%s: column %d is %v, want %v", c.sql, i+1, out.cols[i].Type, w)
			}
		}
	}
}

package sql

import (
	"context"
	"testing"

	"github.com/drovedb/drove/types"
)

type columnTypes struct {
	textOutput
	types []types.Type
}

func (o *columnTypes) Columns(cols []Column) error {
	for _, c := range cols {
		o.types = append(o.types, c.Type)
	}
	return nil
}

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
		out := &columnTypes{}
		if err := s.Exec(context.Background(), c.sql, out); err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if len(out.types) != len(c.want) {
			t.Errorf("%s: %d columns, want %d", c.sql, len(out.types), len(c.want))
			continue
		}
		for i, w := range c.want {
			if out.types[i] != w {
				t.Errorf("%s: column %d is %v, want %v", c.sql, i+1, out.types[i], w)
			}
		}
	}
}

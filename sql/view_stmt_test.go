package sql

import (
	"errors"
	"slices"
	"testing"
)

// TestParseViewStmt: CREATE [OR REPLACE] VIEW, DROP VIEW and ALTER VIEW RENAME as
// PostgreSQL's grammar reads them; the query is kept as its text, from after the AS.
func TestParseViewStmt(t *testing.T) {
	tests := []struct {
		sql      string
		want     viewStmt
		wantCode string
	}{
		{sql: "CREATE VIEW v AS SELECT 1", want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT 1"}},
		{sql: "create or replace view public.V (a, \"B\") as select x as y from t",
			want: viewStmt{verb: "create", names: []string{"v"}, replace: true, cols: []string{"a", "B"}, query: "select x as y from t"}},
		{sql: "CREATE VIEW v AS (SELECT 1) UNION SELECT 2", want: viewStmt{verb: "create", names: []string{"v"}, query: "(SELECT 1) UNION SELECT 2"}},
		{sql: "DROP VIEW IF EXISTS a, b CASCADE", want: viewStmt{verb: "drop", names: []string{"a", "b"}, ifExists: true, cascade: true}},
		{sql: "DROP VIEW a RESTRICT", want: viewStmt{verb: "drop", names: []string{"a"}}},
		{sql: "ALTER VIEW a RENAME TO b", want: viewStmt{verb: "rename", names: []string{"a"}, newName: "b"}},
		{sql: "CREATE TEMP VIEW v AS SELECT 1", wantCode: "0A000"},
		{sql: "CREATE RECURSIVE VIEW v (a) AS SELECT 1", wantCode: "0A000"},
		{sql: "CREATE VIEW v WITH (security_barrier) AS SELECT 1", wantCode: "0A000"},
		{sql: "CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION", wantCode: "0A000"},
		{sql: "CREATE VIEW v SELECT 1", wantCode: "42601"},
		{sql: "CREATE VIEW v AS", wantCode: "42601"},
		{sql: "CREATE VIEW other.v AS SELECT 1", wantCode: "0A000"},
		{sql: "ALTER VIEW a OWNER TO b", wantCode: "0A000"},
		{sql: "DROP VIEW a b", wantCode: "42601"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			pieces, err := splitAndRewrite(tt.sql)
			if err != nil {
				t.Fatal(err)
			}
			if !isViewStmt(pieces[0].words) {
				t.Fatal("not recognized")
			}
			st, err := parseViewStmt(pieces[0].orig)
			if tt.wantCode != "" {
				var e *Error
				if !errors.As(err, &e) || e.Code != tt.wantCode {
					t.Fatalf("got %v, want SQLSTATE %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			w := tt.want
			if st.verb != w.verb || !slices.Equal(st.names, w.names) || st.replace != w.replace || !slices.Equal(st.cols, w.cols) ||
				st.query != w.query || st.ifExists != w.ifExists || st.cascade != w.cascade || st.newName != w.newName {
				t.Fatalf("got %+v, want %+v", *st, w)
			}
		})
	}
}

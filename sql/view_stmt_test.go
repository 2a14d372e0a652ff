package sql

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// TestParseViewStmt: CREATE [OR REPLACE] VIEW (read by sql/parser, view_tree.go) as
// PostgreSQL's grammar reads it; the query is kept as its text, from after the AS to its last
// token.
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
		{sql: "CREATE TEMP VIEW v AS SELECT 1", want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT 1", temp: true}},
		{sql: "CREATE RECURSIVE VIEW v (a) AS SELECT 1", want: viewStmt{verb: "create", names: []string{"v"}, cols: []string{"a"},
			query: "WITH RECURSIVE v (a) AS (SELECT 1) SELECT a FROM v"}},
		{sql: `CREATE OR REPLACE RECURSIVE VIEW "V w" (n, "N") AS VALUES (1)`, want: viewStmt{verb: "create", names: []string{"V w"}, replace: true,
			cols: []string{"n", "N"}, query: `WITH RECURSIVE "V w" (n, "N") AS (VALUES (1)) SELECT n, "N" FROM "V w"`}},
		{sql: "CREATE RECURSIVE VIEW v AS SELECT 1", wantCode: "42601"},
		{sql: "CREATE VIEW v WITH (security_barrier) AS SELECT 1", wantCode: "0A000"},
		{sql: "CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION", want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT a FROM t", check: "cascaded"}},
		{sql: "CREATE VIEW v AS SELECT a FROM t WHERE a > 0 with local check option",
			want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT a FROM t WHERE a > 0", check: "local"}},
		{sql: "CREATE VIEW v AS SELECT a FROM t WITH CASCADED CHECK OPTION", want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT a FROM t", check: "cascaded"}},
		{sql: "CREATE VIEW v AS SELECT a FROM t LOCAL CHECK OPTION", wantCode: "42601"},
		{sql: "CREATE VIEW v AS WITH CHECK OPTION", wantCode: "42601"},
		{sql: "CREATE VIEW v SELECT 1", wantCode: "42601"},
		{sql: "CREATE VIEW v AS", wantCode: "42601"},
		{sql: "CREATE VIEW v AS SELECT 1 -- a comment\n;", want: viewStmt{verb: "create", names: []string{"v"}, query: "SELECT 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			sts, err := parseStatements(tt.sql, func() error { return nil })
			var st *viewStmt
			if err == nil {
				if st = sts[0].view; st == nil {
					t.Fatal("not read as a view statement")
				}
			}
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
				st.query != w.query || st.ifExists != w.ifExists || st.newName != w.newName || st.check != w.check || st.temp != w.temp {
				t.Fatalf("got %+v, want %+v", *st, w)
			}
		})
	}
}

// The messages of writes through views, as PostgreSQL 15 words them (the golden files compare
// SQLSTATEs only).
func TestViewCheckOptionMessages(t *testing.T) {
	setup := `CREATE TABLE t (id int PRIMARY KEY, name text, qty int);
		INSERT INTO t VALUES (1, 'a', 5);
		CREATE VIEW v AS SELECT id, qty FROM t WHERE qty > 0 WITH LOCAL CHECK OPTION;
		CREATE TABLE b (id int PRIMARY KEY, x int, y text);
		CREATE VIEW b0 AS SELECT id, x, y FROM b WHERE x > 0;
		CREATE VIEW b1 AS SELECT id AS k, x, y FROM b0 WHERE x < 100 WITH LOCAL CHECK OPTION;
		CREATE VIEW b2 AS SELECT k, x FROM b1 WHERE k < 50 WITH CASCADED CHECK OPTION;
		CREATE VIEW c1 AS SELECT id FROM t; CREATE VIEW c2 AS SELECT id FROM c1;
		CREATE OR REPLACE VIEW c1 AS SELECT id FROM c2`
	cases := []struct {
		sql, code, msg, detail, hint string
	}{
		{"INSERT INTO v VALUES (2, 0)", "44000", `new row violates check option for view "v"`, "Failing row contains (2, null, 0).", ""},
		{"UPDATE v SET qty = NULL", "44000", `new row violates check option for view "v"`, "Failing row contains (1, a, null).", ""},
		// The innermost failing view is named, as PostgreSQL checks from the table up.
		{"INSERT INTO b2 VALUES (60, 200)", "44000", `new row violates check option for view "b1"`, "Failing row contains (60, 200, null).", ""},
		{"INSERT INTO b2 VALUES (60, -1)", "44000", `new row violates check option for view "b0"`, "Failing row contains (60, -1, null).", ""},
		{"UPDATE c1 SET id = 1", "42P17", `infinite recursion detected in rules for relation "c1"`, "", ""},
		{"CREATE VIEW g AS SELECT qty FROM t GROUP BY qty WITH CHECK OPTION", "0A000",
			"WITH CHECK OPTION is supported only on automatically updatable views",
			"", "Views containing DISTINCT, GROUP BY, HAVING, LIMIT, WITH, aggregates or window functions are not automatically updatable."},
	}
	for _, tc := range cases {
		t.Run(tc.sql, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			execOK(t, s, setup)
			err := s.Exec(context.Background(), tc.sql, &textOutput{})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail || e.Hint != tc.hint {
				t.Fatalf("got %s %q detail %q hint %q", e.Code, e.Message, e.Detail, e.Hint)
			}
		})
	}
}

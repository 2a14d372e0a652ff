package sql

import (
	"errors"
	"testing"
)

// TestParsePrepareStmt: PREPARE, EXECUTE and DEALLOCATE as sql/parser reads them (command_tree.go),
// with its SQLSTATEs for what it refuses.
func TestParsePrepareStmt(t *testing.T) {
	tests := []struct {
		sql      string
		verb     string
		name     string
		ntypes   int
		query    string
		nargs    int
		wantCode string
	}{
		{sql: "PREPARE p AS SELECT 1", verb: "prepare", name: "p", query: "SELECT 1"},
		{sql: `PREPARE "P" (int, double precision, varchar(3)) AS SELECT $1`, verb: "prepare", name: "P", ntypes: 3, query: "SELECT $1"},
		{sql: "PREPARE transaction AS SELECT 1", verb: "prepare", name: "transaction", query: "SELECT 1"},
		{sql: "PREPARE TRANSACTION 'x'", wantCode: "0A000"},
		{sql: "PREPARE p SELECT 1", wantCode: "42601"},
		{sql: "PREPARE p AS", wantCode: "42601"},
		{sql: "PREPARE p (nosuchtype) AS SELECT 1", wantCode: "42704"},
		{sql: "EXECUTE p", verb: "execute", name: "p"},
		{sql: "EXECUTE p (1, 'a', 2 + 3)", verb: "execute", name: "p", nargs: 3},
		{sql: "EXECUTE p 1", wantCode: "42601"},
		{sql: "EXECUTE p (1 AS a)", wantCode: "42601"},
		{sql: "DEALLOCATE p", verb: "deallocate", name: "p"},
		{sql: "DEALLOCATE PREPARE p", verb: "deallocate", name: "p"},
		{sql: "DEALLOCATE ALL", verb: "deallocate"},
		{sql: `DEALLOCATE "all"`, verb: "deallocate", name: "all"},
		{sql: "DEALLOCATE p q", wantCode: "42601"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			sts, err := parseStatements(tt.sql, func() error { return nil })
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
			st := sts[0].prep
			if st == nil {
				t.Fatal("not read into the tree")
			}
			query := ""
			if st.inner != nil {
				query = spanText(st.inner.src, st.inner.toks)
			}
			if st.verb != tt.verb || st.name != tt.name || len(st.types) != tt.ntypes || query != tt.query || len(st.args) != tt.nargs {
				t.Fatalf("got %+v", st)
			}
		})
	}
}

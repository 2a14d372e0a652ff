package sql

import (
	"reflect"
	"testing"
)

func TestParseTablespaceStatements(t *testing.T) {
	cases := []struct {
		sql  string
		want *tablespaceStmt
		code string // SQLSTATE when parsing fails
	}{
		{sql: "CREATE TABLESPACE 'ts1'", want: &tablespaceStmt{create: true, name: "ts1"}},
		{sql: "create tablespace ts1", want: &tablespaceStmt{create: true, name: "ts1"}},
		{sql: `CREATE TABLESPACE "Mixed"`, want: &tablespaceStmt{create: true, name: "Mixed"}},
		{sql: "CREATE TABLESPACE IF NOT EXISTS 'ts1'", want: &tablespaceStmt{create: true, name: "ts1", ifExists: true}},
		{sql: "CREATE TABLESPACE 'ts1','leader:n1','replica:n1, n2','expectedreplicacount:2','wait:1000'",
			want: &tablespaceStmt{create: true, name: "ts1", opts: TablespaceOptions{
				Leader: "n1", Replicas: []string{"n1", "n2"}, ExpectedReplicas: 2}}},
		{sql: "DROP TABLESPACE 'ts1'", want: &tablespaceStmt{name: "ts1"}},
		{sql: "DROP TABLESPACE IF EXISTS ts1", want: &tablespaceStmt{name: "ts1", ifExists: true}},
		{sql: "CREATE TABLESPACE", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1' 'x:1'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'nocolon'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'color:blue'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:zero'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'wait:soon'", code: "22023"},
		{sql: "DROP TABLESPACE 'ts1', 'leader:n1'", code: "42601"},
		{sql: "DROP TABLESPACE 'unterminated", code: "42601"},
	}
	for _, c := range cases {
		t.Run(c.sql, func(t *testing.T) {
			pieces, err := splitAndRewrite(c.sql)
			var got *tablespaceStmt
			if err == nil {
				if len(pieces) != 1 || !isTablespaceStmt(pieces[0].words) {
					t.Fatalf("not recognized as a tablespace statement: %+v", pieces)
				}
				got, err = parseTablespaceStmt(pieces[0].sql)
			}
			if c.code != "" {
				if e, ok := err.(*Error); !ok || e.Code != c.code {
					t.Fatalf("got %v (%v), want SQLSTATE %s", got, err, c.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

package sql

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestParseTablespaceStatements(t *testing.T) {
	create := func(name string, opts TablespaceOptions) *tablespaceStmt {
		return &tablespaceStmt{verb: "CREATE", name: name, opts: opts}
	}
	alter := func(opts TablespaceOptions) *tablespaceStmt {
		return &tablespaceStmt{verb: "ALTER", name: "ts1", opts: opts}
	}
	cases := []struct {
		sql  string
		want *tablespaceStmt
		code string // SQLSTATE when parsing fails
	}{
		{sql: "CREATE TABLESPACE 'ts1'", want: create("ts1", TablespaceOptions{})},
		{sql: "create tablespace ts1", want: create("ts1", TablespaceOptions{})},
		{sql: `CREATE TABLESPACE "Mixed"`, want: create("Mixed", TablespaceOptions{})},
		{sql: "CREATE TABLESPACE IF NOT EXISTS 'ts1'", want: &tablespaceStmt{verb: "CREATE", name: "ts1", ifExists: true}},
		{sql: "CREATE TABLESPACE 'ts1','leader:n1','replica:n1, n2','expectedreplicacount:2','wait:1000'",
			want: create("ts1", TablespaceOptions{Leader: "n1", Replicas: []string{"n1", "n2"}, ExpectedReplicas: 2,
				Given: OptLeader | OptReplicas | OptExpectedReplicas})},
		{sql: "CREATE TABLESPACE 'ts1','replica:n1,n2,n3','expectedreplicacount:3','leader:n1'",
			want: create("ts1", TablespaceOptions{Leader: "n1", Replicas: []string{"n1", "n2", "n3"}, ExpectedReplicas: 3,
				Given: OptLeader | OptReplicas | OptExpectedReplicas})},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:5'", // the cluster picks the replicas
			want: create("ts1", TablespaceOptions{ExpectedReplicas: 5, Given: OptExpectedReplicas})},
		{sql: "CREATE TABLESPACE 'ts1', ' Leader : n2 '", want: create("ts1", TablespaceOptions{Leader: "n2", Given: OptLeader})},
		{sql: "CREATE TABLESPACE 'ts1', 'maxleaderinactivitytime:30000'",
			want: create("ts1", TablespaceOptions{MaxLeaderInactivity: 30 * time.Second, Given: OptMaxLeaderInactivity})},
		{sql: "ALTER TABLESPACE 'ts1','replica:n1,n2,n3'",
			want: alter(TablespaceOptions{Replicas: []string{"n1", "n2", "n3"}, Given: OptReplicas})},
		{sql: "ALTER TABLESPACE ts1, 'expectedreplicacount:2'", want: alter(TablespaceOptions{ExpectedReplicas: 2, Given: OptExpectedReplicas})},
		{sql: "ALTER TABLESPACE 'ts1','leader:n2'", want: alter(TablespaceOptions{Leader: "n2", Given: OptLeader})},
		{sql: "alter tablespace 'ts1', 'replica:n1,n2', 'leader:n2', 'expectedreplicacount:2', 'maxleaderinactivitytime:0'",
			want: alter(TablespaceOptions{Leader: "n2", Replicas: []string{"n1", "n2"}, ExpectedReplicas: 2,
				Given: OptLeader | OptReplicas | OptExpectedReplicas | OptMaxLeaderInactivity})},
		{sql: "DROP TABLESPACE 'ts1'", want: &tablespaceStmt{verb: "DROP", name: "ts1"}},
		{sql: "DROP TABLESPACE IF EXISTS ts1", want: &tablespaceStmt{verb: "DROP", name: "ts1", ifExists: true}},
		{sql: "DROP NODE 'node-ab12'", want: &tablespaceStmt{verb: "DROP", node: true, name: "node-ab12"}},
		{sql: "drop node if exists n2", want: &tablespaceStmt{verb: "DROP", node: true, name: "n2", ifExists: true}},

		{sql: "CREATE TABLESPACE", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1' 'x:1'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'nocolon'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'color:blue'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:zero'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:0'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:-1'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'replica:n1,n2', 'expectedreplicacount:3'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'expectedreplicacount:3', 'replica:n1'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'replica:n1,n2', 'leader:n3'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'replica:n1,n1'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'replica:'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'replica: , '", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'leader:'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'leader:n1', 'leader:n2'", code: "42601"},
		{sql: "CREATE TABLESPACE 'ts1', 'wait:soon'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'maxleaderinactivitytime:-5'", code: "22023"},
		{sql: "CREATE TABLESPACE 'ts1', 'maxleaderinactivitytime:99999999999999999999'", code: "22023"},
		{sql: "ALTER TABLESPACE 'ts1'", code: "42601"},
		{sql: "ALTER TABLESPACE", code: "42601"},
		{sql: "ALTER TABLESPACE IF EXISTS 'ts1', 'leader:n1'", code: "42601"},
		{sql: "ALTER TABLESPACE 'ts1', 'wait:100'", code: "22023"},
		{sql: "ALTER TABLESPACE 'ts1', 'size:100'", code: "22023"},
		{sql: "ALTER TABLESPACE 'ts1', 'replica:n1', 'replica:n2'", code: "42601"},
		{sql: "ALTER TABLESPACE 'ts1', 'replica:n1', 'expectedreplicacount:2'", code: "22023"},
		{sql: "ALTER TABLESPACE 'ts1', 'leader:n2', 'replica:n1,n3'", code: "22023"},
		{sql: "ALTER TABLESPACE 'ts1' 'leader:n2'", code: "42601"},
		{sql: "ALTER TABLESPACE 'ts1', leader", code: "42601"},
		{sql: "DROP TABLESPACE 'ts1', 'leader:n1'", code: "42601"},
		{sql: "DROP TABLESPACE 'unterminated", code: "42601"},
		{sql: "DROP NODE", code: "42601"},
		{sql: "DROP NODE 'n1', 'x:y'", code: "42601"},
	}
	for _, c := range cases {
		t.Run(c.sql, func(t *testing.T) {
			got, err := parsedTablespaceStmt(c.sql)
			if c.code != "" {
				if e, ok := err.(*Error); !ok || e.Code != c.code {
					t.Fatalf("got %+v (%v), want SQLSTATE %s", got, err, c.code)
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

// parsedTablespaceStmt is the tablespace statement the session makes of q (sql/parser's
// tree, ddl_tree.go), or its error.
func parsedTablespaceStmt(q string) (*tablespaceStmt, error) {
	sts, err := parseStatements(q, func() error { return nil })
	if err != nil {
		return nil, err
	}
	if len(sts) != 1 || sts[0].tsStmt == nil {
		return nil, fmt.Errorf("not read as one tablespace statement: %+v", sts)
	}
	return sts[0].tsStmt, nil
}

// The errors name what is wrong, so a user can fix the statement from the message alone.
func TestTablespaceOptionErrorMessages(t *testing.T) {
	cases := []struct{ sql, msg, hint string }{
		{"CREATE TABLESPACE 'ts1', 'color:blue'", `unrecognized tablespace option "color"`, tablespaceOptionHint},
		{"ALTER TABLESPACE 'ts1', 'replica:n1,n2', 'expectedreplicacount:3'",
			"expectedreplicacount:3 is more than the 2 replicas given in 'replica:n1,n2'", ""},
		{"ALTER TABLESPACE 'ts1', 'replica:n1,n2', 'leader:n3'", `leader "n3" is not one of the replicas given in 'replica:n1,n2'`, ""},
		{"ALTER TABLESPACE 'ts1'", "ALTER TABLESPACE needs at least one option, as in ALTER TABLESPACE 'ts1','leader:node'", ""},
		{"ALTER TABLESPACE 'ts1', 'leader:n1', 'leader:n2'", "conflicting or redundant options: leader is given twice", ""},
	}
	for _, c := range cases {
		_, err := parsedTablespaceStmt(c.sql)
		e, ok := err.(*Error)
		if !ok || e.Message != c.msg || e.Hint != c.hint {
			t.Errorf("%s: got %#v, want message %q hint %q", c.sql, err, c.msg, c.hint)
		}
	}
}

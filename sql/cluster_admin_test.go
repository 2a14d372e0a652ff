package sql

import (
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fakeNode is a Node with a scripted cluster: it records what sessions ask of it.
type fakeNode struct {
	altered   []TablespaceOptions
	created   []TablespaceOptions
	removed   []string
	nodes     []NodeInfo
	replicas  map[string][]ReplicaState
	spaces    []TablespaceInfo
	superuser string
}

func (n *fakeNode) ID() string      { return "n1" }
func (n *fakeNode) Address() string { return "127.0.0.1:5433" }
func (n *fakeNode) CreateTablespace(_ context.Context, name string, opts TablespaceOptions) error {
	n.created = append(n.created, opts)
	n.spaces = append(n.spaces, TablespaceInfo{Name: name, Leader: opts.Leader, Replicas: opts.Replicas, ExpectedReplicas: opts.ExpectedReplicas})
	return nil
}
func (n *fakeNode) AlterTablespace(_ context.Context, name string, opts TablespaceOptions) error {
	if opts.Has(OptLeader) && opts.Leader == "ghost" {
		return Errorf("42704", "node %q does not exist", opts.Leader)
	}
	n.altered = append(n.altered, opts)
	return nil
}
func (n *fakeNode) DropTablespace(context.Context, string) error { return nil }
func (n *fakeNode) Tablespaces() []TablespaceInfo                { return n.spaces }
func (n *fakeNode) ReplicaStates(ts string) []ReplicaState       { return n.replicas[ts] }
func (n *fakeNode) Nodes() []NodeInfo                            { return n.nodes }
func (n *fakeNode) RemoveNode(_ context.Context, id string) error {
	for i, x := range n.nodes {
		if x.ID == id {
			n.removed = append(n.removed, id)
			n.nodes = append(n.nodes[:i], n.nodes[i+1:]...)
			return nil
		}
	}
	return Errorf("42704", "node %q does not exist", id)
}
func (n *fakeNode) BackupTablespace(context.Context, string, io.Writer) error  { return nil }
func (n *fakeNode) RestoreTablespace(context.Context, string, io.Reader) error { return nil }
func (n *fakeNode) CreateUser(context.Context, string, UserOptions) error      { return nil }
func (n *fakeNode) AlterUser(context.Context, string, UserOptions) error       { return nil }
func (n *fakeNode) DropUser(context.Context, string) error                     { return nil }
func (n *fakeNode) Users() []string                                            { return nil }
func (n *fakeNode) Superuser(user string) bool                                 { return user == n.superuser }

var seen = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

func newFakeNode() *fakeNode {
	return &fakeNode{
		superuser: "drove",
		spaces: []TablespaceInfo{
			{Name: "drove", Leader: "n1", Replicas: []string{"n1"}, ExpectedReplicas: 1},
			{Name: "sales", Leader: "n2", Replicas: []string{"n1", "n2", "n3"}, ExpectedReplicas: 3,
				MaxLeaderInactivity: 30 * time.Second},
		},
		nodes: []NodeInfo{
			{ID: "n1", Address: "127.0.0.1:5433", ClusterAddress: "127.0.0.1:5434", Live: true, LastSeen: seen},
			{ID: "n2", Address: "10.0.0.2:5433", ClusterAddress: "10.0.0.2:5434", Live: false},
		},
		replicas: map[string][]ReplicaState{
			"drove": {{NodeID: "n1", Role: RoleLeader, AppliedIndex: 7, LagKnown: true}},
			"sales": {
				{NodeID: "n2", Role: RoleLeader, AppliedIndex: 100, LagKnown: true},
				{NodeID: "n1", Role: RoleFollower, AppliedIndex: 90, LagEntries: 10, Lag: 1500 * time.Millisecond, LagKnown: true},
				{NodeID: "n3", Role: RoleFollower, AppliedIndex: 5, LagEntries: 95},
			},
		},
	}
}

// ALTER TABLESPACE hands the node exactly the options the statement gave, the rest unset,
// so the node changes only those.
func TestAlterTablespacePassesOnlyGivenOptions(t *testing.T) {
	node := newFakeNode()
	s := NewSession(openTestTablespace(t), node)
	cases := []struct {
		sql  string
		want TablespaceOptions
	}{
		{"ALTER TABLESPACE 'sales','leader:n3'", TablespaceOptions{Leader: "n3", Given: OptLeader}},
		{"ALTER TABLESPACE 'sales','expectedreplicacount:2'", TablespaceOptions{ExpectedReplicas: 2, Given: OptExpectedReplicas}},
		{"ALTER TABLESPACE 'sales','replica:n1,n2,n3,n4'", TablespaceOptions{Replicas: []string{"n1", "n2", "n3", "n4"}, Given: OptReplicas}},
		{"ALTER TABLESPACE sales,'replica:n1,n2','expectedreplicacount:2','leader:n1'", TablespaceOptions{
			Leader: "n1", Replicas: []string{"n1", "n2"}, ExpectedReplicas: 2, Given: OptLeader | OptReplicas | OptExpectedReplicas}},
	}
	for _, c := range cases {
		node.altered = nil
		out := execOK(t, s, c.sql)
		if fmt.Sprint(out.lines) != "[tag: ALTER TABLESPACE]" {
			t.Fatalf("%s: %v", c.sql, out.lines)
		}
		if len(node.altered) != 1 || !reflect.DeepEqual(node.altered[0], c.want) {
			t.Fatalf("%s: the node got %+v, want %+v", c.sql, node.altered, c.want)
		}
	}
	execOK(t, s, "CREATE TABLESPACE 'ts2','replica:n1,n2','expectedreplicacount:2'")
	want := TablespaceOptions{Replicas: []string{"n1", "n2"}, ExpectedReplicas: 2, Given: OptReplicas | OptExpectedReplicas}
	if len(node.created) != 1 || !reflect.DeepEqual(node.created[0], want) {
		t.Fatalf("CREATE: the node got %+v, want %+v", node.created, want)
	}
}

// Errors come from the statement (its options), the catalog (no such tablespace) or the node
// (no such node), each with its SQLSTATE, and the session stays usable.
func TestTablespaceAndNodeStatementErrors(t *testing.T) {
	node := newFakeNode()
	s := NewSession(openTestTablespace(t), node)
	cases := []struct{ sql, code string }{
		{"ALTER TABLESPACE 'nosuch','leader:n1'", "42704"},
		{"ALTER TABLESPACE 'sales','leader:ghost'", "42704"},
		{"ALTER TABLESPACE 'sales','replica:n1','expectedreplicacount:2'", "22023"},
		{"ALTER TABLESPACE 'sales','colour:red'", "22023"},
		{"DROP NODE 'ghost'", "42704"},
		{"BEGIN; ALTER TABLESPACE 'sales','leader:n1'", "25001"},
		{"ROLLBACK; BEGIN; DROP NODE 'n2'", "25001"},
	}
	for _, c := range cases {
		err := s.Exec(context.Background(), c.sql, &textOutput{})
		if sqlState(err) != c.code {
			t.Fatalf("%s: %v, want SQLSTATE %s", c.sql, err, c.code)
		}
	}
	execOK(t, s, "ROLLBACK")
	if len(node.altered) != 0 || len(node.removed) != 0 {
		t.Fatalf("a failed statement reached the node: altered %v, removed %v", node.altered, node.removed)
	}
	for _, q := range []string{"DROP NODE IF EXISTS 'ghost'", "DROP NODE 'n2'", "DROP NODE IF EXISTS n2"} {
		if got := execOK(t, s, q).lines; fmt.Sprint(got) != "[tag: DROP NODE]" {
			t.Fatalf("%s: %v", q, got)
		}
	}
	if fmt.Sprint(node.removed) != "[n2]" {
		t.Fatalf("removed %v, want [n2] once", node.removed)
	}
}

// Only superusers alter tablespaces or remove nodes (42501, as for CREATE TABLESPACE);
// anyone may read the system tables.
func TestClusterAdminNeedsSuperuser(t *testing.T) {
	node := newFakeNode()
	s := NewSession(openTestTablespace(t), node)
	if _, err := s.Start(Startup{User: "app", Database: "drove"}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ALTER TABLESPACE 'sales','leader:n1'", "CREATE TABLESPACE 'x'", "DROP NODE 'n2'", "DROP NODE IF EXISTS 'ghost'"} {
		err := s.Exec(context.Background(), q, &textOutput{})
		if sqlState(err) != "42501" {
			t.Fatalf("%s as app: %v, want 42501", q, err)
		}
	}
	if len(node.altered)+len(node.removed)+len(node.created) != 0 {
		t.Fatal("a refused statement reached the node")
	}
	execOK(t, s, "SELECT * FROM sysnodes, systablespacereplicastate")
}

// The cluster's system tables: their columns (HerdDB's names) and rows from the node.
func TestClusterSystemTables(t *testing.T) {
	s := NewSession(openTestTablespace(t), newFakeNode())
	cases := []struct {
		sql  string
		cols string
		rows string
	}{
		{"SELECT * FROM systablespaces ORDER BY tablespace_name",
			"tablespace_name text|leader text|replica text|expectedreplicacount integer|maxleaderinactivitytime bigint",
			"drove|n1|n1|1|0 sales|n2|n1,n2,n3|3|30000"},
		{"SELECT * FROM sysnodes ORDER BY nodeid",
			"nodeid text|address text|clusteraddress text|live boolean|lastseen timestamp without time zone",
			"n1|127.0.0.1:5433|127.0.0.1:5434|t|2026-11-30 09:00:00 n2|10.0.0.2:5433|10.0.0.2:5434|f|NULL"},
		{"SELECT * FROM systablespacereplicastate ORDER BY tablespace_name, nodeid",
			"tablespace_name text|nodeid text|mode text|appliedindex bigint|lagentries bigint|lagseconds double precision",
			"drove|n1|leader|7|0|0 sales|n1|follower|90|10|1.5 sales|n2|leader|100|0|0 sales|n3|follower|5|95|NULL"},
		{"SELECT table_name FROM systables WHERE table_name LIKE 'sys%node%' OR table_name LIKE '%replica%' ORDER BY 1",
			"table_name text", "sysnodes systablespacereplicastate"},
	}
	for _, c := range cases {
		out := &columnsOutput{}
		if err := s.Exec(context.Background(), c.sql, out); err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
		rows := strings.Join(out.lines[:len(out.lines)-1], " ")
		if got := strings.Join(columnDescriptions(out.cols), "|"); got != c.cols {
			t.Errorf("%s: columns\n%s\nwant\n%s", c.sql, got, c.cols)
		}
		if rows != c.rows {
			t.Errorf("%s: rows\n%s\nwant\n%s", c.sql, rows, c.rows)
		}
	}
}

// Without a node a session shows no nodes and no replica states, and refuses the statements.
func TestClusterAdminWithoutNode(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	for _, q := range []string{"SELECT * FROM sysnodes", "SELECT * FROM systablespacereplicastate"} {
		if got := execOK(t, s, q).lines; fmt.Sprint(got) != "[tag: SELECT 0]" {
			t.Fatalf("%s: %v", q, got)
		}
	}
	for _, q := range []string{"ALTER TABLESPACE 'drove','leader:n1'", "DROP NODE 'n1'"} {
		if err := s.Exec(context.Background(), q, &textOutput{}); sqlState(err) != "0A000" {
			t.Fatalf("%s: %v, want 0A000", q, err)
		}
	}
}

// columnDescriptions writes each column as "name type".
func columnDescriptions(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name + " " + c.Type.String()
	}
	return out
}

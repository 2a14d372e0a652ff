package server

import (
	"testing"
)

// On one node ALTER TABLESPACE accepts the placement the tablespace has (this node, one
// replica, this node leading) and refuses any other as CREATE does; the node lists itself,
// live, refuses to remove itself and reports each tablespace's one replica as leader.
func TestSingleNodeClusterAdmin(t *testing.T) {
	cfg := quietConfig(t.TempDir(), "127.0.0.1:0")
	cfg.NodeID = "n1"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	admin := connect(t, s, "drove")
	steps := []struct {
		sql, rows, code string
	}{
		{sql: "CREATE TABLESPACE 'sales', 'replica:n1', 'expectedreplicacount:1', 'leader:n1', 'wait:100', 'maxleaderinactivitytime:30000'"},
		{sql: "ALTER TABLESPACE 'sales', 'leader:n1'"},
		{sql: "ALTER TABLESPACE 'sales', 'replica:n1'"},
		{sql: "ALTER TABLESPACE 'sales', 'expectedreplicacount:1'"},
		{sql: "ALTER TABLESPACE 'sales', 'replica:n1', 'expectedreplicacount:1', 'leader:n1', 'maxleaderinactivitytime:1000'"},
		{sql: "ALTER TABLESPACE 'sales', 'leader:n2'", code: "22023"},
		{sql: "ALTER TABLESPACE 'sales', 'replica:n1,n2'", code: "22023"},
		{sql: "ALTER TABLESPACE 'sales', 'expectedreplicacount:2'"},
		{sql: "ALTER TABLESPACE 'sales', 'expectedreplicacount:1'"},
		{sql: "ALTER TABLESPACE 'sales', 'replica:n1', 'expectedreplicacount:2'", code: "22023"},
		{sql: "ALTER TABLESPACE 'sales', 'replica:n1', 'leader:n2'", code: "22023"},
		{sql: "ALTER TABLESPACE 'sales', 'colour:red'", code: "22023"},
		{sql: "ALTER TABLESPACE 'sales'", code: "42601"},
		{sql: "ALTER TABLESPACE 'nosuch', 'leader:n1'", code: "42704"},
		{sql: "SELECT tablespace_name, leader, replica, expectedreplicacount, maxleaderinactivitytime FROM systablespaces ORDER BY 1",
			rows: "drove|n1|n1|1|0\nsales|n1|n1|1|1000"},
		{sql: "SELECT nodeid, address = '" + s.PGAddr().String() + "', clusteraddress, live, lastseen <= now() FROM sysnodes",
			rows: "n1|t||t|t"},
		{sql: "SELECT tablespace_name, nodeid, mode, appliedindex > 0, lagentries, lagseconds FROM systablespacereplicastate ORDER BY 1",
			rows: "drove|n1|leader|t|0|0\nsales|n1|leader|t|0|0"},
		{sql: "DROP NODE 'n1'", code: "55006"},
		{sql: "DROP NODE 'n2'", code: "42704"},
		{sql: "DROP NODE IF EXISTS 'n2'"},
	}
	for _, st := range steps {
		rows, code := exec(t, admin, st.sql)
		if code != st.code || rows != st.rows {
			t.Fatalf("%s: got rows %q code %q, want rows %q code %q", st.sql, rows, code, st.rows, st.code)
		}
	}
}

// TestPGAdvertise: sysnodes shows the advertised PostgreSQL address, not the bound one.
func TestPGAdvertise(t *testing.T) {
	cfg := quietConfig(t.TempDir(), "127.0.0.1:0")
	cfg.PGAdvertise = "db1.example:5433"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rows, code := exec(t, connect(t, s, "drove"), "SELECT address FROM sysnodes"); rows != "db1.example:5433" {
		t.Fatalf("sysnodes address: %q %q", rows, code)
	}
}

package server

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove/server/clusternet"
)

// testCluster is n in-process nodes on loopback cluster ports: the first bootstraps, the
// others join it. Faults is shared by all, for partitions.
type testCluster struct {
	t      *testing.T
	nodes  []*Server
	cfgs   []Config
	faults *clusternet.Faults
}

func startCluster(t *testing.T, n int) *testCluster {
	t.Helper()
	c := &testCluster{t: t, faults: clusternet.NewFaults(1)}
	for i := range n {
		cfg := Config{DataDir: t.TempDir(), NodeID: fmt.Sprintf("n%d", i+1), PGAddr: "127.0.0.1:0",
			ClusterAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0", CheckpointInterval: -1, Faults: c.faults,
			Logger: slog.New(slog.DiscardHandler)}
		if i > 0 {
			cfg.Join = []string{c.nodes[0].ClusterAddr()}
		}
		s, err := Start(cfg)
		if err != nil {
			t.Fatalf("starting node %d: %v", i+1, err)
		}
		// A restart comes back on the same ports.
		cfg.PGAddr, cfg.ClusterAddr, cfg.HTTPAddr, cfg.Join = s.PGAddr().String(), s.ClusterAddr(), s.HTTPAddr().String(), nil
		c.nodes = append(c.nodes, s)
		c.cfgs = append(c.cfgs, cfg)
	}
	t.Cleanup(func() {
		for _, s := range c.nodes {
			if s != nil {
				s.Close()
			}
		}
	})
	return c
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestClusterReplicatesAndForwards(t *testing.T) {
	c := startCluster(t, 3)
	a := connect(t, c.nodes[0], "drove")
	steps := []struct{ sql, rows, code string }{
		{sql: "SELECT nodeid, live FROM sysnodes ORDER BY 1", rows: "n1|t\nn2|t\nn3|t"},
		{sql: "CREATE TABLESPACE 'r3', 'replica:n1,n2,n3', 'expectedreplicacount:3'"},
	}
	for _, st := range steps {
		if rows, code := exec(t, a, st.sql); rows != st.rows || code != st.code {
			t.Fatalf("%s: got %q %q, want %q %q", st.sql, rows, code, st.rows, st.code)
		}
	}
	// Every node serves the tablespace: the leader's own sessions, the others' forwarded.
	for i, s := range c.nodes {
		conn := connect(t, s, "r3")
		if i == 0 {
			if _, code := exec(t, conn, "CREATE TABLE kv (k int PRIMARY KEY, v text)"); code != "" {
				t.Fatalf("create table: %s", code)
			}
		}
		if _, code := exec(t, conn, fmt.Sprintf("INSERT INTO kv VALUES (%d, 'from n%d')", i, i+1)); code != "" {
			t.Fatalf("insert through n%d: %s", i+1, code)
		}
	}
	for i, s := range c.nodes {
		conn := connect(t, s, "r3")
		if rows, code := exec(t, conn, "SELECT count(*) FROM kv"); rows != "3" {
			t.Fatalf("count through n%d: %q %q", i+1, rows, code)
		}
	}
	// Every replica applied every row.
	for i, s := range c.nodes {
		waitFor(t, 10*time.Second, fmt.Sprintf("n%d's replica", i+1), func() bool {
			return localRows(s, "r3", "kv") == 3
		})
	}
	// The leader's /metrics shows each follower's lag, caught up now.
	lead := c.nodes[c.leaderOf("r3")]
	waitFor(t, 10*time.Second, "followers' lag 0 in /metrics", func() bool {
		_, body := get(t, "http://"+lead.HTTPAddr().String()+"/metrics")
		n := 0
		for _, id := range []string{"n1", "n2", "n3"} {
			if strings.Contains(body, `drove_tablespace_replica_lag_entries{node="`+id+`",tablespace="r3"} 0`) {
				n++
			}
		}
		return n == 3
	})
}

// leaderOf returns the index of the node whose replica leads tablespace name.
func (c *testCluster) leaderOf(name string) int {
	c.t.Helper()
	idx := -1
	waitFor(c.t, 10*time.Second, name+"'s leader", func() bool {
		for i, s := range c.nodes {
			if s == nil {
				continue
			}
			if ts, ok := s.Tablespace(name); ok && ts.IsLeader() {
				idx = i
				return true
			}
		}
		return false
	})
	return idx
}

func (c *testCluster) stop(i int) {
	c.nodes[i].Close()
	c.nodes[i] = nil
}

func (c *testCluster) restart(i int) {
	s, err := Start(c.cfgs[i])
	if err != nil {
		c.t.Fatalf("restarting n%d: %v", i+1, err)
	}
	c.nodes[i] = s
}

// TestClusterFailover: the leader's node stops; writes go on through the others, and the
// node, restarted, catches up with what it missed.
func TestClusterFailover(t *testing.T) {
	c := startCluster(t, 3)
	a := connect(t, c.nodes[0], "drove")
	if _, code := exec(t, a, "CREATE TABLESPACE 'r3', 'replica:n1,n2,n3'"); code != "" {
		t.Fatal(code)
	}
	lead := c.leaderOf("r3")
	other := (lead + 1) % 3
	conn := connect(t, c.nodes[other], "r3")
	for _, q := range []string{"CREATE TABLE kv (k int PRIMARY KEY, v int)", "INSERT INTO kv VALUES (1, 1)"} {
		if _, code := exec(t, conn, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	c.stop(lead)
	start := time.Now()
	survivor := connect(t, c.nodes[other], "r3")
	var code string
	for k := 2; ; k++ {
		_, code = exec(t, survivor, fmt.Sprintf("INSERT INTO kv VALUES (%d, %d)", k, k))
		if code == "" {
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("no write accepted within 15s of the leader's loss; last SQLSTATE %s", code)
		}
		survivor = connect(t, c.nodes[other], "r3") // a forwarded session ends with its leader
	}
	t.Logf("first write after the leader stopped: %v", time.Since(start))
	if _, code := exec(t, survivor, "INSERT INTO kv VALUES (100, 100)"); code != "" {
		t.Fatal(code)
	}
	rows, _ := exec(t, survivor, "SELECT count(*) FROM kv WHERE k IN (1, 100)")
	if rows != "2" {
		t.Fatalf("rows after failover: %q", rows)
	}
	total, _ := exec(t, survivor, "SELECT count(*) FROM kv")
	c.restart(lead)
	waitFor(t, 20*time.Second, "the restarted node to catch up", func() bool {
		return fmt.Sprint(localRows(c.nodes[lead], "r3", "kv")) == total
	})
}

// localRows counts a table's rows in a node's own replica (-1: no replica or no table).
func localRows(s *Server, tablespace, table string) int {
	ts, ok := s.Tablespace(tablespace)
	if !ok {
		return -1
	}
	tx := ts.Begin()
	defer tx.Rollback()
	n := 0
	if err := tx.Scan(table, func(_, _ []byte) error { n++; return nil }); err != nil {
		return -1
	}
	return n
}

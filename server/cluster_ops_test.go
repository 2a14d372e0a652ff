package server

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/server/clusternet"
	"github.com/drovedb/drove/sql"
)

// followerLag is follower id's row of systablespacereplicastate on the leader's node (the
// session to the tablespace runs there): lag in entries and seconds ("" when NULL).
func followerLag(t *testing.T, conn *pgconn.PgConn, ts, id string) (entries int, seconds string) {
	t.Helper()
	rows, code := exec(t, conn, fmt.Sprintf(
		"SELECT lagentries, lagseconds FROM systablespacereplicastate WHERE tablespace_name = '%s' AND nodeid = '%s'", ts, id))
	if code != "" || rows == "" {
		t.Fatalf("replica state of %s: %q %s", id, rows, code)
	}
	e, s, _ := strings.Cut(rows, "|")
	n, err := strconv.Atoi(e)
	if err != nil {
		t.Fatalf("lagentries %q", e)
	}
	return n, s
}

// metricLag is the leader's /metrics lag of follower id: entries and seconds (-1: absent).
func metricLag(t *testing.T, s *Server, ts, id string) (entries, seconds float64) {
	t.Helper()
	_, body := get(t, "http://"+s.HTTPAddr().String()+"/metrics")
	entries, seconds = -1, -1
	for name, v := range map[string]*float64{"entries": &entries, "seconds": &seconds} {
		re := regexp.MustCompile(`drove_tablespace_replica_lag_` + name + `\{node="` + id + `",tablespace="` + ts + `"\} (\S+)`)
		if m := re.FindStringSubmatch(body); m != nil {
			*v, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	return entries, seconds
}

// TestClusterFollowerLag: a follower cut off from the leader while writes go on is reported
// behind by the leader — entries > 0 and seconds growing, in systablespacereplicastate and
// /metrics — and knows itself that it cannot tell (NULL seconds); once the partition heals,
// both views come back to 0.
func TestClusterFollowerLag(t *testing.T) {
	c := startCluster(t, 3)
	lead := c.replicated("r3", "n1,n2,n3", 1)
	f := (lead + 1) % 3
	fid := nodeName(f)
	conn := connect(t, c.nodes[lead], "r3")
	insert := func(k int) {
		t.Helper()
		if _, code := exec(t, conn, fmt.Sprintf("INSERT INTO kv VALUES (%d, 'x')", k)); code != "" {
			t.Fatalf("insert %d: %s", k, code)
		}
	}
	caughtUp := func() bool {
		e, s := followerLag(t, conn, "r3", fid)
		me, ms := metricLag(t, c.nodes[lead], "r3", fid)
		self := ownState(c.nodes[f], "r3")
		sec, err := strconv.ParseFloat(s, 64)
		return e == 0 && err == nil && sec == 0 && me == 0 && ms == 0 && self.LagKnown && self.LagEntries == 0 && self.Lag == 0
	}
	insert(1)
	waitFor(t, 10*time.Second, fid+" caught up before the partition", caughtUp)

	c.faults.Partition(nodeName(lead), fid)
	for k := 2; k <= 5; k++ {
		insert(k) // the third node makes the quorum
	}
	e1, s1 := followerLag(t, conn, "r3", fid)
	time.Sleep(300 * time.Millisecond)
	e2, s2 := followerLag(t, conn, "r3", fid)
	sec1, _ := strconv.ParseFloat(s1, 64)
	sec2, _ := strconv.ParseFloat(s2, 64)
	if e1 < 4 || e2 < 4 || sec1 <= 0 || sec2 < sec1+0.2 {
		t.Fatalf("partitioned follower's lag on the leader: %d entries %s s, then %d entries %s s; want ≥ 4 entries, seconds > 0 and growing",
			e1, s1, e2, s2)
	}
	if me, ms := metricLag(t, c.nodes[lead], "r3", fid); me < 4 || ms < sec2 {
		t.Fatalf("/metrics lag of %s: %v entries, %v s; want ≥ 4 and ≥ %v", fid, me, ms, sec2)
	}
	waitFor(t, 5*time.Second, fid+" to know it cannot tell its lag", func() bool {
		return !ownState(c.nodes[f], "r3").LagKnown
	})

	c.faults.Heal()
	waitFor(t, 15*time.Second, fid+" caught up after the partition", caughtUp)
}

// ownState is a node's row for its own replica of ts.
func ownState(s *Server, ts string) sql.ReplicaState {
	for _, r := range s.ReplicaStates(ts) {
		if r.NodeID == s.ID() {
			return r
		}
	}
	return sql.ReplicaState{}
}

// TestClusterLeaderInactivity: a tablespace on n2 and n3 (maxleaderinactivitytime 1.5 s; the
// dead-node timeout stays at its 60 s) loses its leader in a way its other replica cannot
// make up for: one of two voters is no quorum. The catalog must stop naming the old leader
// within the inactivity timeout — whether the leader's node is cut off from everyone (the
// meta leader stops hearing it: meta.InactiveLeaders) or only from the other replica (its
// node is live, but its replica stepped down: the node clears its own name) — and name a
// leader again once the group can elect one.
func TestClusterLeaderInactivity(t *testing.T) {
	cases := []struct {
		name string
		cut  func(f *clusternet.Faults, lead, other string)
	}{
		{"leader's node cut off", func(f *clusternet.Faults, lead, _ string) { f.Isolate(lead) }},
		{"leader cut off from its group only", func(f *clusternet.Faults, lead, other string) { f.Partition(lead, other) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := startCluster(t, 3)
			admin := connect(t, c.nodes[0], "drove")
			if _, code := exec(t, admin, "CREATE TABLESPACE 'r2', 'replica:n2,n3', 'maxleaderinactivitytime:60000'"); code != "" {
				t.Fatalf("create: %s", code)
			}
			if _, code := exec(t, admin, "ALTER TABLESPACE 'r2', 'maxleaderinactivitytime:1500'"); code != "" {
				t.Fatalf("alter: %s", code)
			}
			lead := c.leaderOf("r2")
			other := 3 - lead // n2 (1) or n3 (2)
			leader := func() string {
				rows, code := exec(t, admin, "SELECT leader, maxleaderinactivitytime FROM systablespaces WHERE tablespace_name = 'r2'")
				if code != "" {
					t.Fatalf("systablespaces: %s", code)
				}
				l, timeout, _ := strings.Cut(rows, "|")
				if timeout != "1500" {
					t.Fatalf("maxleaderinactivitytime %q, want 1500", timeout)
				}
				return l
			}
			waitFor(t, 10*time.Second, "the leader in the catalog", func() bool { return leader() == nodeName(lead) })

			tc.cut(c.faults, nodeName(lead), nodeName(other))
			start := time.Now()
			waitFor(t, 10*time.Second, "the catalog to stop naming the inactive leader", func() bool { return leader() == "" })
			t.Logf("leader cleared %v after the cut", time.Since(start))
			if ts, _ := c.nodes[other].Tablespace("r2"); ts.IsLeader() {
				t.Fatal("one replica of two was elected")
			}

			c.faults.Heal()
			waitFor(t, 15*time.Second, "a leader in the catalog again", func() bool { return leader() != "" })
		})
	}
}

package server

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

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
	return startClusterWith(t, n, nil)
}

// startClusterWith is startCluster with each node's Config adjusted by tune (nil: none).
func startClusterWith(t *testing.T, n int, tune func(*Config)) *testCluster {
	t.Helper()
	c := &testCluster{t: t, faults: clusternet.NewFaults(1)}
	for i := range n {
		cfg := Config{DataDir: t.TempDir(), NodeID: fmt.Sprintf("n%d", i+1), PGAddr: "127.0.0.1:0",
			ClusterAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0", CheckpointInterval: -1, Faults: c.faults,
			Logger: slog.New(slog.DiscardHandler)}
		if tune != nil {
			tune(&cfg)
		}
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

// crash kills node i as kill -9 would: cut off from its peers at once (heal before the
// restart), stopped without a final checkpoint.
func (c *testCluster) crash(i int) {
	c.faults.Isolate(nodeName(i))
	c.nodes[i].crash()
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

// workload runs writers against a replicated tablespace through the nodes' PostgreSQL ports
// and records every outcome as the client saw it, so that verify can check that no
// acknowledged write was lost and none was applied twice. Each writer alternates an INSERT of
// a key nobody else writes (kv) and an increment of its own counter (ctr).
type workload struct {
	c       *testCluster
	ts      string
	stopCh  chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	acked   map[int]bool   // inserted keys the client was told committed
	refused map[int]string // inserted keys refused with an error that says nothing was applied
	unknown map[int]string // inserted keys whose outcome the client could not know
	// per writer: counter increments acknowledged, and of unknown outcome
	incAcked, incUnknown map[int]int
	codes                map[string]int // every error seen, for the log
	anomalies            []string
	ops                  atomic.Int64 // acknowledged writes
	refusals             atomic.Int64 // writes a refuser saw fail
	final                map[int]bool // the keys verify read back
}

// refusedCodes say that the statement was not applied: not the leader, no leader, a failed
// transaction, a connection that could not be made.
var refusedCodes = map[string]bool{"25006": true, "57P03": true, "40001": true, "08001": true}

// createWorkloadTables makes kv and ctr (one row per writer) in tablespace ts through node i.
func (c *testCluster) createWorkloadTables(i int, ts string, writers int) {
	c.t.Helper()
	conn := connect(c.t, c.nodes[i], ts)
	for _, q := range []string{"CREATE TABLE kv (k int PRIMARY KEY, v text)",
		"CREATE TABLE ctr (w int PRIMARY KEY, n int)"} {
		if _, code := exec(c.t, conn, q); code != "" {
			c.t.Fatalf("%s: %s", q, code)
		}
	}
	for w := range writers {
		if _, code := exec(c.t, conn, fmt.Sprintf("INSERT INTO ctr VALUES (%d, 0)", w)); code != "" {
			c.t.Fatalf("ctr row %d: %s", w, code)
		}
	}
}

// startWorkload starts one writer per entry of via: writer w connects to node via[w] and, when
// that node cannot be reached, to the next node of the cluster.
func (c *testCluster) startWorkload(ts string, via ...int) *workload {
	w := &workload{c: c, ts: ts, stopCh: make(chan struct{}), acked: map[int]bool{},
		refused: map[int]string{}, unknown: map[int]string{}, incAcked: map[int]int{},
		incUnknown: map[int]int{}, codes: map[string]int{}}
	for id, node := range via {
		w.wg.Add(1)
		go w.run(id, node, len(c.cfgs), 10*time.Second)
	}
	return w
}

// refuser starts writer id, which only ever talks to node, with a short client timeout, and
// must never be acknowledged: node is cut off from the tablespace's majority. Each write must
// be refused (25006, 40001, 57P03), end with 08007, or time out; anything else is an anomaly.
func (w *workload) refuser(id, node int) {
	w.wg.Add(1)
	go w.run(id, node, 1, 3*time.Second)
}

// refusalCodes are what a node cut off from its tablespace's majority may answer a write.
var refusalCodes = map[string]bool{"25006": true, "40001": true, "57P03": true, "08007": true}

func (w *workload) run(id, node, spread int, timeout time.Duration) {
	defer w.wg.Done()
	var conn *pgconn.PgConn
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	for i := 0; ; i++ {
		select {
		case <-w.stopCh:
			return
		default:
		}
		if conn == nil {
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			addr := w.c.cfgs[(node+i)%len(w.c.cfgs)].PGAddr
			if spread == 1 {
				addr = w.c.cfgs[node].PGAddr
			}
			var err error
			conn, err = pgconn.Connect(ctx, "postgres://drove@"+addr+"/"+w.ts+"?sslmode=disable")
			cancel()
			if err != nil {
				conn = nil
				time.Sleep(20 * time.Millisecond)
				continue
			}
		}
		key := id*1_000_000 + i
		q := fmt.Sprintf("INSERT INTO kv VALUES (%d, 'w%d')", key, id)
		if i%2 == 1 {
			q = fmt.Sprintf("UPDATE ctr SET n = n + 1 WHERE w = %d", id)
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		_, err := conn.Exec(ctx, q).ReadAll()
		cancel()
		if spread == 1 {
			w.checkRefused(id, q, err)
		}
		if !w.record(id, key, i%2 == 1, err) || conn.IsClosed() {
			conn.Close(context.Background())
			conn = nil
		}
	}
}

// checkRefused records an anomaly when a refuser's write was not refused.
func (w *workload) checkRefused(id int, q string, err error) {
	var pgErr *pgconn.PgError
	if err != nil {
		w.refusals.Add(1)
	}
	switch {
	case err == nil:
		w.anomaly(fmt.Sprintf("writer %d, cut off from the majority, was acknowledged %q", id, q))
	case errors.As(err, &pgErr) && !refusalCodes[pgErr.Code]:
		w.anomaly(fmt.Sprintf("writer %d, cut off from the majority, got %s for %q: %s", id, pgErr.Code, q, pgErr.Message))
	}
}

func (w *workload) anomaly(s string) {
	w.mu.Lock()
	w.anomalies = append(w.anomalies, s)
	w.mu.Unlock()
}

// record notes one outcome; it reports whether the connection is still usable.
func (w *workload) record(id, key int, inc bool, err error) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	code, usable := "", true
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		w.ops.Add(1)
	case errors.As(err, &pgErr):
		code = pgErr.Code
	default:
		code, usable = "client:"+err.Error(), false
	}
	if code != "" {
		w.codes[strings.SplitN(code, " ", 2)[0]]++
	}
	switch {
	case inc && code == "":
		w.incAcked[id]++
	case inc && !refusedCodes[code]:
		w.incUnknown[id]++
	case inc:
	case code == "":
		w.acked[key] = true
	case code == "23505":
		w.anomalies = append(w.anomalies, fmt.Sprintf("key %d, written once, is a duplicate: applied twice", key))
	case refusedCodes[code]:
		w.refused[key] = code
	default:
		w.unknown[key] = code
	}
	return usable
}

// stop ends the writers and waits for them.
func (w *workload) stop() {
	select {
	case <-w.stopCh:
	default:
		close(w.stopCh)
	}
	w.wg.Wait()
}

// waitOps waits until n more writes than now have been acknowledged.
func (w *workload) waitOps(n int64, d time.Duration, what string) {
	w.c.t.Helper()
	target := w.ops.Load() + n
	deadline := time.Now().Add(d)
	for w.ops.Load() < target {
		if time.Now().After(deadline) {
			w.mu.Lock()
			w.c.t.Logf("errors so far: %v", w.codes)
			w.mu.Unlock()
			w.c.logState(w.ts)
			w.c.t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// logState logs what each running node knows of tablespace ts: its catalog entry and its
// local replica's view of the group (for failures).
func (c *testCluster) logState(ts string) {
	c.t.Helper()
	for i, s := range c.nodes {
		if s == nil {
			c.t.Logf("n%d: stopped", i+1)
			continue
		}
		cat := s.meta.Catalog().Tablespaces[ts]
		line := fmt.Sprintf("n%d: catalog replicas %v leader %q preferred %q", i+1, cat.Replicas, cat.Leader, cat.PreferredLeader)
		if r, ok := s.Tablespace(ts); ok {
			id, _ := r.Leader()
			line += fmt.Sprintf("; replica leads %v, sees leader %q, group:", r.IsLeader(), id)
			for _, st := range r.Replicas() {
				line += fmt.Sprintf(" %s(voter %v match %d applied %d)", st.ID, st.Voter, st.MatchIndex, st.AppliedIndex)
			}
		} else {
			line += "; no local replica"
		}
		c.t.Log(line)
	}
}

// verify stops the writers, reads the tablespace through node via (SQL, so through its
// leader), and checks the history: every acknowledged write is there, nothing refused is,
// nothing is there that no client wrote, each counter counts between its acknowledged and
// its attempted increments. Then every replica the catalog lists converges on exactly
// those contents.
func (w *workload) verify(via int) {
	t := w.c.t
	t.Helper()
	w.stop()
	keys, ctr := w.readBack(via)
	w.final = keys
	w.mu.Lock()
	defer w.mu.Unlock()
	t.Logf("workload: %d acknowledged inserts, %d refused, %d unknown; errors %v", len(w.acked),
		len(w.refused), len(w.unknown), w.codes)
	for _, a := range w.anomalies {
		t.Error(a)
	}
	for k := range w.acked {
		if !keys[k] {
			t.Errorf("acknowledged key %d is lost", k)
		}
	}
	for k := range keys {
		if code, ok := w.refused[k]; ok {
			t.Errorf("key %d was refused with %s but is applied", k, code)
		} else if _, ok := w.unknown[k]; !ok && !w.acked[k] {
			t.Errorf("key %d is applied but no client wrote it", k)
		}
	}
	for id, n := range ctr {
		if lo, hi := w.incAcked[id], w.incAcked[id]+w.incUnknown[id]; n < lo || n > hi {
			t.Errorf("writer %d's counter is %d: %d increments acknowledged, %d more unknown", id, n, lo, hi-lo)
		}
	}
	w.c.waitConverged(w.ts, "kv", "ctr")
}

// readBack reads kv's keys and ctr through node via, retrying until it can.
func (w *workload) readBack(via int) (map[int]bool, map[int]int) {
	t := w.c.t
	t.Helper()
	var keys map[int]bool
	var ctr map[int]int
	waitFor(t, 20*time.Second, "reading the workload back", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgconn.Connect(ctx, "postgres://drove@"+w.c.cfgs[via].PGAddr+"/"+w.ts+"?sslmode=disable")
		if err != nil {
			return false
		}
		defer conn.Close(context.Background())
		res, err := conn.Exec(ctx, "SELECT k FROM kv; SELECT w, n FROM ctr").ReadAll()
		if err != nil || len(res) != 2 {
			return false
		}
		keys, ctr = map[int]bool{}, map[int]int{}
		for _, r := range res[0].Rows {
			k, _ := strconv.Atoi(string(r[0]))
			keys[k] = true
		}
		for _, r := range res[1].Rows {
			id, _ := strconv.Atoi(string(r[0]))
			ctr[id], _ = strconv.Atoi(string(r[1]))
		}
		return true
	})
	return keys, ctr
}

// waitConverged waits until every running node that the catalog places a replica of ts on
// has a local replica with the same contents of the given tables as every other.
func (c *testCluster) waitConverged(ts string, tables ...string) {
	c.t.Helper()
	var last map[string]string
	waitFor(c.t, 30*time.Second, ts+"'s replicas to converge", func() bool {
		last = map[string]string{}
		var first string
		for i, s := range c.nodes {
			if s == nil || !slices.Contains(s.meta.Catalog().Tablespaces[ts].Replicas, s.nodeID) {
				continue
			}
			d := localDump(s, ts, tables...)
			last[fmt.Sprintf("n%d", i+1)] = d
			if first == "" {
				first = d
			}
			if d != first || d == "" {
				return false
			}
		}
		return len(last) > 0
	})
}

// localDump is a digest of tables' rows in a node's own replica ("" when it has none).
func localDump(s *Server, tablespace string, tables ...string) string {
	ts, ok := s.Tablespace(tablespace)
	if !ok {
		return ""
	}
	tx := ts.Begin()
	defer tx.Rollback()
	h := sha256.New()
	rows := 0
	for _, table := range tables {
		var lines []string
		if err := tx.Scan(table, func(k, v []byte) error {
			lines = append(lines, fmt.Sprintf("%x=%x", k, v))
			return nil
		}); err != nil {
			return ""
		}
		sort.Strings(lines)
		rows += len(lines)
		fmt.Fprintf(h, "%s:%s;", table, strings.Join(lines, ","))
	}
	return fmt.Sprintf("%d rows %x", rows, h.Sum(nil)[:8])
}

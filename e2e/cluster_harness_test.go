package e2e

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// cluster is three `drove server` processes on loopback: n1 bootstraps, n2 and n3 join it.
// Each node keeps its ports and data directory across restarts.
type cluster struct {
	t     *testing.T
	nodes []*node
}

func startProcCluster(t *testing.T, n int) *cluster {
	t.Helper()
	c := &cluster{t: t}
	// E2E_CLUSTER_LOGS=DIR keeps each node's log (at debug level) in DIR/nI.log.
	logs, level := os.Getenv("E2E_CLUSTER_LOGS"), "warn"
	if logs != "" {
		level = "debug"
	}
	for i := range n {
		nd := newNode(t, "--node-id", fmt.Sprintf("n%d", i+1), "--log-level", level)
		if logs != "" {
			t.Cleanup(func() { os.WriteFile(filepath.Join(logs, fmt.Sprintf("n%d.log", i+1)), []byte(nd.log()), 0o644) })
		}
		if i > 0 {
			// --join only at the first start: the node keeps its cluster in its directory.
			nd.args = append(nd.args, "--join", fmt.Sprintf("127.0.0.1:%d", c.nodes[0].cluster))
		}
		nd.start()
		if i > 0 {
			nd.args = nd.args[:len(nd.args)-2]
		}
		c.nodes = append(c.nodes, nd)
	}
	return c
}

// dbURL is node i's URL for database (tablespace) db.
func (c *cluster) dbURL(i int, db string) string {
	return fmt.Sprintf("postgres://drove@127.0.0.1:%d/%s?sslmode=disable&connect_timeout=5", c.nodes[i].port, db)
}

func (c *cluster) conn(i int, db string) *pgx.Conn {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.dbURL(i, db))
	if err != nil {
		c.t.Fatalf("connecting to n%d/%s: %v", i+1, db, err)
	}
	c.t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// leader returns the index of the node that leads tablespace ts as the catalog and the
// replicas report it (asked through node via, which must be up), waiting up to d.
func (c *cluster) leader(via int, ts string, d time.Duration) int {
	c.t.Helper()
	deadline := time.Now().Add(d)
	for {
		if i, err := c.leaderOnce(via, ts); err == nil && i >= 0 {
			return i
		} else if time.Now().After(deadline) {
			c.t.Fatalf("no leader of %s within %v (last: %d, %v)", ts, d, i, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (c *cluster) leaderOnce(via int, ts string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.dbURL(via, ts))
	if err != nil {
		return -1, err
	}
	defer conn.Close(context.Background())
	var id string
	err = conn.QueryRow(ctx, "SELECT nodeid FROM systablespacereplicastate WHERE tablespace_name = $1 AND mode = 'leader'", ts).Scan(&id)
	if err != nil {
		return -1, err
	}
	var n int
	if _, err := fmt.Sscanf(id, "n%d", &n); err != nil || n < 1 || n > len(c.nodes) {
		return -1, fmt.Errorf("leader %q", id)
	}
	return n - 1, nil
}

// waitCaughtUp waits until, on ts's leader, every replica's lag is 0 and all n report.
func (c *cluster) waitCaughtUp(via int, ts string, d time.Duration) {
	c.t.Helper()
	deadline := time.Now().Add(d)
	var last string
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, c.dbURL(via, ts))
		if err == nil {
			var n, lag int64
			err = conn.QueryRow(ctx, "SELECT count(*), coalesce(sum(lagentries), 0) FROM systablespacereplicastate WHERE tablespace_name = $1", ts).Scan(&n, &lag)
			conn.Close(context.Background())
			if err == nil && n == int64(len(c.nodes)) && lag == 0 {
				cancel()
				return
			}
			last = fmt.Sprintf("replicas %d, lag %d, %v", n, lag, err)
		} else {
			last = err.Error()
		}
		cancel()
		time.Sleep(100 * time.Millisecond)
	}
	c.t.Fatalf("replicas of %s not caught up within %v: %s", ts, d, last)
}

// makeLeader hands ts's leadership to node i (ALTER TABLESPACE ... 'leader:ni') and waits
// until it leads, so a session on it reads its own replica.
func (c *cluster) makeLeader(i int, ts string) {
	c.t.Helper()
	conn := c.conn(i, "drove")
	if _, err := conn.Exec(context.Background(), fmt.Sprintf("ALTER TABLESPACE '%s','leader:n%d'", ts, i+1)); err != nil {
		c.t.Fatalf("leader:n%d: %v", i+1, err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if l, err := c.leaderOnce(i, ts); err == nil && l == i {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("n%d did not become leader of %s\n%s", i+1, ts, c.nodes[i].log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (n *node) signal(sig syscall.Signal) {
	n.t.Helper()
	if err := n.cmd.Process.Signal(sig); err != nil {
		n.t.Fatalf("%v: %v", sig, err)
	}
}

// outcome is what a client can know about one statement.
type outcome int

const (
	acked   outcome = iota // the server said it committed
	unknown                // 08007, or the connection was lost with the statement sent
	failed                 // any other error: it must not have been applied
)

// classify maps a statement's error to its outcome.
func classify(err error) outcome {
	if err == nil {
		return acked
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		if pe.Code == "08007" {
			return unknown
		}
		return failed
	}
	if pgconn.SafeToRetry(err) {
		return failed // never sent
	}
	return unknown
}

// history is what the load's clients did: per client, the insert sequence numbers by
// outcome and the counter increments by outcome.
type history struct {
	mu      sync.Mutex
	inserts map[[2]int]outcome // (client, seq)
	incr    map[int][3]int     // client -> count per outcome
	codes   map[string]int     // error codes seen (for the log)
	next    map[int]int        // client -> its next sequence number, across loads
	samples []string           // the first error of each code
	lastAck map[int]time.Time  // client -> when its last statement was acknowledged
	acks    []time.Time        // when each acknowledgement came, in order
}

func newHistory() *history {
	return &history{inserts: map[[2]int]outcome{}, incr: map[int][3]int{}, codes: map[string]int{},
		next: map[int]int{}, lastAck: map[int]time.Time{}}
}

func (h *history) note(id, node int, err error) {
	code := "ok"
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe):
		code = pe.Code
	case err != nil:
		code = "conn"
	}
	if err != nil {
		code = fmt.Sprintf("%s/%s/n%d", code, [3]string{"ext", "simple", "tx"}[id%3], node+1)
		if _, seen := h.codes[code]; !seen {
			h.samples = append(h.samples, fmt.Sprintf("%s: %v", code, err))
		}
	}
	h.codes[code]++
}

func (h *history) summary() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var n [3]int
	for _, o := range h.inserts {
		n[o]++
	}
	var inc [3]int
	for _, c := range h.incr {
		for o := range c {
			inc[o] += c[o]
		}
	}
	var codes []string
	for k, v := range h.codes {
		codes = append(codes, fmt.Sprintf("%s:%d", k, v))
	}
	sort.Strings(codes)
	return fmt.Sprintf("inserts acked/unknown/failed %v, increments %v, codes %s\n%s", n, inc,
		strings.Join(codes, " "), strings.Join(h.samples, "\n"))
}

// loadClient writes through node i until stop: it alternates an INSERT of a unique
// (client, seq) row with an increment of its own counter, reconnecting after errors.
func (c *cluster) loadClient(id, i int, ts string, h *history, stop <-chan struct{}) {
	var conn *pgx.Conn
	h.mu.Lock()
	seq := h.next[id]
	h.mu.Unlock()
	defer func() {
		if conn != nil {
			conn.Close(context.Background())
		}
		h.mu.Lock()
		h.next[id] = seq
		h.mu.Unlock()
	}()
	for ; ; seq++ {
		select {
		case <-stop:
			return
		default:
		}
		if conn == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			cn, err := pgx.Connect(ctx, c.dbURL(i, ts))
			cancel()
			if err != nil {
				time.Sleep(50 * time.Millisecond)
				continue
			}
			conn = cn
		}
		ins, inc, err := step(conn, id, seq)
		h.mu.Lock()
		h.note(id, i, err)
		if err == nil {
			now := time.Now()
			h.lastAck[id] = now
			h.acks = append(h.acks, now)
		}
		if ins >= 0 {
			h.inserts[[2]int{id, seq}] = ins
		}
		if inc >= 0 {
			v := h.incr[id]
			v[inc]++
			h.incr[id] = v
		}
		h.mu.Unlock()
		if err != nil {
			var pe *pgconn.PgError
			if conn.IsClosed() || !errors.As(err, &pe) {
				conn.Close(context.Background())
				conn = nil
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// step runs one statement (or transaction) of client id: clients id%3 == 0 use the
// extended protocol, 1 the simple one, both in autocommit, alternating an INSERT of row
// (id, seq) and an increment of counter id; 2 does both in one transaction. It returns the
// outcome of the insert and of the increment (-1: not attempted) and the error.
func step(conn *pgx.Conn, id, seq int) (ins, inc outcome, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	const (
		insert = "INSERT INTO ev (c, s) VALUES ($1, $2)"
		update = "UPDATE counters SET v = v + 1 WHERE id = $1"
	)
	switch id % 3 {
	case 0, 1:
		var mode []any
		if id%3 == 1 {
			mode = []any{pgx.QueryExecModeSimpleProtocol}
		}
		if seq%2 == 0 {
			_, err = conn.Exec(ctx, insert, append(mode, id, seq)...)
			return classify(err), -1, err
		}
		_, err = conn.Exec(ctx, update, append(mode, id)...)
		return -1, classify(err), err
	}
	tx, err := conn.Begin(ctx)
	if err == nil {
		if _, err = tx.Exec(ctx, insert, id, seq); err == nil {
			_, err = tx.Exec(ctx, update, id)
		}
		if err != nil {
			tx.Rollback(ctx)
		} else {
			err = tx.Commit(ctx)
			o := classify(err)
			if errors.Is(err, pgx.ErrTxCommitRollback) {
				o = failed
			}
			return o, o, err
		}
	}
	// The transaction ended before COMMIT was sent: nothing of it was applied.
	return failed, failed, err
}

// firstAckAfter is how long after t the first statement was acknowledged (-1: none).
func (h *history) firstAckAfter(t time.Time) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	i := sort.Search(len(h.acks), func(i int) bool { return h.acks[i].After(t) })
	if i == len(h.acks) {
		return -1
	}
	return h.acks[i].Sub(t)
}

// checkServing fails the test for each client with no acknowledged statement since t: a
// client stuck on a node that lost leadership, say.
func (h *history) checkServing(t *testing.T, since time.Time) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	for id := range h.next {
		if last := h.lastAck[id]; last.Before(since) {
			t.Errorf("client %d (%s) has had nothing acknowledged since %v before the faults ended",
				id, [3]string{"extended", "simple", "transactions"}[id%3], since.Sub(last).Round(time.Millisecond))
		}
	}
}

// replicaState is one replica's copy of the load's tables, read while it leads.
type replicaState struct {
	rows     map[[2]int]int // (client, seq) -> how many rows
	counters map[int]int
}

func (c *cluster) readReplica(i int, ts string) replicaState {
	c.t.Helper()
	c.makeLeader(i, ts)
	conn := c.conn(i, ts)
	ctx := context.Background()
	st := replicaState{rows: map[[2]int]int{}, counters: map[int]int{}}
	rows, err := conn.Query(ctx, "SELECT c, s FROM ev")
	if err != nil {
		c.t.Fatalf("reading n%d: %v", i+1, err)
	}
	for rows.Next() {
		var k [2]int
		if err := rows.Scan(&k[0], &k[1]); err != nil {
			c.t.Fatal(err)
		}
		st.rows[k]++
	}
	if rows.Err() != nil {
		c.t.Fatalf("reading n%d: %v", i+1, rows.Err())
	}
	rows, err = conn.Query(ctx, "SELECT id, v FROM counters")
	if err != nil {
		c.t.Fatalf("reading n%d: %v", i+1, err)
	}
	for rows.Next() {
		var id, v int
		if err := rows.Scan(&id, &v); err != nil {
			c.t.Fatal(err)
		}
		st.counters[id] = v
	}
	if rows.Err() != nil {
		c.t.Fatalf("reading n%d: %v", i+1, rows.Err())
	}
	return st
}

// check compares one replica's state with the history: every acknowledged insert present
// once, no failed one present, no row twice, each counter between its acknowledged
// increments and those plus the unknown ones.
func (h *history) check(t *testing.T, name string, st replicaState) {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	bad := 0
	report := func(format string, args ...any) {
		if bad++; bad <= 20 {
			t.Errorf(name+": "+format, args...)
		}
	}
	for k, n := range st.rows {
		if n > 1 {
			report("row c=%d s=%d appears %d times", k[0], k[1], n)
		}
		o, ok := h.inserts[k]
		switch {
		case !ok:
			report("row c=%d s=%d was never inserted", k[0], k[1])
		case o == failed:
			report("row c=%d s=%d is present but its INSERT failed", k[0], k[1])
		}
	}
	for k, o := range h.inserts {
		if o == acked && st.rows[k] == 0 {
			report("acknowledged row c=%d s=%d is missing", k[0], k[1])
		}
	}
	for id, n := range h.incr {
		if v := st.counters[id]; v < n[acked] || v > n[acked]+n[unknown] {
			report("counter %d = %d; acknowledged %d, unknown %d", id, v, n[acked], n[unknown])
		}
	}
}

// setupLoad creates the replicated tablespace and the load's tables, one counter per client.
func (c *cluster) setupLoad(ts string, clients int) {
	c.t.Helper()
	admin := c.conn(0, "drove")
	ctx := context.Background()
	if _, err := admin.Exec(ctx, fmt.Sprintf("CREATE TABLESPACE '%s','replica:n1,n2,n3','expectedreplicacount:3'", ts)); err != nil {
		c.t.Fatal(err)
	}
	conn := c.conn(1, ts)
	for _, q := range []string{
		"CREATE TABLE ev (id bigserial PRIMARY KEY, c int NOT NULL, s int NOT NULL)",
		"CREATE TABLE counters (id int PRIMARY KEY, v int NOT NULL)",
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			c.t.Fatalf("%s: %v", q, err)
		}
	}
	for id := range clients {
		if _, err := conn.Exec(ctx, "INSERT INTO counters VALUES ($1, 0)", id); err != nil {
			c.t.Fatal(err)
		}
	}
	c.waitCaughtUp(1, ts, 20*time.Second)
}

// runLoad starts clients writing through the nodes in via (round robin) and returns a
// function that stops them and waits.
func (c *cluster) runLoad(ts string, clients int, via []int, h *history) func() {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for id := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.loadClient(id, via[(id/3)%len(via)], ts, h, stop) // every mode (id%3) on every node
		}()
	}
	return func() { close(stop); wg.Wait() }
}

// verify reads every replica (each made leader in turn) and checks it against h, and that
// all replicas agree.
func (c *cluster) verify(ts string, h *history) {
	c.t.Helper()
	c.waitCaughtUp(0, ts, 30*time.Second)
	var first replicaState
	for i := range c.nodes {
		st := c.readReplica(i, ts)
		h.check(c.t, fmt.Sprintf("n%d", i+1), st)
		c.t.Logf("n%d: %d rows, counters %v", i+1, len(st.rows), st.counters)
		if i == 0 {
			first = st
		} else if !maps.Equal(st.rows, first.rows) || !maps.Equal(st.counters, first.counters) {
			c.t.Errorf("n%d's replica differs from n1's: %d rows against %d, counters %v against %v",
				i+1, len(st.rows), len(first.rows), st.counters, first.counters)
		}
	}
}

package pgwire

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// testNode is a node that may lead the tablespace: a pgwire.Server whose sessions know
// the node's statements (nodeExec), and a loopback listener standing for the cluster port,
// whose connections it serves with ServeForwarded and kill closes.
type testNode struct {
	name    string
	srv     *Server
	lis     net.Listener
	leading atomic.Bool
	gone    atomic.Bool // "insert" answers as a session whose tablespace closed here
	inserts atomic.Int64
	// batching: its sessions are batchingSessions, whose "insert" commits at Sync.
	batching bool
	ended    chan error
	mu       sync.Mutex
	conns    []net.Conn
}

func (n *testNode) Authenticate(string) (*scram.StoredCredentials, error) { return nil, nil }

func (n *testNode) Open(context.Context, string, string) (sql.Executor, error) {
	s := &fakeSession{ended: n.ended, extra: n.exec, settings: make(map[string]string)}
	if n.batching {
		return &batchingSession{fakeSession: s, n: n}, nil
	}
	return s, nil
}

// exec knows "insert" (refused with NotLeaderError unless the node leads), "moved" (40001
// for a transaction's lost leadership unless the node leads), "node" (its
// name), "set NAME = V" and "show NAME", "copyin" and "copyout".
func (n *testNode) exec(s *fakeSession, _ context.Context, stmt string, out sql.Output) (bool, error) {
	switch {
	case stmt == "insert":
		if n.gone.Load() {
			return true, sql.Errorf("57P01", "terminating connection: tablespace %q %s", "drove", sql.GoneMessage)
		}
		if !n.leading.Load() {
			return true, NotLeaderError(n.name, "drove")
		}
		n.inserts.Add(1)
		return true, out.Complete("INSERT 0 1")
	case stmt == "moved":
		// What the SQL layer answers a transaction whose replica lost leadership.
		if !n.leading.Load() {
			return true, &sql.Error{Code: "40001", Message: "could not serialize access: " + sql.LeaderMovedMessage}
		}
		return true, out.Complete("INSERT 0 1")
	case stmt == "commit":
		s.status = sql.TxIdle
		return true, out.Complete("COMMIT")
	case stmt == "node":
		out.Columns([]sql.Column{{Name: "node", Type: types.Text}})
		out.Row([]types.Value{types.NewText(n.name)})
		return true, out.Complete("SELECT 1")
	case strings.HasPrefix(stmt, "set "):
		name, value, _ := strings.Cut(strings.TrimPrefix(stmt, "set "), "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		s.settings[name] = value
		if r, ok := out.(sql.SettingReporter); ok && name == "application_name" {
			r.ReportSetting(name, value)
		}
		return true, out.Complete("SET")
	case strings.HasPrefix(stmt, "show "):
		out.Columns([]sql.Column{{Name: "v", Type: types.Text}})
		out.Row([]types.Value{types.NewText(s.settings[strings.TrimPrefix(stmt, "show ")])})
		return true, out.Complete("SHOW")
	case stmt == "copyin":
		r, err := out.(sql.CopyStream).CopyIn(1, false)
		if err != nil {
			return true, err
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return true, err
		}
		return true, out.Complete(fmt.Sprintf("COPY %d", strings.Count(string(b), "\n")))
	case stmt == "copyout":
		w, err := out.(sql.CopyStream).CopyOut(1, false)
		if err != nil {
			return true, err
		}
		for _, line := range []string{"a\n", "b\n", "c\n"} {
			w.Write([]byte(line))
		}
		return true, out.Complete("COPY 3")
	}
	return false, nil
}

func (n *testNode) serveForwarding() {
	for {
		c, err := n.lis.Accept()
		if err != nil {
			return
		}
		n.mu.Lock()
		n.conns = append(n.conns, c)
		n.mu.Unlock()
		go n.srv.ServeForwarded(context.Background(), c)
	}
}

func (n *testNode) dial(ctx context.Context) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", n.lis.Addr().String())
}

// kill cuts every forwarded connection the node holds, as a crash would.
func (n *testNode) kill() {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, c := range n.conns {
		c.Close()
	}
	n.conns = nil
}

// cluster is an entry node that routes every session to nodes[leader].
type cluster struct {
	nodes  []*testNode
	leader atomic.Int32
	routes atomic.Int32 // Route calls
	url    string
	entry  *Server
}

type routingBackend struct {
	fakeBackend
	cl *cluster
}

func (b routingBackend) Route(_ context.Context, _, database string) (Route, error) {
	if database == "nope" {
		return Route{}, sql.Errorf("3D000", "database %q does not exist", database)
	}
	b.cl.routes.Add(1)
	n := b.cl.nodes[b.cl.leader.Load()]
	return Route{Dial: n.dial, Node: n.name}, nil
}

func newCluster(t *testing.T, nodes int) *cluster { return newClusterB(t, nodes) }

func newClusterB(t testing.TB, nodes int) *cluster {
	t.Helper()
	cl := &cluster{}
	for i := range nodes {
		n := &testNode{name: fmt.Sprintf("n%d", i+1), ended: make(chan error, 1)}
		n.leading.Store(true)
		n.srv = NewServer(Config{Backend: n})
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		n.lis = l
		go n.serveForwarding()
		t.Cleanup(func() { l.Close(); n.srv.Close() })
		cl.nodes = append(cl.nodes, n)
	}
	cl.entry, cl.url = startServer(t, func(c *Config) { c.Backend = routingBackend{cl: cl} })
	return cl
}

func (cl *cluster) connect(t *testing.T) *pgconn.PgConn {
	t.Helper()
	c, err := pgconn.Connect(context.Background(), cl.url+"&application_name=fwdtest")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// one runs a simple query and returns its first value, or the error.
func one(c *pgconn.PgConn, q string) (string, error) {
	res, err := c.Exec(context.Background(), q).ReadAll()
	if err != nil {
		return "", err
	}
	for _, r := range res {
		if len(r.Rows) > 0 {
			return string(r.Rows[0][0]), nil
		}
	}
	return "", nil
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != code {
		t.Fatalf("got %v, want SQLSTATE %s", err, code)
	}
}

func mustOne(t *testing.T, c *pgconn.PgConn, q, want string) {
	t.Helper()
	got, err := one(c, q)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	if got != want {
		t.Fatalf("%q = %q, want %q", q, got, want)
	}
}

func TestForwardQueries(t *testing.T) {
	cl := newCluster(t, 1)
	c := cl.connect(t)
	ctx := context.Background()
	if got := c.ParameterStatus("application_name"); got != "fwdtest" {
		t.Fatalf("application_name %q: the startup parameters did not reach the leader", got)
	}
	mustOne(t, c, "node", "n1")
	cases := []struct {
		query, code string
		tx          byte
	}{
		{"rows", "", 'I'},
		{"insert; insert", "", 'I'},
		{"bogus", "42601", 'I'},
		{"begin", "", 'T'},
		{"fail", "42P01", 'E'},
		{"rollback", "", 'I'},
		{"many", "", 'I'},
	}
	for _, tc := range cases {
		_, err := c.Exec(ctx, tc.query).ReadAll()
		if tc.code == "" && err != nil {
			t.Fatalf("%q: %v", tc.query, err)
		} else if tc.code != "" {
			wantCode(t, err, tc.code)
		}
		if c.TxStatus() != tc.tx {
			t.Fatalf("%q: status %c, want %c", tc.query, c.TxStatus(), tc.tx)
		}
	}
	res := c.ExecParams(ctx, "echo $1", [][]byte{[]byte("42")}, nil, nil, nil).Read()
	if res.Err != nil || len(res.Rows) != 1 || string(res.Rows[0][0]) != "42" {
		t.Fatalf("extended query: %v %q", res.Err, res.Rows)
	}
	if _, err := c.Prepare(ctx, "named", "echo $1", nil); err != nil {
		t.Fatal(err)
	}
	res = c.ExecPrepared(ctx, "named", [][]byte{[]byte("7")}, nil, nil).Read()
	if res.Err != nil || string(res.Rows[0][0]) != "7" {
		t.Fatalf("prepared: %v %q", res.Err, res.Rows)
	}
	res = c.ExecParams(ctx, "nonsense", nil, nil, nil, nil).Read()
	wantCode(t, res.Err, "42601")
	mustOne(t, c, "set application_name = changed", "")
	if got := c.ParameterStatus("application_name"); got != "changed" {
		t.Fatalf("ParameterStatus not relayed: application_name %q", got)
	}
	if _, err := pgconn.Connect(ctx, strings.Replace(cl.url, "/drove?", "/nope?", 1)); err == nil {
		t.Fatal("connected to a database the router does not know")
	} else {
		wantCode(t, err, "3D000")
	}
}

func TestForwardCopy(t *testing.T) {
	cl := newCluster(t, 1)
	c := cl.connect(t)
	ctx := context.Background()
	tag, err := c.CopyFrom(ctx, strings.NewReader(strings.Repeat("row\n", 10000)), "copyin")
	if err != nil || tag.String() != "COPY 10000" {
		t.Fatalf("COPY FROM STDIN: %v %q", err, tag)
	}
	var out strings.Builder
	tag, err = c.CopyTo(ctx, &out, "copyout")
	if err != nil || out.String() != "a\nb\nc\n" || tag.String() != "COPY 3" {
		t.Fatalf("COPY TO STDOUT: %v %q %q", err, out.String(), tag)
	}
	mustOne(t, c, "node", "n1")
}

func TestForwardCancel(t *testing.T) {
	cl := newCluster(t, 1)
	c := cl.connect(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() { done <- c.Exec(ctx, "sleep").Close() }()
	time.Sleep(50 * time.Millisecond)
	if err := c.CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		wantCode(t, err, "57014")
	case <-time.After(2 * time.Second):
		t.Fatal("the cancel request did not reach the leader")
	}
	if cause := <-cl.nodes[0].ended; cause != context.Canceled {
		t.Fatalf("the statement on the leader ended with %v, want a cancel request", cause)
	}
	mustOne(t, c, "node", "n1")
}

// TestForwardLostIdle: the leader's connection breaks while nothing is in flight; the next
// statement goes to the new leader, with the session's SET and prepared statements.
func TestForwardLostIdle(t *testing.T) {
	cl := newCluster(t, 2)
	c := cl.connect(t)
	ctx := context.Background()
	mustOne(t, c, "set search_path = s1", "")
	if _, err := c.Prepare(ctx, "named", "echo $1", nil); err != nil {
		t.Fatal(err)
	}
	mustOne(t, c, "begin; set work_mem = 1; rollback", "")
	mustOne(t, c, "begin", "")
	mustOne(t, c, "set search_path = s2", "")
	mustOne(t, c, "commit", "")
	cl.leader.Store(1)
	cl.nodes[0].kill()
	time.Sleep(50 * time.Millisecond) // let the relay see the loss
	mustOne(t, c, "node", "n2")
	mustOne(t, c, "show search_path", "s2")
	mustOne(t, c, "show work_mem", "")
	res := c.ExecPrepared(ctx, "named", [][]byte{[]byte("9")}, nil, nil).Read()
	if res.Err != nil || string(res.Rows[0][0]) != "9" {
		t.Fatalf("prepared statement after the reconnect: %v %q", res.Err, res.Rows)
	}
}

// TestForwardLostInFlight: a statement in flight when the connection breaks has an unknown
// outcome: 08007, and the connection stays usable.
func TestForwardLostInFlight(t *testing.T) {
	cl := newCluster(t, 2)
	c := cl.connect(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() { done <- c.Exec(ctx, "sleep").Close() }()
	time.Sleep(50 * time.Millisecond)
	cl.leader.Store(1)
	cl.nodes[0].kill()
	select {
	case err := <-done:
		wantCode(t, err, "08007")
	case <-time.After(2 * time.Second):
		t.Fatal("no answer after the leader's connection broke")
	}
	if c.TxStatus() != 'I' {
		t.Fatalf("status %c after 08007", c.TxStatus())
	}
	mustOne(t, c, "node", "n2")
}

// TestForwardLostInTransaction: a transaction is pinned to its leader: 40001, then 25P02
// until ROLLBACK, whether the break came while idle or with a statement in flight.
func TestForwardLostInTransaction(t *testing.T) {
	for _, inFlight := range []bool{false, true} {
		t.Run(fmt.Sprintf("inFlight=%v", inFlight), func(t *testing.T) {
			cl := newCluster(t, 2)
			c := cl.connect(t)
			ctx := context.Background()
			mustOne(t, c, "begin", "")
			mustOne(t, c, "insert", "")
			if inFlight {
				done := make(chan error, 1)
				go func() { done <- c.Exec(ctx, "sleep").Close() }()
				time.Sleep(50 * time.Millisecond)
				cl.nodes[0].kill()
				wantCode(t, <-done, "40001")
			} else {
				cl.nodes[0].kill()
				time.Sleep(50 * time.Millisecond)
				_, err := one(c, "insert")
				wantCode(t, err, "40001")
			}
			cl.leader.Store(1)
			if c.TxStatus() != 'E' {
				t.Fatalf("status %c after 40001, want E", c.TxStatus())
			}
			_, err := one(c, "node")
			wantCode(t, err, "25P02")
			res := c.ExecParams(ctx, "echo $1", [][]byte{[]byte("1")}, nil, nil, nil).Read()
			wantCode(t, res.Err, "25P02")
			res = c.ExecParams(ctx, "rollback", nil, nil, nil, nil).Read()
			if res.Err != nil || res.CommandTag.String() != "ROLLBACK" {
				t.Fatalf("ROLLBACK: %v %q", res.Err, res.CommandTag)
			}
			if c.TxStatus() != 'I' {
				t.Fatalf("status %c after ROLLBACK", c.TxStatus())
			}
			mustOne(t, c, "node", "n2")
			if got := cl.nodes[1].inserts.Load(); got != 0 {
				t.Fatalf("the new leader applied %d inserts of the lost transaction", got)
			}
		})
	}
}

// TestForwardNotLeaderRetry: an autocommit statement the former leader refused is retried
// on the new one; inside a transaction, or after a result, the refusal reaches the client.
func TestForwardNotLeaderRetry(t *testing.T) {
	cl := newCluster(t, 2)
	c := cl.connect(t)
	cl.nodes[0].leading.Store(false)
	go func() {
		time.Sleep(100 * time.Millisecond)
		cl.leader.Store(1)
	}()
	mustOne(t, c, "insert", "")
	if got := cl.nodes[1].inserts.Load(); got != 1 {
		t.Fatalf("new leader applied %d inserts, want 1", got)
	}
	mustOne(t, c, "node", "n2")

	cl.nodes[1].leading.Store(false)
	mustOne(t, c, "begin", "")
	_, err := one(c, "insert")
	wantCode(t, err, NotLeaderCode)
	mustOne(t, c, "rollback", "")
	_, err = one(c, "node; insert")
	wantCode(t, err, NotLeaderCode)

	defer func(b time.Duration) { retryBudget = b }(retryBudget)
	retryBudget = 200 * time.Millisecond
	start := time.Now()
	_, err = one(c, "insert")
	wantCode(t, err, NotLeaderCode)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("gave up after %v, want about the retry budget", d)
	}
	mustOne(t, c, "node", "n2")
}

func TestForwardLocalReroute(t *testing.T) {
	// A route back to this node (Dial nil) after leadership moved here runs through
	// ServeForwarded over a pipe.
	cl := newCluster(t, 1)
	local := &testNode{name: "entry", ended: make(chan error, 1)}
	local.leading.Store(true)
	var toLocal atomic.Bool
	b := &localRouter{node: local, remote: cl, toLocal: &toLocal}
	s, url := startServer(t, func(c *Config) { c.Backend = b })
	_ = s
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	mustOne(t, c, "node", "n1")
	toLocal.Store(true)
	cl.nodes[0].kill()
	time.Sleep(50 * time.Millisecond)
	mustOne(t, c, "node", "entry")
	mustOne(t, c, "insert", "")
}

// localRouter routes to cl's leader until toLocal, then here.
type localRouter struct {
	node    *testNode
	remote  *cluster
	toLocal *atomic.Bool
}

func (r *localRouter) Authenticate(u string) (*scram.StoredCredentials, error) {
	return r.node.Authenticate(u)
}

func (r *localRouter) Open(ctx context.Context, u, db string) (sql.Executor, error) {
	return r.node.Open(ctx, u, db)
}

func (r *localRouter) Route(ctx context.Context, u, db string) (Route, error) {
	if r.toLocal.Load() {
		return Route{}, nil
	}
	return routingBackend{cl: r.remote}.Route(ctx, u, db)
}

// BenchmarkForwardedQuery compares a simple query served directly with one relayed
// through a forwarding node (both on loopback).
func BenchmarkForwardedQuery(b *testing.B) {
	for _, forwarded := range []bool{false, true} {
		b.Run(fmt.Sprintf("forwarded=%v", forwarded), func(b *testing.B) {
			var url string
			if forwarded {
				url = newClusterB(b, 1).url
			} else {
				_, url = startServer(b)
			}
			ctx := context.Background()
			c, err := pgconn.Connect(ctx, url)
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close(ctx)
			b.ResetTimer()
			for range b.N {
				if _, err := c.Exec(ctx, "rows").ReadAll(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestForwardNotLeaderRetryExtended: a batch refused by a former leader before any result
// is sent again to the new one, its held replies (ParseComplete, BindComplete) not doubled.
func TestForwardNotLeaderRetryExtended(t *testing.T) {
	cl := newCluster(t, 2)
	c := cl.connect(t)
	ctx := context.Background()
	if _, err := c.Prepare(ctx, "ins", "insert", nil); err != nil {
		t.Fatal(err)
	}
	// flip moves leadership away from the node the session is on; the router learns it
	// 100 ms later, so the statement is refused a few times first.
	var moved sync.WaitGroup
	flip := func() {
		moved.Wait()
		from := cl.leader.Load()
		cl.nodes[from].leading.Store(false)
		cl.nodes[1-from].leading.Store(true)
		moved.Go(func() {
			time.Sleep(100 * time.Millisecond)
			cl.leader.Store(1 - from)
		})
	}
	flip()
	if res := c.ExecParams(ctx, "insert", nil, nil, nil, nil).Read(); res.Err != nil {
		t.Fatalf("unnamed: %v", res.Err)
	}
	flip()
	if res := c.ExecPrepared(ctx, "ins", nil, nil, nil).Read(); res.Err != nil {
		t.Fatalf("named, prepared before: %v", res.Err)
	}
	flip()
	fe := c.Frontend()
	fe.Send(&pgproto3.Parse{Name: "p2", Query: "insert"})
	fe.Send(&pgproto3.Bind{PreparedStatement: "p2"})
	fe.Send(&pgproto3.Execute{})
	fe.Send(&pgproto3.Sync{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		msg, err := c.ReceiveMessage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%T", msg))
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			break
		}
	}
	want := "*pgproto3.ParseComplete *pgproto3.BindComplete *pgproto3.CommandComplete *pgproto3.ReadyForQuery"
	if strings.Join(got, " ") != want {
		t.Fatalf("replies %v, want %s", got, want)
	}
	if n0, n1 := cl.nodes[0].inserts.Load(), cl.nodes[1].inserts.Load(); n0 != 1 || n1 != 2 {
		t.Fatalf("the leaders applied %d and %d inserts, want 1 and 2", n0, n1)
	}
	// In a transaction the refusal is the client's.
	mustOne(t, c, "node", "n2")
	cl.nodes[1].leading.Store(false)
	mustOne(t, c, "begin", "")
	wantCode(t, c.ExecPrepared(ctx, "ins", nil, nil, nil).Read().Err, NotLeaderCode)
	mustOne(t, c, "rollback", "")
}

// leaderRouter serves here while node leads, else routes to remote's leader.
type leaderRouter struct {
	*testNode
	remote *cluster
}

func (r leaderRouter) Route(ctx context.Context, u, db string) (Route, error) {
	if r.leading.Load() {
		return Route{}, nil
	}
	return routingBackend{cl: r.remote}.Route(ctx, u, db)
}

// TestLocalSessionSwitches: a local session refused as not-leader in autocommit moves to
// the new leader with its settings and prepared statements, in the simple or the extended
// protocol; a refusal it cannot retry (in a transaction) reaches the client, and the
// session moves once it is idle, so it is not refused for good.
func TestLocalSessionSwitches(t *testing.T) {
	cl := newCluster(t, 1)
	for _, mode := range []string{"autocommit", "tx", "tx-40001", "extended"} {
		local := &testNode{name: "entry", ended: make(chan error, 1)}
		local.leading.Store(true)
		_, url := startServer(t, func(c *Config) { c.Backend = leaderRouter{local, cl} })
		ctx := context.Background()
		c, err := pgconn.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		mustOne(t, c, "node", "entry")
		mustOne(t, c, "set search_path = s1", "")
		if _, err := c.Prepare(ctx, "named", "echo $1", nil); err != nil {
			t.Fatal(err)
		}
		local.leading.Store(false)
		switch mode {
		case "tx", "tx-40001":
			mustOne(t, c, "begin", "")
			stmt, code := "insert", NotLeaderCode
			if mode == "tx-40001" {
				stmt, code = "moved", "40001"
			}
			_, err := one(c, stmt)
			wantCode(t, err, code)
			mustOne(t, c, "rollback", "")
			mustOne(t, c, "node", "n1")
			mustOne(t, c, "show search_path", "s1")
			continue
		case "extended":
			// The refused Execute goes to the new leader (switch_test.go has the details).
			if err := c.ExecParams(ctx, "insert", nil, nil, nil, nil).Read().Err; err != nil {
				t.Fatalf("extended: %v", err)
			}
			mustOne(t, c, "node", "n1")
			continue
		}
		before := cl.nodes[0].inserts.Load()
		mustOne(t, c, "insert", "")
		if got := cl.nodes[0].inserts.Load() - before; got != 1 {
			t.Fatalf("the leader applied %d inserts, want 1", got)
		}
		mustOne(t, c, "node", "n1")
		mustOne(t, c, "show search_path", "s1")
		res := c.ExecPrepared(ctx, "named", [][]byte{[]byte("5")}, nil, nil).Read()
		if res.Err != nil || string(res.Rows[0][0]) != "5" {
			t.Fatalf("prepared statement after the switch: %v %q", res.Err, res.Rows)
		}
		done := make(chan error, 1)
		go func() { done <- c.Exec(ctx, "sleep").Close() }()
		time.Sleep(50 * time.Millisecond)
		if err := c.CancelRequest(ctx); err != nil {
			t.Fatal(err)
		}
		wantCode(t, <-done, "57014")
		<-cl.nodes[0].ended
	}
}

// TestForwardShutdown: closing the forwarding node ends its forwarded sessions promptly, idle
// (57P01) or with a statement running on the leader (08007: the leader may still apply it, so
// the client must not take it for aborted).
func TestForwardShutdown(t *testing.T) {
	cl := newCluster(t, 1)
	idle, busy := cl.connect(t), cl.connect(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() { done <- busy.Exec(ctx, "sleep").Close() }()
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	cl.entry.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("Close took %v", d)
	}
	wantCode(t, <-done, "08007")
	_, err := one(idle, "node")
	if err == nil {
		t.Fatal("an idle forwarded session outlived its server")
	}
	select {
	case <-cl.nodes[0].ended: // the leader's statement ended with its connection
	case <-time.After(2 * time.Second):
		t.Fatal("the statement on the leader kept running after the forwarding node closed")
	}
}

// TestForwardedSessionDoesNotChain: a former leader whose Backend routes does not forward a
// session forwarded to it; the forwarding node retries on the new leader and lets go of it.
func TestForwardedSessionDoesNotChain(t *testing.T) {
	cl := newCluster(t, 2)
	for _, n := range cl.nodes {
		n.srv.cfg.Backend = leaderRouter{n, cl}
	}
	c := cl.connect(t)
	mustOne(t, c, "node", "n1")
	cl.nodes[0].leading.Store(false)
	go func() {
		time.Sleep(100 * time.Millisecond)
		cl.leader.Store(1)
	}()
	mustOne(t, c, "insert", "")
	if got := cl.nodes[1].inserts.Load(); got != 1 {
		t.Fatalf("new leader applied %d inserts", got)
	}
	deadline := time.Now().Add(time.Second)
	for cl.nodes[0].srv.Connections() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the former leader still holds the session: it relays instead of the forwarding node")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestForwardPgxStatementCache: pgx's statement cache (named prepared statements) keeps
// working through a forwarding node across a change of leader.
func TestForwardPgxStatementCache(t *testing.T) {
	cl := newCluster(t, 2)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, cl.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for i, leader := range []int32{0, 1, 0} {
		if i > 0 {
			cl.nodes[1-leader].kill()
			cl.leader.Store(leader)
			time.Sleep(50 * time.Millisecond)
		}
		var v int64
		if err := c.QueryRow(ctx, "echo $1", int64(40+i)).Scan(&v); err != nil || v != int64(40+i) {
			t.Fatalf("round %d: %v %d", i, err, v)
		}
		mustOne(t, c.PgConn(), "node", cl.nodes[leader].name)
	}
}

// TestForwardAfterSCRAM: a client that authenticated with SCRAM here gets the server's
// SASLFinal before the forwarded session's AuthenticationOk (pgx checks the server's proof
// and refuses an AuthenticationOk that comes first).
func TestForwardAfterSCRAM(t *testing.T) {
	cl := newCluster(t, 1)
	url := strings.Replace(cl.url, "drove@", "alice:wonderland@", 1)
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	mustOne(t, c, "node", "n1")
}

package pgwire

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// batchingSession is a fakeSession that is a sql.Batcher: the "insert" that opens a batch
// is applied at the Sync's commit, which its node refuses (NotLeaderError) once it no
// longer leads, as a replica that lost leadership between the statement and its commit.
type batchingSession struct {
	*fakeSession
	n       *testNode
	pending bool // an "insert" waits for the Sync
}

func (s *batchingSession) ExecBatched(ctx context.Context, ps sql.PreparedStatement, args []types.Value, out sql.Output, held bool) (bool, error) {
	if st, ok := ps.(*fakeStmt); ok && st.query == "insert" && s.TxStatus() == sql.TxIdle && !s.pending {
		s.pending = true
		return held, out.Complete("INSERT 0 1")
	}
	return false, s.ExecPrepared(ctx, ps, args, out)
}

func (s *batchingSession) ShowBatch(context.Context) error { return nil }

func (s *batchingSession) SyncBatch(context.Context) error {
	if !s.pending {
		return nil
	}
	s.pending = false
	if !s.n.leading.Load() {
		return NotLeaderError(s.n.name, "drove")
	}
	s.n.inserts.Add(1)
	return nil
}

func (s *batchingSession) Abort() {
	s.pending = false
	s.fakeSession.Abort()
}

// TestLocalSessionSwitchesAtSync: the only Execute of a batch, refused at the Sync's commit
// because this node lost leadership after the statement ran, had its CommandComplete held,
// so nothing of it was shown or applied: the session switches to the new leader there, the
// statement runs once, on the leader, and the client sees its tag and no error.
func TestLocalSessionSwitchesAtSync(t *testing.T) {
	cl := newCluster(t, 1)
	local := &testNode{name: "entry", ended: make(chan error, 1), batching: true}
	local.leading.Store(true)
	_, url := startServer(t, func(c *Config) { c.Backend = leaderRouter{local, cl} })
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if res := c.ExecParams(ctx, "insert", nil, nil, nil, nil).Read(); res.Err != nil || res.CommandTag.String() != "INSERT 0 1" {
		t.Fatalf("before: %v %q", res.Err, res.CommandTag)
	}
	local.leading.Store(false)
	res := c.ExecParams(ctx, "insert", nil, nil, nil, nil).Read()
	if res.Err != nil || res.CommandTag.String() != "INSERT 0 1" {
		t.Fatalf("the insert refused at its commit: %v %q, want INSERT 0 1 from the new leader", res.Err, res.CommandTag)
	}
	if l, n := local.inserts.Load(), cl.nodes[0].inserts.Load(); l != 1 || n != 1 {
		t.Fatalf("this node applied %d inserts and the leader %d, want 1 and 1", l, n)
	}
	if got, err := one(c, "node"); err != nil || got != cl.nodes[0].name {
		t.Fatalf("after: served by %q (%v), want the leader %q", got, err, cl.nodes[0].name)
	}
}

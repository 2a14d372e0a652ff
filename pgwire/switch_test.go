package pgwire

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// localOnCluster starts a server whose sessions are local while local leads, and whose
// Router sends them to cl's leader otherwise.
func localOnCluster(t *testing.T, cl *cluster) (*testNode, string) {
	local := &testNode{name: "entry", ended: make(chan error, 1)}
	local.leading.Store(true)
	_, url := startServer(t, func(c *Config) { c.Backend = leaderRouter{local, cl} })
	return local, url
}

// TestLocalSessionSwitchesExtendedPgx: a pgx connection (extended protocol, with its
// statement cache of named statements or with unnamed ones) on a node that loses
// leadership between statements: the next autocommit INSERT, refused here before it did
// anything, runs on the new leader, once, with its parameter, and the connection goes on
// working there.
func TestLocalSessionSwitchesExtendedPgx(t *testing.T) {
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec} {
		t.Run(mode.String(), func(t *testing.T) {
			cl := newCluster(t, 1)
			local, url := localOnCluster(t, cl)
			ctx := context.Background()
			cfg, err := pgx.ParseConfig(url)
			if err != nil {
				t.Fatal(err)
			}
			cfg.DefaultQueryExecMode = mode
			c, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			var v int64
			if err := c.QueryRow(ctx, "insert $1", int64(1)).Scan(&v); err != nil || v != 1 {
				t.Fatalf("before: %v %d", err, v)
			}
			local.leading.Store(false)
			if err := c.QueryRow(ctx, "insert $1", int64(2)).Scan(&v); err != nil || v != 2 {
				t.Fatalf("the insert after leadership moved: %v %d", err, v)
			}
			if l, n := local.inserts.Load(), cl.nodes[0].inserts.Load(); l != 1 || n != 1 {
				t.Fatalf("this node applied %d inserts and the leader %d, want 1 and 1", l, n)
			}
			if _, err := c.Exec(ctx, "insert"); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRow(ctx, "echo $1", int64(3)).Scan(&v); err != nil || v != 3 {
				t.Fatalf("after: %v %d", err, v)
			}
			if n := cl.nodes[0].inserts.Load(); n != 2 {
				t.Fatalf("the leader applied %d inserts, want 2", n)
			}
			mustOne(t, c.PgConn(), "node", "n1")
		})
	}
}

// exchange sends msgs and returns the replies up to ReadyForQuery, by type, with the
// values of DataRows and the codes of errors.
func exchange(t *testing.T, c *pgconn.PgConn, msgs ...pgproto3.FrontendMessage) string {
	t.Helper()
	fe := c.Frontend()
	for _, m := range msgs {
		fe.Send(m)
	}
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		msg, err := c.ReceiveMessage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(fmt.Sprintf("%T", msg), "*pgproto3.")
		switch m := msg.(type) {
		case *pgproto3.DataRow:
			name += fmt.Sprintf("(%s)", m.Values[0])
		case *pgproto3.ErrorResponse:
			name += "(" + m.Code + ")"
		case *pgproto3.ParameterStatus:
			continue
		}
		got = append(got, name)
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			return strings.Join(got, " ")
		}
	}
}

// TestLocalSessionSwitchesExtendedPipeline: the client's replies to a switched batch come
// once each, in order: the ParseComplete and BindComplete of the refused Execute from here,
// its result and the rest of the pipeline up to Sync from the new leader. A refused Execute
// that is not the batch's first reaches the client (25006), and the session moves after it.
func TestLocalSessionSwitchesExtendedPipeline(t *testing.T) {
	cl := newCluster(t, 1)
	local, url := localOnCluster(t, cl)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	c2, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close(ctx)
	if _, err := c.Prepare(ctx, "named", "insert $1", nil); err != nil {
		t.Fatal(err)
	}
	local.leading.Store(false)
	got := exchange(t, c,
		&pgproto3.Parse{Query: "insert $1"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("7")}},
		&pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{},
		&pgproto3.Parse{Query: "echo $1"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("8")}},
		&pgproto3.Execute{},
		&pgproto3.Bind{PreparedStatement: "named", Parameters: [][]byte{[]byte("9")}},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	want := "ParseComplete BindComplete RowDescription DataRow(7) CommandComplete " +
		"ParseComplete BindComplete DataRow(8) CommandComplete BindComplete DataRow(9) CommandComplete ReadyForQuery"
	if got != want {
		t.Fatalf("replies\n%s\nwant\n%s", got, want)
	}
	if l, n := local.inserts.Load(), cl.nodes[0].inserts.Load(); l != 0 || n != 2 {
		t.Fatalf("this node applied %d inserts and the leader %d, want 0 and 2", l, n)
	}
	mustOne(t, c, "node", "n1")

	// Not the first Execute of its batch: the refusal is the client's.
	got = exchange(t, c2,
		&pgproto3.Parse{Query: "echo $1"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("1")}},
		&pgproto3.Execute{},
		&pgproto3.Parse{Query: "insert $1"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("2")}},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	want = "ParseComplete BindComplete DataRow(1) CommandComplete ParseComplete BindComplete ErrorResponse(" + NotLeaderCode + ") ReadyForQuery"
	if got != want {
		t.Fatalf("replies\n%s\nwant\n%s", got, want)
	}
	if n := cl.nodes[0].inserts.Load(); n != 2 {
		t.Fatalf("the leader applied %d inserts, want 2", n)
	}
	mustOne(t, c2, "node", "n1")
}

// TestLocalSessionSwitchesExtendedRetried: when the node the router names at the switch
// refuses too (it has not taken leadership yet), the relay retries the switched batch on the
// next leader without repeating the replies the client already has.
func TestLocalSessionSwitchesExtendedRetried(t *testing.T) {
	cl := newCluster(t, 2)
	local, url := localOnCluster(t, cl)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	local.leading.Store(false)
	cl.nodes[0].leading.Store(false)
	go func() {
		// The router learns of n2 a little later.
		for cl.routes.Load() < 2 {
			time.Sleep(time.Millisecond)
		}
		cl.leader.Store(1)
	}()
	got := exchange(t, c,
		&pgproto3.Parse{Query: "insert $1"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("5")}},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	if want := "ParseComplete BindComplete DataRow(5) CommandComplete ReadyForQuery"; got != want {
		t.Fatalf("replies\n%s\nwant\n%s", got, want)
	}
	if n1, n2 := cl.nodes[0].inserts.Load(), cl.nodes[1].inserts.Load(); n1 != 0 || n2 != 1 {
		t.Fatalf("the nodes applied %d and %d inserts, want 0 and 1", n1, n2)
	}
	mustOne(t, c, "node", "n2")
}

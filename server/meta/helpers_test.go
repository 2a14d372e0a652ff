package meta

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// testCluster runs metas in one process: Raft over in-memory transports, the meta service over
// loopback TCP.
type testCluster struct {
	t     *testing.T
	mu    sync.Mutex
	nodes map[string]*testNode
	// tweak, if set, edits each node's options before it starts.
	tweak func(*Options)
	// dialHook, if set, replaces the dial of the node it is given.
	dialHook atomic.Pointer[func(ctx context.Context, from, addr string) (net.Conn, error)]
}

type testNode struct {
	id    string
	dir   string
	trans *raft.InmemTransport
	l     net.Listener
	m     *Meta
}

func newTestCluster(t *testing.T) *testCluster {
	c := &testCluster{t: t, nodes: map[string]*testNode{}}
	t.Cleanup(func() {
		for _, n := range c.nodes {
			c.stop(n.id)
		}
	})
	return c
}

func testLogger() *slog.Logger {
	if os.Getenv("META_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func dialTCP(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

// prepare makes (or remakes, keeping its directory) node id's transport and listener.
func (c *testCluster) prepare(id string) (*testNode, Options) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.nodes[id]
	if n == nil {
		n = &testNode{id: id, dir: c.t.TempDir()}
		c.nodes[id] = n
	}
	_, n.trans = raft.NewInmemTransport(raft.ServerAddress("raft-" + id))
	for oid, o := range c.nodes {
		if oid != id && o.m != nil {
			n.trans.Connect(o.trans.LocalAddr(), o.trans)
			o.trans.Connect(n.trans.LocalAddr(), n.trans)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		c.t.Fatal(err)
	}
	n.l = l
	dial := func(ctx context.Context, addr string) (net.Conn, error) {
		if h := c.dialHook.Load(); h != nil {
			return (*h)(ctx, id, addr)
		}
		return dialTCP(ctx, addr)
	}
	opts := Options{Dir: n.dir, NodeID: id, Transport: n.trans, Dial: dial, Logger: testLogger(),
		Self:     Node{PGAddr: "pg-" + id + ":5432", ClusterAddr: l.Addr().String()},
		Timeouts: FastTimeouts()}
	if c.tweak != nil {
		c.tweak(&opts)
	}
	return n, opts
}

func (c *testCluster) started(n *testNode, m *Meta, err error) *Meta {
	c.t.Helper()
	if err != nil {
		n.l.Close()
		c.t.Fatalf("starting %s: %v", n.id, err)
	}
	c.mu.Lock()
	n.m = m
	c.mu.Unlock()
	go m.Serve(n.l)
	return m
}

// bootstrap starts a new cluster on id.
func (c *testCluster) bootstrap(id string) *Meta {
	n, opts := c.prepare(id)
	opts.Bootstrap = true
	m, err := Open(opts)
	return c.started(n, m, err)
}

// join starts id and joins it through the nodes in via.
func (c *testCluster) join(id string, via ...string) *Meta {
	c.t.Helper()
	n, opts := c.prepare(id)
	var seeds []string
	for _, v := range via {
		seeds = append(seeds, c.nodes[v].l.Addr().String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := Join(ctx, opts, seeds)
	return c.started(n, m, err)
}

// restart starts id again from its directory, without seeds.
func (c *testCluster) restart(id string) *Meta {
	n, opts := c.prepare(id)
	m, err := Open(opts)
	return c.started(n, m, err)
}

// stop closes id's meta and cuts it off.
func (c *testCluster) stop(id string) {
	c.mu.Lock()
	n := c.nodes[id]
	m := n.m
	n.m = nil
	c.mu.Unlock()
	if m == nil {
		return
	}
	n.l.Close()
	m.Close()
	for oid, o := range c.nodes {
		if oid != id {
			o.trans.Disconnect(n.trans.LocalAddr())
		}
	}
	n.trans.Close()
}

func (c *testCluster) meta(id string) *Meta { return c.nodes[id].m }

// leader waits for a leader among the running nodes.
func (c *testCluster) leader() *Meta {
	c.t.Helper()
	var found *Meta
	c.eventually("a leader", func() bool {
		for _, n := range c.nodes {
			if n.m != nil && n.m.IsLeader() {
				found = n.m
				return true
			}
		}
		return false
	})
	return found
}

func (c *testCluster) eventually(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// converged waits until every running node has applied the same catalog.
func (c *testCluster) converged() *Catalog { return c.convergedAt(0) }

// convergedAt waits until every running node has applied the same catalog, at least at index.
func (c *testCluster) convergedAt(index uint64) *Catalog {
	c.t.Helper()
	var cat *Catalog
	c.eventually("the catalogs to converge", func() bool {
		cat = nil
		for _, n := range c.nodes {
			if n.m == nil {
				continue
			}
			got := n.m.Catalog()
			if got.Index < index {
				return false
			}
			if cat == nil {
				cat = got
			} else if got.Index != cat.Index {
				return false
			}
		}
		return true
	})
	return cat
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func mustKind(t *testing.T, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error %v, want %v", err, kind)
	}
}

// testVerifier is a well-formed SCRAM-SHA-256 verifier (its keys are not of any password).
const testVerifier = "SCRAM-SHA-256$4096:c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

package meta

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove/internal/raftlog/logfault"
)

// TestDiskFull: when the meta leader's disk fills (its log cannot get a new segment), commands
// fail at once with ErrDiskFull — on the leader and when forwarded to it — and the catalog
// still reads; once space returns commands work again without a restart, and a restart keeps
// every acknowledged change. Plain raft-wal left the log sealed: every append failed, the
// leader stepped down, and commands timed out with "no leader" for good.
func TestDiskFull(t *testing.T) {
	c := newTestCluster(t)
	f := &logfault.Faults{}
	c.tweak = func(o *Options) {
		if o.NodeID == "n1" {
			o.logSegmentSize, o.logHooks = 64<<10, f.Hooks()
		}
	}
	ctx := ctxT(t)
	n1 := c.bootstrap("n1")
	n2 := c.join("n2", "n1")
	var acked []string
	create := func(m *Meta) error {
		name := fmt.Sprintf("t%d", len(acked))
		err := m.CreateTablespace(ctx, Tablespace{Name: name})
		if err == nil {
			acked = append(acked, name)
		}
		return err
	}
	f.NoCreate.Store(true) // the next segment (and the reserve, once spent) cannot be allocated
	var err error
	for range 2000 {
		if err = create(n1); err != nil {
			break
		}
	}
	mustKind(t, err, ErrDiskFull)
	if !strings.Contains(err.Error(), "disk is full") {
		t.Errorf("error %q does not say the disk is full", err)
	}
	if len(acked) == 0 {
		t.Fatal("the disk was full before the first command")
	}
	mustKind(t, create(n2), ErrDiskFull) // forwarded to the leader: the kind crosses the wire
	for _, name := range acked {
		if _, ok := n1.Catalog().Tablespaces[name]; !ok {
			t.Fatalf("acknowledged tablespace %s missing while the disk is full", name)
		}
	}
	f.NoCreate.Store(false)
	deadline := time.Now().Add(5 * time.Second)
	for err = create(n2); err != nil; err = create(n2) {
		mustKind(t, err, ErrDiskFull)
		if time.Now().After(deadline) {
			t.Fatalf("commands did not resume after space returned: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := create(n1); err != nil {
		t.Fatal(err)
	}
	index := n1.Catalog().Index
	c.stop("n1")
	c.stop("n2")
	c.restart("n1")
	c.restart("n2")
	cat := c.convergedAt(index)
	if len(cat.Tablespaces) != len(acked) {
		t.Fatalf("%d tablespaces after restart, want the %d acknowledged", len(cat.Tablespaces), len(acked))
	}
}

// TestUnfinishedSnapshotRemovedAtOpen: a snapshot a crash interrupted (a .tmp directory in
// snapshots/) is deleted when the node opens; hashicorp/raft never removes it.
func TestUnfinishedSnapshotRemovedAtOpen(t *testing.T) {
	c := newTestCluster(t)
	m := c.bootstrap("n1")
	if err := m.CreateTablespace(ctxT(t), Tablespace{Name: "a"}); err != nil {
		t.Fatal(err)
	}
	c.stop("n1")
	tmp := filepath.Join(c.nodes["n1"].dir, "snapshots", "2-5-1700000000000.tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "state.bin"), []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = c.restart("n1")
	if err := m.Sync(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("unfinished snapshot still there after open: %v", err)
	}
	if _, ok := m.Catalog().Tablespaces["a"]; !ok {
		t.Fatal("catalog lost its tablespace")
	}
}

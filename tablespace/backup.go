package tablespace

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/go-hclog"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
)

// Backup takes a checkpoint and hands it to fn: the manifest and the page store holding
// every page it names. The checkpoint holds every write acknowledged before Backup was
// called; writes go on meanwhile, and the pages fn reads stay on disk until fn returns,
// whatever checkpoints follow.
func (ts *Tablespace) Backup(ctx context.Context, fn func(m *checkpoint.Manifest, pages *checkpoint.Store) error) error {
	if err := ts.Checkpoint(ctx); err != nil {
		return fmt.Errorf("tablespace %s: checkpoint for backup: %w", ts.opts.Name, err)
	}
	f := ts.fsm
	f.mu.Lock()
	m, pages := f.lastManifest, f.pages
	f.mu.Unlock()
	if m == nil {
		return fmt.Errorf("tablespace %s: no checkpoint to back up", ts.opts.Name)
	}
	f.pinManifest(m)
	defer f.unpinManifest(m)
	if !f.ownStore(m, pages) {
		// A snapshot install switched stores between the checkpoint and here.
		return fmt.Errorf("tablespace %s: the checkpoint's page store was replaced; retry", ts.opts.Name)
	}
	return fn(m, pages)
}

// Seed prepares opts.Dir, whose pages/ already holds every page of m, to open as a tablespace
// at checkpoint m: it writes m as the Raft snapshot a fresh single-voter group starts from.
// It is the last step of a restore.
func Seed(opts Options, m *checkpoint.Manifest) error {
	opts.setDefaults()
	// The manifest names the store it came from; its pages are now in this directory's.
	pages, err := checkpoint.OpenStore(filepath.Join(opts.Dir, legacyStoreDir))
	if err != nil {
		return err
	}
	seeded := *m
	seeded.StoreID = pages.ID()
	m = &seeded
	quiet := hclog.New(&hclog.LoggerOptions{Name: "raft." + opts.Name, Level: hclog.Error, Output: os.Stderr})
	snaps, err := openSnapshotStore(opts.Dir, quiet)
	if err != nil {
		return err
	}
	// The same single-voter configuration startRaft bootstraps with.
	addr, trans := raft.NewInmemTransport(raft.ServerAddress(opts.NodeID))
	defer trans.Close()
	conf := raft.Configuration{Servers: []raft.Server{{Suffrage: raft.Voter, ID: raft.ServerID(opts.NodeID), Address: addr}}}
	index, term := max(m.RaftIndex, 1), max(m.RaftTerm, 1)
	sink, err := snaps.Create(raft.SnapshotVersionMax, index, term, conf, index, trans)
	if err != nil {
		return err
	}
	if _, err := sink.Write(m.Marshal()); err != nil {
		sink.Cancel()
		return err
	}
	return sink.Close()
}

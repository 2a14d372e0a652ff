package meta

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/raft"
)

// fsm is the metadata group's state machine: the current catalog, replaced whole on every
// change (catalogs are small; copy-on-write lets readers hold one without locks).
type fsm struct {
	cat atomic.Pointer[Catalog]
	log *slog.Logger

	mu       sync.Mutex
	applied  chan struct{} // closed and replaced after every apply: WaitApplied's wake-up
	watchers map[*watcher]struct{}
}

type watcher struct{ ch chan struct{} }

func newFSM(log *slog.Logger) *fsm {
	f := &fsm{log: log, applied: make(chan struct{}), watchers: map[*watcher]struct{}{}}
	f.cat.Store(emptyCatalog())
	return f
}

// Apply implements raft.FSM: the response is nil or the command's error.
func (f *fsm) Apply(l *raft.Log) any {
	cur := f.cat.Load()
	cmd, err := decodeCommand(l.Data)
	var next *Catalog
	if err == nil {
		next, err = apply(cur, cmd, l.Index)
	} else {
		// An unreadable entry still advances the applied index, so a waiter sees it.
		next = cur.clone()
		next.Index = l.Index
	}
	if err != nil {
		f.log.Debug("meta command refused", "index", l.Index, "err", err)
	}
	f.publish(next)
	return err
}

// publish makes c the current catalog and wakes waiters and watchers.
func (f *fsm) publish(c *Catalog) {
	f.cat.Store(c)
	f.mu.Lock()
	close(f.applied)
	f.applied = make(chan struct{})
	for w := range f.watchers {
		select {
		case w.ch <- struct{}{}:
		default: // a notification is pending: changes coalesce
		}
	}
	f.mu.Unlock()
}

// appliedCh returns the current catalog and a channel closed at the next apply.
func (f *fsm) appliedCh() (*Catalog, <-chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cat.Load(), f.applied
}

func (f *fsm) watch() (<-chan struct{}, func()) {
	w := &watcher{ch: make(chan struct{}, 1)}
	f.mu.Lock()
	f.watchers[w] = struct{}{}
	f.mu.Unlock()
	var once sync.Once
	return w.ch, func() {
		once.Do(func() {
			f.mu.Lock()
			delete(f.watchers, w)
			f.mu.Unlock()
		})
	}
}

// Snapshot implements raft.FSM: the catalog is immutable, so the snapshot is just a reference.
func (f *fsm) Snapshot() (raft.FSMSnapshot, error) { return catalogSnapshot{f.cat.Load()}, nil }

// Restore implements raft.FSM: the snapshot's catalog replaces the current one.
func (f *fsm) Restore(r io.ReadCloser) error {
	defer r.Close()
	c, err := decodeCatalog(r)
	if err != nil {
		return err
	}
	f.publish(c)
	return nil
}

type catalogSnapshot struct{ c *Catalog }

func (s catalogSnapshot) Persist(sink raft.SnapshotSink) error {
	if err := encodeCatalog(sink, s.c); err != nil {
		sink.Cancel()
		return err
	}
	return sink.Close()
}

func (catalogSnapshot) Release() {}

// snapshotVersion is the version of the snapshot encoding: a JSON document
// {"v":1,"catalog":{...}}.
const snapshotVersion = 1

type snapshotDoc struct {
	V        int                      `json:"v"`
	Catalog  *Catalog                 `json:"catalog"`
	Requests map[string]requestResult `json:"requests,omitempty"`
}

func encodeCatalog(w io.Writer, c *Catalog) error {
	return json.NewEncoder(w).Encode(snapshotDoc{V: snapshotVersion, Catalog: c, Requests: c.requests})
}

func decodeCatalog(r io.Reader) (*Catalog, error) {
	var doc snapshotDoc
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("meta: reading snapshot: %w", err)
	}
	if doc.V != snapshotVersion || doc.Catalog == nil {
		return nil, fmt.Errorf("meta: snapshot version %d, this node reads %d", doc.V, snapshotVersion)
	}
	c := doc.Catalog
	c.requests = doc.Requests
	if c.Nodes == nil {
		c.Nodes = map[string]Node{}
	}
	if c.Tablespaces == nil {
		c.Tablespaces = map[string]Tablespace{}
	}
	if c.Users == nil {
		c.Users = map[string]User{}
	}
	return c, nil
}

package tablespace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
)

// A replica's pages live in one page store, a directory of the tablespace's directory:
// "pages", or "pages-<hex>" once a snapshot was installed from another replica (its pages
// keep the leader's ids, which mean other pages in any other store). The store in use is the
// one the newest snapshot's manifest names (Manifest.StoreID; 0 in manifests older than store
// ids means "pages"), never a second source of truth; the others are removed.

const legacyStoreDir = "pages"

// store is the page store checkpoints write into now.
func (f *fsm) store() *checkpoint.Store {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.pages
}

// ownStore reports whether m's pages are in store.
func (f *fsm) ownStore(m *checkpoint.Manifest, store *checkpoint.Store) bool {
	if m.StoreID == 0 {
		return filepath.Base(store.Dir()) == legacyStoreDir
	}
	return m.StoreID == store.ID()
}

// newStore creates an empty page store with a fresh id, for an installed snapshot's pages.
func (f *fsm) newStore() (*checkpoint.Store, error) {
	for {
		dir := filepath.Join(f.dir, fmt.Sprintf("%s-%x", legacyStoreDir, time.Now().UnixNano()))
		if err := os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return nil, err
		}
		return checkpoint.OpenStore(dir)
	}
}

// storeFor returns the store holding m's pages: the current one, or the one an installed
// snapshot's pages were written into.
func (f *fsm) storeFor(m *checkpoint.Manifest) (*checkpoint.Store, error) {
	if cur := f.store(); f.ownStore(m, cur) {
		return cur, nil
	}
	dir, err := findStoreDir(f.dir, m.StoreID)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return nil, fmt.Errorf("tablespace: the page store %016x of the snapshot is not here", m.StoreID)
	}
	return checkpoint.OpenStore(dir)
}

// storeDirs lists the page store directories in dir.
func storeDirs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && (e.Name() == legacyStoreDir || strings.HasPrefix(e.Name(), legacyStoreDir+"-")) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// findStoreDir returns the directory of the store with id (0: the legacy one), or "".
func findStoreDir(dir string, id uint64) (string, error) {
	if id == 0 {
		p := filepath.Join(dir, legacyStoreDir)
		if _, err := os.Stat(p); err != nil {
			return "", nil
		}
		return p, nil
	}
	dirs, err := storeDirs(dir)
	if err != nil {
		return "", err
	}
	for _, d := range dirs {
		got, ok, err := checkpoint.ReadStoreID(d)
		if err != nil {
			return "", err
		}
		if ok && got == id {
			return d, nil
		}
	}
	return "", nil
}

// openCurrentStore opens the page store the newest readable snapshot names ("pages" when there
// is none) and removes every other store: those of snapshot installs a crash cut short, and
// the one an install replaced.
func openCurrentStore(dir string, snaps *raft.FileSnapshotStore) (*checkpoint.Store, error) {
	chosen := ""
	list, err := snaps.List()
	if err != nil {
		return nil, err
	}
	for _, meta := range list {
		m, err := readStoredManifest(snaps, meta.ID)
		if err != nil {
			continue // Raft will skip it too
		}
		if chosen, err = findStoreDir(dir, m.StoreID); err != nil {
			return nil, err
		}
		if chosen == "" && m.StoreID != 0 {
			return nil, fmt.Errorf("tablespace: the page store %016x of snapshot %s is missing", m.StoreID, meta.ID)
		}
		break
	}
	if chosen == "" {
		chosen = filepath.Join(dir, legacyStoreDir)
	}
	if err := removeStoresBut(dir, chosen); err != nil {
		return nil, err
	}
	return checkpoint.OpenStore(chosen)
}

func readStoredManifest(snaps *raft.FileSnapshotStore, id string) (*checkpoint.Manifest, error) {
	_, rc, err := snaps.Open(id)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	return checkpoint.UnmarshalManifest(b)
}

// removeStoresBut deletes every page store directory in dir except keep.
func removeStoresBut(dir, keep string) error {
	dirs, err := storeDirs(dir)
	if err != nil {
		return err
	}
	for _, d := range dirs {
		if d != keep {
			if err := os.RemoveAll(d); err != nil {
				return fmt.Errorf("tablespace: removing the replaced page store %s: %w", d, err)
			}
		}
	}
	return nil
}

// pinManifest keeps m's pages from page GC until unpinManifest (a backup or a snapshot being
// sent reads them).
func (f *fsm) pinManifest(m *checkpoint.Manifest) {
	f.mu.Lock()
	if f.pinned == nil {
		f.pinned = make(map[*checkpoint.Manifest]int)
	}
	f.pinned[m]++
	f.mu.Unlock()
}

func (f *fsm) unpinManifest(m *checkpoint.Manifest) {
	f.mu.Lock()
	if f.pinned[m]--; f.pinned[m] <= 0 {
		delete(f.pinned, m)
	}
	f.mu.Unlock()
}

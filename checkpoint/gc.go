package checkpoint

import (
	"os"
	"path/filepath"
	"strings"
)

// GC deletes every page file that none of the kept manifests references, and temporary files
// left by interrupted checkpoints. Callers keep every manifest a restart might still load.
func (s *Store) GC(keep ...*Manifest) (removed int, err error) {
	live := make(map[uint64]struct{})
	for _, m := range keep {
		for id := range m.PageIDs() {
			live[id] = struct{}{}
		}
	}
	ids, err := s.PageIDs()
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if _, ok := live[id]; ok {
			continue
		}
		if err := s.RemovePage(id); err != nil {
			return removed, err
		}
		removed++
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return removed, err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), tmpSuffix) {
			os.Remove(filepath.Join(s.dir, e.Name()))
		}
	}
	return removed, nil
}

package checkpoint

import (
	"errors"
	"fmt"
	"os"
)

// Backups copy page files whole: they are immutable and self-checking, so a copy needs no
// decoding on the way out and only verification on the way in.

// OpenPageFile opens a page's file for reading as it is on disk.
func (s *Store) OpenPageFile(id uint64) (*os.File, error) {
	f, err := os.Open(s.path(id))
	if err != nil {
		return nil, fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	return f, nil
}

// ImportPage writes a page file copied from elsewhere, after checking that it is a whole,
// undamaged page with that id. The file is fsynced; call SyncPages once after the last.
// A page id the store already has is refused: ids are never reused within a store (the
// page cache relies on it), and another store's page 7 is not this one's.
func (s *Store) ImportPage(id uint64, data []byte) error {
	if err := VerifyPage(id, data); err != nil {
		return err
	}
	tmp := s.path(id) + tmpSuffix
	if err := writeFileSync(tmp, data); err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A hard link, unlike a rename, fails when the page exists.
	if err := os.Link(tmp, s.path(id)); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("checkpoint: page %d is already in the store", id)
		}
		return err
	}
	s.SetMinNextID(id + 1)
	return nil
}

// VerifyPage checks that data is a whole, undamaged page file of page id.
func VerifyPage(id uint64, data []byte) error {
	p, err := parsePage(data)
	if err != nil {
		return fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	if p.id != id {
		return fmt.Errorf("checkpoint: page file %d holds page %d: %w", id, p.id, ErrCorrupt)
	}
	return nil
}

// SyncPages makes the page directory's entries durable.
func (s *Store) SyncPages() error { return SyncDir(s.dir) }

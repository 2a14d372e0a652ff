package checkpoint

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/drovedb/drove/internal/fsutil"
)

// Page file layout (little-endian fixed-width integers, uvarint = encoding/binary varint):
//
//	header   magic "DRVP" (4) | version (1) | page id (8) | record count (4)
//	records  per record: uvarint key len, key, uvarint value len, value
//	slots    record count × 4 bytes: offset of each record from the start of the file
//	crc      4 bytes: CRC-32C (Castagnoli) of every byte before it
//
// Slots make Record(slot) O(1) with no per-page index built on read.

const (
	pageMagic   = "DRVP"
	pageVersion = 1
	headerLen   = 4 + 1 + 8 + 4
	pageSuffix  = ".page"
	tmpSuffix   = ".tmp"
	// DefaultPageSize is the target size of a page file.
	DefaultPageSize = 1 << 20
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt is wrapped by every error about a damaged page or manifest.
var ErrCorrupt = errors.New("checkpoint: corrupt data")

// Store is a directory of page files and the allocator of their ids.
type Store struct {
	dir string
	mu  sync.Mutex
	// next is the id the next page gets; it never goes back, so an id is never reused.
	next uint64
	// cacheID tells this store's pages from other stores' in a shared Cache: page ids are
	// only unique within a store. Unique in the process, never reused.
	cacheID uint64
	// id names the store across processes and machines (a random number kept in the file
	// storeIDFile): a manifest records the store its pages are in, so a replica can tell a
	// checkpoint of its own store from another replica's whose page ids mean other pages.
	id uint64
}

// storeIDFile holds a store's persistent id, 16 hex digits.
const storeIDFile = "STORE"

var storeIDs atomic.Uint64

// OpenStore opens (creating) a page directory. The id allocator starts above every page file
// present, including orphans of a checkpoint that crashed before its manifest was written.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, next: 1, cacheID: storeIDs.Add(1)}
	id, err := loadStoreID(dir)
	if err != nil {
		return nil, err
	}
	s.id = id
	ids, err := s.PageIDs()
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		s.next = max(s.next, id+1)
	}
	return s, nil
}

// loadStoreID reads dir's store id, creating a random one (durably) if it has none yet.
func loadStoreID(dir string) (uint64, error) {
	path := filepath.Join(dir, storeIDFile)
	id, ok, err := ReadStoreID(dir)
	if ok || err != nil {
		return id, err
	}
	for id == 0 {
		var rb [8]byte
		if _, err := rand.Read(rb[:]); err != nil {
			return 0, err
		}
		id = binary.LittleEndian.Uint64(rb[:])
	}
	tmp := path + tmpSuffix
	if err := writeFileSync(tmp, []byte(fmt.Sprintf("%016x\n", id))); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, err
	}
	return id, SyncDir(dir)
}

// ReadStoreID returns the id of the store in dir without opening it; ok is false when dir
// holds no store id.
func ReadStoreID(dir string) (id uint64, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, storeIDFile))
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	id, err = strconv.ParseUint(strings.TrimSpace(string(b)), 16, 64)
	if err != nil || id == 0 {
		return 0, false, corrupt(fmt.Sprintf("store id file in %s", dir))
	}
	return id, true, nil
}

// ID is the store's persistent id: random, never zero, kept in the store's directory.
func (s *Store) ID() uint64 { return s.id }

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// PageFileSize is the size of a page's file.
func (s *Store) PageFileSize(id uint64) (int64, error) {
	fi, err := os.Stat(s.path(id))
	if err != nil {
		return 0, fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	return fi.Size(), nil
}

// SetMinNextID raises the allocator to at least id.
func (s *Store) SetMinNextID(id uint64) {
	s.mu.Lock()
	s.next = max(s.next, id)
	s.mu.Unlock()
}

// NextID is the id the next page will get.
func (s *Store) NextID() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.next
}

func (s *Store) allocate() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.next
	s.next++
	return id
}

func (s *Store) path(id uint64) string {
	return filepath.Join(s.dir, fmt.Sprintf("%016x%s", id, pageSuffix))
}

// PageIDs lists the ids of the page files present.
func (s *Store) PageIDs() ([]uint64, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var ids []uint64
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), pageSuffix)
		if !ok {
			continue
		}
		if id, err := strconv.ParseUint(name, 16, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// RemovePage deletes a page file; a missing file is not an error.
func (s *Store) RemovePage(id uint64) error {
	if err := os.Remove(s.path(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// PageInfo describes a page a PageWriter wrote.
type PageInfo struct {
	ID      uint64
	Records uint32
	Bytes   int64
}

// PageWriter writes records into new page files of about a target size.
type PageWriter struct {
	s      *Store
	target int
	buf    []byte // the page being filled, reused from page to page
	open   bool   // buf holds a started page
	slots  []uint32
	id     uint64
	done   []PageInfo
	files  []string // every file written, to fsync or to remove on Abort
	err    error
}

// NewPageWriter starts writing pages of about targetSize bytes.
func (s *Store) NewPageWriter(targetSize int) *PageWriter {
	return &PageWriter{s: s, target: targetSize}
}

// Add appends a record and returns where it will live.
func (w *PageWriter) Add(key, value []byte) (pageID uint64, slot uint32, err error) {
	if w.err != nil {
		return 0, 0, w.err
	}
	size := 2*binary.MaxVarintLen32 + len(key) + len(value) + 4
	if w.open && len(w.buf)+size+4*len(w.slots)+crcLen > w.target {
		if err := w.flush(); err != nil {
			return 0, 0, err
		}
	}
	if !w.open {
		w.open = true
		w.id = w.s.allocate()
		if w.buf == nil {
			w.buf = make([]byte, 0, w.target)
		}
		w.buf = w.buf[:headerLen]
		copy(w.buf, pageMagic)
		w.buf[4] = pageVersion
		binary.LittleEndian.PutUint64(w.buf[5:], w.id)
	}
	w.slots = append(w.slots, uint32(len(w.buf)))
	w.buf = binary.AppendUvarint(w.buf, uint64(len(key)))
	w.buf = append(w.buf, key...)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(value)))
	w.buf = append(w.buf, value...)
	return w.id, uint32(len(w.slots) - 1), nil
}

const crcLen = 4

// flush writes the current page to a temporary file, syncs it and renames it into place.
func (w *PageWriter) flush() error {
	if !w.open {
		return nil
	}
	binary.LittleEndian.PutUint32(w.buf[13:], uint32(len(w.slots)))
	for _, off := range w.slots {
		w.buf = binary.LittleEndian.AppendUint32(w.buf, off)
	}
	w.buf = binary.LittleEndian.AppendUint32(w.buf, crc32.Checksum(w.buf, crcTable))
	final := w.s.path(w.id)
	tmp := final + tmpSuffix
	w.files = append(w.files, tmp, final)
	if err := writeFileSync(tmp, w.buf); err != nil {
		w.err = err
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		w.err = err
		return err
	}
	w.done = append(w.done, PageInfo{ID: w.id, Records: uint32(len(w.slots)), Bytes: int64(len(w.buf))})
	w.buf, w.slots, w.open = w.buf[:0], w.slots[:0], false
	return nil
}

func writeFileSync(path string, b []byte) error { return fsutil.SyncedWrite(path, b, 0o644) }

// SyncDir makes renames and new files in dir durable.
func SyncDir(dir string) error { return fsutil.SyncDir(dir) }

// Finish writes the last page and makes every page durable.
func (w *PageWriter) Finish() ([]PageInfo, error) {
	if err := w.flush(); err != nil {
		return nil, err
	}
	if len(w.done) > 0 {
		if err := SyncDir(w.s.dir); err != nil {
			return nil, err
		}
	}
	return w.done, nil
}

// Abort removes every file the writer created.
func (w *PageWriter) Abort() {
	for _, f := range w.files {
		os.Remove(f)
	}
	w.buf, w.done, w.files, w.open = nil, nil, nil, false
}

// Page is a page read back into memory. It is immutable and safe for concurrent use.
type Page struct {
	id    uint64
	data  []byte
	slots []byte // the slot table, 4 bytes per record
}

// ReadPage reads and verifies a page file.
func (s *Store) ReadPage(id uint64) (*Page, error) {
	f, err := os.Open(s.path(id))
	if err != nil {
		return nil, fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	p, err := parsePage(data)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: page %d: %w", id, err)
	}
	if p.id != id {
		return nil, fmt.Errorf("checkpoint: page file %d holds page %d: %w", id, p.id, ErrCorrupt)
	}
	return p, nil
}

func corrupt(what string) error { return fmt.Errorf("%w: %s", ErrCorrupt, what) }

// parsePage validates the whole page once, so Record never needs to.
func parsePage(data []byte) (*Page, error) {
	if len(data) < headerLen+crcLen {
		return nil, corrupt("page too short")
	}
	body := data[:len(data)-crcLen]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, corrupt("page checksum mismatch")
	}
	if string(body[:4]) != pageMagic || body[4] != pageVersion {
		return nil, corrupt("bad page header")
	}
	n := uint64(binary.LittleEndian.Uint32(body[13:]))
	if n*4 > uint64(len(body)-headerLen) {
		return nil, corrupt("record count larger than the page")
	}
	slotsAt := len(body) - int(n)*4
	p := &Page{id: binary.LittleEndian.Uint64(body[5:]), data: body[:slotsAt], slots: body[slotsAt:]}
	prevEnd := headerLen
	for i := 0; i < int(n); i++ {
		off := int(binary.LittleEndian.Uint32(p.slots[i*4:]))
		if off != prevEnd {
			return nil, corrupt("slot offsets out of order")
		}
		end, err := p.recordEnd(off)
		if err != nil {
			return nil, err
		}
		prevEnd = end
	}
	if prevEnd != slotsAt {
		return nil, corrupt("records do not fill the page")
	}
	return p, nil
}

// recordEnd returns where the record at off ends, checking it lies inside the record area.
func (p *Page) recordEnd(off int) (int, error) {
	pos := off
	for field := 0; field < 2; field++ {
		l, n := binary.Uvarint(p.data[pos:])
		if n <= 0 || l > uint64(len(p.data)-pos-n) {
			return 0, corrupt("record out of bounds")
		}
		pos += n + int(l)
	}
	return pos, nil
}

// Len is the number of records in the page.
func (p *Page) Len() int { return len(p.slots) / 4 }

// Size is the page's size in memory.
func (p *Page) Size() int { return len(p.data) + len(p.slots) }

// Record returns the key and value in slot. They alias the page and must not be modified.
func (p *Page) Record(slot uint32) (key, value []byte, err error) {
	if int(slot) >= p.Len() {
		return nil, nil, fmt.Errorf("checkpoint: slot %d of page %d with %d records", slot, p.id, p.Len())
	}
	pos := int(binary.LittleEndian.Uint32(p.slots[slot*4:]))
	kl, n := binary.Uvarint(p.data[pos:])
	pos += n
	key = p.data[pos : pos+int(kl) : pos+int(kl)]
	pos += int(kl)
	vl, n := binary.Uvarint(p.data[pos:])
	pos += n
	value = p.data[pos : pos+int(vl) : pos+int(vl)]
	return key, value, nil
}

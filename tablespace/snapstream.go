package tablespace

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
)

// A Raft snapshot is a checkpoint: a manifest on disk, its pages in the replica's page store.
// A replica catching up needs the pages too, and page ids only mean something within one
// store, so snapStore wraps raft's FileSnapshotStore:
//
//   - Open yields a stream: header and manifest, then every page the manifest references.
//     Pages are read only as the stream is consumed, so a local restore, which stops after
//     the manifest when the manifest names this replica's own store, reads no page twice.
//   - Create's sink sorts what Raft writes into it: a plain manifest (a local checkpoint) is
//     stored as is; a stream (a snapshot installed from the leader) has its pages written
//     into a fresh page store as they arrive, and what is stored is the manifest renamed to
//     that store. fsm.Restore then switches to it.
//
// Stream layout (uvarint = encoding/binary varint):
//
//	"DRVS" | version (1) | uvarint manifest length | manifest
//	per page: uvarint page id (never 0) | uvarint length | the page file as on disk
//	uvarint 0
const (
	streamMagic   = "DRVS"
	streamVersion = 1
	maxStreamPage = 1 << 30 // a page file is about checkpoint.DefaultPageSize
)

// streamPagesOpened counts the pages read into snapshot streams (tests check that a restart
// reads none).
var streamPagesOpened atomic.Int64

type snapStore struct {
	*raft.FileSnapshotStore
	f *fsm
}

var _ raft.SnapshotStore = (*snapStore)(nil)

// Create implements raft.SnapshotStore.
func (s *snapStore) Create(version raft.SnapshotVersion, index, term uint64, conf raft.Configuration,
	confIndex uint64, trans raft.Transport) (raft.SnapshotSink, error) {
	sink, err := s.FileSnapshotStore.Create(version, index, term, conf, confIndex, trans)
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	ss := &streamSink{SnapshotSink: sink, s: s, pw: pw, done: make(chan error, 1)}
	go func() {
		err := ss.receive(pr)
		pr.CloseWithError(errors.Join(err, io.ErrClosedPipe))
		ss.done <- err
	}()
	return ss, nil
}

// Open implements raft.SnapshotStore: the snapshot as a stream of manifest and pages.
func (s *snapStore) Open(id string) (*raft.SnapshotMeta, io.ReadCloser, error) {
	meta, rc, err := s.FileSnapshotStore.Open(id)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, nil, err
	}
	m, err := checkpoint.UnmarshalManifest(b)
	if err != nil {
		return nil, nil, fmt.Errorf("tablespace: snapshot %s: %w", id, err)
	}
	// This replica's store, or the one an install just wrote (Raft opens it to restore it).
	store, err := s.f.storeFor(m)
	if err != nil {
		return nil, nil, fmt.Errorf("tablespace: snapshot %s: %w", id, err)
	}
	ps := &pageStream{store: store}
	ps.buf = append(append([]byte(streamMagic), streamVersion), binary.AppendUvarint(nil, uint64(len(b)))...)
	ps.buf = append(ps.buf, b...)
	size := int64(len(ps.buf)) + 1
	for pid := range m.PageIDs() {
		ps.ids = append(ps.ids, pid)
	}
	slices.Sort(ps.ids)
	ps.sizes = make([]int64, len(ps.ids))
	for i, pid := range ps.ids {
		n, err := store.PageFileSize(pid)
		if err != nil {
			return nil, nil, err
		}
		ps.sizes[i] = n
		size += int64(uvarintLen(pid)+uvarintLen(uint64(n))) + n
	}
	// The pages stay on disk while the stream is open, whatever checkpoints run meanwhile.
	s.f.pinManifest(m)
	ps.unpin = func() { s.f.unpinManifest(m) }
	out := *meta
	out.Size = size
	return &out, ps, nil
}

func uvarintLen(x uint64) int { return len(binary.AppendUvarint(nil, x)) }

// pageStream reads a snapshot stream, opening each page file only when the reader gets to it.
type pageStream struct {
	store *checkpoint.Store
	ids   []uint64
	sizes []int64
	buf   []byte // bytes to hand out before the next page
	file  *os.File
	left  int64 // bytes of file not yet read
	ended bool
	unpin func()
}

func (p *pageStream) Read(b []byte) (int, error) {
	for {
		if len(p.buf) > 0 {
			n := copy(b, p.buf)
			p.buf = p.buf[n:]
			return n, nil
		}
		if p.file != nil {
			n, err := p.file.Read(b[:min(int64(len(b)), p.left)])
			p.left -= int64(n)
			if p.left == 0 {
				p.file.Close()
				p.file = nil
			}
			if n > 0 {
				return n, nil
			}
			if err == nil || err == io.EOF {
				err = io.ErrUnexpectedEOF // the page file shrank: it is immutable, so damaged
			}
			return 0, err
		}
		if len(p.ids) == 0 {
			if p.ended {
				return 0, io.EOF
			}
			p.ended, p.buf = true, []byte{0}
			continue
		}
		id, size := p.ids[0], p.sizes[0]
		p.ids, p.sizes = p.ids[1:], p.sizes[1:]
		f, err := p.store.OpenPageFile(id)
		if err != nil {
			return 0, err
		}
		streamPagesOpened.Add(1)
		p.file, p.left = f, size
		p.buf = binary.AppendUvarint(binary.AppendUvarint(nil, id), uint64(size))
	}
}

func (p *pageStream) Close() error {
	if p.file != nil {
		p.file.Close()
		p.file = nil
	}
	if p.unpin != nil {
		p.unpin()
		p.unpin = nil
	}
	return nil
}

// readSnapshotManifest reads the manifest at the start of a snapshot stream (or a plain
// manifest, as raft.Restore might hand over), leaving the reader at the first page.
func readSnapshotManifest(r *bufio.Reader) (*checkpoint.Manifest, error) {
	head, err := r.Peek(len(streamMagic) + 1)
	if err != nil {
		return nil, fmt.Errorf("tablespace: reading snapshot: %w", err)
	}
	if string(head[:len(streamMagic)]) != streamMagic {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("tablespace: reading snapshot: %w", err)
		}
		return checkpoint.UnmarshalManifest(b)
	}
	if head[len(streamMagic)] != streamVersion {
		return nil, fmt.Errorf("tablespace: snapshot stream version %d: %w", head[len(streamMagic)], checkpoint.ErrCorrupt)
	}
	r.Discard(len(head))
	b, err := readChunk(r, maxStreamPage)
	if err != nil {
		return nil, err
	}
	return checkpoint.UnmarshalManifest(b)
}

func readChunk(r *bufio.Reader, limit uint64) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, fmt.Errorf("tablespace: snapshot stream: %w", noEOF(err))
	}
	if n > limit {
		return nil, fmt.Errorf("tablespace: snapshot stream: a %d-byte item: %w", n, checkpoint.ErrCorrupt)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("tablespace: snapshot stream: %w", noEOF(err))
	}
	return b, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// streamSink is the sink of a snapshot being written: a local checkpoint's manifest, or a
// stream from the leader (see snapStore).
type streamSink struct {
	raft.SnapshotSink
	s     *snapStore
	pw    *io.PipeWriter
	done  chan error
	fresh *checkpoint.Store // the store an installed snapshot's pages went to
	ended bool              // closed or cancelled: Raft closes again after Persist did
	err   error             // the outcome of the first Close or Cancel
}

func (ss *streamSink) Write(b []byte) (int, error) { return ss.pw.Write(b) }

// Close implements raft.SnapshotSink: the snapshot is complete.
func (ss *streamSink) Close() error {
	if ss.ended {
		return ss.err
	}
	ss.ended = true
	ss.pw.Close()
	err := <-ss.done
	if err == nil {
		err = ss.SnapshotSink.Close()
	} else {
		ss.SnapshotSink.Cancel()
	}
	if err != nil {
		ss.dropFresh()
	}
	ss.err = err
	return err
}

// Cancel implements raft.SnapshotSink.
func (ss *streamSink) Cancel() error {
	if ss.ended {
		return nil
	}
	ss.ended, ss.err = true, errors.New("tablespace: snapshot cancelled")
	ss.pw.CloseWithError(errors.New("tablespace: snapshot cancelled"))
	<-ss.done
	ss.dropFresh()
	return ss.SnapshotSink.Cancel()
}

func (ss *streamSink) dropFresh() {
	if ss.fresh != nil {
		os.RemoveAll(ss.fresh.Dir())
		ss.fresh = nil
	}
}

// receive stores what is written into the sink: a plain manifest as is; a stream's pages
// into a fresh store and its manifest, renamed to that store, in the snapshot.
func (ss *streamSink) receive(pr *io.PipeReader) error {
	r := bufio.NewReaderSize(pr, 1<<16)
	head, err := r.Peek(len(streamMagic))
	if err != nil {
		return fmt.Errorf("tablespace: snapshot: %w", noEOF(err))
	}
	if string(head) != streamMagic {
		_, err := io.Copy(ss.SnapshotSink, r)
		return err
	}
	m, err := readSnapshotManifest(r)
	if err != nil {
		return err
	}
	fresh, err := ss.s.f.newStore()
	if err != nil {
		return err
	}
	ss.fresh = fresh
	if err := importPages(r, fresh, m); err != nil {
		return err
	}
	m.StoreID = fresh.ID()
	_, err = ss.SnapshotSink.Write(m.Marshal())
	return err
}

// importPages writes a stream's pages into store and checks that they are the manifest's.
func importPages(r *bufio.Reader, store *checkpoint.Store, m *checkpoint.Manifest) error {
	want := m.PageIDs()
	for {
		id, err := binary.ReadUvarint(r)
		if err != nil {
			return fmt.Errorf("tablespace: snapshot stream: %w", noEOF(err))
		}
		if id == 0 {
			break
		}
		if _, ok := want[id]; !ok {
			return fmt.Errorf("tablespace: snapshot stream: page %d is not in the manifest: %w", id, checkpoint.ErrCorrupt)
		}
		data, err := readChunk(r, maxStreamPage)
		if err != nil {
			return err
		}
		if err := store.ImportPage(id, data); err != nil {
			return err
		}
		delete(want, id)
	}
	if len(want) > 0 {
		return fmt.Errorf("tablespace: snapshot stream lacks %d of its pages: %w", len(want), checkpoint.ErrCorrupt)
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return fmt.Errorf("tablespace: snapshot stream has trailing bytes: %w", checkpoint.ErrCorrupt)
	}
	store.SetMinNextID(m.NextPageID)
	if err := store.SyncPages(); err != nil {
		return err
	}
	return checkpoint.SyncDir(filepath.Dir(store.Dir()))
}

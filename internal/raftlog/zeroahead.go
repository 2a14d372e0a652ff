package raftlog

import (
	"encoding/binary"
	"sync"

	waltypes "github.com/hashicorp/raft-wal/types"
)

// Zero-filling ahead of the appends. A segment is preallocated with fallocate, which leaves its
// blocks unwritten: the append that first writes a 4 KiB block turns it into a written one,
// metadata that its fdatasync must commit to the journal — one commit in ~37 for a single-row
// INSERT's ~110-byte entry pays a second disk write. A zeroFile writes zeros (and fdatasyncs
// them) from a goroutine of its own a window ahead of the highest offset raft-wal has written,
// so an append lands in blocks that are already written and its fdatasync writes data only.
//
// Why it is safe:
//   - raft-wal (v0.4.2, segment/writer.go) writes a segment sequentially: every write is its
//     commit buffer (entry frames, at a seal the index frame, then the commit frame) at its
//     writeOffset, which only grows, except that a failed append rewinds it and writes again at
//     or below where it wrote before. So nothing it writes later lies above the highest end it
//     has written (hw) plus what it has not written yet, and the zeroer only writes at or above
//     hw, checked and written under the same mutex as raft-wal's WriteAt: a write of raft-wal's
//     that lands where zeros were written comes after them in the page cache and wins.
//   - Zeros are what a preallocated block reads as anyway, so raft-wal reads the same bytes
//     whether the zeroer got there or not, before and after a crash in the middle of zeroing
//     (recovery reads frames until the first zero header; a torn zero write leaves zeros or
//     unwritten blocks, which read as zeros).
//   - A reopened tail is zeroed only from raft-wal's first write on: until then hw is unknown,
//     and above its recovered writeOffset the file holds nothing raft-wal will read (frames an
//     unacknowledged append left are garbage to it and overwritten by the next append).
//   - The zeroer stops for good when a write holds an index frame (the segment is sealed:
//     nothing is appended again) or anything it cannot parse as raft-wal's frames, and Close
//     stops it and waits for it before closing the file.
//   - It never writes past the file's size (it zeroes space fallocate already reserved; a
//     failed write or sync only stops the zeroer, raft-wal's appends go on as before).
//
// Durability is raft-wal's: every append is still fdatasynced before Raft hears of it.

// zeroWindow is how far ahead of raft-wal's writes the zeroer keeps the file written; it starts
// a round when less than half of the window is left, and syncs once per round.
var zeroWindow int64 = 1 << 20

// zeroChunk is the size of one write of zeros (the mutex is held for one chunk at a time).
const zeroChunk = 64 << 10

var zeros = make([]byte, zeroChunk)

// raft-wal's segment format (segment/format.go, version 0).
const (
	walFileHeaderLen  = 32
	walFrameHeaderLen = 8
	walFrameEntry     = 1
	walFrameIndex     = 2
	walFrameCommit    = 3
)

// zeroFile is a new or reopened segment file with a zeroer (see above). WriteAt and the
// zeroer's writes are serialized by mu; the zeroer's syncs run outside it.
type zeroFile struct {
	*dirSyncFile
	size   int64 // the file's size; nothing is written past it
	window int64 // zeroWindow when the file was opened

	mu      sync.Mutex
	hw      int64 // end of the highest write raft-wal made (valid once started)
	zeroed  int64 // zeros are written (not necessarily synced) below this
	started bool  // raft-wal has written: the zeroer runs
	stopped bool  // sealed, closed, unknown write or failed zeroing: the zeroer is done
	closed  bool

	wake chan struct{}
	stop chan struct{}
	done chan struct{}

	onRound func(from, to int64) // tests: called after each synced round
}

func newZeroFile(f *dirSyncFile, size int64) *zeroFile {
	return &zeroFile{dirSyncFile: f, size: size, window: zeroWindow, wake: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{})}
}

func (z *zeroFile) WriteAt(p []byte, off int64) (int, error) {
	z.mu.Lock()
	n, err := z.dirSyncFile.WriteAt(p, off)
	if end := off + int64(len(p)); end > z.hw {
		z.hw = end
	}
	if !z.stopped && !onlyEntriesAndCommits(p, off) {
		z.stopped = true // sealed (or not a format we know): no zeroing from here on
	}
	if !z.started && !z.stopped {
		z.started = true
		go z.run()
	}
	behind := !z.stopped && z.zeroed-z.hw < z.window/2 && z.zeroed < z.size
	z.mu.Unlock()
	if behind {
		select {
		case z.wake <- struct{}{}:
		default:
		}
	}
	return n, err
}

func (z *zeroFile) Close() error {
	z.mu.Lock()
	running := z.started && !z.closed
	z.stopped, z.closed = true, true
	z.mu.Unlock()
	if running {
		close(z.stop)
		<-z.done
	}
	return z.dirSyncFile.Close()
}

// run zeroes a round each time WriteAt finds the zeroed space ahead of it short.
func (z *zeroFile) run() {
	defer close(z.done)
	for {
		select {
		case <-z.stop:
			return
		case <-z.wake:
		}
		from, to, ok := z.round()
		if !ok {
			return
		}
		if to > from {
			if err := dataSync(z.dirSyncFile.WritableFile); err != nil {
				z.halt()
				return
			}
			if z.onRound != nil {
				z.onRound(from, to)
			}
		}
	}
}

// round writes zeros from max(zeroed, hw) up to hw+window, a chunk per hold of the mutex;
// it reports the range it wrote and false once the zeroer must stop.
func (z *zeroFile) round() (from, to int64, ok bool) {
	from = -1
	for {
		z.mu.Lock()
		if z.stopped {
			z.mu.Unlock()
			return from, to, false
		}
		start := max(z.zeroed, z.hw)
		end := min(start+zeroChunk, z.hw+z.window, z.size)
		if start >= end {
			z.mu.Unlock()
			return max(from, 0), to, true
		}
		if _, err := z.dirSyncFile.WritableFile.WriteAt(zeros[:end-start], start); err != nil {
			z.stopped = true
			z.mu.Unlock()
			return from, to, false
		}
		z.zeroed = end
		z.mu.Unlock()
		if from < 0 {
			from = start
		}
		to = end
	}
}

func (z *zeroFile) halt() {
	z.mu.Lock()
	z.stopped = true
	z.mu.Unlock()
}

// onlyEntriesAndCommits reports whether p, written at off, is a run of raft-wal entry and
// commit frames (after the file header when off is 0): anything else — an index frame, which
// seals the segment, or bytes it cannot parse — stops the zeroer.
func onlyEntriesAndCommits(p []byte, off int64) bool {
	i := 0
	if off == 0 {
		i = walFileHeaderLen
	}
	for i < len(p) {
		if len(p)-i < walFrameHeaderLen {
			return false
		}
		switch p[i] {
		case walFrameCommit:
			i += walFrameHeaderLen
		case walFrameEntry:
			n := int(binary.LittleEndian.Uint32(p[i+4 : i+8]))
			i += walFrameHeaderLen + (n+walFrameHeaderLen-1)/walFrameHeaderLen*walFrameHeaderLen
		default:
			return false
		}
	}
	return i == len(p)
}

// withZeroer gives a segment file raft-wal creates or reopens (size bytes long) a zeroer.
func withZeroer(f waltypes.WritableFile, size int64) waltypes.WritableFile {
	if d, ok := f.(*dirSyncFile); ok && zeroWindow > 0 && size > 0 {
		return newZeroFile(d, size)
	}
	return f
}

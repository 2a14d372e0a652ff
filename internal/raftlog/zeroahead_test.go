package raftlog

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/raft"
	raftwal "github.com/hashicorp/raft-wal"
)

// appendFrames is what raft-wal writes for an append of entries of the given sizes: entry
// frames, their payload bytes set to fill (never zero), then a commit frame.
func appendFrames(sizes []int, fill byte) []byte {
	var b []byte
	for _, n := range sizes {
		var h [walFrameHeaderLen]byte
		h[0] = walFrameEntry
		binary.LittleEndian.PutUint32(h[4:], uint32(n))
		b = append(b, h[:]...)
		b = append(b, bytes.Repeat([]byte{fill}, n)...)
		b = append(b, make([]byte, (walFrameHeaderLen-n%walFrameHeaderLen)%walFrameHeaderLen)...)
	}
	return append(b, walFrameCommit, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef)
}

func newTestZeroFile(t *testing.T, size int64) *zeroFile {
	t.Helper()
	f, err := baseVFS(nil).Create(t.TempDir(), "seg.wal", uint64(size))
	if err != nil {
		t.Fatal(err)
	}
	z, ok := f.(*zeroFile)
	if !ok {
		t.Fatalf("a new segment is a %T, want a *zeroFile", f)
	}
	return z
}

// TestZeroerNeverOverwritesAppends: appends written in raft-wal's pattern (sequential, with a
// rewind now and then, as a failed append makes) under a small window, so the zeroer runs
// all the time, read back intact while it runs and after; the zeroer writes only above what
// was written, and does zero ahead. Run with -race.
func TestZeroerNeverOverwritesAppends(t *testing.T) {
	defer func(w int64) { zeroWindow = w }(zeroWindow)
	zeroWindow = 8 << 10
	const size = 4 << 20
	z := newTestZeroFile(t, size)
	var rounds atomic.Int64
	var bad atomic.Value
	z.onRound = func(from, to int64) {
		rounds.Add(1)
		z.mu.Lock()
		hw := z.hw
		z.mu.Unlock()
		if from < 0 || to > size || to > hw+zeroWindow {
			bad.Store([2]int64{from, to})
		}
	}

	type rec struct {
		off  int64
		data []byte
	}
	var mu sync.Mutex
	var written []rec // appends that stand (not rewound over)
	stop := make(chan struct{})
	var readers sync.WaitGroup
	readErr := make(chan string, 1)
	readers.Add(1)
	go func() { // reads back what was written while the zeroer runs
		defer readers.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			mu.Lock()
			rs := append([]rec(nil), written...)
			mu.Unlock()
			for _, r := range rs[max(0, len(rs)-20):] {
				got := make([]byte, len(r.data))
				if _, err := z.ReadAt(got, r.off); err != nil || !bytes.Equal(got, r.data) {
					select {
					case readErr <- fmt.Sprintf("the append at %d read back changed", r.off):
					default:
					}
					return
				}
			}
		}
	}()

	rng := rand.New(rand.NewPCG(1, 2))
	off := int64(0)
	hdr := make([]byte, walFileHeaderLen)
	hdr[0] = 0x0d
	for i := 0; off < size-64<<10; i++ {
		var p []byte
		if off == 0 {
			p = append(hdr, appendFrames([]int{rng.IntN(300) + 1}, byte(i%250+1))...)
		} else {
			p = appendFrames([]int{rng.IntN(300) + 1, rng.IntN(40) + 1}[:rng.IntN(2)+1], byte(i%250+1))
		}
		if _, err := z.WriteAt(p, off); err != nil {
			t.Fatal(err)
		}
		if i%97 == 5 { // a failed append: raft-wal writes again at the same offset
			continue
		}
		mu.Lock()
		written = append(written, rec{off, p})
		mu.Unlock()
		off += int64(len(p))
		if i%50 == 0 {
			time.Sleep(50 * time.Microsecond) // let the zeroer run between appends
		}
	}
	close(stop)
	readers.Wait()
	select {
	case msg := <-readErr:
		t.Fatal(msg)
	default:
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if b := bad.Load(); b != nil {
		t.Fatalf("a round zeroed %v, outside [0, hw+window)", b)
	}
	if rounds.Load() == 0 {
		t.Fatal("the zeroer never ran")
	}
	data, err := os.ReadFile(z.Name())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range written {
		if !bytes.Equal(data[r.off:r.off+int64(len(r.data))], r.data) {
			t.Fatalf("the append at %d was overwritten", r.off)
		}
	}
	if int64(len(data)) != size {
		t.Fatalf("the file is %d bytes, want %d: zeroing changed its size", len(data), size)
	}
	t.Logf("%d rounds for %d bytes appended", rounds.Load(), off)
}

// Name is the segment's path (tests).
func (z *zeroFile) Name() string {
	switch f := z.dirSyncFile.WritableFile.(type) {
	case *os.File:
		return f.Name()
	case interface{ Name() string }:
		return f.Name()
	}
	return ""
}

// TestZeroerStopsAtSealAndClose: a write holding an index frame (the seal) stops the zeroer,
// and Close waits for it; a segment that is never written never starts one.
func TestZeroerStopsAtSealAndClose(t *testing.T) {
	z := newTestZeroFile(t, 4<<20)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if z.started {
		t.Fatal("a zeroer started on a file nobody wrote")
	}

	z = newTestZeroFile(t, 4<<20)
	p := append(make([]byte, walFileHeaderLen), appendFrames([]int{100}, 7)...)
	if _, err := z.WriteAt(p, 0); err != nil {
		t.Fatal(err)
	}
	seal := []byte{walFrameIndex, 0, 0, 0, 4, 0, 0, 0, 32, 0, 0, 0, 0, 0, 0, 0}
	seal = append(seal, walFrameCommit, 0, 0, 0, 1, 2, 3, 4)
	if _, err := z.WriteAt(seal, int64(len(p))); err != nil {
		t.Fatal(err)
	}
	z.mu.Lock()
	stopped := z.stopped
	z.mu.Unlock()
	if !stopped {
		t.Fatal("the zeroer goes on after the segment was sealed")
	}
	select {
	case <-z.done:
	case <-time.After(10 * time.Second):
		t.Fatal("a sealed segment's zeroer did not stop")
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestZeroedSegmentsReadBack: a log whose segments were zeroed ahead (several rotations,
// a reopen in the middle of a segment) reads back every entry.
func TestZeroedSegmentsReadBack(t *testing.T) {
	defer func(w int64) { zeroWindow = w }(zeroWindow)
	zeroWindow = 16 << 10
	dir := filepath.Join(t.TempDir(), "wal")
	const segSize = 256 << 10
	var next uint64 = 1
	write := func(w *raftwal.WAL, n int) {
		for range n {
			data := bytes.Repeat([]byte{byte(next)}, 100+int(next%200))
			if err := w.StoreLog(&raft.Log{Index: next, Term: 1, Data: data}); err != nil {
				t.Fatal(err)
			}
			next++
		}
	}
	for round := range 2 {
		w, err := openPlain(dir, segSize)
		if err != nil {
			t.Fatal(err)
		}
		write(w, 3000)
		if round == 1 {
			for i := uint64(1); i < next; i++ {
				var l raft.Log
				if err := w.GetLog(i, &l); err != nil {
					t.Fatalf("entry %d: %v", i, err)
				}
				if want := bytes.Repeat([]byte{byte(i)}, 100+int(i%200)); !bytes.Equal(l.Data, want) {
					t.Fatalf("entry %d reads back changed", i)
				}
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

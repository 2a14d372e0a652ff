package raftlog

import (
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/raft"
	raftwal "github.com/hashicorp/raft-wal"
	"github.com/hashicorp/raft-wal/metadb"
	waltypes "github.com/hashicorp/raft-wal/types"
)

// BenchmarkSegmentAppendZeroAhead is a single writer's commit on raft-wal (a 110-byte entry,
// a single-row INSERT's, appended and fdatasynced) into two logs side by side, one
// appending into fallocated blocks as raft-wal does and one zero-filled ahead by the
// zeroer; the two are appended to in turn, so both see the same disk load. Metrics are the
// mean and median time per append of each, and how many appends started a 4 KiB block.
// Run it on a real disk (TMPDIR), with -benchtime of a few thousand x.
func BenchmarkSegmentAppendZeroAhead(b *testing.B) {
	defer func(w int64) { zeroWindow = w }(zeroWindow)
	var offs [2]*offsetFS
	open := func(i int, window int64) *raftwal.WAL {
		zeroWindow = window
		dir := filepath.Join(b.TempDir(), "wal")
		if err := os.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		offs[i] = &offsetFS{VFS: baseVFS(nil)}
		w, err := openWAL(dir, 0, offs[i], &metadb.BoltMetaDB{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { w.Close() })
		return w
	}
	logs := []*raftwal.WAL{open(0, 0), open(1, 1<<20)}
	names := []string{"fallocate", "zero-ahead"}
	times := [2][]time.Duration{}
	var starts, others [2]time.Duration
	var nstarts [2]int
	data := make([]byte, 110-16) // 110 bytes with raft-wal's frame and Raft's log header
	idx := uint64(0)
	for b.Loop() {
		idx++
		for i, w := range logs {
			t := time.Now()
			if err := w.StoreLog(&raft.Log{Index: idx, Term: 1, Data: data}); err != nil {
				b.Fatal(err)
			}
			d := time.Since(t)
			times[i] = append(times[i], d)
			if off, end := offs[i].last.Load(), offs[i].end.Load(); off%4096 == 0 || off/4096 != (end-1)/4096 {
				starts[i] += d
				nstarts[i]++
			} else {
				others[i] += d
			}
		}
	}
	for i, ts := range times {
		var sum time.Duration
		for _, t := range ts {
			sum += t
		}
		slices.Sort(ts)
		b.ReportMetric(float64(sum.Microseconds())/float64(len(ts)), names[i]+"-mean-µs")
		b.ReportMetric(float64(ts[len(ts)/2].Microseconds()), names[i]+"-p50-µs")
		b.ReportMetric(float64(ts[len(ts)*9/10].Microseconds()), names[i]+"-p90-µs")
		if nstarts[i] > 0 && nstarts[i] < len(ts) {
			b.ReportMetric(float64(starts[i].Microseconds())/float64(nstarts[i]), names[i]+"-blockstart-µs")
			b.ReportMetric(float64(others[i].Microseconds())/float64(len(ts)-nstarts[i]), names[i]+"-other-µs")
		}
	}
}

// offsetFS notes where the last write to a segment went.
type offsetFS struct {
	waltypes.VFS
	last, end atomic.Int64
}

func (o *offsetFS) Create(dir, name string, size uint64) (waltypes.WritableFile, error) {
	f, err := o.VFS.Create(dir, name, size)
	if err != nil {
		return nil, err
	}
	return offsetFile{f, o}, nil
}

type offsetFile struct {
	waltypes.WritableFile
	o *offsetFS
}

func (f offsetFile) WriteAt(p []byte, off int64) (int, error) {
	f.o.last.Store(off)
	f.o.end.Store(off + int64(len(p)))
	return f.WritableFile.WriteAt(p, off)
}

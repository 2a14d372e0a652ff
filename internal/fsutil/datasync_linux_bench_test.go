package fsutil

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkAppendDataSync is a log segment's commit in isolation: a 110-byte append (a
// single-row INSERT's log entry) and DataSync, into a file preallocated as raft-wal's segments
// are (fallocate: unwritten extents) or zero-filled and synced first (written extents). An
// append that starts a 4 KiB block of a fallocated file turns it from unwritten to written,
// metadata fdatasync must commit to the journal; block-start-ns and other-ns split the mean
// time per append by that.
func BenchmarkAppendDataSync(b *testing.B) {
	for _, zero := range []bool{false, true} {
		name := "fallocate"
		if zero {
			name = "zero-filled"
		}
		b.Run(name, func(b *testing.B) {
			const size, rec = 64 << 20, 110
			f := fallocatedSegment(b, size)
			if zero {
				buf := make([]byte, 1<<20)
				for off := int64(0); off < size; off += int64(len(buf)) {
					if _, err := f.WriteAt(buf, off); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := f.Sync(); err != nil {
				b.Fatal(err)
			}
			data := make([]byte, rec)
			var startT, otherT time.Duration
			var starts, others int
			off := int64(0)
			for b.Loop() {
				if off+rec > size {
					b.Fatal("the benchmark ran past the file: lower -benchtime")
				}
				t := time.Now()
				if _, err := f.WriteAt(data, off); err != nil {
					b.Fatal(err)
				}
				if err := DataSync(f); err != nil {
					b.Fatal(err)
				}
				d := time.Since(t)
				if off/4096 != (off+rec-1)/4096 || off%4096 == 0 {
					startT, starts = startT+d, starts+1
				} else {
					otherT, others = otherT+d, others+1
				}
				off += rec
			}
			if starts > 0 {
				b.ReportMetric(float64(startT.Nanoseconds())/float64(starts), "block-start-ns")
			}
			if others > 0 {
				b.ReportMetric(float64(otherT.Nanoseconds())/float64(others), "other-ns")
			}
		})
	}
}

// fallocatedSegment is a new file of size bytes preallocated as raft-wal's segments are
// (fallocate: unwritten extents), closed when b ends; b is skipped where fallocate is not.
func fallocatedSegment(b *testing.B, size int64) *os.File {
	f, err := os.Create(filepath.Join(b.TempDir(), "seg"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { f.Close() })
	if err := syscall.Fallocate(int(f.Fd()), 0, 0, size); err != nil {
		b.Skip("fallocate:", err)
	}
	return f
}

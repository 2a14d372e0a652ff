package drove

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkBigTxnMemory measures the memory of one large transaction through SQL: an INSERT ...
// SELECT generate_series of b.N 300-byte rows inside BEGIN, then COMMIT. It reports the live
// heap per row the open transaction holds (after a GC, before COMMIT), the peak heap in use
// per row sampled during the INSERT and during the COMMIT, and what stays live once a
// checkpoint has written the rows out.
//
//	go test -run XXX -bench BigTxnMemory -benchtime 200000x
func BenchmarkBigTxnMemory(b *testing.B) {
	db, err := Open(b.TempDir(), WithCheckpointInterval(-1))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	s, err := db.srv.Session("")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	exec := func(q string) {
		var out collector
		if err := s.Exec(ctx, q, &out); err != nil {
			b.Fatal(err)
		}
	}
	exec("CREATE TABLE big (id bigint PRIMARY KEY, pad text)")
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // sample the heap in use until stopped
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	b.ResetTimer()
	exec("BEGIN")
	exec(fmt.Sprintf("INSERT INTO big SELECT g, concat(g, '%s') FROM generate_series(1, %d) g", strings.Repeat("x", 290), b.N))
	b.StopTimer()
	insertPeak := peak.Load()
	runtime.GC()
	var open runtime.MemStats
	runtime.ReadMemStats(&open)
	peak.Store(0)
	b.StartTimer()
	exec("COMMIT")
	b.StopTimer()
	close(stop)
	<-done
	exec("CHECKPOINT")
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	n := float64(b.N)
	b.ReportMetric((float64(after.HeapAlloc)-float64(base.HeapAlloc))/n, "after-checkpoint-B/row")
	b.ReportMetric((float64(open.HeapAlloc)-float64(base.HeapAlloc))/n, "open-txn-B/row")
	b.ReportMetric((float64(insertPeak)-float64(base.HeapInuse))/n, "peak-insert-B/row")
	b.ReportMetric((float64(peak.Load())-float64(base.HeapInuse))/n, "peak-commit-B/row")
}

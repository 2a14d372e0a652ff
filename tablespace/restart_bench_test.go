package tablespace

import (
	"context"
	"testing"
	"time"
)

// BenchmarkReopenAfterBigTxn is the restart after one transaction of 500k 300-byte rows:
// after a clean close (its final checkpoint: the rows come from pages) and after a crash (the
// rows come from replaying the transaction's log entries).
//
//	go test ./tablespace -run XXX -bench ReopenAfterBigTxn -benchtime 3x -cpuprofile cpu.prof
func BenchmarkReopenAfterBigTxn(b *testing.B) {
	const rows = 500000
	for _, clean := range []bool{true, false} {
		name := "crash"
		if clean {
			name = "clean"
		}
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			dir := b.TempDir()
			ts := openTest(b, dir, func(o *Options) { o.MaxTxnMemory = -1 })
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				b.Fatal(err)
			}
			value := testValue(string(make([]byte, 300)))
			tx := beginAll(ts)
			for i := range rows {
				if err := tx.Load("t", testKey(int64(i)), value); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(ctx); err != nil {
				b.Fatal(err)
			}
			stop := ts.shutdownRaft
			if clean {
				stop = ts.Close
			}
			if err := stop(); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				ts = openTest(b, dir)
				b.ReportMetric(float64(time.Since(start).Milliseconds()), "open-ms")
				if err := ts.shutdownRaft(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package drove_test

import (
	"context"
	"testing"

	"github.com/drovedb/drove"
	"github.com/drovedb/drove/internal/cputime"
)

// openBenchKV opens an engine in a temporary directory, closed when b ends, with an empty
// table kv (k bigint PRIMARY KEY, v text), and returns its default tablespace's KV API.
func openBenchKV(b *testing.B) *drove.KV {
	_, kv := openBenchDB(b)
	return kv
}

// openBenchDB is openBenchKV with the engine too.
func openBenchDB(b *testing.B) (*drove.DB, *drove.KV) {
	db, err := drove.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, _, err := db.Exec(context.Background(), "CREATE TABLE kv (k bigint PRIMARY KEY, v text)"); err != nil {
		b.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		b.Fatal(err)
	}
	return db, kv
}

// BenchmarkKVGet is a primary-key read through the native Go API: encode the key, look it up,
// decode the row into Go values.
func BenchmarkKVGet(b *testing.B) {
	kv := openBenchKV(b)
	ctx := context.Background()
	const n = 10000
	if err := kv.Update(ctx, func(tx *drove.Tx) error {
		for i := range n {
			if err := tx.Put("kv", drove.Row{i, "value of some length"}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cputime.Now()
	i := 0
	for b.Loop() {
		if _, ok, err := kv.Get(ctx, "kv", i%n); !ok || err != nil {
			b.Fatal(ok, err)
		}
		i++
	}
	b.ReportMetric(float64(cputime.Now()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkKVPut is an autocommit insert through the native Go API: encode the row, lock and
// check the key, commit one log entry.
func BenchmarkKVPut(b *testing.B) {
	kv := openBenchKV(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := kv.Put(ctx, "kv", drove.Row{i, "value of some length"}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkKVPutBatch is many inserts in one transaction through the native Go API (the write
// set's CPU cost per row; the commit is one entry per 1000 rows).
func BenchmarkKVPutBatch(b *testing.B) {
	kv := openBenchKV(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := kv.Update(ctx, func(tx *drove.Tx) error {
			for range 1000 {
				if err := tx.Put("kv", drove.Row{i, "value of some length"}); err != nil {
					return err
				}
				i++
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkKVGetInto is BenchmarkKVGet into a reusable Record: no allocation.
func BenchmarkKVGetInto(b *testing.B) {
	kv := openBenchKV(b)
	ctx := context.Background()
	const n = 10000
	if err := kv.Update(ctx, func(tx *drove.Tx) error {
		for i := range n {
			if err := tx.Put("kv", drove.Row{i, "value of some length"}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	var rec drove.Record
	b.ReportAllocs()
	cpu := cputime.Now()
	i := 0
	for b.Loop() {
		if ok, err := kv.GetInto(ctx, &rec, "kv", i%n); !ok || err != nil || len(rec.Bytes(1)) != 20 {
			b.Fatal(ok, err)
		}
		i++
	}
	b.ReportMetric(float64(cputime.Now()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkKVGetSpread is BenchmarkKVGet as bench/embedded_vs_sqlite reads: 100k rows, keys
// spread over all of them (i*7919 mod n), so the lookups miss the CPU caches as a large
// table's do; read from the buffer of changed rows (memory), and from cached pages after a
// checkpoint (pages), as the benchmark does after its first 60 seconds.
func BenchmarkKVGetSpread(b *testing.B) {
	for _, pages := range []bool{false, true} {
		name := "memory"
		if pages {
			name = "pages"
		}
		b.Run(name, func(b *testing.B) { benchKVGetSpread(b, pages) })
	}
}

func benchKVGetSpread(b *testing.B, pages bool) {
	db, kv := openBenchDB(b)
	ctx := context.Background()
	const n, batch = 100000, 10000
	for lo := 0; lo < n; lo += batch {
		if err := kv.Update(ctx, func(tx *drove.Tx) error {
			for i := lo; i < lo+batch; i++ {
				if err := tx.Put("kv", drove.Row{i, "value of some length, about forty bytes"}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	if pages {
		if _, _, err := db.Exec(ctx, "CHECKPOINT"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	cpu := cputime.Now()
	i := 0
	for b.Loop() {
		if _, ok, err := kv.Get(ctx, "kv", i*7919%n); !ok || err != nil {
			b.Fatal(ok, err)
		}
		i++
	}
	b.ReportMetric(float64(cputime.Now()-cpu)/float64(b.N), "cpu-ns/op")
}

package tablespace

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// BenchmarkFSMApply measures how fast a replica applies committed row images (the follower's
// whole job and the leader's apply step), in entries of 100 rows with 100-byte values.
func BenchmarkFSMApply(b *testing.B) {
	const rowsPerEntry = 100
	f := newTestFSM(b)
	applyLog(b, f, [][]byte{wal.AppendEntry(nil, &wal.Entry{Kind: wal.KindCreateTable,
		Schema: types.MarshalSchema(testSchema("t"))})}, 0, 1, 1)
	value := testValue(string(make([]byte, 100)))
	entries := make([]*raft.Log, 1024)
	for i := range entries {
		e := &wal.Entry{Kind: wal.KindTxn}
		for j := 0; j < rowsPerEntry; j++ {
			e.Mutations = append(e.Mutations, wal.Mutation{Op: wal.OpInsert, Table: "t",
				Key: testKey(int64(i*rowsPerEntry + j)), Value: value})
		}
		entries[i] = &raft.Log{Index: uint64(i + 2), Type: raft.LogCommand, Data: wal.AppendEntry(nil, e)}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.ApplyBatch(entries[i%len(entries) : i%len(entries)+1])
	}
	b.ReportMetric(float64(b.N*rowsPerEntry)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkGet is a primary-key read through the Go API, from the dirty buffer and from pages.
func BenchmarkGet(b *testing.B) {
	for _, fromPages := range []bool{false, true} {
		b.Run(fmt.Sprintf("checkpointed=%v", fromPages), func(b *testing.B) {
			ctx := context.Background()
			ts := openTest(b, b.TempDir())
			defer ts.Close()
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				b.Fatal(err)
			}
			const n = 100000
			insertRows(b, ts, "t", 0, n, 1000)
			if fromPages {
				if err := ts.Checkpoint(ctx); err != nil {
					b.Fatal(err)
				}
			}
			keys := make([][]byte, 1024)
			for i := range keys {
				keys[i] = testKey(int64(i * 97 % n))
			}
			tx := ts.Begin()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, ok, err := tx.Get("t", keys[i%len(keys)]); !ok || err != nil {
					b.Fatal("missing row", err)
				}
			}
		})
	}
}

// BenchmarkPKMapMemory reports the heap bytes per row of the primary-key map, copies of the
// keys included, at 1M rows of 8-byte keys (the rows are checkpointed so only the map stays
// in memory); long-key is the same with 32-byte keys, which the map holds as strings.
func BenchmarkPKMapMemory(b *testing.B) {
	const rows = 1_000_000
	for _, long := range []bool{false, true} {
		name := "short-key"
		if long {
			name = "long-key"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				t := newTable(testSchema("t"), nil)
				keys := make([][]byte, rows)
				for j := range keys {
					keys[j] = testKey(int64(j))
					if long {
						keys[j] = append(keys[j], make([]byte, 24)...)
					}
				}
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for j, k := range keys {
					t.pk.setB(k, pageLoc(uint64(j/10000+1), uint32(j%10000)))
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/rows, "bytes/row")
				runtime.KeepAlive(t)
				runtime.KeepAlive(keys) // else the GC frees them before after, and they count against the map
			}
		})
	}
}

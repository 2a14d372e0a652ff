package wal

import (
	"bytes"
	"fmt"
	"testing"
)

func benchEntry(rows int) *Entry {
	e := &Entry{Kind: KindTxn, TxID: 1}
	for i := 0; i < rows; i++ {
		e.Mutations = append(e.Mutations, Mutation{Op: OpUpdate, Table: "accounts",
			Key: []byte(fmt.Sprintf("%016d", i)), Value: bytes.Repeat([]byte{'x'}, 100)})
	}
	return e
}

func BenchmarkAppendEntry(b *testing.B) {
	for _, rows := range []int{1, 100} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			e := benchEntry(rows)
			buf := make([]byte, 0, EncodedSize(e))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf = AppendEntry(buf[:0], e)
			}
			b.ReportMetric(float64(b.N*rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, rows := range []int{1, 100} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			data := AppendEntry(nil, benchEntry(rows))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*rows)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

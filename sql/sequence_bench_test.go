package sql

import (
	"context"
	"strings"
	"testing"
)

// BenchmarkInsertSerial is an autocommitted single-row INSERT into a table with a serial
// key: the value comes from the table's sequence, which commits a reservation once per
// block of values (tablespace/sequence_cache.go), fsync included.
func BenchmarkInsertSerial(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id serial PRIMARY KEY, v text)", discard{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Exec(ctx, "INSERT INTO t (v) VALUES ('v')", discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsertSerialBulk inserts 1000 rows per statement into a serial table: the
// per-row cost of drawing values, where a reservation per 33 values would show.
func BenchmarkInsertSerialBulk(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id bigserial PRIMARY KEY, v text)", discard{}); err != nil {
		b.Fatal(err)
	}
	q := "INSERT INTO t (v) VALUES " + strings.Repeat("('v'),", 999) + "('v')"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Exec(ctx, q, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/row")
}

package pgwire

import (
	"context"
	"strconv"
	"testing"
)

// BenchmarkExtendedBatch measures a batch of one statement as pgbench -M prepared and pgx
// send it (Bind, Describe, Execute, Sync) on sql sessions: an UPDATE and a SELECT by key.
func BenchmarkExtendedBatch(b *testing.B) {
	ctx := context.Background()
	c := connectSessions(b)
	if _, err := c.Exec(ctx, "CREATE TABLE a (k int PRIMARY KEY, v int); INSERT INTO a SELECT g, 0 FROM generate_series(1, 100) g").ReadAll(); err != nil {
		b.Fatal(err)
	}
	for name, q := range map[string]string{"upd": "UPDATE a SET v = v + $1 WHERE k = $2", "sel": "SELECT v FROM a WHERE k = $1"} {
		if _, err := c.Prepare(ctx, name, q, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("update", func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			k := []byte(strconv.Itoa(i%100 + 1))
			if _, err := c.ExecPrepared(ctx, "upd", [][]byte{[]byte("1"), k}, nil, nil).Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("select", func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			k := []byte(strconv.Itoa(i%100 + 1))
			if _, err := c.ExecPrepared(ctx, "sel", [][]byte{k}, nil, nil).Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

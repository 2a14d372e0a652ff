package drove_test

import (
	"context"
	"testing"

	"github.com/drovedb/drove"
)

// BenchmarkKVGet is a primary-key read through the native Go API: encode the key, look it up,
// decode the row into Go values.
func BenchmarkKVGet(b *testing.B) {
	db, err := drove.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.Exec(ctx, "CREATE TABLE kv (k bigint PRIMARY KEY, v text)"); err != nil {
		b.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		b.Fatal(err)
	}
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
	i := 0
	for b.Loop() {
		if _, ok, err := kv.Get(ctx, "kv", i%n); !ok || err != nil {
			b.Fatal(ok, err)
		}
		i++
	}
}

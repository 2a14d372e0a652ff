package drove_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/drovedb/drove"
)

func TestKVGetInto(t *testing.T) {
	db, kv := openKV(t)
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)
	if err := kv.Put(ctx, "users", drove.Row{1, "ada", 9.5, true, at, []byte{0, 1}, int16(7)}); err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "users", drove.Row{2, "bob", nil, nil, nil, nil, nil}); err != nil {
		t.Fatal(err)
	}
	var rec drove.Record
	ok, err := kv.GetInto(ctx, &rec, "users", 1)
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	got := []any{rec.Len(), rec.Int64(0), rec.String(1), rec.Float64(2), rec.Bool(3), rec.Time(4), rec.Bytes(5), rec.Int64(6)}
	want := []any{7, int64(1), "ada", 9.5, true, at, []byte{0, 1}, int64(7)}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GetInto\n got %#v\nwant %#v", got, want)
	}
	// The Record is reused: a second read overwrites it, NULLs read as NULL.
	if ok, err := kv.GetInto(ctx, &rec, "users", int64(2)); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if rec.String(1) != "bob" || !rec.IsNull(2) || !rec.IsNull(5) || rec.Bytes(5) != nil || rec.Value(2) != nil || rec.Value(1) != "bob" {
		t.Fatalf("second read: %q %v %v", rec.String(1), rec.IsNull(2), rec.Bytes(5))
	}
	if ok, err := kv.GetInto(ctx, &rec, "users", 3); ok || err != nil {
		t.Fatalf("missing row: %v %v", ok, err)
	}
	// A composite key, and a schema change between reads.
	if err := kv.Put(ctx, "edges", drove.Row{1, 2, float32(0.5)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Exec(ctx, "ALTER TABLE edges ADD COLUMN label text"); err != nil {
		t.Fatal(err)
	}
	if ok, err := kv.GetInto(ctx, &rec, "edges", 1, 2); !ok || err != nil || rec.Len() != 4 || rec.Float64(2) != 0.5 || !rec.IsNull(3) {
		t.Fatalf("after ALTER: %v %v len %d", ok, err, rec.Len())
	}
	if _, err := kv.GetInto(ctx, &rec, "edges", 1); err == nil {
		t.Fatal("a one-value key for a two-column key accepted")
	}
	if _, err := kv.GetInto(ctx, &rec, "nope", 1); err == nil {
		t.Fatal("missing table accepted")
	}
	if _, err := kv.GetInto(ctx, &rec, "users", struct{}{}); err == nil {
		t.Fatal("a struct key accepted")
	}
}

func TestKVGetIntoDoesNotAllocate(t *testing.T) {
	_, kv := openKV(t)
	ctx := context.Background()
	if err := kv.Put(ctx, "users", drove.Row{1000, "ada", 9.5, true, nil, []byte{0, 1}, int16(7)}); err != nil {
		t.Fatal(err)
	}
	var rec drove.Record
	key := 1000
	if allocs := testing.AllocsPerRun(100, func() {
		if ok, err := kv.GetInto(ctx, &rec, "users", key); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}); allocs != 0 {
		t.Fatalf("GetInto allocates %v times a call", allocs)
	}
}

func TestKVBatchWrite(t *testing.T) {
	db, kv := openKV(t)
	ctx := context.Background()
	var b drove.Batch
	for i := range 100 {
		b.Put("users", drove.Row{i, "u", nil, nil, nil, nil, nil})
	}
	b.Delete("users", 5)
	b.Put("edges", drove.Row{1, 2, 1.0})
	if b.Len() != 102 {
		t.Fatalf("Len %d", b.Len())
	}
	if err := kv.Write(ctx, &b); err != nil {
		t.Fatal(err)
	}
	rows, _, err := db.Exec(ctx, "SELECT count(*) FROM users")
	if err != nil || *rows[0][0] != "99" {
		t.Fatalf("after the batch: %v %v", rows, err)
	}
	// A batch with a row that does not fit writes nothing.
	b.Reset()
	b.Delete("users", 1)
	b.Put("users", drove.Row{200, "a name far too long for varchar(8)", nil, nil, nil, nil, nil})
	if err := kv.Write(ctx, &b); err == nil {
		t.Fatal("a bad row accepted")
	}
	if _, ok, _ := kv.Get(ctx, "users", 1); !ok {
		t.Fatal("the failed batch's delete happened")
	}
}

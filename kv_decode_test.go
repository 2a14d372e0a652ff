package drove

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

// decodeBoxed is decode as it was: DecodeRow, then goValue per column. decode must agree.
func decodeBoxed(s *types.Schema, k, v []byte) (Row, error) {
	vals := make([]types.Value, len(s.Columns))
	if err := types.DecodeRow(s, k, v, vals); err != nil {
		return nil, err
	}
	row := make(Row, len(vals))
	for i, x := range vals {
		row[i] = goValue(x)
	}
	return row, nil
}

// TestDecodeBoxesLikeGoValue: decode boxes numbers and strings into two shared blocks rather
// than one allocation each; every column type must still read back as goValue boxes it, after
// collections (the boxes point into blocks only the Row keeps alive), in three allocations.
func TestDecodeBoxesLikeGoValue(t *testing.T) {
	db, err := Open(t.TempDir(), WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.Exec(ctx, `CREATE TABLE every (k text PRIMARY KEY, k2 bigint, i2 smallint,
		i4 integer, i8 bigint, f4 real, f8 double precision, b boolean, t text, n numeric(10,2),
		ba bytea, ts timestamp, d date, t2 text)`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO every VALUES ('key one', 1, -2, 300000, -9000000000, 1.5, -2.25, true, 'some text', 12.34,
			'\x0102', '2026-01-02 03:04:05.678', '2026-03-04', '')`,
		`INSERT INTO every VALUES ('key two', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			'infinity', NULL, NULL)`,
	} {
		if _, _, err := db.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"key one", "key two"} {
		var got, want Row
		var allocs float64
		if _, _, err := kv.read(ctx, "every", []any{key}, nil, func(s *types.Schema, k, v []byte) error {
			var err error
			if want, err = decodeBoxed(s, k, v); err != nil {
				return err
			}
			if got, err = decode(s, k, v); err != nil {
				return err
			}
			allocs = testing.AllocsPerRun(100, func() { _, _ = decode(s, k, v) })
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.GC()
		garbage := make([][]byte, 0, 1000)
		for range 1000 {
			garbage = append(garbage, make([]byte, 64))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %#v\nwant %#v", key, got, want)
		}
		for i := range got {
			if reflect.TypeOf(got[i]) != reflect.TypeOf(want[i]) {
				t.Fatalf("%s: column %d is a %T, want %T", key, i, got[i], want[i])
			}
		}
		// The row's text key, bytea, timestamp, date and "infinity" are boxed one by one.
		if limit := 3 + 5.0; allocs > limit {
			t.Errorf("%s: decode allocates %v times, want at most %v", key, allocs, limit)
		}
		t.Logf("%s: %d allocations (%v)", key, int(allocs), got)
		_ = garbage
	}
	// A row of numbers and short text (BenchmarkKVGet's shape, and then some): one — the Row
	// with the slots that back its values and the text's bytes (rowBlock).
	if _, _, err := db.Exec(ctx, `CREATE TABLE narrow (k bigint PRIMARY KEY, v text, f double precision, i integer, w text)`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Exec(ctx, `INSERT INTO narrow VALUES (123456, 'some value', 2.5, 77777, 'more')`); err != nil {
		t.Fatal(err)
	}
	var allocs float64
	if _, _, err := kv.read(ctx, "narrow", []any{123456}, nil, func(s *types.Schema, k, v []byte) error {
		allocs = testing.AllocsPerRun(100, func() { _, _ = decode(s, k, v) })
		boxed := testing.AllocsPerRun(100, func() { _, _ = decodeBoxed(s, k, v) })
		t.Logf("narrow row: %v allocations, %v boxed one by one", allocs, boxed)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if allocs != 1 {
		t.Errorf("a row of numbers and text decodes in %v allocations, want 1", allocs)
	}
	// Text at and past the room in the block (48 bytes for two columns), and none: the same
	// values as boxed one by one, after collections.
	if _, _, err := db.Exec(ctx, `CREATE TABLE two (k bigint PRIMARY KEY, v text)`); err != nil {
		t.Fatal(err)
	}
	for i, v := range []string{strings.Repeat("a", 48), strings.Repeat("b", 49), "", "x"} {
		if _, _, err := db.Exec(ctx, fmt.Sprintf(`INSERT INTO two VALUES (%d, '%s')`, i, v)); err != nil {
			t.Fatal(err)
		}
		var got, want Row
		if _, _, err := kv.read(ctx, "two", []any{i}, nil, func(s *types.Schema, k, v []byte) error {
			var err error
			if want, err = decodeBoxed(s, k, v); err != nil {
				return err
			}
			got, err = decode(s, k, v)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		garbage := make([][]byte, 0, 1000)
		for range 1000 {
			garbage = append(garbage, bytes.Repeat([]byte{'z'}, 64))
		}
		runtime.GC()
		if !reflect.DeepEqual(got, want) || got[1].(string) != v {
			t.Errorf("two-column row %d: got %#v, want %#v", i, got, want)
		}
		_ = garbage
	}
}

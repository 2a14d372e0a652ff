package drove_test

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"testing"

	"github.com/drovedb/drove"
)

// TestDriverScanHeapBounded reads a whole table through database/sql and checks that the heap
// does not grow with the result: rows stream from the executor, and the engine's own scan
// holds a bit per row (tablespace's scan sets), not a reference per row (48 bytes a row,
// which it once did). Both are checked: a native scan through the KV API grows the heap by at
// most 2 MiB plus half a byte a row, and one through database/sql by at most a few MiB more:
// a result buffered in the driver would add over 100 bytes a row. It scans 200k rows by default;
// DROVE_SCAN_ROWS=5000000 runs the 5M-row version.
func TestDriverScanHeapBounded(t *testing.T) {
	n := 200_000
	if s := os.Getenv("DROVE_SCAN_ROWS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	} else if testing.Short() {
		n = 50_000
	}
	dir := t.TempDir()
	h, err := drove.Open(dir, drove.WithLogger(quietLogger()))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	ctx := context.Background()
	if _, _, err := h.Exec(ctx, "CREATE TABLE big (k bigint PRIMARY KEY, v text)"); err != nil {
		t.Fatal(err)
	}
	kv, err := h.KV("")
	if err != nil {
		t.Fatal(err)
	}
	const batch = 50_000
	for lo := 0; lo < n; lo += batch {
		if err := kv.Update(ctx, func(tx *drove.Tx) error {
			for k := lo; k < min(lo+batch, n); k++ {
				if err := tx.Put("big", drove.Row{k, "a value of some forty bytes or so, padded"}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("drove", dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	// What the engine's scan itself holds, through the native API.
	base := heap()
	var native uint64
	seen := 0
	if err := kv.View(ctx, func(tx *drove.Tx) error {
		return tx.Scan("big", func(drove.Row) error {
			if seen++; seen%(n/4) == 0 {
				if h := heap(); h > base {
					native = max(native, h-base)
				}
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if limit := uint64(2<<20 + n/2); native > limit {
		t.Fatalf("the heap grew by %d KiB while the engine scanned %d rows (limit %d KiB)", native>>10, n, limit>>10)
	}
	base = heap()
	rows, err := db.Query("SELECT k, v FROM big")
	if err != nil {
		t.Fatal(err)
	}
	var (
		k     int64
		v     string
		worst uint64
	)
	seen = 0
	for rows.Next() {
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		if seen++; seen%(n/4) == 0 {
			if h := heap(); h > base {
				worst = max(worst, h-base)
			}
		}
	}
	if err := rows.Err(); err != nil || seen != n {
		t.Fatalf("scanned %d of %d rows: %v", seen, n, err)
	}
	if limit := native + 4<<20; worst > limit {
		t.Fatalf("heap grew by %d KiB while scanning %d rows through database/sql, %d KiB natively", worst>>10, n, native>>10)
	}
	t.Logf("%d rows scanned, heap growth at most %d KiB (native scan: %d KiB)", n, worst>>10, native>>10)
}

// quietLogger discards the engine's log.
func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

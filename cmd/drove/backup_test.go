package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// TestBackupUnderWrites backs a tablespace up while transactions keep committing, restores
// it under a new name and checks the copy: every transaction acknowledged before the backup
// began is in it, no transaction is in it by halves, and every row in it is as committed.
func TestBackupUnderWrites(t *testing.T) {
	url := startServer(t)
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, "CREATE TABLE pairs (id bigint PRIMARY KEY, v bigint NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	// Some bulk first, so the backup has pages to copy.
	var bulk strings.Builder
	for i := 1; i <= 50_000; i++ {
		fmt.Fprintf(&bulk, "%d,%d\n", i, i*3)
	}
	if _, _, err := runCLI(t, bulk.String(), "load", "--url", url, "--table", "pairs", "-"); err != nil {
		t.Fatal(err)
	}

	// Writers commit pairs (id, partner) in one transaction each.
	const partner = 10_000_000
	var next atomic.Int64
	next.Store(100_000)
	var mu sync.Mutex
	acked := map[int64]bool{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				id := next.Add(1)
				err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
					if _, err := tx.Exec(ctx, "INSERT INTO pairs VALUES ($1, $2)", id, id*3); err != nil {
						return err
					}
					_, err := tx.Exec(ctx, "INSERT INTO pairs VALUES ($1, $2)", id+partner, id*3)
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				acked[id] = true
				mu.Unlock()
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	before := make([]int64, 0, len(acked))
	for id := range acked {
		before = append(before, id)
	}
	mu.Unlock()
	file := filepath.Join(t.TempDir(), "drove.bak")
	out, _, err := runCLI(t, "", "backup", "--url", url, "--tablespace", "drove", "--out", file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "backup of drove written to "+file+": ") {
		t.Fatalf("backup printed %q", out)
	}
	time.Sleep(200 * time.Millisecond) // writes go on after the backup too
	close(stop)
	wg.Wait()
	if len(before) == 0 {
		t.Fatal("no transaction committed before the backup")
	}

	out, _, err = runCLI(t, "", "restore", "--url", url, "--in", file, "--tablespace", "snap")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "tablespace snap restored in ") {
		t.Fatalf("restore printed %q", out)
	}
	snapURL := strings.Replace(url, "/drove?", "/snap?", 1)
	snap, err := pgx.Connect(ctx, snapURL)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close(ctx)
	rows, err := snap.Query(ctx, "SELECT id, v FROM pairs")
	if err != nil {
		t.Fatal(err)
	}
	restored := map[int64]int64{}
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			t.Fatal(err)
		}
		restored[id] = v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, id := range before {
		if _, ok := restored[id]; !ok {
			t.Fatalf("transaction %d was acknowledged before the backup but is not in it", id)
		}
	}
	for id, v := range restored {
		if id < partner && id > 50_000 {
			if _, ok := restored[id+partner]; !ok {
				t.Fatalf("half of transaction %d is in the backup", id)
			}
		}
		if base := id % partner; v != base*3 {
			t.Fatalf("row %d has %d, committed %d", id, v, base*3)
		}
	}
	live := queryInt(t, url, "SELECT count(*) FROM pairs")
	if len(restored) < 50_000+2*len(before) || len(restored) > live {
		t.Fatalf("restored %d rows: fewer than the %d acknowledged before, or more than the %d live", len(restored), 50_000+2*len(before), live)
	}
	// The copy is a tablespace of its own: it takes writes.
	if _, err := snap.Exec(ctx, "INSERT INTO pairs VALUES (-1, 0)"); err != nil {
		t.Fatal(err)
	}

	// Refusals: an existing name, a damaged file. Neither touches anything.
	if _, _, err := runCLI(t, "", "restore", "--url", url, "--in", file); err == nil || !strings.Contains(err.Error(), "42710") {
		t.Fatalf("restore over the live tablespace: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "truncated.bak")
	if err := os.WriteFile(bad, data[:len(data)*2/3], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "", "restore", "--url", url, "--in", bad, "--tablespace", "broken"); err == nil || !strings.Contains(err.Error(), "not a valid drove backup") {
		t.Fatalf("restore of a truncated backup: %v", err)
	}
	if n := queryInt(t, url, "SELECT count(*) FROM systablespaces WHERE tablespace_name = 'broken'"); n != 0 {
		t.Fatal("a failed restore left a tablespace behind")
	}
}

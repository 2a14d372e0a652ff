package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// The node's queries share one memory budget: while one session's sort holds most of it (its
// client not reading the rows, so the sort cannot finish), another session's big query fails
// with 53200, small queries go on, and once the first ends the budget is whole again.
func TestQueryMemoryBudget(t *testing.T) {
	cfg := quietConfig(t.TempDir(), "127.0.0.1:0")
	cfg.MaxQueryMemory = 100 << 20
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	// About 60 MiB of sorted rows by sql's count, far more than the socket buffers hold.
	const big = "SELECT g, repeat('x', 100) FROM generate_series(1, 300000) g ORDER BY g DESC"

	holder := rawSession(t, s)
	holder.Send(&pgproto3.Query{String: big})
	if err := holder.Flush(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for used, _ := s.QueryMemory(); used < 50<<20; used, _ = s.QueryMemory() {
		if time.Now().After(deadline) {
			t.Fatalf("the held sort reserved only %d bytes", used)
		}
		time.Sleep(20 * time.Millisecond)
	}

	other := connect(t, s, "drove")
	_, err = other.Exec(context.Background(), big).ReadAll()
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "53200" || !strings.Contains(pgErr.Detail, "budget") {
		t.Fatalf("a second big query while the first holds the budget: %v, want 53200", err)
	}
	if got, code := exec(t, other, "SELECT count(*) FROM (SELECT g FROM generate_series(1, 1000) g ORDER BY g) s"); code != "" || got != "1000" {
		t.Fatalf("a small query meanwhile: %q %s", got, code)
	}

	// The holder reads its rows: its query ends and gives the budget back.
	rows := 0
	for {
		msg, err := holder.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := msg.(*pgproto3.DataRow); ok {
			rows++
		}
		if e, ok := msg.(*pgproto3.ErrorResponse); ok {
			t.Fatalf("the holder's query: %s %s", e.Code, e.Message)
		}
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			break
		}
	}
	if rows != 300000 {
		t.Fatalf("the holder got %d rows", rows)
	}
	if used, limit := s.QueryMemory(); used != 0 || limit != 100<<20 {
		t.Fatalf("budget after every query ended: %d used of %d", used, limit)
	}
	if _, err := other.Exec(context.Background(), big).ReadAll(); err != nil {
		t.Fatalf("the big query once the budget is free: %v", err)
	}
}

func TestSoftMemoryLimit(t *testing.T) {
	const gib = 1 << 30
	cases := []struct {
		budget, cache, total, want int64
	}{
		{budget: 2 * gib, cache: 256 << 20, total: 24 * gib, want: 3*gib + 512<<20},
		{budget: 16 * gib, cache: 256 << 20, total: 24 * gib, want: 24 * gib / 10 * 9}, // capped
		{budget: -1, cache: 256 << 20, total: 24 * gib, want: 24 * gib / 10 * 9},
		{budget: -1, cache: 256 << 20, total: 0, want: 0},
		{budget: gib, cache: 0, total: 0, want: gib + gib/2 + 256<<20},
	}
	for _, c := range cases {
		got := softMemoryLimit(Config{MaxQueryMemory: c.budget, PageCacheMemory: c.cache}, c.total)
		if got != c.want {
			t.Errorf("budget %d cache %d total %d: %d, want %d", c.budget, c.cache, c.total, got, c.want)
		}
	}
	if got := defaultQueryBudget(24 * gib); got != 12*gib {
		t.Errorf("default budget on 24 GiB: %d", got)
	}
	if got := defaultQueryBudget(0); got != unknownMachineMemory/2 {
		t.Errorf("default budget on an unknown machine: %d", got)
	}
}

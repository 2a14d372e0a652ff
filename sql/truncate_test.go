package sql

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
)

// truncateRows is more rows than a transaction bounded by truncateTxnMemory could delete one
// by one.
const (
	truncateRows      = 6000
	truncateTxnMemory = 256 << 10
)

// openTruncateTest opens a tablespace with a small MaxTxnMemory and tables big (a unique index
// on v) and small, truncateRows rows each, loaded in transactions that fit the bound.
func openTruncateTest(t *testing.T) *tablespace.Tablespace {
	t.Helper()
	ts, err := tablespace.Open(tablespace.Options{Dir: t.TempDir(), Name: "drove",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler), MaxTxnMemory: truncateTxnMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	s := NewSession(ts, nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE big (id int PRIMARY KEY, v text); CREATE UNIQUE INDEX big_v ON big (v)")
	execOK(t, s, "CREATE TABLE small (id serial PRIMARY KEY, v text)")
	for i := 0; i < truncateRows; i += 500 {
		execOK(t, s, fmt.Sprintf("INSERT INTO big SELECT g, 'v' || g FROM generate_series(%d, %d) g", i+1, i+500))
		execOK(t, s, "INSERT INTO small (v) SELECT 'v' || g FROM generate_series(1, 500) g")
	}
	return ts
}

// TestTruncateSQL: TRUNCATE of tables whose rows a transaction could not delete within
// --max-txn-memory succeeds, in or out of a transaction block, all or nothing; a transaction
// reads its own writes after it; indexes are emptied; serial counters continue.
func TestTruncateSQL(t *testing.T) {
	n := fmt.Sprint(truncateRows)
	cases := []struct {
		name  string
		steps []string
		query string // run by another session afterwards
		want  string
	}{
		{"autocommit", []string{"TRUNCATE big"}, "SELECT count(*) FROM big", "0"},
		{"several tables", []string{"TRUNCATE TABLE big, small"},
			"SELECT (SELECT count(*) FROM big) + (SELECT count(*) FROM small)", "0"},
		{"rollback restores", []string{"BEGIN", "TRUNCATE big", "ROLLBACK"},
			"SELECT count(*), max(id) FROM big WHERE v = 'v17' OR id > 0", n + "|" + n},
		{"failed transaction restores", []string{"BEGIN", "TRUNCATE big", "INSERT INTO big VALUES (1, 'a'), (1, 'b')!", "COMMIT"},
			"SELECT count(*) FROM big", n},
		{"truncate then insert, in one transaction", []string{"BEGIN", "TRUNCATE big",
			"SELECT count(*) FROM big => 0",
			"INSERT INTO big VALUES (17, 'v17')", // the key and the unique value are free again
			"SELECT id FROM big WHERE v = 'v17' => 17",
			"UPDATE big SET v = 'new' WHERE id = 17", "COMMIT"},
			"SELECT id, v FROM big", "17|new"},
		{"the index is empty", []string{"TRUNCATE big", "INSERT INTO big VALUES (1, 'v2')"},
			"SELECT id FROM big WHERE v = 'v2' UNION ALL SELECT id FROM big WHERE v = 'v1'", "1"},
		{"serial continues", []string{"TRUNCATE small", "INSERT INTO small (v) VALUES ('next')"},
			"SELECT id FROM small", fmt.Sprint(truncateRows + 1)},
	}
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := openTruncateTest(t)
			s := NewSession(ts, nil)
			defer s.Close()
			for _, step := range c.steps {
				q, want, isQuery := strings.Cut(step, " => ")
				q, fails := strings.CutSuffix(q, "!")
				out := &textOutput{}
				err := s.Exec(ctx, q, out)
				switch {
				case fails && err == nil:
					t.Fatalf("%s: succeeded, want an error", q)
				case !fails && err != nil:
					t.Fatalf("%s: %v", q, err)
				case isQuery && rowsOf(out) != want:
					t.Fatalf("%s: %v, want %s", q, out.lines, want)
				}
			}
			other := NewSession(ts, nil)
			defer other.Close()
			if got := rowsOf(execOK(t, other, c.query)); got != c.want {
				t.Fatalf("%s: %s, want %s", c.query, got, c.want)
			}
		})
	}
}

// TestTruncateLocksTable: as with PostgreSQL's ACCESS EXCLUSIVE lock, other sessions' reads
// and writes of a table a transaction truncated wait until it ends and then see its outcome,
// and a TRUNCATE waits for the transactions using the table (55P03 past lock_timeout).
func TestTruncateLocksTable(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, other, end, want string
	}{
		{"read waits for commit", "SELECT count(*) FROM big", "COMMIT", "0"},
		{"read waits for rollback", "SELECT count(*) FROM big", "ROLLBACK", fmt.Sprint(truncateRows)},
		{"write waits for commit", "INSERT INTO big VALUES (1, 'x') RETURNING id", "COMMIT", "1"},
		{"write waits for rollback", "UPDATE big SET v = 'x' WHERE id = 1 RETURNING id", "ROLLBACK", "1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := openTruncateTest(t)
			a, b := NewSession(ts, nil), NewSession(ts, nil)
			defer a.Close()
			defer b.Close()
			execOK(t, a, "BEGIN; TRUNCATE big")
			done := make(chan *textOutput, 1)
			errs := make(chan error, 1)
			go func() {
				out := &textOutput{}
				if err := b.Exec(ctx, c.other, out); err != nil {
					errs <- err
					return
				}
				done <- out
			}()
			select {
			case out := <-done:
				t.Fatalf("%s ran during the truncating transaction: %v", c.other, out.lines)
			case err := <-errs:
				t.Fatalf("%s during the truncating transaction: %v", c.other, err)
			case <-time.After(100 * time.Millisecond):
			}
			execOK(t, a, c.end)
			select {
			case out := <-done:
				if got := rowsOf(out); got != c.want {
					t.Fatalf("%s after %s: %s, want %s", c.other, c.end, got, c.want)
				}
			case err := <-errs:
				t.Fatalf("%s after %s: %v", c.other, c.end, err)
			case <-time.After(10 * time.Second):
				t.Fatalf("%s still waits after %s", c.other, c.end)
			}
		})
	}
	t.Run("a wait past lock_timeout fails", func(t *testing.T) {
		ts := openTruncateTest(t)
		a, b := NewSession(ts, nil), NewSession(ts, nil)
		defer a.Close()
		defer b.Close()
		execOK(t, a, "BEGIN; TRUNCATE big")
		execOK(t, b, "SET lock_timeout = '50ms'")
		if err := b.Exec(ctx, "SELECT count(*) FROM big", &textOutput{}); sqlState(err) != "55P03" {
			t.Fatalf("read of a table truncated by an open transaction: %v, want 55P03", err)
		}
		execOK(t, a, "ROLLBACK")
		if got := rowsOf(execOK(t, b, "SELECT count(*) FROM big")); got != fmt.Sprint(truncateRows) {
			t.Fatalf("after ROLLBACK: %s", got)
		}
	})
	t.Run("truncate waits for the table's users", func(t *testing.T) {
		ts := openTruncateTest(t)
		a, b := NewSession(ts, nil), NewSession(ts, nil)
		defer a.Close()
		defer b.Close()
		execOK(t, b, "BEGIN; SELECT count(*) FROM big")
		execOK(t, a, "SET lock_timeout = '100ms'")
		if err := a.Exec(ctx, "TRUNCATE big", &textOutput{}); sqlState(err) != "55P03" {
			t.Fatalf("TRUNCATE of a table another transaction uses: %v, want 55P03", err)
		}
		execOK(t, b, "COMMIT")
		execOK(t, a, "TRUNCATE big")
		if got := rowsOf(execOK(t, b, "SELECT count(*) FROM big")); got != "0" {
			t.Fatalf("after the TRUNCATE: %v", got)
		}
	})
}

// rowsOf joins an output's rows with ";", leaving out its command tag.
func rowsOf(out *textOutput) string {
	var rows []string
	for _, l := range out.lines {
		if !strings.HasPrefix(l, "tag: ") {
			rows = append(rows, l)
		}
	}
	return strings.Join(rows, ";")
}

// BenchmarkTruncate1M times TRUNCATE of a checkpointed 1M-row table and reports the heap it
// needs at its peak above what the loaded table holds, and the bytes it allocates:
//
//	go test ./sql -run '^$' -bench Truncate1M -benchtime 1x
func BenchmarkTruncate1M(b *testing.B) {
	const rows = 1000000
	ctx := context.Background()
	var peakSum, allocSum float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := benchSession(b, rows)
		if err := s.Exec(ctx, "CHECKPOINT", discard{}); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		var peak atomic.Uint64
		stop, done := make(chan struct{}), make(chan struct{})
		go func() { // sample the heap in use until stopped
			defer close(done)
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		if err := s.Exec(ctx, "TRUNCATE t", discard{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		close(stop)
		<-done
		peakSum += max(0, float64(peak.Load())-float64(base.HeapInuse))
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		allocSum += float64(after.TotalAlloc - base.TotalAlloc)
		var out textOutput
		if err := s.Exec(ctx, "SELECT count(*) FROM t", &out); err != nil || out.lines[0] != "0" {
			b.Fatalf("after TRUNCATE: %v %v", out.lines, err)
		}
		s.Close()
	}
	b.ReportMetric(peakSum/float64(b.N)/(1<<20), "peak-MiB")
	b.ReportMetric(allocSum/float64(b.N)/(1<<20), "alloc-MiB")
}

package sql

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/drovedb/drove/internal/cputime"
	"github.com/drovedb/drove/types"
)

type discard struct{}

func (discard) Columns([]Column) error  { return nil }
func (discard) Row([]types.Value) error { return nil }
func (discard) Complete(string) error   { return nil }

func benchSession(b *testing.B, rows int) *Session {
	s := NewSession(openTestTablespace(b), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id bigint PRIMARY KEY, v text, n int)", discard{}); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < rows; i += 1000 {
		q := "INSERT INTO t VALUES "
		for j := i; j < i+1000 && j < rows; j++ {
			if j > i {
				q += ","
			}
			q += fmt.Sprintf("(%d, 'value %d', %d)", j, j, j)
		}
		if err := s.Exec(ctx, q, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkPointSelect is a primary-key SELECT through the whole SQL layer (split, dialect,
// parse, plan, execute), without the network.
func BenchmarkPointSelect(b *testing.B) {
	s := benchSession(b, 100000)
	queries := make([]string, 1024)
	for i := range queries {
		queries[i] = fmt.Sprintf("SELECT * FROM t WHERE id = %d", i*97)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Exec(ctx, queries[i%len(queries)], discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the simple protocol's parse of one statement (split, dialect pass, then
// vitess or, for the statements vitess does not parse, sql/lexer and a small parser), without
// binding: pgbench's statements and the statements parsed from sql/lexer's tokens.
func BenchmarkParse(b *testing.B) {
	for _, q := range []string{
		"SELECT abalance FROM pgbench_accounts WHERE aid = 42",
		"UPDATE pgbench_accounts SET abalance = abalance + 5 WHERE aid = 42",
		"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 2, 3, 4, CURRENT_TIMESTAMP)",
		"UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2",
		"SELECT abalance FROM pgbench_accounts WHERE aid = $1",
		"BEGIN",
		"SET application_name = 'bench'",
		"COPY t (id, v) FROM STDIN WITH (FORMAT csv, HEADER true)",
		"CREATE INDEX IF NOT EXISTS t_v ON t (v DESC NULLS LAST)",
	} {
		b.Run(strings.Fields(q)[0]+"_"+strconv.Itoa(len(q)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				pieces, err := splitAndRewrite(q)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := parse(pieces[0]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInsert is one autocommitted single-row INSERT, fsync included.
func BenchmarkInsert(b *testing.B) {
	s := benchSession(b, 0)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Exec(ctx, fmt.Sprintf("INSERT INTO t VALUES (%d, 'v', 1)", i), discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsertParallel is pgbench's insert workload without the network: 8 sessions each
// running a prepared INSERT INTO kv VALUES ($1, 1), autocommitted, so commits share fsyncs. Run
// it with TMPDIR on a tmpfs to take the disk out; cpu-ns/op is the process's CPU time (user and
// system, every goroutine) per insert, steadier than ns/op when other work shares the CPUs.
func BenchmarkInsertParallel(b *testing.B) {
	const clients = 8
	ts := openTestTablespace(b)
	ctx := context.Background()
	if err := NewSession(ts, nil).Exec(ctx, "CREATE TABLE kv (k bigint PRIMARY KEY, v bigint NOT NULL)", discard{}); err != nil {
		b.Fatal(err)
	}
	sessions := make([]*Session, clients)
	stmts := make([]PreparedStatement, clients)
	for i := range sessions {
		sessions[i] = NewSession(ts, nil)
		st, err := sessions[i].Prepare(ctx, "INSERT INTO kv VALUES ($1, 1)", nil)
		if err != nil {
			b.Fatal(err)
		}
		stmts[i] = st
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Now()
	for c := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []types.Value{{}}
			for i := next.Add(1); i <= int64(b.N); i = next.Add(1) {
				args[0] = types.NewInt(types.Int64, i)
				if err := sessions[c].ExecPrepared(ctx, stmts[c], args, discard{}); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(cputime.Now()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkPreparedPointSelect is the extended-protocol hot path: a prepared
// SELECT ... WHERE pk = $1 executed with a new parameter each time (plan cache hit, no parse).
func BenchmarkPreparedPointSelect(b *testing.B) {
	s := benchSession(b, 100000)
	st, err := s.Prepare(context.Background(), "SELECT * FROM t WHERE id = $1", nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	args := []types.Value{{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[0] = types.NewInt(types.Int64, int64(i*97%100000))
		if err := s.ExecPrepared(ctx, st, args, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchedPointSelect is BenchmarkPreparedPointSelect as pgwire runs it for a batch of
// one Execute (Bind, Execute, Sync): in the batch's implicit transaction, committed at Sync.
func BenchmarkBatchedPointSelect(b *testing.B) {
	s := benchSession(b, 100000)
	st, err := s.Prepare(context.Background(), "SELECT * FROM t WHERE id = $1", nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	args := []types.Value{{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[0] = types.NewInt(types.Int64, int64(i*97%100000))
		if _, err := s.ExecBatched(ctx, st, args, discard{}, true); err != nil {
			b.Fatal(err)
		}
		if err := s.SyncBatch(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// benchQuery runs a query that returns one row b.N times.
func benchQuery(b *testing.B, s *Session, q string) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Exec(ctx, q, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHashJoin100k joins two 100k-row tables on their keys (bench/query_vs_postgres.sh
// runs the same query on PostgreSQL).
func BenchmarkHashJoin100k(b *testing.B) {
	s := benchSession(b, 100000)
	if err := s.Exec(context.Background(), "CREATE TABLE u (id bigint PRIMARY KEY, t_id bigint); INSERT INTO u SELECT id, 99999 - id FROM t", discard{}); err != nil {
		b.Fatal(err)
	}
	benchQuery(b, s, "SELECT count(*), sum(t.n) FROM t JOIN u ON t.id = u.t_id")
}

// BenchmarkGroupBy1M groups 1M rows into 1000 groups.
func BenchmarkGroupBy1M(b *testing.B) {
	s := benchSession(b, 1000000)
	benchQuery(b, s, "SELECT n % 1000, count(*), sum(n) FROM t GROUP BY n % 1000")
}

// BenchmarkCount1M scans 1M rows: the cost under every full-table query.
func BenchmarkCount1M(b *testing.B) {
	s := benchSession(b, 1000000)
	benchQuery(b, s, "SELECT count(*) FROM t")
}

// BenchmarkInList4000 filters 10k rows by n IN (4,000 constants): a set probe per row, not a
// scan of the list.
func BenchmarkInList4000(b *testing.B) {
	s := benchSession(b, 10000)
	items := make([]string, 4000)
	for i := range items {
		items[i] = fmt.Sprint(i * 3)
	}
	benchQuery(b, s, "SELECT count(*) FROM t WHERE n IN ("+strings.Join(items, ",")+")")
}

// BenchmarkKeysetPage reads a 20-row page of 100,000 rows after a row bound: "index" reads
// the ordered index from the bound and stops after the page ("backward" the same page
// order descending, before the bound); "sorted" asks for an order no index gives (n + 0),
// which reads the index from n's bound on and sorts.
func BenchmarkKeysetPage(b *testing.B) {
	s := benchSession(b, 100000)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE INDEX t_nid ON t (n, id)", discard{}); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, op, order string }{{"index", ">", "n, id"}, {"backward", "<", "n DESC, id DESC"},
		{"sorted", ">", "n + 0, id"}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				k := (i * 7919) % 90000
				q := fmt.Sprintf("SELECT id, v FROM t WHERE (n, id) %s (%d, %d) ORDER BY %s LIMIT 20", c.op, k, k, c.order)
				if err := s.Exec(ctx, q, discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPgbenchParsePlan is the simple protocol's parse and plan of each of pgbench's
// statements (split, dialect pass, vitess, then binding into a plan), without running it:
// the front end's cost for a statement the session has not seen.
func BenchmarkPgbenchParsePlan(b *testing.B) {
	s := NewSession(openTestTablespace(b), nil)
	defer s.Close()
	if err := s.Exec(context.Background(), `CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84));
		CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84));
		CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88));
		CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))`, discard{}); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE pgbench_accounts SET abalance = abalance + -4213 WHERE aid = 7731",
		"SELECT abalance FROM pgbench_accounts WHERE aid = 7731",
		"UPDATE pgbench_tellers SET tbalance = tbalance + -4213 WHERE tid = 3",
		"UPDATE pgbench_branches SET bbalance = bbalance + -4213 WHERE bid = 1",
		"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (3, 1, 7731, -4213, CURRENT_TIMESTAMP)",
		"DELETE FROM pgbench_accounts WHERE aid = 7731",
		"BEGIN;", // pgbench's transaction, as its simple protocol sends it
		"END;",
	} {
		name := strings.TrimSuffix(strings.Join(strings.Fields(q)[:min(2, len(strings.Fields(q)))], "_"), ";")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := s.prepare(q, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

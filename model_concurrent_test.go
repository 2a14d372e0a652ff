package drove_test

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/drovedb/drove"
	mt "github.com/drovedb/drove/internal/modeltest"
	"github.com/drovedb/drove/tablespace"
)

var modelConcurrentFor = flag.Duration("model.concurrent", 2*time.Second, "how long TestModelConcurrentKVSQL writes")

// TestModelConcurrentKVSQL has goroutines write one table through the KV API (Put in
// transactions of one to three rows) and through SQL (INSERT and UPDATE naming their columns)
// while another adds and drops columns, then reads every row back and compares it, column by
// column, with what its last successful write said. Every value written to column X is
// "X=<id>-<n>", so a value under the wrong column, or a row encoded for a schema it was not
// committed under, shows. A write may fail cleanly (its columns changed under it); it may
// never succeed with the wrong values.
//
// A KV writer builds its row from the schema it reads just before Put: when two column
// changes fall between that read and Put's, a row of the right length can have meant other
// columns, so such a write's outcome is not checked (the count is logged). Goroutine
// interleavings are not replayable; the seed fixes each goroutine's choices.
func TestModelConcurrentKVSQL(t *testing.T) {
	seed := seedOf(t, "TestModelConcurrentKVSQL")
	ctx := context.Background()
	dir := t.TempDir()
	open := func() (*drove.DB, *sql.DB) {
		t.Helper()
		db, err := drove.Open(dir, drove.WithCheckpointInterval(-1))
		if err != nil {
			t.Fatal(err)
		}
		sqldb, err := sql.Open("drove", dir)
		if err != nil {
			t.Fatal(err)
		}
		return db, sqldb
	}
	db, sqldb := open()
	if _, err := sqldb.Exec("CREATE TABLE w (id bigint PRIMARY KEY, c1 text, c2 text, c3 text)"); err != nil {
		t.Fatal(err)
	}
	c := &concurrentRun{stop: make(chan struct{})}
	c.attach(t, db, sqldb)

	const kvWriters, sqlWriters = 3, 2
	var wg sync.WaitGroup
	c.expected = make([]map[int64]*mt.Expected, kvWriters+sqlWriters)
	for w := range kvWriters + sqlWriters {
		c.expected[w] = map[int64]*mt.Expected{}
		r := rand.New(rand.NewPCG(seed, uint64(w)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w < kvWriters {
				c.kvWriter(ctx, r, w)
			} else {
				c.sqlWriter(ctx, r, w)
			}
		}()
	}
	wg.Add(1)
	go func() {
		// Checkpoints run through it all: rows move from memory to pages under the writers
		// and the column changes.
		defer wg.Done()
		for !c.stopped() {
			time.Sleep(20 * time.Millisecond)
			if _, err := sqldb.ExecContext(ctx, "CHECKPOINT"); err != nil {
				c.failf("CHECKPOINT: %v", err)
				return
			}
		}
	}()
	alterDone := make(chan error, 1)
	go func() { alterDone <- c.alterer(ctx, rand.New(rand.NewPCG(seed, 99))) }()
	time.Sleep(*modelConcurrentFor)
	close(c.stop)
	wg.Wait()
	if err := <-alterDone; err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	if err := c.firstErr.Load(); err != nil {
		t.Fatalf("seed %d: %v", seed, *err)
	}
	if err := c.verify(ctx); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	// Again after a restart, from the checkpoint and the log.
	sqldb.Close()
	db.Close()
	db, sqldb = open()
	defer db.Close()
	defer sqldb.Close()
	c.attach(t, db, sqldb)
	c.checked = 0
	if err := c.verify(ctx); err != nil {
		t.Fatalf("seed %d: after a restart: %v", seed, err)
	}
	t.Logf("%d column changes, %d index changes; %d rows checked (%d writes refused cleanly, %d KV writes unchecked: two column changes in their window)",
		c.alters.Load(), c.indexChanges.Load(), c.checked, c.refused.Load(), c.ambiguous.Load())
}

// attach points the run at an open node.
func (c *concurrentRun) attach(t *testing.T, db *drove.DB, sqldb *sql.DB) {
	t.Helper()
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	c.ts, _ = db.Server().Tablespace("drove")
	c.kv, c.sqldb = kv, sqldb
}

type concurrentRun struct {
	ts     *tablespace.Tablespace
	kv     *drove.KV
	sqldb  *sql.DB
	stop   chan struct{}
	epoch  mt.Epoch
	alters atomic.Int64
	// indexChanges counts CREATE and DROP INDEX.
	indexChanges atomic.Int64
	refused      atomic.Int64
	firstErr     atomic.Pointer[error]

	ambiguous atomic.Int64
	expected  []map[int64]*mt.Expected // per writer: its own keys
	checked   int
}

func (c *concurrentRun) stopped() bool {
	select {
	case <-c.stop:
		return true
	default:
		return false
	}
}

func (c *concurrentRun) failf(format string, args ...any) {
	err := fmt.Errorf(format, args...)
	c.firstErr.CompareAndSwap(nil, &err)
}

// columns is the table's non-key columns now.
func (c *concurrentRun) columns() []string {
	s, ok := c.ts.Schema("w")
	if !ok {
		return nil
	}
	var out []string
	for _, col := range s.Columns[1:] {
		out = append(out, col.Name)
	}
	return out
}

// alterer adds and drops columns until stopped, never reusing a name.
func (c *concurrentRun) alterer(ctx context.Context, r *rand.Rand) error {
	next := 4
	for !c.stopped() {
		time.Sleep(time.Duration(r.IntN(3000)) * time.Microsecond)
		cols := c.columns()
		if r.IntN(4) == 0 {
			// Indexes come and go too; they change no row's shape, so no epoch.
			if err := c.changeIndex(ctx, r, cols, next); err != nil {
				return err
			}
			next++
			continue
		}
		q := fmt.Sprintf("ALTER TABLE w ADD COLUMN c%d text", next)
		if len(cols) > 2 && (len(cols) >= 6 || r.IntN(2) == 0) {
			q = "ALTER TABLE w DROP COLUMN " + cols[r.IntN(len(cols))]
		} else {
			next++
		}
		c.epoch.Begin()
		_, err := c.sqldb.ExecContext(ctx, q)
		c.epoch.End()
		if err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
		c.alters.Add(1)
	}
	return nil
}

// changeIndex creates an index on one of cols (ordered, hash or unique: every value is
// distinct) or, when there are two, drops one.
func (c *concurrentRun) changeIndex(ctx context.Context, r *rand.Rand, cols []string, n int) error {
	s, _ := c.ts.Schema("w")
	q := fmt.Sprintf("CREATE INDEX ix%d ON w (%s)", n, cols[r.IntN(len(cols))])
	switch {
	case len(s.Indexes) >= 2:
		q = "DROP INDEX " + s.Indexes[r.IntN(len(s.Indexes))].Name
	case r.IntN(3) == 0:
		q = fmt.Sprintf("CREATE INDEX ix%d ON w USING hash (%s)", n, cols[r.IntN(len(cols))])
	case r.IntN(2) == 0:
		q = fmt.Sprintf("CREATE UNIQUE INDEX ix%d ON w (%s)", n, cols[r.IntN(len(cols))])
	}
	if _, err := c.sqldb.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("%s: %w", q, err)
	}
	c.indexChanges.Add(1)
	return nil
}

// checkIndexes looks every value of every indexed column up through its index and compares
// the ids found with the table's rows (got, by id: the values of cols).
func (c *concurrentRun) checkIndexes(ctx context.Context, cols []string, got map[int64][]*string) error {
	s, _ := c.ts.Schema("w")
	for _, ix := range s.Indexes {
		col := s.Columns[ix.Columns[0]].Name
		i := slices.Index(cols, col)
		for id, row := range got {
			if row[i] == nil {
				continue
			}
			var ids []int64
			rows, err := c.sqldb.QueryContext(ctx, "SELECT id FROM w WHERE "+col+" = $1", *row[i])
			if err != nil {
				return err
			}
			for rows.Next() {
				var x int64
				if err := rows.Scan(&x); err != nil {
					return err
				}
				ids = append(ids, x)
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if !slices.Equal(ids, []int64{id}) {
				return fmt.Errorf("index %s: %s = %q finds rows %v, the table has it in row %d", ix.Name, col, *row[i], ids, id)
			}
		}
	}
	return nil
}

// kvWriter puts rows of its own keys, one to three per transaction.
func (c *concurrentRun) kvWriter(ctx context.Context, r *rand.Rand, w int) {
	exp := c.expected[w]
	for n := 0; !c.stopped(); n++ {
		type pending struct {
			id  int64
			row *mt.Expected
		}
		var done []pending
		err := c.kv.Update(ctx, func(tx *drove.Tx) error {
			done = done[:0]
			for range 1 + r.IntN(3) {
				id := int64(w*1000 + r.IntN(20))
				e0 := c.epoch.Now()
				row, vals := mt.RandomRow(r, c.columns(), id, n)
				if err := tx.Put("w", row); err != nil {
					return err
				}
				ambiguous := mt.ChangesBetween(e0, c.epoch.Now()) > 1
				done = append(done, pending{id, &mt.Expected{Unknown: ambiguous, Vals: vals}})
				if r.IntN(2) == 0 {
					// Work between writes: the window a schema change can fall into.
					time.Sleep(time.Duration(r.IntN(500)) * time.Microsecond)
				}
			}
			return nil
		})
		if err != nil {
			c.refused.Add(1)
			continue
		}
		for _, p := range done {
			if p.row.Unknown {
				c.ambiguous.Add(1)
			}
			exp[p.id] = p.row
		}
	}
}

// sqlWriter inserts its keys and updates them, naming the columns it believes the table has.
func (c *concurrentRun) sqlWriter(ctx context.Context, r *rand.Rand, w int) {
	exp := c.expected[w]
	for n := 0; !c.stopped(); n++ {
		id := int64(w*1000 + r.IntN(20))
		cols := c.columns()
		cur := exp[id]
		var q string
		var args []any
		vals := map[string]string{}
		if cur == nil {
			q, args = "INSERT INTO w (id", []any{id}
			for _, col := range cols {
				vals[col] = mt.Value(col, id, n)
				q += ", " + col
				args = append(args, vals[col])
			}
			q += ") VALUES (" + placeholders(len(args)) + ")"
		} else {
			set := cols[r.IntN(len(cols))]
			vals[set] = mt.Value(set, id, n)
			q, args = "UPDATE w SET "+set+" = $1 WHERE id = $2", []any{vals[set], id}
		}
		res, err := c.sqldb.ExecContext(ctx, q, args...)
		if err != nil {
			if st := sqlState(err); st != "42703" {
				c.failf("%s: %v (SQLSTATE %q); only 42703, a column gone, is expected", q, err, st)
				return
			}
			c.refused.Add(1)
			continue
		}
		if k, _ := res.RowsAffected(); k != 1 {
			c.failf("%s: %d rows, want 1", q, k)
			return
		}
		switch {
		case cur == nil:
			exp[id] = &mt.Expected{Vals: vals}
		case !cur.Unknown:
			for k, v := range vals {
				cur.Vals[k] = v
			}
		}
	}
}

// verify reads every row back by SQL and through the KV API and compares it with its last
// successful write.
func (c *concurrentRun) verify(ctx context.Context) error {
	cols := c.columns()
	rows, err := c.sqldb.QueryContext(ctx, "SELECT id, "+strings.Join(cols, ", ")+" FROM w")
	if err != nil {
		return err
	}
	got := map[int64][]*string{}
	for rows.Next() {
		var id int64
		vals := make([]sql.NullString, len(cols))
		dest := []any{&id}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		row := make([]*string, len(cols))
		for i, v := range vals {
			if v.Valid {
				row[i] = &vals[i].String
			}
		}
		got[id] = row
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := c.checkIndexes(ctx, cols, got); err != nil {
		return err
	}
	var bad []string
	for _, exp := range c.expected {
		for id, e := range exp {
			row, ok := got[id]
			if !ok {
				bad = append(bad, fmt.Sprintf("row %d is missing", id))
				continue
			}
			kvRow, found, err := c.kv.Get(ctx, "w", id)
			if err != nil || !found {
				bad = append(bad, fmt.Sprintf("row %d: KV get: found=%v err=%v", id, found, err))
			} else if g, s := rowsText([][]*string{kvText(kvRow)[1:]}), rowsText([][]*string{row}); g != s {
				bad = append(bad, fmt.Sprintf("row %d: KV get %q, SQL %q", id, g, s))
			}
			if e.Unknown {
				continue
			}
			c.checked++
			for _, d := range e.Diff(cols, row) {
				bad = append(bad, fmt.Sprintf("row %d %s", id, d))
			}
		}
	}
	if c.checked == 0 {
		return fmt.Errorf("no row could be checked: the test proved nothing")
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		return fmt.Errorf("%d wrong values (columns now %v):\n  %s", len(bad), cols, strings.Join(bad[:min(len(bad), 20)], "\n  "))
	}
	return nil
}

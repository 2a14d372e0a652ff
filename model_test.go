package drove_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove"
	mt "github.com/drovedb/drove/internal/modeltest"
	"github.com/drovedb/drove/tablespace"
)

var (
	modelSeed  = flag.Uint64("model.seed", 0, "seed of the model tests (0: a new one, logged)")
	modelSteps = flag.Int("model.steps", 200, "operations TestModel runs")
	modelTime  = flag.Duration("model.time", 5*time.Second, "TestModel stops early after this long unless -model.steps is given")
	// modelReadsTime is TestModelReads' budget.
	modelReadsTime = flag.Duration("model.readstime", 3*time.Second, "TestModelReads stops early after this long unless -model.steps is given")
	modelVerbose   = flag.Bool("model.v", false, "log every operation of TestModel")
)

func seedOf(t *testing.T, test string) uint64 {
	seed := *modelSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (replay: go test -run '%s$' -model.seed=%d)", seed, test, seed)
	return seed
}

// TestModel runs seeded random operations over several tablespaces against one embedded node
// — SQL inserts, updates of values and keys, deletes, transactions committed and rolled back,
// the KV API's puts and transactions, ALTER TABLE, indexes, CHECKPOINT, clean restarts,
// kill -9 reopens, backups restored under new names — and after every step compares the
// node with an in-memory model: every table in full, point reads by key through SQL and the
// KV API, and lookups through every index. With PostgreSQL 15 installed (model_pg_test.go) every
// portable statement, the generator's read queries among them, runs there too and must get the
// same answer. A failure names the seed and step to replay.
func TestModel(t *testing.T) { runModel(t, "TestModel", *modelTime, nil) }

// TestModelReads is TestModel's concurrent readers (model_reads_test.go) against the steps
// that commit rows, alone: no restarts, crashes, backups or new tablespaces, whose seconds
// would leave few commits to read across, and no PostgreSQL. Every step that commits more
// than one row is a chance to see part of a commit, which no state has; with snapshot reads
// turned off it fails within a second or two.
func TestModelReads(t *testing.T) {
	runModel(t, "TestModelReads", *modelReadsTime, []mt.Kind{mt.Insert, mt.InsertDup, mt.Update, mt.UpdateKey,
		mt.Delete, mt.Put, mt.KVDelete, mt.Txn, mt.KVTxn, mt.UpdateWhere, mt.DeleteWhere, mt.UpdateRange,
		mt.DeleteRange, mt.Checkpoint, mt.AddColumn, mt.DropColumn, mt.RenameColumn, mt.CreateIndex,
		mt.DropIndex, mt.CreateTable, mt.DropTable})
}

// runModel runs the model test called name for budget (unless -model.steps is given), on the
// generator's kinds only when only is not nil; with PostgreSQL when all kinds run.
func runModel(t *testing.T, name string, budget time.Duration, only []mt.Kind) {
	seed := seedOf(t, name)
	h := &modelHarness{t: t, name: name, seed: seed, m: mt.New(mt.DefaultSpace)}
	h.gen = mt.NewGen(seed, h.m)
	if only != nil {
		h.gen.Only(only...)
	} else {
		h.pg = startPGMirror(t, h.m)
	}
	n, err := openModelNode(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	h.n = n
	defer func() { n.close() }()
	for _, op := range h.gen.Setup() {
		h.step(-1, op)
	}
	if err := h.autocommit(context.Background(), mt.DefaultSpace, execf(context.Background(), "CREATE SEQUENCE "+mt.Seq)); err != nil {
		t.Fatal(err)
	}
	h.reads = h.startReads(*modelReaders)
	defer h.reads.stopReads() // before the node closes
	limit := *modelSteps
	if only != nil {
		limit = math.MaxInt // the budget alone
	}
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "model.steps" {
			budget, limit = 0, *modelSteps // a run of a given length, e.g. a replay or a long run
		}
	})
	start := time.Now()
	steps := 0
	for ; steps < limit && (budget == 0 || time.Since(start) < budget); steps++ {
		h.step(steps, h.gen.Next())
	}
	t.Logf("%d steps in %v; operations %v; time per kind %v", steps, time.Since(start).Round(time.Millisecond), h.counts, h.spent)
	if rd := h.reads; rd != nil {
		rd.stopReads()
		if err := rd.err(); err != nil {
			h.fail(steps, "%v", err)
		}
		t.Logf("%d concurrent reads checked, %d of them across a step, %d refused as what they read went away", rd.reads.Load(), rd.spans.Load(), rd.gone.Load())
	}
	if h.pg != nil {
		t.Logf("%d statements' answers compared with PostgreSQL 15, %v waiting for it", h.pg.compared, h.pg.spent.Round(time.Millisecond))
	}
}

type modelHarness struct {
	t    *testing.T
	name string // the test, for replay lines
	seed uint64
	m    *mt.Model
	gen  *mt.Gen
	n    *modelNode
	pg   *pgMirror // nil: no comparison with PostgreSQL
	// reads are the readers that run alongside the steps (nil: none; model_reads_test.go).
	reads *modelReads
	// wrongAnswers counts read queries PostgreSQL answered otherwise (reported, not fatal).
	wrongAnswers int
	history      []string
	counts       map[mt.Kind]int
	spent        map[mt.Kind]time.Duration // running op plus checking after it, per kind
	probe        uint64                    // varies the point reads from step to step, deterministically
	seqMax       int64                     // the largest value NextVal has drawn
}

// step runs op, applies it to the model and compares the whole node with the model.
func (h *modelHarness) step(i int, op mt.Op) {
	h.t.Helper()
	h.history = append(h.history, fmt.Sprintf("%d: %v", i, op))
	if len(h.history) > 12 {
		h.history = h.history[1:]
	}
	if *modelVerbose {
		h.t.Logf("step %d: %v", i, op)
	}
	if h.counts == nil {
		h.counts = map[mt.Kind]int{}
	}
	h.counts[op.Kind]++
	if h.spent == nil {
		h.spent = map[mt.Kind]time.Duration{}
	}
	defer func(start time.Time) { h.spent[op.Kind] += time.Since(start) }(time.Now())
	ctx := context.Background()
	h.reads.starting(op)
	if err := h.reads.exclusive(op, func() error { return h.run(ctx, op) }); err != nil {
		var m *mismatch
		if op.Kind == mt.Query && errors.As(err, &m) && h.wrongAnswers < 10 {
			// A read changes nothing on either side: report it and go on, so one run shows
			// more than one wrong answer.
			h.wrongAnswers++
			h.t.Errorf("seed %d step %d: %v\nreplay: go test -run '%s$' -model.seed=%d -model.steps=%d", h.seed, i, err, h.name, h.seed, i+1)
		} else {
			h.fail(i, "%v: %v", op, err)
		}
	}
	if err := h.mirror(ctx, op, h.m); err != nil {
		h.fail(i, "%v on PostgreSQL: %v", op, err)
	}
	h.m.Apply(op)
	h.reads.publish(h.m)
	if err := h.check(ctx); err != nil {
		h.fail(i, "after %v: %v", op, err)
	}
	if err := h.reads.err(); err != nil {
		h.fail(i, "%v", err)
	}
}

func (h *modelHarness) fail(i int, format string, args ...any) {
	h.t.Helper()
	h.t.Fatalf("seed %d step %d: %s\nlast operations:\n  %s\nreplay: go test -run '%s$' -model.seed=%d -model.steps=%d",
		h.seed, i, fmt.Sprintf(format, args...), strings.Join(h.history, "\n  "), h.name, h.seed, i+1)
}

var errRollback = errors.New("model: roll back")

// run performs op on the node; an error means the node did not do what op says.
func (h *modelHarness) run(ctx context.Context, op mt.Op) error {
	n := h.n
	switch op.Kind {
	case mt.CreateSpace:
		return n.autocommit(mt.DefaultSpace, execf(ctx, "CREATE TABLESPACE '"+op.Space+"'"))
	case mt.DropSpace:
		return n.autocommit(mt.DefaultSpace, execf(ctx, "DROP TABLESPACE '"+op.Space+"'"))
	case mt.CreateTable:
		q := "CREATE TABLE " + op.Table + " (id int PRIMARY KEY"
		for _, c := range op.Cols {
			q += ", " + c + " text"
		}
		return h.autocommit(ctx, op.Space, execf(ctx, q+")"))
	case mt.DropTable:
		return h.autocommit(ctx, op.Space, execf(ctx, "DROP TABLE "+op.Table))
	case mt.AddColumn:
		return h.autocommit(ctx, op.Space, execf(ctx, "ALTER TABLE "+op.Table+" ADD COLUMN "+op.Col+" text"))
	case mt.DropColumn:
		return h.autocommit(ctx, op.Space, execf(ctx, "ALTER TABLE "+op.Table+" DROP COLUMN "+op.Col))
	case mt.RenameColumn:
		return h.autocommit(ctx, op.Space, execf(ctx, "ALTER TABLE "+op.Table+" RENAME COLUMN "+op.Col+" TO "+op.NewCol))
	case mt.CreateIndex:
		using, unique := "", ""
		if op.Hash {
			using = "USING hash "
		}
		if op.Unique {
			unique = "UNIQUE "
		}
		q := "CREATE " + unique + "INDEX " + op.Index + " ON " + op.Table + " " + using + "(" + op.Col + ")"
		return h.autocommit(ctx, op.Space, func(r runner) error {
			_, err := r.exec(ctx, q)
			return wantDuplicate(op, err)
		})
	case mt.DropIndex:
		return h.autocommit(ctx, op.Space, execf(ctx, "DROP INDEX "+op.Index))
	case mt.Checkpoint:
		return n.autocommit(op.Space, execf(ctx, "CHECKPOINT"))
	case mt.Restart:
		return n.restart()
	case mt.Crash:
		return n.crash(func(snapshot func() error) error { return h.whileUncommitted(ctx, op.Space, snapshot) })
	case mt.BackupRestore:
		var buf bytes.Buffer
		err := h.whileUncommitted(ctx, op.Space, func() error {
			return n.db.Server().BackupTablespace(ctx, op.Space, &buf)
		})
		if err != nil {
			return err
		}
		return n.db.Server().RestoreTablespace(ctx, op.NewSpace, &buf)
	case mt.Put, mt.KVDelete, mt.KVTxn:
		return h.runKV(ctx, op)
	case mt.Txn:
		return h.runTxn(ctx, op)
	}
	return h.autocommit(ctx, op.Space, func(r runner) error { return h.runRow(ctx, r, h.m, op) })
}

// runTxn runs a SQL transaction. A statement in it that fails (a duplicate key) fails the
// transaction: every later statement must be refused with 25P02, and COMMIT rolls back.
func (h *modelHarness) runTxn(ctx context.Context, op mt.Op) error {
	// The model's tables as the transaction goes: statements name the columns of then.
	// The transaction as it goes: statements name the columns of then.
	st := mt.NewTxnState(h.m, op.Space)
	err := h.transaction(ctx, op.Space, op.Commit, func(r runner) error {
		for i, s := range op.Sub {
			run := s
			if st.Failed {
				run.Fails = false // the failure expected is 25P02, checked here
				if run.Kind == mt.InsertDup {
					run.Kind = mt.Insert
				}
			}
			err := h.runRow(ctx, r, st.M, run)
			switch {
			case st.Failed && s.Kind != mt.RollbackTo && sqlState(err) != "25P02":
				return fmt.Errorf("%v after a failed statement: got %v, want 25P02", s, err)
			case (!st.Failed || s.Kind == mt.RollbackTo) && err != nil:
				return fmt.Errorf("%v: %w", s, err)
			}
			st.Step(s)
			if i == 0 && op.MidCkpt {
				if err := h.midCheckpoint(ctx, op.Space); err != nil {
					return err
				}
			}
		}
		if st.Failed {
			return nil
		}
		// The transaction reads its own writes.
		return h.compareTables(ctx, r, op.Space, st.M)
	})
	if st.Failed && op.Commit {
		if !errors.Is(err, errRolledBack) {
			return fmt.Errorf("COMMIT of a failed transaction: got %v, want it rolled back", err)
		}
		return nil
	}
	return err
}

// midCheckpoint checkpoints a tablespace from a session of its own, while a transaction there
// is open: the checkpoint must hold none of its writes, and the transaction must still commit
// (or roll back) whole.
func (h *modelHarness) midCheckpoint(ctx context.Context, space string) error {
	if err := h.n.autocommit(space, execf(ctx, "CHECKPOINT")); err != nil {
		return fmt.Errorf("CHECKPOINT inside the transaction: %w", err)
	}
	return nil
}

// whileUncommitted runs during while a transaction on space has inserted a row and deleted
// every other row of a table, never to commit: a crash or a backup then must hold none of it.
func (h *modelHarness) whileUncommitted(ctx context.Context, space string, during func() error) error {
	sp := h.m.Spaces[space]
	if len(sp.Tables) == 0 {
		return during()
	}
	name := sp.TableNames()[0]
	return h.n.transaction(ctx, space, false, func(r runner) error {
		for _, q := range []string{"INSERT INTO " + name + " (id) VALUES (1000)", "DELETE FROM " + name + " WHERE id % 2 = 0"} {
			if _, err := r.exec(ctx, q); err != nil {
				return fmt.Errorf("the uncommitted transaction: %s: %w", q, err)
			}
		}
		return during()
	})
}

func execf(ctx context.Context, q string) func(runner) error {
	return func(r runner) error {
		_, err := r.exec(ctx, q)
		return err
	}
}

// runRow runs one SQL row operation; m is the model state it runs in.
func (h *modelHarness) runRow(ctx context.Context, r runner, m *mt.Model, op mt.Op) error {
	t := m.Spaces[op.Space].Tables[op.Table]
	var q string
	var args []any
	switch op.Kind {
	case mt.Insert, mt.InsertDup:
		q = "INSERT INTO " + op.Table + " (id"
		args = []any{op.ID}
		for _, c := range t.Cols {
			q += ", " + c
			if v, ok := op.Row[c]; ok {
				args = append(args, v)
			} else {
				args = append(args, nil)
			}
		}
		q += ") VALUES (" + placeholders(len(args)) + ")"
	case mt.Update:
		q = "UPDATE " + op.Table + " SET " + op.Col + " = $1 WHERE id = $2"
		args = []any{nil, op.ID}
		if op.Val != nil {
			args[0] = *op.Val
		}
	case mt.UpdateKey:
		q, args = "UPDATE "+op.Table+" SET id = $1 WHERE id = $2", []any{op.NewID, op.ID}
	case mt.Delete:
		q, args = "DELETE FROM "+op.Table+" WHERE id = $1", []any{op.ID}
	case mt.UpdateWhere:
		q = "UPDATE " + op.Table + " SET " + op.Col + " = $1 WHERE " + op.Where + " = $2"
		if op.Join {
			// Each row joins every row with its value: it must still change once.
			q = "UPDATE " + op.Table + " SET " + op.Col + " = $1 FROM " + op.Table + " AS j WHERE j." + op.Where +
				" = " + op.Table + "." + op.Where + " AND " + op.Table + "." + op.Where + " = $2"
		}
		args = []any{nil, op.WhereVal}
		if op.Val != nil {
			args[0] = *op.Val
		}
	case mt.DeleteWhere:
		q, args = "DELETE FROM "+op.Table+" WHERE "+op.Where+" = $1", []any{op.WhereVal}
		if op.Join {
			q = "DELETE FROM " + op.Table + " USING " + op.Table + " AS j WHERE j." + op.Where + " = " + op.Table + "." +
				op.Where + " AND j." + op.Where + " = $1"
		}
		if op.Exists {
			q += " AND (SELECT count(*) FROM " + op.Table + " AS e WHERE e." + op.Where + " = " + op.Table + "." + op.Where + ") > 1"
		}
	case mt.UpdateRange:
		q = "UPDATE " + op.Table + " SET " + op.Col + " = $1 WHERE id BETWEEN $2 AND $3"
		args = []any{nil, op.ID, op.Hi}
		if op.Val != nil {
			args[0] = *op.Val
		}
	case mt.DeleteRange:
		q, args = "DELETE FROM "+op.Table+" WHERE id >= $1 AND id <= $2", []any{op.ID, op.Hi}
	case mt.Query:
		return runQuery(ctx, r, op)
	case mt.NextVal:
		return h.nextVal(ctx, r)
	case mt.Truncate:
		q = "TRUNCATE " + op.Table
	case mt.Savepoint:
		q = "SAVEPOINT " + op.Index
	case mt.RollbackTo:
		q = "ROLLBACK TO SAVEPOINT " + op.Index
	case mt.InsertMany, mt.Upsert, mt.ShiftKeys, mt.InsertSelect:
		q, args = manySQL(t, op)
	default:
		return fmt.Errorf("not a row operation: %v", op.Kind)
	}
	n, err := r.exec(ctx, q, args...)
	if op.Kind == mt.InsertDup || op.Fails || err != nil {
		return wantDuplicate(op, err)
	}
	if op.Kind == mt.Savepoint || op.Kind == mt.RollbackTo || op.Kind == mt.Truncate {
		return nil // no rows counted
	}
	if want := t.Affected(op); n != int64(want) {
		return fmt.Errorf("%s %v: %d rows affected, want %d", q, args, n, want)
	}
	return nil
}

// wantDuplicate checks a statement's error: 23505 (or op.Code) when op must fail (a
// duplicate key), none otherwise.
func wantDuplicate(op mt.Op, err error) error {
	if op.Kind != mt.InsertDup && !op.Fails {
		return err
	}
	if code := op.FailCode(); sqlState(err) != code {
		return fmt.Errorf("a duplicate key: got %v (SQLSTATE %q), want %s", err, sqlState(err), code)
	}
	return nil
}

func placeholders(n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = fmt.Sprintf("$%d", i+1)
	}
	return strings.Join(p, ", ")
}

// runKV runs a KV put, delete or transaction.
func (h *modelHarness) runKV(ctx context.Context, op mt.Op) error {
	kv, err := h.n.db.KV(op.Space)
	if err != nil {
		return err
	}
	scratch := h.m.Clone()
	subs := []mt.Op{op}
	if op.Kind == mt.KVTxn {
		subs = op.Sub
	}
	err = kv.Update(ctx, func(tx *drove.Tx) error {
		for i, s := range subs {
			t := scratch.Spaces[s.Space].Tables[s.Table]
			if s.Kind == mt.KVDelete {
				found, err := tx.Delete(s.Table, s.ID)
				if err != nil {
					return err
				}
				if !found {
					return fmt.Errorf("%v: key not found", s)
				}
			} else {
				row := drove.Row{s.ID}
				for _, c := range t.Cols {
					if v, ok := s.Row[c]; ok {
						row = append(row, v)
					} else {
						row = append(row, nil)
					}
				}
				if err := tx.Put(s.Table, row); err != nil {
					return fmt.Errorf("%v: %w", s, err)
				}
			}
			scratch.Apply(s)
			if i == 0 && op.MidCkpt {
				if err := h.midCheckpoint(ctx, op.Space); err != nil {
					return err
				}
			}
		}
		if op.Kind == mt.KVTxn && !op.Commit {
			return errRollback
		}
		return nil
	})
	switch {
	case op.Kind == mt.KVTxn && !op.Commit:
		if !errors.Is(err, errRollback) {
			return fmt.Errorf("a KV transaction that failed on purpose: %v", err)
		}
		return nil
	case op.Fails:
		if !errors.Is(err, tablespace.ErrDuplicateKey) {
			return fmt.Errorf("a put of a duplicate in a unique index: got %v, want tablespace.ErrDuplicateKey", err)
		}
		return nil
	}
	return err
}

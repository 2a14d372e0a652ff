package modeltest

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
)

// DefaultSpace is the tablespace every node has.
const DefaultSpace = "drove"

// Limits of the generated state: small tables, so keys, values and index lookups collide
// often and a full comparison after every step stays cheap.
const (
	maxID      = 40
	maxCols    = 5
	maxSpaces  = 4
	maxTables  = 3
	valuePool  = 8
	nullChance = 5 // one in nullChance values is NULL
)

// Gen generates operations from a seed. It sees only the model, never the system under
// test, so a seed always yields the same operations.
type Gen struct {
	r *rand.Rand
	m *Model
	n int // suffix of the next fresh name (column, index, table, tablespace)

	weights []weight // what Next draws from: the default weights, or some of them (Only)
	total   int
}

// NewGen returns a generator over model m (which it reads; the caller applies the ops).
func NewGen(seed uint64, m *Model) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d)), m: m, weights: weights, total: totalWeight}
}

// Only makes Next draw from kinds alone, with their default weights (it still falls back to
// an insert or a checkpoint where the kind drawn cannot run).
func (g *Gen) Only(kinds ...Kind) {
	g.weights, g.total = nil, 0
	for _, w := range weights {
		if slices.Contains(kinds, w.k) {
			g.weights = append(g.weights, w)
			g.total += w.w
		}
	}
}

// Setup returns the operations that build the starting state: two tablespaces with two
// tables each.
func (g *Gen) Setup() []Op {
	ops := []Op{{Kind: CreateSpace, Space: "t2"}}
	for _, sp := range []string{DefaultSpace, "t2"} {
		for _, t := range []string{"a", "b"} {
			ops = append(ops, Op{Kind: CreateTable, Space: sp, Table: t, Cols: []string{g.fresh("c"), g.fresh("c")}})
		}
	}
	return ops
}

func (g *Gen) fresh(prefix string) string {
	g.n++
	return fmt.Sprintf("%s%d", prefix, g.n)
}

// weights of the kinds Next draws from (out of their sum).
type weight struct {
	k Kind
	w int
}

var weights = []weight{
	{Insert, 16}, {InsertDup, 2}, {Update, 14}, {UpdateKey, 5}, {Delete, 7}, {Put, 10},
	{KVDelete, 4}, {Txn, 12}, {KVTxn, 6}, {AddColumn, 3}, {DropColumn, 3}, {CreateIndex, 4},
	{DropIndex, 2}, {Checkpoint, 5}, {Restart, 1}, {Crash, 1}, {BackupRestore, 1}, {DropSpace, 1},
	{CreateTable, 1}, {DropTable, 1}, {UpdateWhere, 4}, {DeleteWhere, 4}, {RenameColumn, 2}, {Query, 30},
	{UpdateRange, 3}, {DeleteRange, 2}, {InsertMany, 6}, {Upsert, 8}, {ShiftKeys, 3}, {InsertSelect, 2},
	{Truncate, 1}, {NextVal, 3},
}

var totalWeight = func() int {
	n := 0
	for _, w := range weights {
		n += w.w
	}
	return n
}()

// Next returns the next operation, valid in the model's current state.
func (g *Gen) Next() Op {
	x := g.r.IntN(g.total)
	k := g.weights[len(g.weights)-1].k
	for _, w := range g.weights {
		if x < w.w {
			k = w.k
			break
		}
		x -= w.w
	}
	space := pick(g, g.m.SpaceNames())
	sp := g.m.Spaces[space]
	op := Op{Kind: k, Space: space}
	switch k {
	case Restart, Crash, Checkpoint:
		return op
	case NextVal:
		op.Space = DefaultSpace
		return op
	case BackupRestore:
		if len(g.m.Spaces) >= maxSpaces {
			return Op{Kind: Checkpoint, Space: space}
		}
		op.NewSpace = g.fresh("r")
		return op
	case DropSpace:
		if space == DefaultSpace || len(g.m.Spaces) <= 2 {
			return Op{Kind: Checkpoint, Space: space}
		}
		return op
	case CreateTable:
		if len(sp.Tables) >= maxTables {
			break
		}
		op.Table, op.Cols = g.fresh("t"), []string{g.fresh("c")}
		return op
	case DropTable:
		if len(sp.Tables) <= 1 {
			break
		}
		op.Table = pick(g, sp.TableNames())
		return op
	}
	if len(sp.Tables) == 0 {
		return Op{Kind: CreateTable, Space: space, Table: g.fresh("t"), Cols: []string{g.fresh("c")}}
	}
	op.Table = pick(g, sp.TableNames())
	t := sp.Tables[op.Table]
	switch k {
	case Txn, KVTxn:
		return g.txn(op)
	case Query:
		return g.query(op, sp)
	case AddColumn:
		if len(t.Cols) < maxCols {
			op.Col = g.fresh("c")
			return op
		}
	case DropColumn:
		if len(t.Cols) > 1 {
			op.Col = pick(g, t.Cols)
			return op
		}
	case RenameColumn:
		op.Col, op.NewCol = pick(g, t.Cols), g.fresh("c")
		return op
	case CreateIndex:
		op.Col, op.Index, op.Hash, op.Unique = pick(g, t.Cols), g.fresh("ix"), g.r.IntN(3) == 0, g.r.IntN(3) == 0
		op.Hash = op.Hash && !op.Unique // as in PostgreSQL, hash indexes are never unique
		op.Fails = g.m.Violates(op)
		return op
	case DropIndex:
		if len(t.Indexes) > 0 {
			op.Index = pick(g, t.IndexNames())
			return op
		}
	}
	if k >= InsertMany {
		if op, ok := g.many(op, t); ok {
			return op
		}
	}
	if k == CreateTable || k == DropTable || k == AddColumn || k == DropColumn || k == DropIndex || k >= InsertMany {
		op.Kind = Insert
	}
	if k == Truncate {
		return op
	}
	op = g.row(op, t)
	op.Fails = g.m.Violates(op)
	if ids := t.IDs(); op.Kind == UpdateKey && len(ids) > 1 && g.r.IntN(5) == 0 {
		// Onto a key another row has: refused with 23505 (not in transactions, which one
		// failed statement would abort).
		for op.NewID = op.ID; op.NewID == op.ID; {
			op.NewID = pick(g, ids)
		}
		op.Fails = true
	}
	return op
}

// row fills in a row operation on t, falling back to an insert when there is no row to act
// on (or to a put when the table is full).
func (g *Gen) row(op Op, t *Table) Op {
	ids := t.IDs()
	free := g.freeID(t)
	if op.Kind != Insert && op.Kind != Put && len(ids) == 0 {
		op.Kind = Insert
	}
	if (op.Kind == Insert || op.Kind == UpdateKey) && free == 0 {
		op.Kind = Put
	}
	switch op.Kind {
	case Insert:
		op.ID, op.Row = free, g.values(t)
	case InsertDup:
		op.ID, op.Row = pick(g, ids), g.values(t)
	case Put:
		op.Row = g.values(t)
		if len(ids) > 0 && g.r.IntN(2) == 0 {
			op.ID = pick(g, ids)
		} else {
			op.ID = int64(1 + g.r.IntN(maxID))
		}
	case Update:
		op.ID, op.Col = pick(g, ids), pick(g, t.Cols)
		op.Val = g.colValue(t, op.Col)
	case UpdateKey:
		op.ID, op.NewID = pick(g, ids), free
	case Delete, KVDelete:
		op.ID = pick(g, ids)
	case UpdateWhere:
		op.Col, op.Val = pick(g, t.Cols), g.value()
		op.Where, op.WhereVal = pick(g, t.Cols), fmt.Sprintf("v%d", g.r.IntN(valuePool))
		op.Join = g.r.IntN(3) == 0
	case DeleteWhere:
		op.Where, op.WhereVal = pick(g, t.Cols), fmt.Sprintf("v%d", g.r.IntN(valuePool))
		op.Join, op.Exists = g.r.IntN(3) == 0, g.r.IntN(2) == 0
	case UpdateRange:
		op.Col = pick(g, t.Cols)
		op.Val = g.colValue(t, op.Col)
		op.ID = int64(g.r.IntN(maxID + 1))
		op.Hi = op.ID + int64(g.r.IntN(10))
	case DeleteRange:
		op.ID = int64(g.r.IntN(maxID + 1))
		op.Hi = op.ID + int64(g.r.IntN(6))
	}
	return op
}

// txn builds a transaction of one to five row operations on the tables of op.Space, each
// valid after the ones before it, perhaps with a savepoint and a ROLLBACK TO it among them.
func (g *Gen) txn(op Op) Op {
	st := NewTxnState(g.m, op.Space)
	kinds := []Kind{Insert, Update, UpdateKey, Delete, UpdateWhere, DeleteWhere, Query, UpdateRange, DeleteRange,
		InsertMany, Upsert, ShiftKeys, InsertSelect}
	// No TRUNCATE: its table lock, held while the harness checks the transaction, would
	// make the concurrent readers wait past lock_timeout (hunt_dml.sql has it in transactions).
	if op.Kind == KVTxn {
		kinds = []Kind{Put, KVDelete}
	} else if op.Space == DefaultSpace {
		kinds = append(kinds, NextVal) // drawn for good even when the transaction rolls back
	}
	savepoint := ""
	for range 1 + g.r.IntN(5) {
		if op.Kind == Txn {
			g.savepoint(&op, st, &savepoint)
		}
		scratch := st.M.Spaces[op.Space]
		name := pick(g, scratch.TableNames())
		k := pick(g, kinds)
		if k == Query {
			// A read inside the transaction sees its writes so far.
			op.Sub = append(op.Sub, g.query(Op{Kind: Query, Space: op.Space, Table: name}, scratch))
			continue
		}
		sub := g.subOp(Op{Kind: k, Space: op.Space, Table: name}, scratch.Tables[name], op.Kind)
		st.Step(sub)
		op.Sub = append(op.Sub, sub)
	}
	if op.Kind == Txn && g.r.IntN(6) == 0 {
		g.failInside(&op)
	}
	op.Table = ""
	op.Commit = g.r.IntN(4) != 0
	op.MidCkpt = g.r.IntN(4) == 0
	return op
}

// subOp fills in statement op of a transaction of kind txn on table t.
func (g *Gen) subOp(op Op, t *Table, txn Kind) Op {
	if op.Kind == Truncate || op.Kind == NextVal {
		return op
	}
	if op.Kind >= InsertMany {
		if sub, ok := g.many(op, t); ok {
			return sub // which may fail, and fail the transaction
		}
		op.Kind = Update
	}
	sub := g.row(op, t)
	if txn == KVTxn && sub.Kind != KVDelete {
		sub.Kind = Put
	}
	if txn == Txn && sub.Kind == Put {
		// The table is full: update a row instead.
		sub.Kind, sub.Row = Update, nil
		sub.Col, sub.Val = pick(g, t.Cols), g.value()
	}
	sm := &Model{Spaces: map[string]*Tablespace{op.Space: {Tables: map[string]*Table{op.Table: t}}}}
	if sm.Violates(sub) {
		// A failed statement would abort the transaction: write NULLs, which never collide.
		sub = nullUnique(sub, t)
	}
	return sub
}

// failInside puts an INSERT of a taken key somewhere into transaction op after its savepoint
// (if any): it fails, and so must every statement after it (25P02) and the COMMIT (which
// rolls back), up to a ROLLBACK TO the savepoint.
func (g *Gen) failInside(op *Op) {
	first := 0
	for i, s := range op.Sub {
		if s.Kind == Savepoint {
			first = i + 1
		}
	}
	at := first + g.r.IntN(len(op.Sub)-first+1)
	st := NewTxnState(g.m, op.Space)
	for _, s := range op.Sub[:at] {
		st.Step(s)
	}
	sp := st.M.Spaces[op.Space]
	name := pick(g, sp.TableNames())
	t := sp.Tables[name]
	if len(t.Rows) == 0 {
		return
	}
	dup := Op{Kind: InsertDup, Space: op.Space, Table: name, ID: pick(g, t.IDs()), Row: g.values(t)}
	op.Sub = slices.Insert(op.Sub, at, dup)
}

// nullUnique makes op write NULL to every uniquely indexed column of t.
func nullUnique(op Op, t *Table) Op {
	for _, ix := range t.Indexes {
		if !ix.Unique {
			continue
		}
		if op.Row != nil {
			op.Row = maps.Clone(op.Row)
			delete(op.Row, ix.Col)
		}
		if op.Col == ix.Col {
			op.Val = nil
		}
	}
	return op
}

func (g *Gen) freeID(t *Table) int64 {
	if len(t.Rows) >= maxID {
		return 0
	}
	for {
		if id := int64(1 + g.r.IntN(maxID)); t.Rows[id] == nil {
			return id
		}
	}
}

func (g *Gen) values(t *Table) Row {
	r := Row{}
	for _, c := range t.Cols {
		if v := g.colValue(t, c); v != nil {
			r[c] = *v
		}
	}
	return r
}

// colValue is a value for column col of t: for a uniquely indexed column mostly a fresh one,
// sometimes one a row holds (a duplicate the write must be refused for).
func (g *Gen) colValue(t *Table, col string) *string {
	unique := false
	for _, ix := range t.Indexes {
		unique = unique || ix.Unique && ix.Col == col
	}
	if !unique {
		return g.value()
	}
	if g.r.IntN(4) == 0 {
		if ids := t.IDs(); len(ids) > 0 {
			if v, ok := t.Rows[pick(g, ids)][col]; ok {
				return &v
			}
		}
	}
	v := fmt.Sprintf("u%d", g.r.IntN(1000))
	return &v
}

func (g *Gen) value() *string {
	if g.r.IntN(nullChance) == 0 {
		return nil
	}
	v := fmt.Sprintf("v%d", g.r.IntN(valuePool))
	return &v
}

// pick returns a random element of xs, which is not empty.
func pick[T any](g *Gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

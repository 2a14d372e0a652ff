package modeltest

import (
	"fmt"
	"maps"
)

// The write shapes applications use beyond one row by key: multi-row INSERT (one bad row
// fails all of it), upserts, keys moved in bulk, INSERT ... SELECT from the same table, and
// savepoints inside transactions.

// applyMany applies a statement of several rows and returns how many rows it changed (what
// its command tag counts). The caller has checked that it does not fail.
func (t *Table) applyMany(op Op) int {
	switch op.Kind {
	case InsertMany:
		for i, id := range op.IDs {
			t.Rows[id] = maps.Clone(op.Rows[i])
		}
		return len(op.IDs)
	case Upsert:
		n := 0
		for i, id := range op.IDs {
			at := t.conflict(op, i)
			if r := t.Rows[at]; r != nil && (op.DoNothing || op.Where != "" && hasValue(r, op.Where, op.WhereVal)) {
				continue
			}
			if at == 0 {
				at = id
			}
			t.Rows[at] = maps.Clone(op.Rows[i]) // the key stays the conflicting row's
			n++
		}
		return n
	case ShiftKeys:
		ids := t.Range(op.ID, op.Hi)
		moved := map[int64]Row{}
		for _, id := range ids {
			moved[id+op.NewID] = t.Rows[id]
			delete(t.Rows, id)
		}
		maps.Copy(t.Rows, moved)
		return len(ids)
	case InsertSelect:
		ids := t.Range(op.ID, op.Hi)
		for _, id := range ids {
			t.Rows[id+op.NewID] = maps.Clone(t.Rows[id])
		}
		return len(ids)
	}
	return 0
}

// Affected is how many rows op changes in t (t is left as it was).
func (t *Table) Affected(op Op) int {
	switch op.Kind {
	case UpdateWhere:
		return len(t.Lookup(op.Where, op.WhereVal))
	case DeleteWhere:
		return len(t.deleted(op))
	case UpdateRange, DeleteRange:
		return len(t.Range(op.ID, op.Hi))
	case InsertMany, Upsert, ShiftKeys, InsertSelect:
		return t.Clone().applyMany(op)
	}
	return 1
}

// conflict is the key of the row upsert op's i-th row conflicts with in t, 0 if none: the one
// with its key, or with its value in op.Target when that is set (a NULL conflicts with none).
func (t *Table) conflict(op Op, i int) int64 {
	if op.Target == "" {
		if t.Rows[op.IDs[i]] != nil {
			return op.IDs[i]
		}
		return 0
	}
	if v, ok := op.Rows[i][op.Target]; ok {
		if ids := t.Lookup(op.Target, v); len(ids) > 0 {
			return ids[0]
		}
	}
	return 0
}

func hasValue(r Row, col, v string) bool {
	x, ok := r[col]
	return ok && x == v
}

// failure is the SQLSTATE PostgreSQL fails a statement of several rows with, row by row in
// the statement's order ("" if it succeeds): 23505 for a key or unique value taken (by the
// table or an earlier row), 21000 for an upsert that would change one row twice. Each row is
// checked as it is written, as PostgreSQL's non-deferrable constraints are; only statements
// whose outcome does not hang on the order rows are visited in are generated.
func (t *Table) failure(op Op) string {
	s := t.Clone()
	switch op.Kind {
	case ShiftKeys, InsertSelect:
		for _, id := range t.Range(op.ID, op.Hi) {
			if dst := id + op.NewID; s.Rows[dst] != nil && (op.Kind == InsertSelect || dst < op.ID || dst > op.Hi) {
				return "23505"
			}
		}
		if op.Kind == InsertSelect {
			s.applyMany(op)
		}
	case InsertMany, Upsert:
		touched := map[int64]bool{}
		for i, id := range op.IDs {
			one := op
			one.IDs, one.Rows = op.IDs[i:i+1], op.Rows[i:i+1]
			at := id
			if op.Kind == Upsert {
				at = s.conflict(op, i)
			}
			switch {
			case op.Kind == InsertMany && s.Rows[id] != nil:
				return "23505"
			case op.Kind == Upsert && at == 0 && s.Rows[id] != nil:
				return "23505" // a key taken, not by the conflict target
			case op.Kind == Upsert && !op.DoNothing && touched[at]:
				return "21000"
			}
			if at == 0 {
				at = id
			}
			if s.applyMany(one) > 0 {
				touched[at] = true
			}
			if _, dup := s.Duplicated(); dup {
				return "23505"
			}
		}
	}
	if _, dup := s.Duplicated(); dup {
		return "23505"
	}
	return ""
}

// many fills in an InsertMany, Upsert, ShiftKeys or InsertSelect on t; ok is false when t
// has no room for it.
func (g *Gen) many(op Op, t *Table) (Op, bool) {
	switch op.Kind {
	case InsertMany, Upsert:
		n := 1 + g.r.IntN(4)
		if len(t.Rows)+n > maxID {
			return op, false
		}
		ids := t.IDs()
		for range n {
			var id int64
			switch x := g.r.IntN(10); {
			case x == 0 && len(op.IDs) > 0:
				id = pick(g, op.IDs) // twice in one statement
			case x < 3 && len(ids) > 0 || op.Kind == Upsert && x < 6 && len(ids) > 0:
				id = pick(g, ids) // a key the table has
			default:
				id = g.freeID(t)
			}
			op.IDs, op.Rows = append(op.IDs, id), append(op.Rows, g.values(t))
		}
		for _, name := range t.IndexNames() {
			if ix := t.Indexes[name]; op.Kind == Upsert && ix.Unique && g.r.IntN(2) == 0 {
				op.Target = ix.Col // ON CONFLICT on a unique secondary index
			}
		}
		if op.Kind == Upsert {
			op.DoNothing = g.r.IntN(3) == 0
			if g.r.IntN(2) == 0 {
				op.Where, op.WhereVal = pick(g, t.Cols), fmt.Sprintf("v%d", g.r.IntN(valuePool))
			}
		}
	case ShiftKeys, InsertSelect:
		w := int64(g.r.IntN(6))
		op.ID = int64(g.r.IntN(maxID + 1))
		op.Hi = op.ID + w
		if op.Kind == InsertSelect && len(t.Rows)+int(w)+1 > maxID {
			return op, false
		}
		// A shift past the range's width: no moved row lands on another moved row's old key,
		// so whether it collides does not depend on the order rows are moved in. Keys stay in
		// 1..maxID, where the readers look for them.
		var ds []int64
		for d := w + 1; d < maxID; d++ {
			for _, d := range []int64{d, -d} {
				if op.ID+d >= 1 && op.Hi+d <= maxID {
					ds = append(ds, d)
				}
			}
		}
		if len(ds) == 0 {
			return op, false
		}
		d := pick(g, ds)
		op.NewID = d
	}
	if code := t.failure(op); code != "" {
		op.Fails, op.Code = true, code
	}
	return op, true
}

// TxnState follows a SQL transaction statement by statement: the state it sees, whether a
// failed statement has aborted it, and its savepoints.
type TxnState struct {
	M      *Model // the transaction's view of its tablespace
	Space  string
	Failed bool // a statement failed: the rest is refused (25P02) until a ROLLBACK TO
	saved  map[string]*Tablespace
}

// NewTxnState starts a transaction on space of m (which it does not change).
func NewTxnState(m *Model, space string) *TxnState {
	return &TxnState{M: &Model{Spaces: map[string]*Tablespace{space: m.Spaces[space].Clone()}}, Space: space,
		saved: map[string]*Tablespace{}}
}

// Step applies one statement of the transaction.
func (st *TxnState) Step(s Op) {
	switch {
	case s.Kind == RollbackTo:
		if sp, ok := st.saved[s.Index]; ok {
			st.M.Spaces[st.Space], st.Failed = sp.Clone(), false
		}
	case st.Failed:
	case s.Kind == Savepoint:
		st.saved[s.Index] = st.M.Spaces[st.Space].Clone()
	case s.Kind == InsertDup || s.Fails:
		st.Failed = true
	default:
		st.M.Apply(s)
	}
}

// savepoint may put a SAVEPOINT (the transaction's first) or a ROLLBACK TO it into
// transaction op before its next statement, following it in st; *name is the savepoint's
// name once made. A failed transaction makes none, so every ROLLBACK TO names one that exists.
func (g *Gen) savepoint(op *Op, st *TxnState, name *string) {
	if g.r.IntN(5) != 0 {
		return
	}
	s := Op{Kind: RollbackTo, Space: op.Space, Index: *name}
	if *name == "" {
		if st.Failed {
			return
		}
		*name = g.fresh("sp")
		s = Op{Kind: Savepoint, Space: op.Space, Index: *name}
	}
	op.Sub = append(op.Sub, s)
	st.Step(s)
}

package modeltest

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Kind is what an operation does.
type Kind int

// The operations. Row operations name a tablespace and table; the generator only makes ones
// that are valid in the model's state, except InsertDup, which must fail with 23505.
const (
	CreateSpace   Kind = iota // CREATE TABLESPACE
	CreateTable               // CREATE TABLE (id int PRIMARY KEY, Cols... text)
	DropTable                 // DROP TABLE
	Insert                    // SQL INSERT of a new key
	InsertDup                 // SQL INSERT of a present key: refused with 23505, nothing changes
	Update                    // SQL UPDATE of one non-key column by key
	UpdateKey                 // SQL UPDATE of the primary key to a free one (Fails: to a taken one)
	Delete                    // SQL DELETE by key
	Put                       // KV Put: insert or replace the whole row
	KVDelete                  // KV Delete by key
	Txn                       // SQL BEGIN; Sub; COMMIT (Commit) or ROLLBACK; see Aborted
	KVTxn                     // KV Update running Sub; fails on purpose unless Commit
	AddColumn                 // ALTER TABLE ADD COLUMN Col text
	DropColumn                // ALTER TABLE DROP COLUMN Col
	CreateIndex               // CREATE [UNIQUE] INDEX Index ON Table [USING hash] (Col)
	DropIndex                 // DROP INDEX Index
	Checkpoint                // CHECKPOINT
	Restart                   // close the node cleanly and open it again
	Crash                     // reopen the node's files as a kill -9 leaves them
	BackupRestore             // back up Space and restore it as NewSpace
	DropSpace                 // DROP TABLESPACE
	UpdateWhere               // SQL UPDATE SET Col = Val WHERE Where = WhereVal: any number of rows
	DeleteWhere               // SQL DELETE WHERE Where = WhereVal
	RenameColumn              // ALTER TABLE RENAME COLUMN Col TO NewCol
	Query                     // a read query (SQL), compared with PostgreSQL; changes nothing
	UpdateRange               // SQL UPDATE SET Col = Val WHERE id BETWEEN ID AND Hi
	DeleteRange               // SQL DELETE WHERE id >= ID AND id <= Hi
	InsertMany                // SQL INSERT of Rows (keys IDs) in one statement; Fails: none of it
	Upsert                    // SQL INSERT of Rows ... ON CONFLICT (id) DO UPDATE (or DoNothing)
	ShiftKeys                 // SQL UPDATE SET id = id + NewID WHERE id BETWEEN ID AND Hi
	InsertSelect              // SQL INSERT INTO t SELECT id + NewID, ... FROM t WHERE id BETWEEN ID AND Hi
	Savepoint                 // in a Txn: SAVEPOINT Index
	RollbackTo                // in a Txn: ROLLBACK TO SAVEPOINT Index
	Truncate                  // TRUNCATE Table (outside transactions)
	NextVal                   // nextval of the default tablespace's sequence Seq: above every value before
)

// Seq is the sequence the harness makes in DefaultSpace; NextVal draws from it.
const Seq = "model_seq"

var kindNames = [...]string{"CreateSpace", "CreateTable", "DropTable", "Insert", "InsertDup", "Update",
	"UpdateKey", "Delete", "Put", "KVDelete", "Txn", "KVTxn", "AddColumn", "DropColumn", "CreateIndex",
	"DropIndex", "Checkpoint", "Restart", "Crash", "BackupRestore", "DropSpace", "UpdateWhere", "DeleteWhere", "RenameColumn", "Query", "UpdateRange", "DeleteRange",
	"InsertMany", "Upsert", "ShiftKeys", "InsertSelect", "Savepoint", "RollbackTo", "Truncate", "NextVal"}

func (k Kind) String() string { return kindNames[k] }

// Op is one generated operation.
type Op struct {
	Kind         Kind
	Space, Table string
	ID, NewID    int64
	Col          string  // Update, AddColumn, DropColumn, CreateIndex; CreateTable: see Cols
	Val          *string // Update's new value (nil: NULL)
	Row          Row     // Insert, InsertDup, Put: the non-key values
	Cols         []string
	NewCol       string // RenameColumn
	Where        string // UpdateWhere, DeleteWhere: the column compared
	WhereVal     string
	Index        string
	Hash, Unique bool // CreateIndex
	// Fails: the operation must be refused with 23505 (a duplicate key), or Code when set,
	// and change nothing.
	Fails bool
	Code  string
	IDs   []int64 // InsertMany, Upsert: the rows' keys (Rows their values), in order
	Rows  []Row
	// DoNothing: Upsert's ON CONFLICT DO NOTHING; else DO UPDATE SET every column to EXCLUDED's
	// unless Where (when set) holds WhereVal in the existing row.
	DoNothing bool
	Target    string // Upsert: ON CONFLICT (Target), a uniquely indexed column; "": the key
	Join      bool   // UpdateWhere, DeleteWhere: through a self-join that matches a row many times
	// Exists: DeleteWhere only of rows whose value another row holds too, by a correlated
	// subquery counting them in the table, which must read the statement's snapshot (so all of them go).
	Exists   bool
	Sub      []Op // Txn, KVTxn
	Commit   bool
	MidCkpt  bool // Txn, KVTxn: another session checkpoints the tablespace after Sub[0]
	NewSpace string
	Hi       int64  // UpdateRange, DeleteRange: the last key of the range
	SQL      string // Query
	Ordered  bool   // Query: its ORDER BY fixes the order of its rows
}

func (op Op) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", op.Kind, op.Space)

	if op.Table != "" {
		fmt.Fprintf(&b, ".%s", op.Table)
	}
	switch op.Kind {
	case Insert, InsertDup, Put:
		fmt.Fprintf(&b, " id=%d %s", op.ID, rowText(op.Row))
	case Update:
		fmt.Fprintf(&b, " id=%d %s=%s", op.ID, op.Col, valText(op.Val))
	case UpdateKey:
		fmt.Fprintf(&b, " id=%d→%d", op.ID, op.NewID)
	case Delete, KVDelete:
		fmt.Fprintf(&b, " id=%d", op.ID)
	case UpdateWhere:
		fmt.Fprintf(&b, " %s=%s where %s=%q", op.Col, valText(op.Val), op.Where, op.WhereVal)
	case DeleteWhere:
		fmt.Fprintf(&b, " where %s=%q", op.Where, op.WhereVal)
	case UpdateRange:
		fmt.Fprintf(&b, " %s=%s where id in [%d, %d]", op.Col, valText(op.Val), op.ID, op.Hi)
	case DeleteRange:
		fmt.Fprintf(&b, " where id in [%d, %d]", op.ID, op.Hi)
	case InsertMany, Upsert:
		for i, id := range op.IDs {
			fmt.Fprintf(&b, " id=%d %s", id, rowText(op.Rows[i]))
		}
		if op.Kind == Upsert {
			fmt.Fprintf(&b, " on-conflict(%s) do-nothing=%v unless %s=%q", op.Target, op.DoNothing, op.Where, op.WhereVal)
		}
	case ShiftKeys, InsertSelect:
		fmt.Fprintf(&b, " id in [%d, %d] by %+d", op.ID, op.Hi, op.NewID)
	case Savepoint, RollbackTo:
		fmt.Fprintf(&b, " %s", op.Index)
	case CreateTable:
		fmt.Fprintf(&b, " %v", op.Cols)
	case AddColumn, DropColumn:
		fmt.Fprintf(&b, " %s", op.Col)
	case RenameColumn:
		fmt.Fprintf(&b, " %s→%s", op.Col, op.NewCol)
	case CreateIndex:
		fmt.Fprintf(&b, " %s(%s) hash=%v unique=%v", op.Index, op.Col, op.Hash, op.Unique)
	case DropIndex:
		fmt.Fprintf(&b, " %s", op.Index)
	case BackupRestore:
		fmt.Fprintf(&b, " as %s", op.NewSpace)
	case Query:
		fmt.Fprintf(&b, ": %s", op.SQL)
	case Txn, KVTxn:
		fmt.Fprintf(&b, " commit=%v checkpoint-inside=%v [", op.Commit, op.MidCkpt)
		for i, s := range op.Sub {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(strings.TrimPrefix(s.String(), s.Kind.String()+" "+s.Space+"."))
			b.WriteString(" (" + s.Kind.String() + ")")
		}
		b.WriteString("]")
	}
	if op.Join {
		b.WriteString(" (through a self-join)")
	}
	if op.Exists {
		b.WriteString(" (if another row has it)")
	}
	if op.Fails {
		fmt.Fprintf(&b, " (must fail: %s)", op.FailCode())
	}
	return b.String()
}

func valText(v *string) string {
	if v == nil {
		return "NULL"
	}
	return strconv.Quote(*v)
}

func rowText(r Row) string {
	keys := slices.Sorted(maps.Keys(r))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + strconv.Quote(r[k])
	}
	return "{" + strings.Join(parts, " ") + "}"
}

// Apply changes the model as op does when it succeeds (a rolled-back transaction and
// InsertDup change nothing; Checkpoint, Restart and Crash change nothing either: every
// acknowledged write survives them).
func (m *Model) Apply(op Op) {
	if op.Fails || op.Kind == InsertDup {
		return
	}
	sp := m.Spaces[op.Space]
	var t *Table
	if sp != nil {
		t = sp.Tables[op.Table]
	}
	switch op.Kind {
	case CreateSpace:
		m.Spaces[op.Space] = &Tablespace{Tables: map[string]*Table{}}
	case CreateTable:
		sp.Tables[op.Table] = NewTable(op.Cols...)
	case DropTable:
		delete(sp.Tables, op.Table)
	case Insert, Put:
		t.Rows[op.ID] = maps.Clone(op.Row)
	case Update:
		t.set([]int64{op.ID}, op.Col, op.Val)
	case UpdateKey:
		t.Rows[op.NewID] = t.Rows[op.ID]
		delete(t.Rows, op.ID)
	case Delete, KVDelete:
		delete(t.Rows, op.ID)
	case Truncate:
		clear(t.Rows)
	case UpdateWhere:
		t.set(t.Lookup(op.Where, op.WhereVal), op.Col, op.Val)
	case DeleteWhere:
		for _, id := range t.deleted(op) {
			delete(t.Rows, id)
		}
	case UpdateRange:
		t.set(t.Range(op.ID, op.Hi), op.Col, op.Val)
	case DeleteRange:
		for _, id := range t.Range(op.ID, op.Hi) {
			delete(t.Rows, id)
		}
	case InsertMany, Upsert, ShiftKeys, InsertSelect:
		t.applyMany(op)
	case Txn, KVTxn:
		st := NewTxnState(m, op.Space)
		for _, s := range op.Sub {
			st.Step(s)
		}
		if op.Commit && !st.Failed {
			m.Spaces[op.Space] = st.M.Spaces[op.Space]
		}
	case AddColumn:
		t.Cols = append(t.Cols, op.Col)
	case DropColumn:
		t.Cols = slices.DeleteFunc(t.Cols, func(c string) bool { return c == op.Col })
		for _, r := range t.Rows {
			delete(r, op.Col)
		}
		// As in PostgreSQL, the indexes on a dropped column go with it.
		for _, ix := range t.indexOn(op.Col) {
			delete(t.Indexes, ix)
		}
	case RenameColumn:
		t.Cols[slices.Index(t.Cols, op.Col)] = op.NewCol
		for _, r := range t.Rows {
			if v, ok := r[op.Col]; ok {
				r[op.NewCol] = v
				delete(r, op.Col)
			}
		}
		for _, name := range t.indexOn(op.Col) {
			ix := t.Indexes[name]
			ix.Col = op.NewCol
			t.Indexes[name] = ix
		}
	case CreateIndex:
		t.Indexes[op.Index] = Index{Col: op.Col, Hash: op.Hash, Unique: op.Unique}
	case DropIndex:
		delete(t.Indexes, op.Index)
	case BackupRestore:
		m.Spaces[op.NewSpace] = sp.Clone()
	case DropSpace:
		delete(m.Spaces, op.Space)
	}
}

// deleted is the rows DeleteWhere op deletes from t.
func (t *Table) deleted(op Op) []int64 {
	ids := t.Lookup(op.Where, op.WhereVal)
	if op.Exists && len(ids) < 2 {
		return nil
	}
	return ids
}

// set sets column col of rows ids to v (nil: NULL).
func (t *Table) set(ids []int64, col string, v *string) {
	for _, id := range ids {
		if v == nil {
			delete(t.Rows[id], col)
		} else {
			t.Rows[id][col] = *v
		}
	}
}

// Violates reports whether op, applied to m, would put a value twice into a unique index:
// then it must fail and change nothing.
func (m *Model) Violates(op Op) bool {
	sp := m.Spaces[op.Space]
	if sp == nil || op.Kind == InsertDup {
		return false
	}
	scratch := &Model{Spaces: map[string]*Tablespace{op.Space: sp.Clone()}}
	scratch.Apply(op)
	for _, t := range scratch.Spaces[op.Space].Tables {
		if _, dup := t.Duplicated(); dup {
			return true
		}
	}
	return false
}

// FailCode is the SQLSTATE op must fail with (when Fails or InsertDup).
func (op Op) FailCode() string {
	if op.Code != "" {
		return op.Code
	}
	return "23505"
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

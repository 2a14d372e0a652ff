package sql

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Constraints are enforced by a hook the tablespace calls on every write of a constrained or
// referenced table (tablespace/constraints.go), so SQL, COPY, the loader and the KV API all
// get the same checks: CHECK on the new row; UNIQUE by locking the key and looking it up in
// the latest committed state and the transaction's own rows; a foreign key by locking the
// parent row (or its unique key) and finding it; and, on a referenced table, the actions on
// the rows that reference what a delete or update takes away.

func init() { tablespace.SetConstraintHook(enforceConstraints) }

// checkCache holds compiled CHECK expressions per schema version. A compiled expression is
// used by one goroutine at a time, so each schema keeps a pool of them.
var checkCache sync.Map // *types.Schema → *schemaChecks

type schemaChecks struct {
	names []string
	texts []string
	pool  sync.Pool // *[]*expr, one per CHECK in order (or the error compiling them)
}

func checksOf(s *types.Schema) *schemaChecks {
	if v, ok := checkCache.Load(s); ok {
		return v.(*schemaChecks)
	}
	sc := &schemaChecks{}
	for _, c := range s.Constraints {
		if c.Kind == types.ConstraintCheck {
			sc.names = append(sc.names, c.Name)
			sc.texts = append(sc.texts, c.Check)
		}
	}
	sc.pool.New = func() any {
		out := make([]*expr, len(sc.texts))
		for i, t := range sc.texts {
			x, err := compileCheck(s, t)
			if err != nil {
				return err // a CHECK that no longer compiles fails every write, with why
			}
			out[i] = x
		}
		return &out
	}
	v, _ := checkCache.LoadOrStore(s, sc)
	return v.(*schemaChecks)
}

// failingRow is PostgreSQL's "Failing row contains (...)." detail.
func failingRow(s *types.Schema, row []types.Value) string {
	var parts []string
	for i, c := range s.Columns {
		if c.Hidden {
			continue
		}
		if row[i].IsNull() {
			parts = append(parts, "null")
		} else {
			parts = append(parts, row[i].String())
		}
	}
	return "Failing row contains (" + strings.Join(parts, ", ") + ")."
}

// keyDetail renders columns and values as "(a, b)=(1, 2)".
func keyDetail(names []string, vals []types.Value) string {
	vs := make([]string, len(vals))
	for i, v := range vals {
		vs[i] = v.String()
		if v.IsNull() {
			vs[i] = "null" // a NULLS NOT DISTINCT key's, as PostgreSQL prints it
		}
	}
	return "(" + strings.Join(names, ", ") + ")=(" + strings.Join(vs, ", ") + ")"
}

func enforceConstraints(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck) error {
	s := w.Schema
	var newRow, oldRow []types.Value
	if w.New != nil {
		newRow = make([]types.Value, len(s.Columns))
		if err := types.DecodeRow(s, w.Key, w.New, newRow); err != nil {
			return err
		}
	}
	if w.Old != nil {
		oldRow = make([]types.Value, len(s.Columns))
		oldKey := w.Key
		if w.OldKey != nil {
			oldKey = w.OldKey
		}
		if err := types.DecodeRow(s, oldKey, w.Old, oldRow); err != nil {
			return err
		}
	}
	if newRow != nil {
		if err := checkRow(s, newRow); err != nil {
			return err
		}
	}
	var rechecks []func() // deferrable UNIQUE checks, queued after the foreign keys' (below)
	if err := checkUnique(ctx, tx, w, oldRow, newRow, &rechecks); err != nil {
		return err
	}
	if newRow != nil {
		for i := range s.Constraints {
			if c := &s.Constraints[i]; c.Kind == types.ConstraintForeign {
				if err := checkParent(ctx, tx, w, c, oldRow, newRow); err != nil {
					return err
				}
			}
		}
	}
	if oldRow != nil && takesReferencedKey(w.Schema, tx.ReferencedBy(w.Table), w.Table, oldRow, newRow) {
		// The actions and checks on the rows that reference the old row wait for the end of
		// the statement, as PostgreSQL's RI triggers (AFTER ROW, queued): the statement
		// itself deletes or updates every row it found (a DELETE of a parent and its
		// cascaded children counts and returns them all), and the actions then apply to
		// the rows as the statement left them.
		pw := *w
		pw.Key, pw.OldKey = slices.Clone(w.Key), slices.Clone(w.OldKey)
		tx.AtStatementEnd(func() error { return actOnChildren(ctx, tx, &pw, oldRow, newRow) })
	}
	// PostgreSQL fires a row's AFTER triggers in name order: its foreign keys'
	// (RI_ConstraintTrigger_a_..., then _c_...) before a deferrable UNIQUE's recheck
	// (Unique_ConstraintTrigger), so a row that both duplicates a key and lacks a parent
	// is 23503.
	for _, q := range rechecks {
		q()
	}
	return nil
}

// rekeyRow is an UPDATE that changes a row's primary key (dml.go).
func rekeyRow(ctx context.Context, tx *tablespace.Txn, bt *boundTable, oldKey, key, value []byte, row []types.Value) error {
	// CHECK comes before uniqueness, as in PostgreSQL: a row both refuse is 23514.
	if err := checkRow(bt.schema, row); err != nil {
		return err
	}
	err := tx.Rekey(ctx, bt.name, oldKey, key, value)
	if primaryKeyTaken(err) {
		return duplicateKey(bt, row)
	}
	return err
}

// checkRow evaluates the CHECK constraints on a new row: false fails, NULL passes.
func checkRow(s *types.Schema, row []types.Value) error {
	sc := checksOf(s)
	if len(sc.texts) == 0 {
		return nil
	}
	v := sc.pool.Get()
	if err, ok := v.(error); ok {
		return err
	}
	xs := v.(*[]*expr)
	defer sc.pool.Put(xs)
	for i, x := range *xs {
		r, err := x.eval(row)
		if err != nil {
			return err
		}
		if !r.IsNull() && !r.Bool() {
			return (&Error{Code: "23514", Message: "new row for relation \"" + s.Name + "\" violates check constraint \"" + sc.names[i] + "\"",
				Detail: failingRow(s, row)}).onTable(s.Name, "", sc.names[i])
		}
	}
	return nil
}

// colVals are a row's values of some columns; ok is false when one is NULL.
func colVals(row []types.Value, cols []int) ([]types.Value, bool) {
	if row == nil {
		return nil, false
	}
	out := make([]types.Value, len(cols))
	for i, c := range cols {
		if row[c].IsNull() {
			return nil, false
		}
		out[i] = row[c]
	}
	return out, true
}

// encodeVals is the key encoding of values as the columns cols of s.
func encodeVals(s *types.Schema, cols []int, vals []types.Value) ([]byte, error) {
	var b []byte
	for i, c := range cols {
		var err error
		if b, err = types.AppendKeyValue(b, s.Columns[c].Type, vals[i]); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func sameVals(a, b []types.Value) bool {
	if len(a) != len(b) {
		return false
	}
	// As keys compare: by their encoding (a foreign key's values may be integers of two widths).
	for i := range a {
		t := a[i].T
		if b[i].T != t && !(t.IsInteger() && b[i].T.IsInteger()) {
			return false
		}
		if t.IsInteger() {
			t = types.Int64
		}
		x, err1 := types.AppendKeyValue(nil, t, asType(a[i], t))
		y, err2 := types.AppendKeyValue(nil, t, asType(b[i], t))
		if err1 != nil || err2 != nil || string(x) != string(y) {
			return false
		}
	}
	return true
}

// checkUnique locks the unique keys the write gives or takes away, and fails a new key that
// another row has.
// A deferrable one's check is appended to rechecks, for the caller to queue.
func checkUnique(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, oldRow, newRow []types.Value, rechecks *[]func()) error {
	s := w.Schema
	for _, ix := range s.Indexes {
		if ix.Computed() {
			if err := checkComputedIndex(ctx, tx, w, &ix, oldRow, newRow); err != nil {
				return err
			}
			continue
		}
		if !ix.Unique {
			continue
		}
		oldV, oldOK := colVals(oldRow, ix.Columns)
		newV, newOK := colVals(newRow, ix.Columns)
		if oldOK && newOK && sameVals(oldV, newV) {
			continue
		}
		if oldOK { // a writer of this key must wait for this transaction to end
			k, err := encodeVals(s, ix.Columns, oldV)
			if err != nil {
				return err
			}
			if err := tx.LockKey(ctx, w.Table, ix.Name, k); err != nil {
				return err
			}
		}
		if !newOK {
			continue
		}
		k, err := encodeVals(s, ix.Columns, newV)
		if err != nil {
			return err
		}
		if err := tx.LockKey(ctx, w.Table, ix.Name, k); err != nil {
			return err
		}
		dup := false
		err = tx.FindLatest(w.Table, ix.Columns, newV, func(key, _ []byte) error {
			dup = dup || string(key) != string(w.Key) && string(key) != string(w.OldKey)
			return nil
		})
		if err != nil {
			return err
		}
		if c := uniqueConstraintOf(s, ix.Name); c != nil && c.Deferrable {
			// Queued only when another row has the key now, as PostgreSQL queues its
			// recheck only for an index entry that found a possible duplicate (so only
			// then is it a pending event that refuses a TRUNCATE).
			if dup {
				table, ix, newV := w.Table, ix, newV
				*rechecks = append(*rechecks, func() {
					queueCheck(ctx, tx, table, c, func(context.Context) error { return stillUnique(tx, s, table, &ix, newV) })
				})
			}
			continue
		}
		if dup {
			return duplicateIndexKey(s, &ix, newV)
		}
	}
	return nil
}

// duplicateIndexKey is PostgreSQL's 23505 for a key of a unique index that another row has.
func duplicateIndexKey(s *types.Schema, ix *types.Index, vals []types.Value) error {
	names := indexPartNames(s, ix)
	return (&Error{Code: "23505", Message: "duplicate key value violates unique constraint \"" + ix.Name + "\"",
		Detail: "Key " + keyDetail(names, vals) + " already exists.", cause: tablespace.ErrDuplicateKey}).onTable(s.Name, "", ix.Name)
}

// refTarget is what a foreign key references in its parent's current schema.
type refTarget struct {
	parent *types.Schema
	cols   []int // the referenced columns, in the foreign key's order
	pk     bool  // they are the primary key
	index  string
	ixCols []int // the unique index's columns, in its order
	perm   []int // perm[i]: the foreign key column of ixCols[i]
}

func resolveTarget(tx *tablespace.Txn, c *types.Constraint) (*refTarget, error) {
	parent, ok := tx.Schema(c.RefTable)
	if !ok {
		return nil, relationMissing(c.RefTable)
	}
	t := &refTarget{parent: parent}
	for _, n := range c.RefColumns {
		i := parent.ColumnIndex(n)
		if i < 0 {
			return nil, Errorf("42703", "column %q referenced in foreign key constraint %q does not exist", n, c.Name)
		}
		t.cols = append(t.cols, i)
	}
	order := func(key []int) bool {
		if len(key) != len(t.cols) {
			return false
		}
		t.perm = t.perm[:0]
		for _, k := range key {
			j := slices.Index(t.cols, k)
			if j < 0 {
				return false
			}
			t.perm = append(t.perm, j)
		}
		return true
	}
	if order(parent.PK) {
		t.pk = true
		return t, nil
	}
	for _, ix := range parent.Indexes {
		if ix.Unique && order(ix.Columns) && !indexDeferrable(parent, ix.Name) {
			t.index, t.ixCols = ix.Name, ix.Columns
			return t, nil
		}
	}
	return nil, Errorf("42830", "there is no unique constraint matching given keys for referenced table %q", parent.Name)
}

// asType converts a key value to another column's type (foreign keys join integers of
// different widths).
func asType(v types.Value, t types.Type) types.Value {
	if v.T != t && v.T.IsInteger() && t.IsInteger() {
		return types.NewInt(t, v.I)
	}
	return v
}

// checkParent fails a new row whose foreign key names no parent row, after locking that row
// (or its unique key) so that no delete can take it away before this transaction ends.
func checkParent(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, c *types.Constraint, oldRow, newRow []types.Value) error {
	vals, ok := colVals(newRow, c.Columns)
	if !ok {
		if c.MatchFull && newRow != nil && !allNull(newRow, c.Columns) {
			return (&Error{Code: "23503", Message: "insert or update on table \"" + w.Table + "\" violates foreign key constraint \"" + c.Name + "\"",
				Detail: "MATCH FULL does not allow mixing of null and nonnull key values."}).onTable(w.Table, "", c.Name)
		}
		return nil // MATCH SIMPLE: a NULL in the key passes; MATCH FULL: a key all NULL does
	}
	if oldV, ok := colVals(oldRow, c.Columns); ok && sameVals(oldV, vals) {
		if len(w.OldKey) > 0 && tx.ConstraintDeferred(c) {
			// The row moved to a new primary key: a check deferred for it (an insert of
			// this transaction) looks for it at its old key and would pass unseen.
			// PostgreSQL re-checks an unchanged key of a row its transaction wrote.
			table, key := w.Table, slices.Clone(w.Key)
			tx.Defer(table, c.Name, func(ctx context.Context) error { return stillHasParent(ctx, tx, table, key, c.Name) })
		}
		return nil
	}
	if c.Deferrable {
		table, key := w.Table, slices.Clone(w.Key)
		queueCheck(ctx, tx, table, c, func(ctx context.Context) error { return stillHasParent(ctx, tx, table, key, c.Name) })
		return nil
	}
	err := findParent(ctx, tx, w.Table, w.Schema, c, newRow, vals)
	if e, ok := err.(*Error); (ok && e.Code == "23503") || (err == nil && tx.InCompound()) {
		// No parent yet: a later row of the statement may write it (INSERT ... VALUES
		// (2, 1), (1, NULL) into a self-referencing table). PostgreSQL's RI trigger judges
		// the row when the statement ends; so does this check. A parent found now stays
		// in a simple statement: deleting or rekeying it later in the statement meets the
		// NO ACTION check there. A data-modifying WITH may delete or rekey it in another
		// part, whose CASCADE or SET NULL action, queued behind this check, must not run
		// first: PostgreSQL fires the row's check before it, against the rows as the
		// statement left them (23503 when the parent is gone).
		table, key := w.Table, slices.Clone(w.Key)
		tx.AtStatementEnd(func() error { return stillHasParent(ctx, tx, table, key, c.Name) })
		return nil
	}
	return err
}

// allNull reports whether every one of cols is NULL in row.
func allNull(row []types.Value, cols []int) bool {
	for _, c := range cols {
		if !row[c].IsNull() {
			return false
		}
	}
	return true
}

// findParent fails a row whose foreign key c, with values vals, names no parent row.
func findParent(ctx context.Context, tx *tablespace.Txn, table string, s *types.Schema, c *types.Constraint, newRow, vals []types.Value) error {
	t, err := resolveTarget(tx, c)
	if err != nil {
		return err
	}
	pvals := make([]types.Value, len(vals))
	for i := range vals {
		pvals[i] = asType(vals[i], t.parent.Columns[t.cols[i]].Type)
	}
	if c.RefTable == table { // the row may reference itself
		if own, ok := colVals(newRow, t.cols); ok && sameVals(own, pvals) {
			return nil
		}
	}
	found := false
	if t.pk {
		prow := make([]types.Value, len(t.parent.Columns))
		for i, col := range t.cols {
			prow[col] = pvals[i]
		}
		key, err := types.AppendKey(nil, t.parent, prow)
		if err != nil {
			return err
		}
		if _, found, err = tx.GetForUpdate(ctx, c.RefTable, key); err != nil {
			return err
		}
	} else {
		ordered := make([]types.Value, len(t.ixCols))
		for i, j := range t.perm {
			ordered[i] = pvals[j]
		}
		k, err := encodeVals(t.parent, t.ixCols, ordered)
		if err != nil {
			return err
		}
		if err := tx.LockKey(ctx, c.RefTable, t.index, k); err != nil {
			return err
		}
		if err := tx.FindLatest(c.RefTable, t.ixCols, ordered, func(_, _ []byte) error {
			found = true
			return nil
		}); err != nil {
			return err
		}
	}
	if found {
		return nil
	}
	names := make([]string, len(c.Columns))
	for i, col := range c.Columns {
		names[i] = s.Columns[col].Name
	}
	return (&Error{Code: "23503", Message: "insert or update on table \"" + table + "\" violates foreign key constraint \"" + c.Name + "\"",
		Detail: "Key " + keyDetail(names, vals) + " is not present in table \"" + c.RefTable + "\"."}).onTable(table, "", c.Name)
}

// takesReferencedKey reports whether a delete or update of a row of table (schema s) takes
// away a key that a foreign key of children references: only then has it anything to do to
// referencing rows, so an update of other columns queues nothing for the statement's end.
func takesReferencedKey(s *types.Schema, children []*types.Schema, table string, oldRow, newRow []types.Value) bool {
	for _, child := range children {
		for i := range child.Constraints {
			c := &child.Constraints[i]
			if c.Kind != types.ConstraintForeign || c.RefTable != table {
				continue
			}
			changed, set := false, true
			for _, n := range c.RefColumns {
				r := s.ColumnIndex(n)
				if r < 0 {
					return true // actOn reports it
				}
				set = set && !oldRow[r].IsNull()
				changed = changed || newRow == nil || !sameVals(oldRow[r:r+1], newRow[r:r+1])
			}
			if set && changed {
				return true
			}
		}
	}
	return false
}

// actOnChildren applies the foreign keys that reference a deleted row, or a row whose
// referenced columns an update changes: refuse (NO ACTION, RESTRICT), or cascade, or set
// the referencing columns to NULL or their defaults.
func actOnChildren(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, oldRow, newRow []types.Value) error {
	for _, child := range tx.ReferencedBy(w.Table) {
		for i := range child.Constraints {
			c := &child.Constraints[i]
			if c.Kind != types.ConstraintForeign || c.RefTable != w.Table {
				continue
			}
			if err := actOn(ctx, tx, w, child, c, oldRow, newRow); err != nil {
				return err
			}
		}
	}
	return nil
}

type childRow struct{ key, value []byte }

func actOn(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, child *types.Schema, c *types.Constraint, oldRow, newRow []types.Value) error {
	ref := make([]int, len(c.RefColumns))
	for i, n := range c.RefColumns {
		if ref[i] = w.Schema.ColumnIndex(n); ref[i] < 0 {
			return Errorf("42703", "column %q referenced in foreign key constraint %q does not exist", n, c.Name)
		}
	}
	oldV, ok := colVals(oldRow, ref)
	if !ok {
		return nil
	}
	var newV []types.Value
	if newRow != nil {
		newV = make([]types.Value, len(ref))
		for i, r := range ref {
			newV[i] = newRow[r]
		}
		if sameVals(oldV, newV) {
			return nil
		}
	}
	cvals := make([]types.Value, len(oldV))
	for i, v := range oldV {
		cvals[i] = asType(v, child.Columns[c.Columns[i]].Type)
	}
	action := c.OnDelete
	if newRow != nil {
		action = c.OnUpdate
	}
	if action == types.RefNoAction || action == types.RefRestrict {
		return checkReferenced(ctx, tx, w, child, c, ref, oldV, cvals, action, c.Deferrable)
	}
	// The rows that reference the old key now, the statement's own changes included: a
	// row the statement already changed is changed again (PostgreSQL's RI action is an
	// UPDATE or DELETE of the child WHERE its key is the old one, run after the
	// statement), and a row that references itself follows its own new key.
	var rows []childRow
	err := tx.FindLatest(child.Name, c.Columns, cvals, func(key, value []byte) error {
		rows = append(rows, childRow{slices.Clone(key), slices.Clone(value)})
		return nil
	})
	if err != nil || len(rows) == 0 {
		return err
	}
	if err := enterTable(ctx, tx, child.Name, child); err != nil {
		return err
	}
	var defaults []types.Value
	if action == types.RefSetDefault {
		if defaults, err = columnDefaults(child, c.Columns); err != nil {
			return err
		}
	}
	row := make([]types.Value, len(child.Columns))
	for _, r := range rows {
		if action == types.RefCascade && newRow == nil {
			if err := tx.Delete(ctx, child.Name, r.key); err != nil {
				return err
			}
			continue
		}
		if err := types.DecodeRow(child, r.key, r.value, row); err != nil {
			return err
		}
		for i, col := range c.Columns {
			switch action {
			case types.RefCascade:
				row[col] = asType(newV[i], child.Columns[col].Type)
			case types.RefSetNull:
				row[col] = types.NullValue
			case types.RefSetDefault:
				row[col] = defaults[i]
			}
			if row[col].IsNull() && child.Columns[col].NotNull {
				return (&Error{Code: "23502", Message: "null value in column \"" + child.Columns[col].Name + "\" of relation \"" +
					child.Name + "\" violates not-null constraint", Detail: failingRow(child, row)}).onTable(child.Name, child.Columns[col].Name, "")
			}
		}
		if err := rewriteRow(ctx, tx, child, r.key, row); err != nil {
			return err
		}
	}
	if action == types.RefSetDefault {
		// A default equal to the old key left the rows as they were, referencing a key
		// that is gone, and their write did not check them (their key did not change):
		// PostgreSQL's SET DEFAULT runs the NO ACTION check next, at once.
		return checkReferenced(ctx, tx, w, child, c, ref, oldV, cvals, types.RefNoAction, false)
	}
	return nil
}

// checkReferenced is a NO ACTION or RESTRICT foreign key's check, which runs when the
// statement ends, as PostgreSQL's RI triggers (AFTER ROW): the statement may have deleted
// the referencing rows too. NO ACTION also passes when another row has the key by then;
// RESTRICT does not, and is never deferred. A deferrable NO ACTION (deferrable) is queued
// whether or not a row references the key now, as PostgreSQL queues its trigger: a
// referencing row may come later in the transaction.
func checkReferenced(ctx context.Context, tx *tablespace.Txn, w *tablespace.WriteCheck, child *types.Schema, c *types.Constraint,
	ref []int, oldV, cvals []types.Value, action types.RefAction, deferrable bool) error {
	names := make([]string, len(ref))
	for i, r := range ref {
		names[i] = w.Schema.Columns[r].Name
	}
	violation := (&Error{Code: "23503", Message: "update or delete on table \"" + w.Table + "\" violates foreign key constraint \"" +
		c.Name + "\" on table \"" + child.Name + "\"",
		Detail: "Key " + keyDetail(names, oldV) + " is still referenced from table \"" + child.Name + "\"."}).onTable(child.Name, "", c.Name)
	table, noAction := w.Table, action == types.RefNoAction
	check := func(context.Context) error {
		return stillReferenced(tx, table, ref, oldV, noAction, child, c, cvals, violation)
	}
	if noAction && deferrable {
		queueCheck(ctx, tx, table, c, check)
		return nil
	}
	return check(ctx)
}

// stillReferenced is a NO ACTION or RESTRICT foreign key's check at the end of the
// statement: rows of child still reference the key oldV of table that was deleted or changed
// (for NO ACTION: and no row of table has it now).
func stillReferenced(tx *tablespace.Txn, table string, ref []int, oldV []types.Value, noAction bool,
	child *types.Schema, c *types.Constraint, cvals []types.Value, violation error) error {
	errFound := errors.New("found")
	find := func(table string, cols []int, vals []types.Value) (bool, error) {
		err := tx.FindLatest(table, cols, vals, func(key, value []byte) error { return errFound })
		if errors.Is(err, errFound) {
			return true, nil
		}
		return false, err
	}
	if noAction {
		if again, err := find(table, ref, oldV); err != nil || again {
			return err // another row has the key now
		}
	}
	if used, err := find(child.Name, c.Columns, cvals); err != nil || !used {
		return err
	}
	return violation
}

// rewriteRow writes a changed row back: an update, or a delete and an insert when its key
// changed.
func rewriteRow(ctx context.Context, tx *tablespace.Txn, s *types.Schema, oldKey []byte, row []types.Value) error {
	key, err := types.AppendKey(nil, s, row)
	if err != nil {
		return err
	}
	value := types.AppendRow(nil, s, row)
	if string(key) == string(oldKey) {
		return tx.Update(ctx, s.Name, key, value)
	}
	if err := tx.Delete(ctx, s.Name, oldKey); err != nil {
		return err
	}
	if err := tx.Insert(ctx, s.Name, key, value); err != nil {
		if err == tablespace.ErrDuplicateKey {
			return (&Error{Code: "23505", Message: "duplicate key value violates unique constraint \"" + pkeyName(s) + "\""}).onTable(s.Name, "", pkeyName(s))
		}
		return err
	}
	return nil
}

// columnDefaults evaluates the DEFAULTs of columns for ON DELETE / ON UPDATE SET DEFAULT.
func columnDefaults(s *types.Schema, cols []int) ([]types.Value, error) {
	out := make([]types.Value, len(cols))
	for i, c := range cols {
		def := s.Columns[c].Default
		if def == "" {
			out[i] = types.NullValue
			continue
		}
		if isSerialDefault(def) {
			return nil, unsupported("ON DELETE SET DEFAULT of a serial column")
		}
		e, err := parseStoredExpr(def)
		if err != nil {
			return nil, err
		}
		x, err := compile(e, &scope{params: &params{}})
		if err != nil {
			return nil, err
		}
		v, err := x.eval(nil)
		if err != nil {
			return nil, err
		}
		if out[i], err = Assign(v, &s.Columns[c]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

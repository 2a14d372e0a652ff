package sql

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE builds the new schema and a map from its columns to the old ones, and has the
// tablespace rewrite the table in one log entry (tablespace.AlterTable), once no transaction
// is using it. Like CREATE and DROP it takes effect when it runs, even inside a transaction
// block.

func newAlteration(name string, schema *types.Schema) *alteration {
	a := &alteration{name: name, old: schema, cols: slices.Clone(schema.Columns), pk: slices.Clone(schema.PK), pkName: schema.PKName}
	a.sources = make([]int, len(a.cols))
	for i := range a.sources {
		a.sources[i] = i
	}
	a.fill = make([]*fillSpec, len(a.cols))
	return a
}

// finishAlter applies a worked-out ALTER TABLE: the new schema, and the values of the columns
// whose rows it computes (a DEFAULT, a new type), in one log entry.
func (s *Session) finishAlter(ctx context.Context, a *alteration, out Output) error {
	name, schema := a.name, a.old
	cons, err := s.constraintsAfter(a)
	if err != nil {
		return err
	}
	pkInclude, ok := a.newPositions(a.old.PKInclude)
	if !ok { // PostgreSQL drops the key; drove's rows are stored by it
		return unsupported("dropping an INCLUDE column of the primary key of %q", a.name)
	}
	next := &types.Schema{Name: a.newName, Columns: a.cols, PK: a.pk, Indexes: a.indexes(), Constraints: cons,
		PKName: a.pkName, PKInclude: pkInclude}
	if next.Name == "" {
		next.Name = name
	}
	if next.PKName == next.Name+"_pkey" || hiddenKey(next) {
		next.PKName = "" // the default's name
	}
	if len(a.cons) > 0 {
		if err := s.addConstraints(next, a.cons); err != nil {
			return err
		}
		a.newCons = len(next.Constraints) - len(cons)
		a.fkCheck = s.ts.Begin()
		defer a.fkCheck.Rollback()
	}
	if err := s.checkViewsOnAlter(name, schema, next, a.sources); err != nil {
		return err
	}
	if err := s.checkRetypes(a, next); err != nil {
		return err
	}
	if err := checkComputedIndexes(next); err != nil {
		return err
	}
	made, err := s.createAlterSequences(ctx, a)
	if err != nil {
		return err
	}
	err = s.ts.AlterTableFill(ctx, name, next, a.entrySources(), func() (*tablespace.AlterFill, error) {
		return s.rewriteRows(ctx, a, next)
	})
	if err != nil {
		s.dropSequencesQuietly(made)
	}
	var ae *tablespace.AlterError
	switch {
	case errors.As(err, &ae) && errors.Is(err, tablespace.ErrDuplicateKey) && ae.Index != "":
		return s.indexBuildError(next, ae)
	case errors.As(err, &ae) && errors.Is(err, tablespace.ErrDuplicateKey):
		names, vals := keyText(next, ae.Row)
		return &Error{Code: "23505", Message: "could not create unique index \"" + pkeyName(next) + "\"",
			Detail: "Key (" + names + ")=(" + vals + ") is duplicated."}
	case errors.As(err, &ae):
		for _, p := range next.PK {
			if ae.Row[p].IsNull() {
				return Errorf("23502", "column %q of relation %q contains null values", next.Columns[p].Name, name)
			}
		}
		return Errorf("23502", "a primary key column of relation %q contains null values", name)
	case errors.Is(err, tablespace.ErrTableExists):
		return Errorf("42P07", "relation %q already exists", next.Name)
	case errors.Is(err, tablespace.ErrAlterTooLarge):
		return Errorf("54000", "%v (drove does not split a table rewrite into several log entries yet)", err)
	case err != nil:
		return err
	}
	if err := s.followAlteredTable(ctx, schema, next, a.sources); err != nil {
		return err
	}
	if err := s.followComments(ctx, schema, next, a.sources); err != nil {
		return err
	}
	if err := s.finishAlterSequences(ctx, a); err != nil {
		return err
	}
	return out.Complete("ALTER TABLE")
}

// schemaToChange returns the schema of a table a schema change (verb) is about to change.
func (s *Session) schemaToChange(ctx context.Context, table, verb string) (*types.Schema, error) {
	schema, ok := s.ts.Schema(table)
	if !ok {
		if systemTables[table] != nil {
			return nil, Errorf("42809", "%s: %q is a system table", verb, table)
		}
		return nil, relationMissing(table)
	}
	if verb == "ALTER TABLE" && s.isMatview(table) {
		return nil, Errorf("42809", "%q is not a table", table) // an index on it is allowed
	}
	if err := s.checkNotInUse(table, verb); err != nil {
		return nil, err
	}
	if s.tx != nil && s.tx.PendingOn(table) { // a deferred constraint's check of a write to it
		return nil, Errorf("55006", "cannot %s %q because it has pending trigger events", verb, table)
	}
	if used, err := s.usedByTxn(ctx, table); err != nil || used {
		// The change waits for the transactions using the table: this one would wait for itself.
		return nil, cmp.Or(err, unsupported("%s of a table this transaction has used", verb))
	}
	return schema, nil
}

// alteration is an ALTER TABLE being worked out: the new columns, key and name, and for each
// new column the old one it comes from (-1: none, it starts NULL).
type alteration struct {
	name    string
	old     *types.Schema
	cols    []types.Column
	pk      []int
	sources []int
	newName string
	pkName  string // the new schema's PKName
	// fill, beside cols, says how the rows' values of a column are computed (nil: kept, or
	// NULL for a new column without a DEFAULT): a new column's DEFAULT, a new type's cast.
	fill []*fillSpec
	// notNull are the columns whose rows must be checked for NULL (added, or SET, NOT NULL),
	// by name as the new schema has them.
	notNull []string
	// The identity columns' sequences: created before the table changes, altered and
	// dropped after (altercol_identity.go).
	seqCreate []tablespace.Sequence
	seqAlter  []seqChange
	seqDrop   []string
	// cons are the constraints written on added columns (ADD COLUMN c int CHECK ...), added
	// in the same schema change; newCons says how many of next's constraints they are.
	cons    []conDef
	newCons int
	// fkCheck looks up the parents of the rows' values of a new foreign key, holding the
	// parent rows it locks until the change is in.
	fkCheck *tablespace.Txn
}

// insertCol puts column c at position at, from old column src (-1: none), computed by f.
func (a *alteration) insertCol(at int, c types.Column, src int, f *fillSpec) {
	a.cols = slices.Insert(a.cols, at, c)
	a.sources = slices.Insert(a.sources, at, src)
	a.fill = slices.Insert(a.fill, at, f)
	for j, p := range a.pk {
		if p >= at {
			a.pk[j] = p + 1
		}
	}
}

// deleteCol takes column i out.
func (a *alteration) deleteCol(i int) {
	a.cols = slices.Delete(a.cols, i, i+1)
	a.sources = slices.Delete(a.sources, i, i+1)
	a.fill = slices.Delete(a.fill, i, i+1)
	for j, p := range a.pk {
		if p > i {
			a.pk[j] = p - 1
		}
	}
}

// entrySources are the sources the log entry carries: a computed column has none (its values
// travel in the entry), though a retyped one keeps its old column for indexes and views.
func (a *alteration) entrySources() []int {
	out := slices.Clone(a.sources)
	for i, f := range a.fill {
		if f != nil {
			out[i] = -1
		}
	}
	return out
}

// indexes carries the old schema's secondary indexes over to the new columns. As in
// PostgreSQL, an index on a dropped column goes with it; the others stay, whatever else the
// statement changed (they were all lost on every ALTER TABLE once).
func (a *alteration) indexes() []types.Index {
	var out []types.Index
	for _, ix := range a.old.Indexes {
		include, ok := a.newPositions(ix.Include)
		if !ok {
			continue // an INCLUDE column dropped: the index goes, as in PostgreSQL
		} else if len(include) > 0 {
			ix.Include = include
		}
		if ix.Computed() {
			if ix, ok := a.computedIndex(ix); ok {
				out = append(out, ix)
			}
			continue
		}
		cols, ok := a.newPositions(ix.Columns)
		if ok {
			ix.Columns = cols
			out = append(out, ix)
		}
	}
	return out
}

// newPositions are columns' positions after the ALTER; ok is false when one was dropped.
func (a *alteration) newPositions(old []int) ([]int, bool) {
	cols := make([]int, 0, len(old))
	for _, o := range old {
		if j := slices.Index(a.sources, o); j >= 0 {
			cols = append(cols, j)
		}
	}
	return cols, len(cols) == len(old)
}

func (a *alteration) column(name string) int {
	for i, c := range a.cols {
		if c.Name == name && !c.Hidden {
			return i
		}
	}
	return -1
}

// dropColumn drops column name; ifExists skips one the table lacks (DROP COLUMN IF EXISTS).
func (a *alteration) dropColumn(name string, ifExists bool) error {
	i := a.column(name)
	if i < 0 {
		if ifExists {
			return nil
		}
		return Errorf("42703", "column %q of relation %q does not exist", name, a.name)
	}
	if slices.Contains(a.pk, i) {
		return unsupported("dropping a primary key column")
	}
	if len(a.cols) == 1 || len(a.cols) == 2 && a.cols[1-i].Hidden {
		return unsupported("dropping a table's last column")
	}
	a.deleteCol(i)
	return nil
}

// keyText renders a key's columns and values as PostgreSQL's unique-violation detail does.
func keyText(s *types.Schema, row []types.Value) (names, vals string) {
	vs := make([]string, len(s.PK))
	for i, p := range s.PK {
		vs[i] = row[p].String()
	}
	return strings.Join(keyColumns(s), ", "), strings.Join(vs, ", ")
}

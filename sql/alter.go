package sql

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE builds the new schema and a map from its columns to the old ones, and has the
// tablespace rewrite the table in one log entry (tablespace.AlterTable), once no transaction
// is using it. Like CREATE and DROP it takes effect when it runs, even inside a transaction
// block.

// alterTable runs ALTER TABLE: ADD [CONSTRAINT name] PRIMARY KEY, ADD/DROP/RENAME COLUMN,
// RENAME TO.
func (s *Session) alterTable(ctx context.Context, st *sqlparser.AlterTable, out Output) error {
	if !st.FullyParsed || st.PartitionSpec != nil || st.PartitionOption != nil {
		return unsupported("this form of ALTER TABLE")
	}
	name, err := s.tableName(st.Table)
	if err != nil {
		return err
	}
	schema, err := s.schemaToChange(ctx, name, "ALTER TABLE")
	if err != nil {
		return err
	}
	a := newAlteration(name, schema)
	// PostgreSQL runs drops before additions (AlterTablePass).
	slices.SortStableFunc(st.AlterOptions, func(x, y sqlparser.AlterOption) int { return alterPass(x) - alterPass(y) })
	for _, opt := range st.AlterOptions {
		if err := s.alterOption(ctx, a, opt); err != nil {
			return err
		}
	}
	return s.finishAlter(ctx, a, out)
}

func alterPass(o sqlparser.AlterOption) int {
	switch o.(type) {
	case *sqlparser.DropColumn:
		return int(actDrop)
	case *sqlparser.AddColumns:
		return int(actAdd)
	}
	return int(actOther)
}

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
	next := &types.Schema{Name: a.newName, Columns: a.cols, PK: a.pk, Indexes: a.indexes(), Constraints: cons, PKName: a.pkName}
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
		if ix.Computed() {
			if ix, ok := a.computedIndex(ix); ok {
				out = append(out, ix)
			}
			continue
		}
		cols := make([]int, 0, len(ix.Columns))
		for _, old := range ix.Columns {
			if j := slices.Index(a.sources, old); j >= 0 {
				cols = append(cols, j)
			}
		}
		if len(cols) == len(ix.Columns) {
			ix.Columns = cols
			out = append(out, ix)
		}
	}
	return out
}

func (a *alteration) column(name string) int {
	for i, c := range a.cols {
		if c.Name == name && !c.Hidden {
			return i
		}
	}
	return -1
}

func (s *Session) alterOption(ctx context.Context, a *alteration, opt sqlparser.AlterOption) error {
	switch o := opt.(type) {
	case *sqlparser.AddIndexDefinition:
		if o.IndexDefinition.Info.Type != sqlparser.IndexTypePrimary || len(o.IndexDefinition.Options) > 0 {
			return unsupported("secondary indexes")
		}
		if len(a.pk) != 1 || !a.cols[a.pk[0]].Hidden {
			return Errorf("42P16", "multiple primary keys for table %q are not allowed", a.name)
		}
		pkName, err := s.namePrimaryKey(a.old, o.IndexDefinition.Info.ConstraintName.String())
		if err != nil {
			return err
		}
		var pk []int
		for _, ic := range o.IndexDefinition.Columns {
			if ic.Expression != nil || ic.Length != nil {
				return unsupported("expressions in PRIMARY KEY")
			}
			i := a.column(ic.Column.String())
			if i < 0 {
				return Errorf("42703", "column %q of relation %q does not exist", ic.Column.String(), a.name)
			}
			if err := keyColumn(a.cols[i]); err != nil {
				return err
			}
			pk = append(pk, i)
		}
		// The hidden row id goes: the named columns are the key now.
		hidden := a.pk[0]
		a.deleteCol(hidden)
		for j, p := range pk {
			if p > hidden {
				pk[j] = p - 1
			}
			if !a.cols[pk[j]].NotNull {
				a.notNull = append(a.notNull, a.cols[pk[j]].Name)
			}
			a.cols[pk[j]].NotNull = true
		}
		a.pk, a.pkName = pk, pkName
	case *sqlparser.RenameTableName:
		if strings.HasPrefix(a.name, tempTablePrefix) {
			return unsupported("renaming a temporary table") // its hidden name would become a visible one
		}
		newName, err := s.tableName(o.Table)
		if err != nil {
			return err
		}
		if _, exists := s.ts.Schema(newName); exists || systemTables[newName] != nil {
			return Errorf("42P07", "relation %q already exists", newName)
		}
		a.newName = newName
		if !hiddenKey(a.old) {
			a.pkName = pkeyName(a.old) // PostgreSQL renames the table, not its key
		}
	case *sqlparser.RenameColumn:
		i := a.column(o.OldName.Name.String())
		if i < 0 {
			return Errorf("42703", "column %q does not exist", o.OldName.Name.String())
		}
		to := o.NewName.Name.String()
		if a.column(to) >= 0 || to == RowIDColumn {
			return Errorf("42701", "column %q of relation %q already exists", to, a.name)
		}
		if err := renameInGenerated(a, a.cols[i].Name, to); err != nil {
			return err
		}
		a.cols[i].Name = to
	case *sqlparser.AddColumns:
		for _, cd := range o.Columns {
			if err := s.addColumn(a, cd, false); err != nil {
				return err
			}
		}
	case *sqlparser.DropColumn:
		return a.dropColumn(o.Name.Name.String(), false)
	default:
		return unsupported("ALTER TABLE %s", strings.ToUpper(strings.Fields(sqlparser.String(opt))[0]))
	}
	return nil
}

// addColumn adds a column: existing rows get its DEFAULT (evaluated once when it is a
// constant, else for each row, as in PostgreSQL) or NULL. ifNotExists skips a column the
// table has (ADD COLUMN IF NOT EXISTS; PostgreSQL says so in a NOTICE).
func (s *Session) addColumn(a *alteration, cd *sqlparser.ColumnDefinition, ifNotExists bool) error {
	c, err := columnType(cd.Type)
	if err != nil {
		return err
	}
	c.Name = cd.Name.String()
	defaultCast(cd.Type.Options)
	if c, err = arrayColumnOption(c, cd.Type.Options); err != nil {
		return err
	}
	if a.column(c.Name) >= 0 || c.Name == RowIDColumn {
		if ifNotExists && c.Name != RowIDColumn {
			s.noticef("NOTICE", "42701", "column %q of relation %q already exists, skipping", c.Name, a.name)
			return nil
		}
		return Errorf("42701", "column %q of relation %q already exists", c.Name, a.name)
	}
	if len(visibleColumns(&types.Schema{Columns: a.cols})) >= maxTableColumns {
		return errTooManyColumns
	}
	var f *fillSpec
	if o := cd.Type.Options; o != nil {
		if err := identityConflict(o, c.Name, a.name); err != nil {
			return err
		}
		if o.Autoincrement && o.As == nil || o.KeyOpt != sqlparser.ColKeyNone || o.OnUpdate != nil ||
			o.Reference != nil || o.Collate != "" {
			return unsupported("ADD COLUMN with constraints other than NOT NULL, DEFAULT and GENERATED ... STORED")
		}
		c.NotNull = o.Null != nil && !*o.Null
		if err := generationClause(o, &c, a.name); err != nil {
			return err
		}
		if c.Generated != "" {
			f = &fillSpec{gen: true} // compiled over the new schema (newRowRewriter)
		}
		if o.Default != nil {
			if err := s.checkDefault(o.Default, &c); err != nil {
				return err
			}
			x, err := s.compileFill(o.Default)
			if err != nil {
				return err
			}
			c.Default = storedExpr(o.Default)
			f = &fillSpec{x: x, once: isConst(x)}
		}
	}
	if c.NotNull {
		a.notNull = append(a.notNull, c.Name)
	}
	// A new column goes after the visible ones, before a hidden row id.
	at := len(a.cols)
	if len(a.cols) > 0 && a.cols[len(a.cols)-1].Hidden {
		at--
	}
	a.insertCol(at, c, -1, f)
	if c.Generated != "" {
		return checkGenerated(&types.Schema{Name: a.name, Columns: a.cols}, at)
	}
	return nil
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

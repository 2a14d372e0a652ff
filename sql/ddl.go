package sql

import (
	"cmp"
	"context"
	"errors"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// maxTableColumns is PostgreSQL's MaxHeapAttributeNumber: a table has at most 1600 columns
// (a hidden row id not counted). drove used to create a table of 2000.
const maxTableColumns = 1600

var errTooManyColumns = Errorf("54011", "tables can have at most %d columns", maxTableColumns)

// newTable is a CREATE TABLE's table as either parser's tree gives it: its columns and
// primary key, the sequences its serial and identity columns take (by name, with an
// identity column's options), and its CHECK, UNIQUE and FOREIGN KEY constraints.
type newTable struct {
	schema  *types.Schema
	serials map[string]*tablespace.Sequence
	cons    []conDef
}

// tableSpec builds a new table under its name (the hidden one of a temporary table).
type tableSpec func(name string) (*newTable, error)

// createTableOf is CREATE [TEMP] TABLE [IF NOT EXISTS] q.name of spec, with ON COMMIT's
// action onCommit ("", "drop", "delete rows", "preserve rows").
func (s *Session) createTableOf(ctx context.Context, temp bool, q, name string, ifNotExists bool, onCommit string, spec tableSpec, out Output) error {
	if q == "" && !temp {
		var err error
		if q, err = s.creationSchema(); err != nil {
			return err
		}
		temp = q == "pg_temp" // a table made in pg_temp is temporary, as PostgreSQL makes it
	}
	switch {
	case q == "pg_catalog" && !temp:
		return catalogCreateError(name)
	case temp:
		return s.createTempTable(ctx, q, name, ifNotExists, onCommit, spec, out)
	case onCommit != "":
		return Errorf("42P16", "ON COMMIT can only be used on temporary tables")
	case strings.HasPrefix(name, tempTablePrefix):
		return Errorf("42939", "table names starting with %q are reserved for temporary tables", tempTablePrefix)
	}
	tname, err := s.tableNameOf(q, name)
	if err != nil {
		return err
	}
	return s.createNamedTable(ctx, tname, ifNotExists, spec, out)
}

// addColumn appends a new table's column c, refusing a second column of its name.
func addColumn(schema *types.Schema, c types.Column) error {
	if schema.ColumnIndex(c.Name) >= 0 {
		return Errorf("42701", "column %q specified more than once", c.Name)
	}
	schema.Columns = append(schema.Columns, c)
	return nil
}

// createNamedTable creates the table spec builds under name: the part of CREATE TABLE
// below both parsers' trees (row id, key columns, constraints, sequences).
func (s *Session) createNamedTable(ctx context.Context, name string, ifNotExists bool, spec tableSpec, out Output) error {
	t, err := spec(name)
	if err != nil {
		return err
	}
	schema, cons := t.schema, t.cons
	if err := checkGeneratedColumns(schema); err != nil {
		return err
	}
	if len(schema.PK) == 0 {
		// Rows need a key: a table without one gets a hidden row id, numbered like a
		// BIGSERIAL.
		if schema.ColumnIndex(RowIDColumn) >= 0 {
			return Errorf("42701", "column name %q is reserved for the row id of a table without a primary key", RowIDColumn)
		}
		schema.PK = []int{len(schema.Columns)}
		schema.Columns = append(schema.Columns, types.Column{Name: RowIDColumn, Type: types.Int64,
			NotNull: true, Hidden: true, Default: rowIDDefault(name)})
	}
	for _, p := range schema.PK {
		schema.Columns[p].NotNull = true
		if err := keyColumn(schema.Columns[p]); err != nil {
			return err
		}
	}
	if !s.relationExists(name) { // an existing relation is reported below
		if err := s.tableKeyAndConstraints(schema, cons); err != nil {
			return err
		}
	}
	if err := schema.Validate(); err != nil {
		return Errorf("42P16", "%v", err)
	}
	if s.relationExists(name) {
		if ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", name)
			return out.Complete("CREATE TABLE")
		}
		return Errorf("42P07", "relation %q already exists", name)
	}
	seqs, err := s.createSerialSequences(ctx, schema, t.serials)
	if err != nil {
		return err
	}
	if err := s.ts.CreateTable(ctx, schema); err != nil {
		s.dropSequencesQuietly(seqs)
		return err
	}
	if s.tx != nil {
		s.txCreated = append(s.txCreated, name)
	}
	return out.Complete("CREATE TABLE")
}

// serialColumn makes c a SERIAL or identity column: NOT NULL, drawing from a sequence of its
// own, named by the identity's SEQUENCE NAME or after table and column, which serials
// collects with the identity's options (nil for a serial column).
func (s *Session) serialColumn(c *types.Column, identity *tablespace.Sequence, table string, serials map[string]*tablespace.Sequence) error {
	if !c.Type.IsInteger() {
		return Errorf("22023", "identity column type must be smallint, integer, or bigint")
	}
	c.NotNull = true
	seq := identityName(identity)
	if seq == "" {
		seq = s.serialSequenceName(table, c.Name, serials)
	} else if _, taken := serials[seq]; taken || s.relationExists(seq) {
		return Errorf("42P07", "relation %q already exists", seq)
	}
	serials[seq] = identity
	c.Default = serialDefault(seq)
	return nil
}

// columnPrimaryKey makes the column about to be appended to schema its primary key.
func columnPrimaryKey(schema *types.Schema) error {
	if len(schema.PK) > 0 {
		return Errorf("42P16", "multiple primary keys for table %q are not allowed", schema.Name)
	}
	schema.PK = []int{len(schema.Columns)}
	return nil
}

// setPrimaryKey sets schema.PK from a table constraint PRIMARY KEY (cols).
func setPrimaryKey(schema *types.Schema, cols []string) error {
	if len(schema.PK) > 0 {
		return Errorf("42P16", "multiple primary keys for table %q are not allowed", schema.Name)
	}
	for _, name := range cols {
		i := schema.ColumnIndex(name)
		if i < 0 {
			return Errorf("42703", "column %q named in key does not exist", name)
		}
		schema.PK = append(schema.PK, i)
	}
	return nil
}

// undoCreates drops the tables the ending transaction created, when it rolls back. DDL is not
// part of the transaction's log entry: it took effect when it ran, and this is its undo.
func (s *Session) undoCreates(committed bool) {
	created, matviews := s.txCreated, s.txMatviews
	s.txCreated, s.txMatviews = nil, nil
	if committed {
		s.dropMatviewTables(matviews)
		return
	}
	for i := len(created) - 1; i >= 0; i-- {
		name := created[i] // a materialized view's row went with the transaction, its table not
		if err := s.ts.DropTable(context.Background(), name); err != nil && !errors.Is(err, tablespace.ErrNoTable) {
			s.ts.Logger().Warn("could not drop a table created in a rolled-back transaction", "table", name, "err", err)
		}
	}
}

// knownSchema reports whether a qualifier names a schema drove has: public (which the
// tablespace's own name also qualifies), the system schemas and pg_temp.
func (s *Session) knownSchema(q string) bool {
	switch q {
	case "public", "pg_catalog", "information_schema", "pg_temp":
		return true
	}
	return q == s.ts.Name()
}

// dropTable runs DROP TABLE [IF EXISTS] names [CASCADE].
func (s *Session) dropTable(ctx context.Context, tables []*ast.Table, ifExists, cascade bool, out Output) error {
	names := make([]string, 0, len(tables))
	for _, tn := range tables {
		if err := systemDropError(tn, "table"); err != nil {
			return err
		}
		if q := tn.Schema; q != "" && !s.knownSchema(q) {
			if _, err := s.dropNameOf(tn, ifExists); err != nil {
				return err
			}
			continue
		}
		if _, temp := s.tempFound(tn.Name); tn.Schema == "" && !temp && !s.publicSearched() {
			if !ifExists {
				return Errorf("42P01", "table %q does not exist", tn.Name)
			}
			s.noticef("NOTICE", "00000", "table %q does not exist, skipping", tn.Name)
			continue // no schema of the path has it
		}
		name, err := s.tableNameOf(tn.Schema, tn.Name)
		if err != nil {
			return err
		}
		if _, ok := s.ts.Schema(name); !ok && s.isView(name) {
			return notATable(name)
		} else if ok && s.isMatview(name) {
			return matviewHint(&Error{Code: "42809", Message: "\"" + name + "\" is not a table"})
		} else if !ok && !ifExists {
			return Errorf("42P01", "table %q does not exist", name) // PostgreSQL's wording for DROP TABLE
		} else if !ok {
			s.noticef("NOTICE", "00000", "table %q does not exist, skipping", name)
		}
		names = append(names, name)
	}
	if err := s.dropReferencedTables(ctx, names, cascade); err != nil {
		return err
	}
	for _, name := range names {
		if _, ok := s.ts.Schema(name); !ok {
			continue
		}
		if err := s.checkNotInUse(name, "DROP TABLE"); err != nil {
			return err
		}
		if used, err := s.usedByTxn(ctx, name); err != nil || used {
			// Dropping waits for the transactions using the table: this one would wait for itself.
			return cmp.Or(err, unsupported("DROP TABLE of a table this transaction has used"))
		}
		if err := s.dropDependents(ctx, "table", name, cascade); err != nil {
			return err
		}
		if err := s.ts.DropTable(ctx, name); err != nil {
			return err
		}
		s.forgetTempTable(name)
	}
	return out.Complete("DROP TABLE")
}

// truncate empties tables in the session's transaction (or its own): one small mutation per
// table whatever its size (tablespace.Txn.Truncate). Like PostgreSQL's TRUNCATE it is
// transactional and all-or-nothing, and keeps the tables to the transaction (ACCESS
// EXCLUSIVE) until it ends; serial and identity sequences continue (CONTINUE IDENTITY), or
// restart once it committed (RESTART IDENTITY, not in a transaction block: the sequences'
// change would not be undone with the transaction).
func (s *Session) truncate(ctx context.Context, tables []*ast.Table, restartIdentity, cascade bool, out Output) error {
	if restartIdentity && s.tx != nil {
		return unsupported("TRUNCATE ... RESTART IDENTITY in a transaction block")
	}
	names := make([]string, 0, len(tables))
	for _, t := range tables {
		if q := t.Schema; q != "" && !s.knownSchema(q) {
			return schemaMissing(q)
		}
		name, err := s.tableNameOf(t.Schema, t.Name)
		if err != nil {
			return err
		}
		if systemTables[name] != nil {
			return Errorf("42809", "cannot truncate system table %q", name)
		}
		if s.isMatview(name) {
			return Errorf("42809", "%q is not a table", name)
		}
		if _, ok := s.ts.Schema(name); !ok {
			return relationMissing(name)
		}
		names = append(names, name)
	}
	if cascade {
		names = s.truncateCascade(names)
	}
	for _, name := range names {
		if err := s.checkNotInUse(name, "TRUNCATE"); err != nil {
			return err
		}
		if s.tx != nil && s.tx.PendingOn(name) { // a deferred constraint's check of a write to it
			return Errorf("55006", "cannot TRUNCATE %q because it has pending trigger events", name)
		}
	}
	if err := s.truncateReferenced(names); err != nil {
		return err
	}
	err := s.withTxn(ctx, func(tx *tablespace.Txn) error {
		for _, name := range names {
			schema, ok := s.ts.Schema(name)
			if !ok {
				return relationMissing(name)
			}
			if err := enterTable(ctx, tx, name, schema); err != nil {
				return err
			}
			if err := tx.Truncate(tablespace.WithLockTimeout(ctx, s.set.lockTimeout), name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if restartIdentity {
		if err := s.restartOwnedSequences(ctx, names); err != nil {
			return err
		}
	}
	return out.Complete("TRUNCATE TABLE")
}

// keyColumn refuses a column that cannot be part of a primary key or an index: keys are
// compared as encoded bytes, and a numeric has no encoding where 1.5 and 1.50 are one key
// yet each reads back as written.
func keyColumn(c types.Column) error {
	if c.Type.IsArray() { // the stored text form neither orders nor compares as arrays do
		return unsupported("array columns in primary keys and indexes")
	}
	switch c.Type {
	case types.Numeric:
		return unsupported("numeric columns in primary keys and indexes")
	case types.JSONB: // as numeric: {"a": 1.0} and {"a": 1} are one key
		return unsupported("jsonb columns in primary keys and indexes")
	case types.JSON: // PostgreSQL has no equality for json
		return &Error{Code: "42704", Message: "data type json has no default operator class for access method \"btree\"",
			Hint: "You must specify an operator class for the index or define a default operator class for the data type."}
	}
	return nil
}

// identityMarker starts the COMMENT the dialect pass gives an identity column (emitIdentity),
// followed by its kind: a (ALWAYS) or d (BY DEFAULT).
const identityMarker = "drove identity "

// identityMarked reports whether the dialect pass marked the column as an identity one.
func identityMarked(o *sqlparser.ColumnTypeOptions) bool {
	return o != nil && o.Comment != nil && o.Autoincrement && strings.HasPrefix(o.Comment.Val, identityMarker)
}

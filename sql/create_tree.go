package sql

import (
	"context"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// CREATE TABLE's column-definition form runs from sql/parser's tree (sql/DESIGN.md, step
// 4): ast.CreateTable's columns and constraints become the newTable (schema, serial and
// identity sequences, conDefs) the dialect pass's path builds from vitess's tree, and
// createTableOf (ddl.go) takes it from there for both. CREATE TABLE AS, and a CREATE TABLE
// the parser refuses with 0A000 (LIKE, PARTITION OF, ...), take the dialect pass.
//
// DEFAULT and generation expressions are stored, and CHECK's compiled, in vitess's form
// (storedExpr): an expression of the tree is printed and read into that form by parsePGExpr.

// createTableTree runs CREATE TABLE (elements) of sql/parser's tree.
func (s *Session) createTableTree(ctx context.Context, n *ast.CreateTable, out Output) error {
	switch {
	case len(n.Inherits) > 0:
		return unsupported("INHERITS")
	case n.Persistence == ast.Unlogged:
		return unsupported("UNLOGGED tables")
	}
	if err := storageParams(n.With); err != nil {
		return err
	}
	var after []string
	if hasLike(n) {
		var err error
		if n, after, err = s.expandLike(n); err != nil { // create_like.go
			return err
		}
	}
	onCommit := strings.ToLower(n.OnCommit)
	spec := func(name string) (*newTable, error) { return s.treeTable(n, name) }
	if err := s.createTableOf(ctx, n.Persistence == ast.Temporary, n.Table.Schema, n.Table.Name, n.IfNotExists, onCommit, spec, out); err != nil {
		return err
	}
	return s.runLikeIndexes(ctx, after, out)
}

// storageParams checks CREATE TABLE's WITH (name = value, ...): fillfactor is accepted (pages
// are written full and never updated in place, so it has nothing to change); other
// parameters are refused.
func storageParams(list []ast.DefElem) error {
	for _, d := range list {
		if d.Name != "fillfactor" {
			return unsupported("storage parameter %q", d.Name)
		}
		l, ok := d.Arg.(*ast.Literal)
		if !ok || l.Type != ast.LitInteger || len(l.Val) > 3 || atoi(l.Val) < 10 || atoi(l.Val) > 100 {
			v := "true"
			if d.Arg != nil {
				v = ast.Print(d.Arg, ast.SQL)
			}
			return Errorf("22023", "value %s out of bounds for option \"fillfactor\"", strings.Trim(v, "'"))
		}
	}
	return nil
}

// treeTable is the new table of a CREATE TABLE's elements.
func (s *Session) treeTable(n *ast.CreateTable, name string) (*newTable, error) {
	if len(n.Columns) > maxTableColumns {
		return nil, errTooManyColumns
	}
	t := &newTable{schema: &types.Schema{Name: name}, serials: map[string]*tablespace.Sequence{}}
	for i := range n.Columns {
		c, defs, err := s.treeColumn(&n.Columns[i], t.schema, t.serials)
		if err != nil {
			return nil, err
		}
		if err := addColumn(t.schema, c); err != nil {
			return nil, err
		}
		t.cons = append(t.cons, defs...)
	}
	for i := range n.Constraints {
		k := &n.Constraints[i]
		if k.Kind != ast.ConstrPrimaryKey {
			d, err := treeConDef(k, "")
			if err != nil {
				return nil, err
			}
			t.cons = append(t.cons, d)
			continue
		}
		if err := primaryKeyOptions(k); err != nil {
			return nil, err
		}
		if err := setPrimaryKey(t.schema, k.Columns); err != nil {
			return nil, err
		}
		include, err := constraintInclude(t.schema, k.Include)
		if err != nil {
			return nil, err
		}
		t.schema.PKInclude = include
		if k.Name != "" { // its name, for tableKeyAndConstraints (pkname.go)
			t.cons = append(t.cons, conDef{name: k.Name, kind: conPrimaryKey})
		}
	}
	return t, nil
}

// columnClauses are a column definition's clauses other than CHECK, UNIQUE and REFERENCES,
// each at most once, as PostgreSQL's transformColumnDefinition takes them.
type columnClauses struct {
	def, identity, generated *ast.Constraint
	nullSeen, notNull, key   bool
}

// treeColumn is a CREATE TABLE column of schema (a primary key it declares is set in
// schema.PK) with its CHECK, UNIQUE and REFERENCES constraints; serials collects the
// sequences serial and identity columns take.
func (s *Session) treeColumn(cd *ast.ColumnDef, schema *types.Schema, serials map[string]*tablespace.Sequence) (types.Column, []conDef, error) {
	c, serial, err := treeColumnType(cd.Type.Name)
	if err != nil {
		return c, nil, err
	}
	c.Name = cd.Name
	if err := columnCollation(cd, c); err != nil {
		return c, nil, err
	}
	cl, defs, err := readColumnClauses(cd, schema.Name, serial)
	if err != nil {
		return c, nil, err
	}
	if err := clauseConflicts(cl, serial, c.Name, schema.Name); err != nil {
		return c, nil, err
	}
	var identity *tablespace.Sequence // the identity column's sequence, if it has options
	if k := cl.identity; k != nil {
		c.Identity = map[bool]byte{true: types.IdentityAlways, false: types.IdentityByDefault}[k.Always]
		if len(k.SeqOptions) > 0 {
			opts := ast.Print(&ast.CreateSequence{Name: &ast.Table{Name: "s"}, Options: k.SeqOptions}, ast.SQL)
			if identity, err = identitySequence(strings.TrimPrefix(opts, "CREATE SEQUENCE s"), c); err != nil {
				return c, nil, err
			}
		}
	}
	if k := cl.generated; k != nil {
		e, err := vitessExpr(k.Expr)
		if err != nil {
			return c, nil, err
		}
		c.Generated = storedExpr(e)
	}
	c.NotNull = cl.notNull
	if cl.def != nil {
		e, err := vitessExpr(cl.def.Expr)
		if err != nil {
			return c, nil, err
		}
		if _, err := s.compileDefault(e); err != nil {
			return c, nil, err
		}
		c.Default = storedExpr(e)
	}
	if serial || cl.identity != nil {
		if err := s.serialColumn(&c, identity, schema.Name, serials); err != nil {
			return c, nil, err
		}
	}
	if cl.key {
		return c, defs, columnPrimaryKey(schema)
	}
	return c, defs, nil
}

// clauseConflicts refuses a column's default, identity, generation expression and serial
// type given together, as PostgreSQL's transformColumnDefinition does (42601).
func clauseConflicts(cl columnClauses, serial bool, column, table string) error {
	where := " for column \"" + column + "\" of table \"" + table + "\""
	switch {
	case cl.identity != nil && (serial || cl.def != nil):
		return Errorf("42601", "both default and identity specified%s", where)
	case cl.generated != nil && cl.def != nil:
		return Errorf("42601", "both default and generation expression specified%s", where)
	case cl.generated != nil && (serial || cl.identity != nil):
		return Errorf("42601", "both identity and generation expression specified%s", where)
	case serial && cl.def != nil:
		return Errorf("42601", "multiple default values specified%s", where)
	}
	return nil
}

// readColumnClauses sorts a column definition's constraints: its CHECK, UNIQUE and REFERENCES
// as conDefs, the others into columnClauses, refusing a clause given twice or in conflict
// with another (42601, PostgreSQL's messages).
func readColumnClauses(cd *ast.ColumnDef, table string, serial bool) (columnClauses, []conDef, error) {
	cl := columnClauses{nullSeen: serial, notNull: serial} // a serial column is NOT NULL, as if written first
	var defs []conDef
	where := " for column \"" + cd.Name + "\" of table \"" + table + "\""
	for i := range cd.Constraints {
		k := &cd.Constraints[i]
		if err := misplacedTiming(k); err != nil {
			return cl, nil, err
		}
		switch k.Kind {
		case ast.ConstrNotNull, ast.ConstrNull:
			notNull := k.Kind == ast.ConstrNotNull
			if cl.nullSeen && cl.notNull != notNull {
				return cl, nil, Errorf("42601", "conflicting NULL/NOT NULL declarations%s", where)
			}
			cl.nullSeen, cl.notNull = true, notNull
		case ast.ConstrDefault:
			if cl.def != nil {
				return cl, nil, Errorf("42601", "multiple default values specified%s", where)
			}
			cl.def = k
		case ast.ConstrIdentity:
			if cl.identity != nil {
				return cl, nil, Errorf("42601", "multiple identity specifications%s", where)
			}
			if cl.nullSeen && !cl.notNull { // an identity column is NOT NULL
				return cl, nil, Errorf("42601", "conflicting NULL/NOT NULL declarations%s", where)
			}
			cl.identity, cl.nullSeen, cl.notNull = k, true, true
		case ast.ConstrGenerated:
			if cl.generated != nil {
				return cl, nil, Errorf("42601", "multiple generation clauses specified%s", where)
			}
			cl.generated = k
		case ast.ConstrPrimaryKey:
			if err := primaryKeyOptions(k); err != nil {
				return cl, nil, err
			}
			cl.key = true
			if k.Name != "" { // its name, for tableKeyAndConstraints (pkname.go)
				defs = append(defs, conDef{name: k.Name, kind: conPrimaryKey, column: cd.Name})
			}
		default:
			d, err := treeConDef(k, cd.Name)
			if err != nil {
				return cl, nil, err
			}
			defs = append(defs, d)
		}
	}
	return cl, defs, nil
}

// misplacedTiming refuses a column constraint's [NOT] DEFERRABLE or INITIALLY ... after a
// clause that takes none (NOT NULL, NULL, DEFAULT, CHECK, GENERATED), and NOT VALID on any
// column constraint, as PostgreSQL's grammar and transformConstraintAttrs do.
func misplacedTiming(k *ast.Constraint) error {
	if k.NotValid {
		return Errorf("42601", "syntax error at or near \"NOT\"")
	}
	switch k.Kind {
	case ast.ConstrPrimaryKey, ast.ConstrUnique, ast.ConstrForeignKey:
		return nil
	}
	switch {
	case k.Deferrable:
		return Errorf("42601", "misplaced DEFERRABLE clause")
	case k.NotDeferrable:
		return Errorf("42601", "misplaced NOT DEFERRABLE clause")
	case k.Initially && k.InitiallyDeferred:
		return Errorf("42601", "misplaced INITIALLY DEFERRED clause")
	case k.Initially:
		return Errorf("42601", "misplaced INITIALLY IMMEDIATE clause")
	}
	return nil
}

// primaryKeyOptions refuses what a PRIMARY KEY may carry that drove's key does not have:
// drove keeps rows by their primary key, so two rows cannot have one key even for a moment.
func primaryKeyOptions(k *ast.Constraint) error {
	switch {
	case k.Deferrable || k.InitiallyDeferred:
		return unsupported("DEFERRABLE primary keys")
	case k.NotValid:
		return Errorf("0A000", "PRIMARY KEY constraints cannot be marked NOT VALID")
	}
	return nil
}

// treeConDef is a CHECK, UNIQUE or FOREIGN KEY constraint of the tree as a conDef; column is
// the column of a column constraint ("" for a table constraint).
func treeConDef(k *ast.Constraint, column string) (conDef, error) {
	d := conDef{name: k.Name, column: column, cols: k.Columns, deferrable: k.Deferrable || k.InitiallyDeferred,
		deferred: k.InitiallyDeferred, notValid: k.NotValid}
	if column != "" && k.Kind != ast.ConstrCheck {
		d.cols = []string{column}
	}
	switch k.Kind {
	case ast.ConstrCheck:
		d.kind, d.check = types.ConstraintCheck, ast.Print(k.Expr, ast.SQL)
		switch {
		case k.NoInherit:
			return d, unsupported("NO INHERIT constraints")
		case d.deferrable:
			return d, Errorf("0A000", "CHECK constraints cannot be marked DEFERRABLE")
		}
	case ast.ConstrUnique:
		d.kind, d.nnd, d.include = types.ConstraintUnique, k.NullsNotDistinct, k.Include
		if k.NotValid {
			return d, Errorf("0A000", "UNIQUE constraints cannot be marked NOT VALID")
		}
	case ast.ConstrForeignKey:
		d.kind = types.ConstraintForeign
		return d, referencesOf(k, &d)
	}
	return d, nil
}

// refActions are the referential actions by their words in the tree.
var refActions = map[string]types.RefAction{"": types.RefNoAction, "NO ACTION": types.RefNoAction,
	"RESTRICT": types.RefRestrict, "CASCADE": types.RefCascade, "SET NULL": types.RefSetNull, "SET DEFAULT": types.RefSetDefault}

// referencesOf reads REFERENCES table [(cols)] [MATCH ...] [ON DELETE|UPDATE action] into d.
func referencesOf(k *ast.Constraint, d *conDef) error {
	d.refQual, d.refTable, d.refCols = k.RefTable.Schema, k.RefTable.Name, k.RefColumns
	d.onDelete, d.onUpdate = refActions[k.OnDelete], refActions[k.OnUpdate]
	switch k.Match {
	case "FULL":
		d.matchFull = true
	case "PARTIAL":
		return Errorf("0A000", "MATCH PARTIAL not yet implemented")
	}
	return nil
}

// treeColumnType is the column type of a type name of the tree, and whether it is a serial
// type (an integer column drawing from a sequence of its own).
func treeColumnType(name string) (types.Column, bool, error) {
	base, array := name, false
	for strings.HasSuffix(base, "[]") {
		base, array = strings.TrimSuffix(base, "[]"), true
	}
	if t, ok := serialTypes[base]; ok && !array {
		return types.Column{Type: t}, true, nil
	}
	typ, _, _ := strings.Cut(base, "(")
	if !columnTypeNames[typ] && !strings.HasPrefix(typ, "interval ") {
		return types.Column{}, false, Errorf("42704", "type %q does not exist or is not supported yet", name)
	}
	c, err := castTarget(base)
	if err != nil {
		return c, false, err
	}
	c.Name = ""
	if array {
		c, err = arrayColumn(c)
	}
	return c, false, err
}

// serialTypes are the serial types by name, with their integer types.
var serialTypes = map[string]types.Type{"smallserial": types.Int16, "serial2": types.Int16,
	"serial": types.Int32, "serial4": types.Int32, "bigserial": types.Int64, "serial8": types.Int64}

// columnTypeNames are the type names (without modifiers) a column may have: castTarget's,
// but the object-id and internal types drove keeps only in its catalogs.
var columnTypeNames = map[string]bool{"smallint": true, "int2": true, "int": true, "integer": true, "int4": true,
	"bigint": true, "int8": true, "real": true, "float4": true, "double precision": true, "float8": true,
	"float": true, "boolean": true, "bool": true, "text": true, "varchar": true, "char": true, "character": true,
	"timestamp": true, "timestamptz": true, "time": true, "timetz": true, "interval": true, "date": true,
	"numeric": true, "decimal": true, "bytea": true, "uuid": true, "json": true, "jsonb": true}

// columnCollation checks a column's COLLATE: the default, C and POSIX collations are how
// drove compares text anyway; a type that is not text takes none (42804, as PostgreSQL).
func columnCollation(cd *ast.ColumnDef, c types.Column) error {
	switch cd.Collation {
	case "":
		return nil
	case "default", "C", "POSIX":
	default:
		return unsupported("collation %q", cd.Collation)
	}
	if c.Type != types.Text && c.Type != types.ArrayOf(types.Text) {
		return Errorf("42804", "collations are not supported by type %s", cd.Type.Name)
	}
	return nil
}

// vitessExpr is an expression of the tree in vitess's form, which schemas store.
func vitessExpr(e ast.Expr) (sqlparser.Expr, error) {
	return parsePGExpr(ast.Print(e, ast.SQL))
}

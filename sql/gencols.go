package sql

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// Stored generated columns (GENERATED ALWAYS AS (expr) STORED), as PostgreSQL 15 has them.
// The expression is schema (types.Column.Generated, in the DEFAULTs' stored form), so the
// log, checkpoints and backups carry it with the column. Every SQL write of a row computes
// it in finishRow, before NOT NULL and the constraint hook judge the row: INSERT (VALUES,
// SELECT), UPDATE (FROM), ON CONFLICT DO UPDATE, COPY FROM and writes through views alike.
// An INSERT or UPDATE may give the column only DEFAULT (428C9), COPY may not name it (42P10).

// generatedCache holds compiled generation expressions per schema version; a compiled
// expression is used by one goroutine at a time, so each schema keeps a pool of them.
var generatedCache sync.Map // *types.Schema → *sync.Pool of *[]*expr (nil where not generated) or error

// hasGenerated reports whether schema has a generated column.
func hasGenerated(schema *types.Schema) bool {
	for i := range schema.Columns {
		if schema.Columns[i].Generated != "" {
			return true
		}
	}
	return false
}

// computeGenerated sets row's generated columns from its other columns.
func computeGenerated(schema *types.Schema, row []types.Value) error {
	v, ok := generatedCache.Load(schema)
	if !ok {
		pool := &sync.Pool{New: func() any {
			xs := make([]*expr, len(schema.Columns))
			for i, c := range schema.Columns {
				if c.Generated == "" {
					continue
				}
				x, err := compileGenerated(schema, i)
				if err != nil {
					return err // an expression that no longer compiles fails every write, with why
				}
				xs[i] = x
			}
			return &xs
		}}
		v, _ = generatedCache.LoadOrStore(schema, pool)
	}
	pool := v.(*sync.Pool)
	got := pool.Get()
	if err, ok := got.(error); ok {
		return err
	}
	xs := got.(*[]*expr)
	defer pool.Put(xs)
	for i, x := range *xs {
		if x == nil {
			continue
		}
		r, err := x.eval(row)
		if err != nil {
			return err
		}
		if row[i], err = assignExpr(r, x, &schema.Columns[i], nil); err != nil {
			return err
		}
	}
	return nil
}

// compileGenerated compiles column i's generation expression over schema's row.
func compileGenerated(schema *types.Schema, i int) (*expr, error) {
	e, err := parseStoredExpr(schema.Columns[i].Generated)
	if err != nil {
		return nil, Errorf("XX000", "stored generation expression of column %q does not parse: %v", schema.Columns[i].Name, err)
	}
	return compile(e, tableScope(schema, schema.Name, &params{}))
}

// systemColumns are PostgreSQL's system column names, which a generation expression may not read.
var systemColumns = []string{"ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"}

// checkGenerated refuses a generation expression of schema's column i that PostgreSQL
// refuses: one reading a generated or system column, a subquery, an aggregate, a window or
// set-returning function, anything not immutable, or a type with no assignment to the column's.
func checkGenerated(schema *types.Schema, i int) error {
	c := &schema.Columns[i]
	e, err := parseStoredExpr(c.Generated)
	if err != nil {
		return err
	}
	const what = "column generation expression"
	if err := rowExprOnly(e, what, what+"s"); err != nil {
		return err
	}
	var bad error
	mutable := false
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n := n.(type) {
		case *sqlparser.ColName:
			name := n.Name.String()
			if j := schema.ColumnIndex(name); j >= 0 && schema.Columns[j].Generated != "" {
				bad = &Error{Code: "42P17", Message: "cannot use generated column \"" + name + "\" in " + what,
					Detail: "A generated column cannot reference another generated column."}
			} else if j < 0 && slices.Contains(systemColumns, strings.ToLower(name)) {
				bad = Errorf("42P10", "cannot use system column %q in %s", name, what)
			} else if j < 0 && n.Qualifier.IsEmpty() && strings.EqualFold(name, schema.Name) {
				bad = &Error{Code: "42P17", Message: "cannot use whole-row variable in " + what,
					Detail: "This would cause the generated column to depend on its own value."}
			}
		default:
			m, retset := mutableNode(n)
			mutable = mutable || m
			if retset {
				bad = Errorf("0A000", "set-returning functions are not allowed in %ss", what)
			}
		}
		return bad == nil, nil
	}, e)
	if bad != nil {
		return bad
	}
	ps := &params{}
	x, err := compile(e, tableScope(schema, schema.Name, ps))
	if err != nil && !mutable {
		return err
	}
	if mutable || ps.mutable {
		return Errorf("42P17", "generation expression is not immutable")
	}
	if err := assignable(x.typ, x.unknown, c); err != nil {
		return &Error{Code: "42804", Message: "column \"" + c.Name + "\" is of type " + c.TypeName() +
			" but default expression is of type " + x.typ.String(), Hint: "You will need to rewrite or cast the expression."}
	}
	if isConst(x) {
		_, err = assignExpr(mustConst(x), x, c, nil)
	}
	return err
}

// checkGeneratedColumns runs checkGenerated on every generated column of schema.
func checkGeneratedColumns(schema *types.Schema) error {
	for i := range schema.Columns {
		if schema.Columns[i].Generated != "" {
			if err := checkGenerated(schema, i); err != nil {
				return err
			}
		}
	}
	return nil
}

// generatedInsertError refuses a non-DEFAULT value an INSERT gives generated column c.
func generatedInsertError(c *types.Column) error {
	if c.Generated == "" {
		return nil
	}
	return &Error{Code: "428C9", Message: "cannot insert a non-DEFAULT value into column \"" + c.Name + "\"",
		Detail: "Column \"" + c.Name + "\" is a generated column."}
}

// generatedUpdateError refuses an UPDATE's SET of generated column c to anything but DEFAULT.
func generatedUpdateError(c *types.Column) error {
	if c.Generated == "" {
		return nil
	}
	return &Error{Code: "428C9", Message: "column \"" + c.Name + "\" can only be updated to DEFAULT",
		Detail: "Column \"" + c.Name + "\" is a generated column."}
}

// generatedCopyError refuses a generated column named in COPY's column list.
func generatedCopyError(c *types.Column) error {
	if c.Generated == "" {
		return nil
	}
	return &Error{Code: "42P10", Message: "column \"" + c.Name + "\" is a generated column",
		Detail: "Generated columns cannot be used in COPY."}
}

// generatedAfter refuses an ALTER TABLE that drops or retypes a column a generated column of
// the table reads: dropping it is PostgreSQL's 2BP01 (DROP COLUMN ... CASCADE has dropped the
// readers already: dropGeneratedReaders), retyping its 0A000. A rename has rewritten the
// expressions (renameInGenerated).
func generatedAfter(a *alteration) error {
	for _, c := range a.cols {
		if c.Generated == "" {
			continue
		}
		e, err := parseStoredExpr(c.Generated)
		if err != nil {
			return err
		}
		names, _ := checkColumns(e)
		for _, n := range names {
			old := a.old.ColumnIndex(n)
			if old < 0 {
				continue
			}
			j := slices.Index(a.sources, old)
			switch {
			case j < 0:
				return &Error{Code: "2BP01", Message: "cannot drop column " + n + " of table " + a.name + " because other objects depend on it",
					Detail: "column " + c.Name + " of table " + a.name + " depends on column " + n + " of table " + a.name,
					Hint:   "Use DROP ... CASCADE to drop the dependent objects too."}
			case a.cols[j].Type != a.old.Columns[old].Type || a.cols[j].Length != a.old.Columns[old].Length:
				return &Error{Code: "0A000", Message: "cannot alter type of a column used by a generated column",
					Detail: "Column \"" + n + "\" is used by generated column \"" + c.Name + "\"."}
			}
		}
	}
	return nil
}

// dropExpression is ALTER COLUMN c DROP EXPRESSION [IF EXISTS]: c becomes an ordinary
// column keeping its stored values.
func dropExpression(s *Session, a *alteration, c *types.Column, ifExists bool) error {
	if c.Generated == "" {
		msg := "column \"" + c.Name + "\" of relation \"" + a.name + "\" is not a stored generated column"
		if ifExists {
			s.noticef("NOTICE", "00000", "%s, skipping", msg)
			return nil
		}
		return Errorf("55000", "%s", msg)
	}
	c.Generated = ""
	return nil
}

// dropGeneratedReaders is DROP COLUMN name CASCADE's part for generated columns: those
// whose expression reads name go with it, as PostgreSQL's dependency walk drops them, and
// a NOTICE says so.
func (s *Session) dropGeneratedReaders(a *alteration, name string) error {
	var gone []string
	for i := 0; i < len(a.cols); i++ {
		c := a.cols[i]
		if c.Generated == "" || c.Name == name {
			continue
		}
		e, err := parseStoredExpr(c.Generated)
		if err != nil {
			return err
		}
		if names, _ := checkColumns(e); !slices.Contains(names, name) {
			continue
		}
		gone = append(gone, "column "+c.Name+" of table "+a.name)
		a.deleteCol(i)
		i--
	}
	switch len(gone) {
	case 0:
	case 1:
		s.noticef("NOTICE", "00000", "drop cascades to %s", gone[0])
	default:
		s.sendNotice(Notice{Severity: "NOTICE", Code: "00000", Message: "drop cascades to " + strconv.Itoa(len(gone)) + " other objects",
			Detail: "drop cascades to " + strings.Join(gone, "\ndrop cascades to ")})
	}
	return nil
}

// renameInGenerated rewrites the generation expressions of a's columns that read column
// from, which is being renamed to: PostgreSQL stores them as trees of column numbers, so a
// rename carries over; drove stores their text.
func renameInGenerated(a *alteration, from, to string) error {
	for i := range a.cols {
		c := &a.cols[i]
		if c.Generated == "" {
			continue
		}
		e, err := parseStoredExpr(c.Generated)
		if err != nil {
			return err
		}
		changed := false
		_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
			if col, ok := n.(*sqlparser.ColName); ok && col.Name.String() == from {
				col.Name = sqlparser.NewIdentifierCI(to)
				changed = true
			}
			return true, nil
		}, e)
		if changed {
			c.Generated = storedExpr(e)
		}
	}
	return nil
}

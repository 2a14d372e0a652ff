package sql

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE's column actions below the parse (alter_tree.go reads them from sql/parser's
// tree): how a column's rows are filled (a DEFAULT, a new type's cast, a generation
// expression), the checks of a DEFAULT and a new type, and the rewrite of the rows.

// fillSpec is how the rows' values of a column are computed by an ALTER TABLE.
type fillSpec struct {
	x    *expr // evaluated over the old row
	once bool  // a constant: one value for every row
	// retype: the column's new type; x is the old column or the USING expression, whose
	// value is assigned to it. Else x is a new column's DEFAULT.
	retype bool
	using  bool
	// gen: a generated column added by the ALTER; x, compiled over the new schema, reads the
	// new row once the other fills are in (PostgreSQL computes it for every existing row).
	gen bool
}

// colActionKind is the pass of PostgreSQL's AlterTablePass an ALTER TABLE action runs in.
type colActionKind int

// In PostgreSQL's order of passes (AlterTablePass).
const (
	actDrop colActionKind = iota
	actType
	actAdd
	actOther
)

// compileFill compiles a DEFAULT for the rows an ALTER TABLE fills, in the session (now() is
// the transaction's time).
func (s *Session) compileFill(e sqlparser.Expr) (*expr, error) {
	if err := rowExprOnly(e, "DEFAULT expression", "DEFAULT expressions"); err != nil {
		return nil, err
	}
	if f, ok := e.(*sqlparser.FuncExpr); ok && strings.EqualFold(f.Name.String(), "nextval") {
		return s.compileDefault(e)
	}
	return compile(e, &scope{params: &params{sess: s}})
}

// rowExprOnly refuses in a DEFAULT or USING expression what PostgreSQL refuses there: it is
// computed from one row, with the table's gate closed (a subquery reading the table would
// wait for the gate).
func rowExprOnly(e sqlparser.Expr, what, whats string) error {
	var bad error
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n.(type) {
		case *sqlparser.Subquery, *sqlparser.ExistsExpr:
			bad = Errorf("0A000", "cannot use subquery in %s", what)
		case sqlparser.AggrFunc:
			bad = Errorf("42803", "aggregate functions are not allowed in %s", whats)
		case *sqlparser.OverClause:
			bad = Errorf("42P20", "window functions are not allowed in %s", whats)
		}
		return bad == nil, nil
	}, e)
	return bad
}

// checkDefault refuses a DEFAULT column c cannot take: of a type without an assignment cast
// to c's (42804), or a constant that does not convert (22P02, as PostgreSQL folds it).
func (s *Session) checkDefault(e sqlparser.Expr, c *types.Column) error {
	x, err := s.compileFill(e)
	if err != nil {
		return err
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

// defaultFits checks that column c's DEFAULT can be assigned to its (new) type.
func (s *Session) defaultFits(c *types.Column) error {
	if isSerialDefault(c.Default) {
		if !c.Type.IsInteger() && c.Type != types.Numeric && !c.Type.IsFloat() {
			return Errorf("42804", "default for column %q cannot be cast automatically to type %s", c.Name, c.TypeName())
		}
		return nil
	}
	e, err := parseStoredExpr(c.Default)
	if err != nil {
		return err
	}
	x, err := s.compileDefault(e)
	if err != nil {
		return err
	}
	if assignable(x.typ, x.unknown, c) != nil {
		return Errorf("42804", "default for column %q cannot be cast automatically to type %s", c.Name, c.TypeName())
	}
	return nil
}

// retypeConstraints refuses a new type for a column a foreign key holds or references: the
// key's types must stay comparable, which drove does not check again.
func (s *Session) retypeConstraints(a *alteration, i int) error {
	name := a.cols[i].Name
	refuse := unsupported("ALTER COLUMN ... TYPE of a column in a foreign key (drop the constraint first)")
	for _, c := range a.old.Constraints {
		if c.Kind == types.ConstraintForeign && slices.Contains(c.Columns, a.sources[i]) {
			return refuse
		}
	}
	for _, child := range s.ts.ReferencedBy(a.name) {
		for _, c := range child.Constraints {
			if c.Kind == types.ConstraintForeign && c.RefTable == a.name && slices.Contains(c.RefColumns, name) {
				return refuse
			}
		}
	}
	return nil
}

// assignable reports, with PostgreSQL's error, whether a value of type from (an untyped
// literal when unknown) can be assigned to column c: assign's own test, asked of a sample
// value, as no row may be there to ask.
func assignable(from types.Type, unknown bool, c *types.Column) error {
	if unknown || from == types.Null || from == c.Type {
		return nil
	}
	_, err := assign(sampleValue(from), from, false, c)
	if isCode(err, "42804") {
		return err
	}
	return nil
}

// sampleValue is a value of type t for assignable's question: zero, or empty.
func sampleValue(t types.Type) types.Value {
	switch {
	case t.IsInteger():
		return types.NewInt(t, 0)
	case t.IsFloat():
		return types.NewFloat(t, 0)
	}
	return types.Value{T: t}
}

// checkRetypes refuses a new type a CHECK constraint no longer compiles against.
func (s *Session) checkRetypes(a *alteration, next *types.Schema) error {
	if !slices.ContainsFunc(a.fill, func(f *fillSpec) bool { return f != nil && f.retype }) {
		return nil
	}
	for _, c := range next.Constraints {
		if c.Kind == types.ConstraintCheck {
			if _, err := compileCheck(next, c.Check); err != nil {
				return err
			}
		}
	}
	return nil
}

// rewriteRows runs with the table's gate closed: it computes the values of the columns an
// ALTER TABLE fills (a DEFAULT, a new type) for every row, and checks the new rows against
// NOT NULL and CHECK. The values go into the log entry, so replicas and replays do not
// evaluate anything (a DEFAULT random() gets the same value everywhere).
func (s *Session) rewriteRows(ctx context.Context, a *alteration, next *types.Schema) (*tablespace.AlterFill, error) {
	r, err := newRowRewriter(a, next, s.location())
	if r == nil || err != nil {
		return nil, err
	}
	fill := s.ts.NewAlterFill(next)
	tx := s.ts.Begin()
	defer tx.Rollback()
	oldRow := make([]types.Value, len(a.old.Columns))
	rows := 0
	err = tx.Scan(a.name, func(key, value []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := types.DecodeRow(a.old, key, value, oldRow); err != nil {
			return err
		}
		rows++
		if err := r.rewrite(oldRow); err != nil {
			return err
		}
		for _, c := range r.fks {
			if err := hasParent(ctx, a.fkCheck, next, c, key, r.newRow); err != nil {
				return err
			}
		}
		if r.filled && r.once == nil {
			return fill.Row(key, r.newRow)
		}
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case !r.filled || rows == 0:
		return nil, nil
	case r.once != nil:
		fill.All(r.once)
	}
	return fill, nil
}

// rowRewriter builds an ALTER TABLE's new rows from the old ones, and checks them.
type rowRewriter struct {
	a       *alteration
	next    *types.Schema
	loc     *time.Location
	filled  bool                // some column's values are computed
	once    []types.Value       // their values for every row, when all are constants
	notNull []int               // the columns to check for NULL
	recheck bool                // CHECK constraints, over changed values
	fks     []*types.Constraint // new foreign keys, over the new values
	newRow  []types.Value
}

// newRowRewriter is nil when the ALTER needs no look at the rows.
func newRowRewriter(a *alteration, next *types.Schema, loc *time.Location) (*rowRewriter, error) {
	r := &rowRewriter{a: a, next: next, loc: loc, newRow: make([]types.Value, len(next.Columns))}
	perRow := false
	for _, f := range a.fill {
		if f != nil {
			r.filled = true
			perRow = perRow || !f.once
		}
	}
	for _, n := range a.notNull {
		if i := next.ColumnIndex(n); i >= 0 {
			r.notNull = append(r.notNull, i)
		}
	}
	isCheck := func(c types.Constraint) bool { return c.Kind == types.ConstraintCheck }
	added := next.Constraints[len(next.Constraints)-a.newCons:]
	newCheck := slices.ContainsFunc(added, isCheck)
	if !r.filled && len(r.notNull) == 0 && !newCheck {
		return nil, nil // no new values, and what new foreign keys read is NULL
	}
	r.recheck = (r.filled || newCheck) && slices.ContainsFunc(next.Constraints, isCheck)
	if r.filled {
		for i := range added {
			if added[i].Kind == types.ConstraintForeign {
				r.fks = append(r.fks, &added[i])
			}
		}
	}
	for i, f := range a.fill {
		if f != nil && f.gen {
			x, err := compileGenerated(next, i)
			if err != nil {
				return nil, err
			}
			f.x = x
		}
	}
	if r.filled && !perRow {
		var err error
		if r.once, err = a.fillRow(nil, make([]types.Value, len(next.Columns)), next, loc); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// rewrite builds r.newRow from the old row and checks it.
func (r *rowRewriter) rewrite(old []types.Value) error {
	for i, src := range r.a.sources {
		r.newRow[i] = types.NullValue
		if src >= 0 {
			r.newRow[i] = old[src]
		}
	}
	if r.once != nil {
		for i, f := range r.a.fill {
			if f != nil {
				r.newRow[i] = r.once[i]
			}
		}
	} else if _, err := r.a.fillRow(old, r.newRow, r.next, r.loc); err != nil {
		return err
	}
	for _, i := range r.notNull {
		if r.newRow[i].IsNull() {
			return Errorf("23502", "column %q of relation %q contains null values", r.next.Columns[i].Name, r.a.name).onTable(r.a.name, r.next.Columns[i].Name, "")
		}
	}
	if !r.recheck {
		return nil
	}
	err := checkRow(r.next, r.newRow)
	var e *Error
	if errors.As(err, &e) && e.Code == "23514" {
		return Errorf("23514", "check constraint %q of relation %q is violated by some row", checkName(e.Message), r.a.name).onTable(r.a.name, "", checkName(e.Message))
	}
	return err
}

// fillRow computes into newRow the filled columns of the row old (nil: for a constant fill)
// and returns newRow. A timestamp becomes a timestamptz in the session's zone loc.
func (a *alteration) fillRow(old, newRow []types.Value, next *types.Schema, loc *time.Location) ([]types.Value, error) {
	for _, gen := range []bool{false, true} { // generated columns read the others' new values
		for i, f := range a.fill {
			if f == nil || f.gen != gen {
				continue
			}
			in := old
			if gen {
				in = newRow
			}
			v, err := f.x.eval(in)
			if err != nil {
				return nil, err
			}
			if newRow[i], err = assignIn(v, f.x.typ, f.x.unknown, &next.Columns[i], loc, f.x.dateOrder()); err != nil {
				return nil, err
			}
		}
	}
	return newRow, nil
}

// checkName takes the constraint's name out of checkRow's message.
func checkName(msg string) string {
	const mark = "check constraint \""
	_, rest, _ := strings.Cut(msg, mark)
	name, _, _ := strings.Cut(rest, "\"")
	return name
}

// indexBuildError is PostgreSQL's error for a unique index an ALTER TABLE's new values
// collide in.
func (s *Session) indexBuildError(next *types.Schema, ae *tablespace.AlterError) error {
	for _, c := range next.Constraints {
		if c.Kind == types.ConstraintUnique && c.Index == ae.Index {
			return s.uniqueBuildError(ae, next, c)
		}
	}
	ix := next.IndexNamed(ae.Index)
	if ix == nil {
		return ae
	}
	names := make([]string, len(ix.Columns))
	vals := make([]types.Value, len(ix.Columns))
	for i, col := range ix.Columns {
		names[i], vals[i] = next.Columns[col].Name, ae.Row[col]
	}
	return &Error{Code: "23505", Message: "could not create unique index \"" + ix.Name + "\"",
		Detail: "Key " + keyDetail(names, vals) + " is duplicated."}
}

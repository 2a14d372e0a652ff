package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE's ADD COLUMN and ALTER COLUMN ... TYPE from sql/parser's tree: the column's type
// is read as CREATE TABLE's (treeColumnType), its clauses by readColumnClauses.

// addColumnTree adds a column: existing rows get its DEFAULT (evaluated once when it is a
// constant, else for each row, as in PostgreSQL), its generation expression's value, or
// NULL. Its CHECK, UNIQUE and REFERENCES constraints are added in the same schema change
// (a.cons). ifNotExists skips a column the table has (ADD COLUMN IF NOT EXISTS; PostgreSQL
// says so in a NOTICE).
func (s *Session) addColumnTree(a *alteration, cd *ast.ColumnDef, ifNotExists bool) error {
	c, serial, err := treeColumnType(cd.Type.Name)
	if err != nil {
		return err
	}
	c.Name = cd.Name
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
	if err := columnCollation(cd, c); err != nil {
		return err
	}
	cl, defs, err := readColumnClauses(cd, a.name, serial)
	if err != nil {
		return err
	}
	if err := clauseConflicts(cl, serial, c.Name, a.name); err != nil {
		return err
	}
	if serial || cl.identity != nil || cl.key {
		return unsupported("ADD COLUMN with constraints other than NOT NULL, DEFAULT and GENERATED ... STORED")
	}
	f, err := s.addedColumnFill(&c, cl)
	if err != nil {
		return err
	}
	if c.NotNull = cl.notNull; c.NotNull {
		a.notNull = append(a.notNull, c.Name)
	}
	// A new column goes after the visible ones, before a hidden row id.
	at := len(a.cols)
	if len(a.cols) > 0 && a.cols[len(a.cols)-1].Hidden {
		at--
	}
	a.insertCol(at, c, -1, f)
	a.cons = append(a.cons, defs...)
	if c.Generated != "" {
		return checkGenerated(&types.Schema{Name: a.name, Columns: a.cols}, at)
	}
	return nil
}

// addedColumnFill sets an added column's generation expression or DEFAULT and says how its
// rows' values are computed (nil: NULL).
func (s *Session) addedColumnFill(c *types.Column, cl columnClauses) (*fillSpec, error) {
	if k := cl.generated; k != nil {
		e, err := vitessExpr(k.Expr)
		if err != nil {
			return nil, err
		}
		c.Generated = storedExpr(e)
		return &fillSpec{gen: true}, nil // compiled over the new schema (newRowRewriter)
	}
	if cl.def == nil {
		return nil, nil
	}
	e, err := vitessExpr(cl.def.Expr)
	if err != nil {
		return nil, err
	}
	if err := s.checkDefault(e, c); err != nil {
		return nil, err
	}
	x, err := s.compileFill(e)
	if err != nil {
		return nil, err
	}
	c.Default = storedExpr(e)
	return &fillSpec{x: x, once: isConst(x)}, nil
}

// retypeTree is ALTER COLUMN ... [SET DATA] TYPE t [COLLATE c] [USING expr] on column i.
func (s *Session) retypeTree(a *alteration, i int, cmd *ast.AlterCmd) error {
	old := a.cols[i]
	if f := a.fill[i]; f != nil && f.retype {
		return Errorf("0A000", "cannot alter type of column %q twice", old.Name)
	}
	if a.sources[i] < 0 {
		return Errorf("42703", "column %q of relation %q does not exist", old.Name, a.name) // added by this statement
	}
	c, serial, err := treeColumnType(cmd.Type.Name)
	if serial {
		return Errorf("42704", "type %q does not exist", cmd.Type.Name)
	}
	if err != nil {
		return err
	}
	if cmd.Collation != "" {
		return unsupported("COLLATE in ALTER COLUMN ... TYPE")
	}
	var using sqlparser.Expr
	if cmd.Using != nil {
		if using, err = vitessExpr(cmd.Using); err != nil {
			return err
		}
	}
	return s.retypeTo(a, i, c, using)
}

// retypeTo gives column i type c; its rows get the old value, or the USING expression's
// (nil: none), assigned to it (PostgreSQL's assignment cast).
func (s *Session) retypeTo(a *alteration, i int, c types.Column, using sqlparser.Expr) error {
	old := a.cols[i]
	if slices.Contains(a.pk, i) {
		if err := keyColumn(c); err != nil {
			return err
		}
	}
	if err := s.retypeConstraints(a, i); err != nil {
		return err
	}
	c.Name, c.NotNull, c.Default, c.Hidden, c.Identity = old.Name, old.NotNull, old.Default, old.Hidden, old.Identity
	if c.Identity != 0 && c.Type != old.Type {
		if err := s.retypeIdentity(a, c); err != nil {
			return err
		}
	}
	sc := tableScope(a.old, a.name, &params{sess: s})
	f := &fillSpec{retype: true, using: using != nil}
	var err error
	if f.using {
		if err := rowExprOnly(using, "transform expression", "transform expressions"); err != nil {
			return err
		}
		if f.x, err = compile(using, sc); err != nil {
			return err
		}
		if err := assignable(f.x.typ, f.x.unknown, &c); err != nil {
			return &Error{Code: "42804", Message: "result of USING clause for column \"" + c.Name +
				"\" cannot be cast automatically to type " + c.TypeName(), Hint: "You might need to add an explicit cast."}
		}
	} else {
		if f.x, err = compile(sqlparser.NewColName(a.old.Columns[a.sources[i]].Name), sc); err != nil {
			return err
		}
		if err := assignable(f.x.typ, false, &c); err != nil {
			return &Error{Code: "42804", Message: "column \"" + c.Name + "\" cannot be cast automatically to type " + c.TypeName(),
				Hint: "You might need to specify \"USING " + c.Name + "::" + c.TypeName() + "\"."}
		}
	}
	if c.Default != "" {
		if err := s.defaultFits(&c); err != nil {
			return err
		}
	}
	f.once = isConst(f.x)
	a.cols[i] = c
	a.fill[i] = f
	return nil
}

package sql

import (
	"context"
	"errors"
	"slices"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// validateConstraint checks an added constraint against the table's rows (called with the
// table's gate closed, so none can change meanwhile). A UNIQUE is checked by its index's
// build instead (uniqueBuildError). A foreign key's check locks every parent row it finds, in
// tx, which the caller keeps open until the constraint is in place: a parent delete waits, and
// then sees the new foreign key.
func (s *Session) validateConstraint(ctx context.Context, tx *tablespace.Txn, schema *types.Schema, c types.Constraint) error {
	if c.Kind == types.ConstraintUnique {
		return nil
	}
	row := make([]types.Value, len(schema.Columns))
	check := &types.Schema{Name: schema.Name, Columns: schema.Columns, PK: schema.PK, Constraints: []types.Constraint{c}}
	return tx.Scan(schema.Name, func(key, value []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := types.DecodeRow(schema, key, value, row); err != nil {
			return err
		}
		switch c.Kind {
		case types.ConstraintCheck:
			if err := checkRow(check, row); err != nil {
				return Errorf("23514", "check constraint %q of relation %q is violated by some row", c.Name, schema.Name).onTable(schema.Name, "", c.Name)
			}
		case types.ConstraintForeign:
			return hasParent(ctx, tx, schema, &c, key, row)
		}
		return nil
	})
}

// hasParent checks that a row the table has, or gets from an ALTER TABLE, has a parent for
// the foreign key c.
func hasParent(ctx context.Context, tx *tablespace.Txn, schema *types.Schema, c *types.Constraint, key []byte, row []types.Value) error {
	if vals, ok := colVals(row, c.Columns); ok && !c.Deferrable { // judged now, not at the statement's end
		return findParent(ctx, tx, schema.Name, schema, c, row, vals)
	}
	w := &tablespace.WriteCheck{Table: schema.Name, Schema: schema, Key: key}
	return checkParent(ctx, tx, w, c, nil, row)
}

// uniqueBuildError turns a failed build of an added UNIQUE's index into PostgreSQL's error.
func (s *Session) uniqueBuildError(err error, schema *types.Schema, c types.Constraint) error {
	var ae *tablespace.AlterError
	if errors.As(err, &ae) && errors.Is(err, tablespace.ErrDuplicateKey) && c.Kind == types.ConstraintUnique {
		names := make([]string, len(c.Columns))
		vals := make([]types.Value, len(c.Columns))
		for i, col := range c.Columns {
			names[i], vals[i] = schema.Columns[col].Name, ae.Row[col]
		}
		return (&Error{Code: "23505", Message: "could not create unique index \"" + c.Index + "\"",
			Detail: "Key " + keyDetail(names, vals) + " is duplicated."}).onTable(schema.Name, "", c.Index)
	}
	return err
}

// dropDependentKeys refuses to drop a table's unique key (its primary key when cols is nil)
// that foreign keys of other tables depend on, or with CASCADE drops those foreign keys.
func (s *Session) dropDependentKeys(ctx context.Context, schema *types.Schema, cols []int, cascade bool, what, on string, skip []string) error {
	keyNames := make([]string, len(cols))
	for i, c := range cols {
		keyNames[i] = schema.Columns[c].Name
	}
	for _, child := range s.ts.ReferencedBy(schema.Name) {
		if slices.Contains(skip, child.Name) {
			continue
		}
		var dependent []string
		for _, c := range child.Constraints {
			if c.Kind != types.ConstraintForeign || c.RefTable != schema.Name {
				continue
			}
			if cols != nil && !sameNameSet(c.RefColumns, keyNames) {
				continue
			}
			dependent = append(dependent, c.Name)
		}
		if len(dependent) == 0 {
			continue
		}
		if !cascade {
			return &Error{Code: "2BP01", Message: "cannot drop " + what + " because other objects depend on it",
				Detail: "constraint " + dependent[0] + " on table " + child.Name + " depends on " + on,
				Hint:   "Use DROP ... CASCADE to drop the dependent objects too."}
		}
		if child.Name == schema.Name {
			continue // the caller's own change drops them (dropTable) or keeps them valid
		}
		next := *child
		next.Constraints = slices.DeleteFunc(slices.Clone(child.Constraints), func(c types.Constraint) bool {
			return slices.Contains(dependent, c.Name)
		})
		if err := s.ts.AlterTable(ctx, child.Name, &next, identitySources(child)); err != nil {
			return err
		}
	}
	return nil
}

func sameNameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// dropReferencedTables refuses to drop a table another table's foreign key references
// (2BP01), or with CASCADE drops those foreign keys first, as PostgreSQL does.
func (s *Session) dropReferencedTables(ctx context.Context, names []string, cascade bool) error {
	for _, name := range names {
		schema, ok := s.ts.Schema(name)
		if !ok {
			continue
		}
		// Tables dropped with it keep their foreign keys (they go with them).
		if err := s.dropDependentKeys(ctx, schema, nil, cascade, "table "+name, "table "+name, names); err != nil {
			return err
		}
	}
	return nil
}

// truncateCascade is TRUNCATE ... CASCADE's tables: names and, repeatedly, every table whose
// foreign key references one of them, as PostgreSQL adds them (it says so in a NOTICE, which
// drove does not send).
func (s *Session) truncateCascade(names []string) []string {
	for i := 0; i < len(names); i++ {
		for _, child := range s.ts.ReferencedBy(names[i]) {
			if !slices.Contains(names, child.Name) {
				names = append(names, child.Name)
			}
		}
	}
	return names
}

// truncateReferenced refuses to TRUNCATE a table another table's foreign key references
// unless that table is truncated too, as PostgreSQL does.
func (s *Session) truncateReferenced(names []string) error {
	for _, name := range names {
		for _, child := range s.ts.ReferencedBy(name) {
			if !slices.Contains(names, child.Name) {
				return &Error{Code: "0A000", Message: "cannot truncate a table referenced in a foreign key constraint",
					Detail: "Table \"" + child.Name + "\" references \"" + name + "\".",
					Hint:   "Truncate table \"" + child.Name + "\" at the same time, or use TRUNCATE ... CASCADE."}
			}
		}
	}
	return nil
}

// renameConstraint is ALTER TABLE ... RENAME CONSTRAINT from TO to: a UNIQUE's index is
// renamed with it, as in PostgreSQL, and so is the primary key's (renamePrimaryKey).
func (s *Session) renameConstraint(ctx context.Context, name string, schema, next *types.Schema, from, to string, out Output) error {
	i := slices.IndexFunc(next.Constraints, func(c types.Constraint) bool { return c.Name == from })
	if i < 0 {
		if namesPKey(next, from) {
			return s.renamePrimaryKey(ctx, schema, next, to, "ALTER TABLE", out)
		}
		return Errorf("42704", "constraint %q for table %q does not exist", from, name)
	}
	if to == from {
		return Errorf("42710", "constraint %q for relation %q already exists", to, name)
	}
	if next.ConstraintNamed(to) != nil || isPKey(next, to) {
		return Errorf("42710", "constraint %q for relation %q already exists", to, name)
	}
	c := &next.Constraints[i]
	if c.Kind == types.ConstraintUnique {
		if next.IndexNamed(to) != nil || s.relationExists(to) {
			return Errorf("42P07", "relation %q already exists", to)
		}
		for j := range next.Indexes {
			if next.Indexes[j].Name == c.Index {
				next.Indexes[j].Name = to
			}
		}
		c.Index = to
	}
	c.Name = to
	if err := s.ts.AlterTable(ctx, name, next, identitySources(schema)); err != nil {
		return err
	}
	if err := s.followComments(ctx, schema, next, identitySources(schema)); err != nil {
		return err
	}
	return out.Complete("ALTER TABLE")
}

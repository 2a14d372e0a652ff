package sql

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE runs from sql/parser's tree (sql/DESIGN.md, step 4): ast.AlterTable's actions
// are worked out on an alteration (alter.go) in PostgreSQL's order of passes and applied in
// one schema change (finishAlter). An action on a constraint (ADD CONSTRAINT other than
// PRIMARY KEY, DROP, VALIDATE and RENAME CONSTRAINT) runs alone (constraints_ddl.go's
// execConstraintAlter), as does OWNER TO (owner.go). DEFAULT and USING expressions are read
// into vitess's form by vitessExpr, as CREATE TABLE's are (create_tree.go).

// alterPass is the pass of PostgreSQL's AlterTablePass an action runs in: drops first, then
// type changes, then added columns, then the rest (a statement's actions are sorted by it).
func alterPass(c *ast.AlterCmd) colActionKind {
	switch c.Kind {
	case ast.AlterDropColumn, ast.AlterDropDefault:
		return actDrop
	case ast.AlterColumnType:
		return actType
	case ast.AlterAddColumn:
		return actAdd
	}
	return actOther
}

// execAlterTableTree runs ALTER TABLE from the tree.
func (s *Session) execAlterTableTree(ctx context.Context, n *ast.AlterTable, out Output) error {
	if len(n.Cmds) == 1 {
		if done, err := s.alterTableAlone(ctx, n, out); done {
			return err
		}
	}
	cmds := make([]*ast.AlterCmd, len(n.Cmds))
	for i := range n.Cmds {
		c := &n.Cmds[i]
		if err := alterCmdSupported(c); err != nil {
			return err
		}
		cmds[i] = c
	}
	name, err := s.tableNameOf(n.Table.Schema, n.Table.Name)
	if err != nil {
		return err
	}
	if _, ok := s.ts.Schema(name); !ok && n.IfExists && systemTables[name] == nil {
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", n.Table.Name)
		return out.Complete("ALTER TABLE")
	}
	schema, err := s.schemaToChange(ctx, name, "ALTER TABLE")
	if err != nil {
		return err
	}
	a := newAlteration(name, schema)
	slices.SortStableFunc(cmds, func(x, y *ast.AlterCmd) int { return int(alterPass(x)) - int(alterPass(y)) })
	for _, c := range cmds {
		if err := s.alterCmd(a, c); err != nil {
			return err
		}
	}
	return s.finishAlter(ctx, a, out)
}

// alterCmdSupported refuses, before the table is looked up, an action drove does not run
// with others (a constraint's action, OWNER TO), SET SCHEMA and storage parameters.
func alterCmdSupported(c *ast.AlterCmd) error {
	switch c.Kind {
	case ast.AlterAddConstraint:
		if c.Constraint.Kind == ast.ConstrPrimaryKey {
			return nil
		}
		return unsupported("several actions in one ALTER TABLE with a constraint")
	case ast.AlterDropConstraint, ast.AlterValidateConstraint, ast.AlterRenameConstraint:
		return unsupported("several actions in one ALTER TABLE with a constraint")
	case ast.AlterOwner:
		return unsupported("OWNER TO among other ALTER TABLE actions")
	case ast.AlterSetSchema:
		return unsupported("ALTER TABLE ... SET SCHEMA")
	case ast.AlterSetOptions, ast.AlterResetOptions:
		return unsupported("ALTER TABLE ... %s (storage parameters)", map[bool]string{true: "SET", false: "RESET"}[c.Kind == ast.AlterSetOptions])
	}
	return nil
}

// alterTableAlone runs the actions that stand alone in their statement: OWNER TO and a
// constraint's action other than ADD PRIMARY KEY. done is false for any other action.
func (s *Session) alterTableAlone(ctx context.Context, n *ast.AlterTable, out Output) (done bool, err error) {
	c := &n.Cmds[0]
	st := &conAlterStmt{table: n.Table.Name, qual: n.Table.Schema, ifExists: n.IfExists}
	switch c.Kind {
	case ast.AlterOwner:
		return true, s.execOwnerStmt(ctx, ownerOfTree(n), out)
	case ast.AlterAddConstraint:
		if c.Constraint.Kind == ast.ConstrPrimaryKey {
			return false, nil
		}
		d, err := treeConDef(c.Constraint, "")
		if err != nil {
			return true, err
		}
		st.add = &d
	case ast.AlterDropConstraint:
		st.drop, st.dropIf, st.cascade = c.Name, c.IfExists, c.Behavior == "CASCADE"
	case ast.AlterValidateConstraint:
		st.validate = c.Name
	case ast.AlterRenameConstraint:
		st.rename = [2]string{c.Name, c.NewName}
	default:
		return false, nil
	}
	return true, s.execConstraintAlter(ctx, st, out)
}

// ownerOfTree is ALTER TABLE ... OWNER TO role as owner.go's statement.
func ownerOfTree(n *ast.AlterTable) *ownerStmt {
	c := &n.Cmds[0]
	return &ownerStmt{kind: strings.ToLower(string(n.Kind)), ifExists: n.IfExists, qual: n.Table.Schema, name: n.Table.Name,
		role: cmp.Or(c.Name, c.NewName), roleKW: c.Name != ""}
}

// alterCmd works out one action of ALTER TABLE on a.
func (s *Session) alterCmd(a *alteration, c *ast.AlterCmd) error {
	switch c.Kind {
	case ast.AlterDropColumn:
		if c.IfExists && a.column(c.Name) < 0 {
			s.noticef("NOTICE", "00000", "column %q of relation %q does not exist, skipping", c.Name, a.name)
		}
		if c.Behavior == "CASCADE" {
			if err := s.dropGeneratedReaders(a, c.Name); err != nil {
				return err
			}
		}
		return a.dropColumn(c.Name, c.IfExists)
	case ast.AlterAddColumn:
		return s.addColumnTree(a, c.Column, c.IfNotExists)
	case ast.AlterAddConstraint:
		return s.addPrimaryKeyTree(a, c.Constraint)
	case ast.AlterRename:
		return s.renameTableTree(a, c.NewName)
	case ast.AlterRenameColumn:
		return renameColumnTree(a, c.Name, c.NewName)
	}
	i := a.column(c.Name)
	if i < 0 {
		return Errorf("42703", "column %q of relation %q does not exist", c.Name, a.name)
	}
	return s.alterColumnTree(a, i, c)
}

// alterColumnTree works out an ALTER COLUMN action on column i.
func (s *Session) alterColumnTree(a *alteration, i int, cmd *ast.AlterCmd) error {
	c := &a.cols[i]
	switch k := cmd.Kind; {
	case k == ast.AlterAddIdentity, k == ast.AlterDropIdentity, k == ast.AlterSeqOptions:
		return s.identityChange(a, i, identityActOf(cmd))
	case k == ast.AlterColumnType:
		return s.retypeTree(a, i, cmd)
	case c.Identity != 0 && (k == ast.AlterSetDefault || k == ast.AlterDropDefault):
		// An identity column's default is its sequence's, which only DROP IDENTITY removes.
		return &Error{Code: "42601", Message: "column \"" + c.Name + "\" of relation \"" + a.name + "\" is an identity column",
			Hint: "Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead."}
	case k == ast.AlterDropExpression:
		return dropExpression(s, a, c, cmd.IfExists)
	case c.Generated != "" && k == ast.AlterSetDefault:
		return Errorf("42601", "column %q of relation %q is a generated column", c.Name, a.name)
	case c.Identity != 0 && k == ast.AlterDropNotNull:
		return Errorf("42601", "column %q of relation %q is an identity column", c.Name, a.name)
	case k == ast.AlterSetDefault:
		e, err := vitessExpr(cmd.Default)
		if err != nil {
			return err
		}
		if err := s.checkDefault(e, c); err != nil {
			return err
		}
		c.Default = storedExpr(e)
	case k == ast.AlterDropDefault:
		c.Default = ""
	case k == ast.AlterSetNotNull:
		if !c.NotNull {
			a.notNull = append(a.notNull, c.Name)
		}
		c.NotNull = true
	case k == ast.AlterDropNotNull:
		if slices.Contains(a.pk, i) {
			return Errorf("42P16", "column %q is in a primary key", c.Name)
		}
		c.NotNull = false
	}
	return nil
}

// identityActOf is an identity action of the tree as altercol_identity.go's: ADD GENERATED's
// kind and options, DROP IDENTITY, or SET GENERATED and the sequence options of SET and
// RESTART (printed as sequence options, which identityOptionsText reads back).
func identityActOf(cmd *ast.AlterCmd) *identityAct {
	switch cmd.Kind {
	case ast.AlterDropIdentity:
		return &identityAct{drop: true, ifExists: cmd.IfExists}
	case ast.AlterAddIdentity:
		k := cmd.Constraint
		return &identityAct{add: identityKind(k.Always), opts: seqOptionsText(k.SeqOptions)}
	}
	act := &identityAct{}
	var opts []ast.SeqOption
	for _, o := range cmd.SeqOptions {
		switch o.Name {
		case "generated always", "generated by default":
			act.set = identityKind(o.Name == "generated always")
		default:
			opts = append(opts, o)
		}
	}
	act.opts = seqOptionsText(opts)
	return act
}

// identityKind is types.IdentityAlways or IdentityByDefault.
func identityKind(always bool) byte {
	if always {
		return types.IdentityAlways
	}
	return types.IdentityByDefault
}

// seqOptionsText prints sequence options as CREATE SEQUENCE's, "" for none.
func seqOptionsText(list []ast.SeqOption) string {
	if len(list) == 0 {
		return ""
	}
	return strings.TrimPrefix(ast.Print(&ast.CreateSequence{Name: &ast.Table{Name: "s"}, Options: list}, ast.SQL), "CREATE SEQUENCE s")
}

// renameTableTree is RENAME TO: the table's new name (its key keeps its name, as in
// PostgreSQL).
func (s *Session) renameTableTree(a *alteration, to string) error {
	if strings.HasPrefix(a.name, tempTablePrefix) {
		return unsupported("renaming a temporary table") // its hidden name would become a visible one
	}
	newName, err := s.tableNameOf("", to)
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
	return nil
}

// renameColumnTree is RENAME [COLUMN] from TO to.
func renameColumnTree(a *alteration, from, to string) error {
	i := a.column(from)
	if i < 0 {
		return Errorf("42703", "column %q does not exist", from)
	}
	if a.column(to) >= 0 || to == RowIDColumn {
		return Errorf("42701", "column %q of relation %q already exists", to, a.name)
	}
	if err := renameInGenerated(a, a.cols[i].Name, to); err != nil {
		return err
	}
	a.cols[i].Name = to
	return nil
}

// addPrimaryKeyTree is ADD [CONSTRAINT name] PRIMARY KEY (columns) on a table that has none
// (its hidden row id): the named columns become the key and NOT NULL.
func (s *Session) addPrimaryKeyTree(a *alteration, k *ast.Constraint) error {
	if err := primaryKeyOptions(k); err != nil {
		return err
	}
	if len(k.Include) > 0 {
		return unsupported("INCLUDE columns of an added primary key")
	}
	if len(a.pk) != 1 || !a.cols[a.pk[0]].Hidden {
		return Errorf("42P16", "multiple primary keys for table %q are not allowed", a.name)
	}
	pkName, err := s.namePrimaryKey(a.old, k.Name)
	if err != nil {
		return err
	}
	var pk []int
	for _, col := range k.Columns {
		i := a.column(col)
		if i < 0 {
			return Errorf("42703", "column %q of relation %q does not exist", col, a.name)
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
	return nil
}

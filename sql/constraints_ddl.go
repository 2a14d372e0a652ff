package sql

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// parsePGExpr parses one PostgreSQL expression (a CHECK's) into vitess's tree.
func parsePGExpr(text string) (sqlparser.Expr, error) {
	ps, err := splitAndRewrite("select " + text)
	if err != nil {
		return nil, err
	}
	if len(ps) != 1 {
		return nil, Errorf("42601", "syntax error at or near \";\"")
	}
	st, err := parseChecked(ps[0].sql, ps[0].words)
	if err != nil {
		return nil, err
	}
	sel, ok := st.(*sqlparser.Select)
	if !ok || sel.From != nil && !(len(sel.From) == 1 && isDualFrom(sel.From[0])) || sel.Where != nil ||
		sel.SelectExprs == nil || len(sel.SelectExprs.Exprs) != 1 {
		return nil, Errorf("42601", "syntax error in CHECK expression")
	}
	ae, ok := sel.SelectExprs.Exprs[0].(*sqlparser.AliasedExpr)
	if !ok || !ae.As.IsEmpty() {
		return nil, Errorf("42601", "syntax error in CHECK expression")
	}
	return ae.Expr, nil
}

// checkColumns returns the distinct columns a CHECK expression names, in order of appearance,
// refusing what PostgreSQL refuses in one.
func checkColumns(e sqlparser.Expr) ([]string, error) {
	var cols []string
	var bad error
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n := n.(type) {
		case *sqlparser.ColName:
			if !slices.Contains(cols, n.Name.String()) {
				cols = append(cols, n.Name.String())
			}
		case *sqlparser.Subquery:
			if unnestedArray(n) != nil {
				return true, nil // x = ANY (array), as pg_dump writes IN (...): no subquery
			}
			bad = Errorf("0A000", "cannot use subquery in check constraint")
		case sqlparser.AggrFunc:
			bad = Errorf("42803", "aggregate functions are not allowed in check constraints")
		}
		return bad == nil, nil
	}, e)
	return cols, bad
}

// compileCheck compiles a CHECK expression (stored text) against a table's row.
func compileCheck(s *types.Schema, text string) (*expr, error) {
	e, err := parseStoredExpr(text)
	if err != nil {
		return nil, err
	}
	if _, err := checkColumns(e); err != nil {
		return nil, err
	}
	return compileBool(e, tableScope(s, s.Name, &params{}), "CHECK")
}

// constraintNames is every constraint name of the tablespace (PostgreSQL picks default names
// unique in the schema), and the relation names a UNIQUE's index must also avoid.
func (s *Session) constraintNames() map[string]bool {
	used := make(map[string]bool)
	for _, t := range s.ts.Tables() {
		if pk := pkeyName(t); pk != "" {
			used[pk] = true
		}
		for _, c := range t.Constraints {
			used[c.Name] = true
		}
	}
	return used
}

// chooseName is PostgreSQL's ChooseConstraintName: table_cols_suffix, numbered past a name in
// use (the number goes on the suffix: t_a_key1), shortened to a name's 63 bytes.
func chooseName(table string, cols []string, suffix string, used func(string) bool) string {
	cs := strings.Join(cols, "_")
	name := makeObjectName(table, cs, suffix)
	for n := 1; used(name); n++ {
		name = makeObjectName(table, cs, suffix+strconv.Itoa(n))
	}
	return name
}

// makeObjectName is PostgreSQL's makeObjectName: name1_name2_label (name2 may be empty),
// shortening the longer of name1 and name2 a byte at a time until it fits in a name's 63
// bytes, and never cutting a character in two.
func makeObjectName(name1, name2, label string) string {
	n1, n2 := len(name1), len(name2)
	avail := lexer.NameMax - len(label) - 1
	if name2 != "" {
		avail--
	}
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	name := clipName(name1, n1)
	if name2 != "" {
		name += "_" + clipName(name2, n2)
	}
	return name + "_" + label
}

// clipName is the first n bytes of w, less the start of a character n would cut in two.
func clipName(w string, n int) string {
	if n >= len(w) {
		return w
	}
	for n > 0 && w[n]&0xC0 == 0x80 {
		n--
	}
	return w[:n]
}

// sameIndexOnce drops the UNIQUE constraints of a new table that repeat its primary key or an
// earlier UNIQUE (same columns in the same order, same deferrability), as PostgreSQL's
// transformIndexConstraints does: CREATE TABLE t (a int UNIQUE, UNIQUE (a)) makes one
// constraint. An unnamed one that a named one repeats takes its name, the primary key's
// (pkName) too. (ALTER TABLE ADD does not look at the constraints the table has: it makes
// another.)
func sameIndexOnce(schema *types.Schema, defs []conDef, pkName *string) []conDef {
	var pk []string
	for _, p := range schema.PK {
		if !schema.Columns[p].Hidden {
			pk = append(pk, schema.Columns[p].Name)
		}
	}
	out := make([]conDef, 0, len(defs))
	kept := []int{} // positions in out of the UNIQUEs kept
next:
	for _, d := range defs {
		if d.kind != types.ConstraintUnique {
			out = append(out, d)
			continue
		}
		if len(pk) > 0 && !d.deferrable && slices.Equal(d.cols, pk) {
			if *pkName == "" {
				*pkName = d.name
			}
			continue
		}
		for _, k := range kept {
			prior := &out[k]
			if slices.Equal(prior.cols, d.cols) && prior.deferrable == d.deferrable && prior.deferred == d.deferred {
				if prior.name == "" {
					prior.name = d.name
				}
				continue next
			}
		}
		kept = append(kept, len(out))
		out = append(out, d)
	}
	return out
}

// addConstraints adds the constraints defs to schema (new, or a copy being altered): their
// columns resolved, names chosen, UNIQUEs' indexes and foreign keys' targets checked.
func (s *Session) addConstraints(schema *types.Schema, defs []conDef) error {
	used := s.constraintNames()
	if pk := pkeyName(schema); pk != "" { // a new table's, not among the tablespace's yet
		used[pk] = true
	}
	for _, c := range schema.Constraints {
		used[c.Name] = true
	}
	isUsed := func(n string) bool { return used[n] || schema.IndexNamed(n) != nil }
	isRel := func(n string) bool { return isUsed(n) || s.relationExists(n) }
	// Explicit names first, as PostgreSQL reserves them before choosing the others.
	for _, d := range defs {
		if d.kind == conPrimaryKey { // CREATE TABLE's is taken out (takePKName)
			return unsupported("CONSTRAINT %s PRIMARY KEY here", d.name)
		}
		if d.name == "" {
			continue
		}
		if d.kind == types.ConstraintUnique && isPKey(schema, d.name) {
			return Errorf("42P07", "relation %q already exists", d.name) // the key's index is made first
		}
		if schema.ConstraintNamed(d.name) != nil || isPKey(schema, d.name) {
			return Errorf("42710", "constraint %q for relation %q already exists", d.name, schema.Name)
		}
		if d.kind == types.ConstraintUnique && (schema.IndexNamed(d.name) != nil || s.relationExists(d.name)) {
			return Errorf("42P07", "relation %q already exists", d.name)
		}
		used[d.name] = true
	}
	for _, d := range defs {
		c := types.Constraint{Name: d.name, Kind: d.kind, Deferrable: d.deferrable, Deferred: d.deferred, MatchFull: d.matchFull}
		for _, name := range d.cols {
			i := schema.ColumnIndex(name)
			if i < 0 || schema.Columns[i].Hidden {
				if d.kind == types.ConstraintForeign {
					return Errorf("42703", "column %q referenced in foreign key constraint does not exist", name)
				}
				return Errorf("42703", "column %q named in key does not exist", name)
			}
			if slices.Contains(c.Columns, i) {
				return Errorf("42701", "column %q appears twice in %s constraint", name, map[types.ConstraintKind]string{
					types.ConstraintUnique: "unique", types.ConstraintForeign: "foreign key"}[d.kind])
			}
			c.Columns = append(c.Columns, i)
		}
		switch d.kind {
		case types.ConstraintCheck:
			e, err := parsePGExpr(d.check)
			if err != nil {
				return err
			}
			cols, err := checkColumns(e)
			if err != nil {
				return err
			}
			c.Check = storedExpr(e)
			if _, err := compileCheck(schema, c.Check); err != nil {
				return err
			}
			if c.Name == "" {
				var named []string
				if len(cols) == 1 {
					named = cols
				}
				c.Name = chooseName(schema.Name, named, "check", isUsed)
			}
		case types.ConstraintUnique:
			for _, i := range c.Columns {
				if err := keyColumn(schema.Columns[i]); err != nil {
					return err
				}
			}
			include, err := constraintInclude(schema, d.include)
			if err != nil {
				return err
			}
			if c.Name == "" { // named after the included columns too, as PostgreSQL's index
				c.Name = chooseName(schema.Name, slices.Concat(d.cols, d.include), "key", isRel)
			}
			c.Index = c.Name
			ix := uniqueKeyIndex(schema, &c, d.nnd)
			ix.Include = include
			schema.Indexes = append(schema.Indexes, ix)
		case types.ConstraintForeign:
			if c.Name == "" {
				c.Name = chooseName(schema.Name, d.cols, "fkey", isUsed)
			}
			if err := s.resolveForeignKey(schema, &c, d); err != nil {
				return err
			}
		}
		used[c.Name] = true
		schema.Constraints = append(schema.Constraints, c)
	}
	return nil
}

// resolveForeignKey checks a foreign key's referenced table and columns: a table of this
// tablespace (the unit of transactions, within which the key can be kept), whose primary key
// or a unique constraint (or unique index) the columns are, of matching types.
func (s *Session) resolveForeignKey(schema *types.Schema, c *types.Constraint, d conDef) error {
	if d.refQual != "" && d.refQual != "public" && d.refQual != "pg_temp" && d.refQual != s.ts.Name() {
		return Errorf("0A000", "foreign key %q references table %s.%s of another tablespace: a foreign key must stay within one tablespace, the unit of transactions",
			c.Name, d.refQual, d.refTable)
	}
	parent, err := s.referencedTable(schema, d)
	if err != nil {
		return err
	}
	c.RefTable = parent.Name
	var ref []int
	if len(d.refCols) == 0 {
		if len(parent.PK) == 1 && parent.Columns[parent.PK[0]].Hidden {
			return Errorf("42704", "there is no primary key for referenced table %q", parent.Name)
		}
		ref = parent.PK
	} else {
		for _, n := range d.refCols {
			i := parent.ColumnIndex(n)
			if i < 0 || parent.Columns[i].Hidden {
				return Errorf("42703", "column %q referenced in foreign key constraint does not exist", n)
			}
			ref = append(ref, i)
		}
	}
	if len(ref) != len(c.Columns) {
		return Errorf("42830", "number of referencing and referenced columns for foreign key disagree")
	}
	if ok, deferrable := uniqueKeyOf(parent, ref); !ok && deferrable {
		return Errorf("55000", "cannot use a deferrable unique constraint for referenced table %q", parent.Name)
	} else if !ok {
		return Errorf("42830", "there is no unique constraint matching given keys for referenced table %q", parent.Name)
	}
	for i, r := range ref {
		cc, pc := schema.Columns[c.Columns[i]], parent.Columns[r]
		if cc.Type != pc.Type && !(cc.Type.IsInteger() && pc.Type.IsInteger()) {
			return &Error{Code: "42804", Message: "foreign key constraint \"" + c.Name + "\" cannot be implemented",
				Detail: "Key columns \"" + cc.Name + "\" and \"" + pc.Name + "\" are of incompatible types: " +
					typeNameNoMod(cc) + " and " + typeNameNoMod(pc) + "."}
		}
		c.RefColumns = append(c.RefColumns, pc.Name)
	}
	c.OnDelete, c.OnUpdate = d.onDelete, d.onUpdate
	return nil
}

// referencedTable is the table a foreign key of schema (being created or altered)
// references: the session's temporary table of the name before a permanent one, as
// PostgreSQL's search path has pg_temp first, and the table itself when it names it. A
// temporary table's keys may reference only temporary tables and a permanent table's only
// permanent ones (42P16), as in PostgreSQL: a temporary parent would vanish under a
// permanent child, and other sessions could not see it.
func (s *Session) referencedTable(schema *types.Schema, d conDef) (*types.Schema, error) {
	childTemp := strings.HasPrefix(schema.Name, tempTablePrefix)
	name := d.refTable
	if d.refQual == "" || d.refQual == "pg_temp" {
		if childTemp && s.tempID != "" && schema.Name == s.tempID+d.refTable {
			return schema, nil
		}
		if hidden, ok := s.tempTableName(d.refTable); ok {
			name = hidden
		} else if d.refQual == "pg_temp" {
			return nil, relationMissing(d.refTable)
		}
	}
	parent := schema
	if name != schema.Name {
		p, ok := s.ts.Schema(name)
		if !ok {
			if systemTables[d.refTable] != nil {
				return nil, Errorf("42809", "referenced relation %q is not a table", d.refTable)
			}
			return nil, relationMissing(d.refTable)
		}
		parent = p
	}
	parentTemp := strings.HasPrefix(parent.Name, tempTablePrefix)
	switch {
	case parentTemp && !childTemp:
		return nil, Errorf("42P16", "constraints on permanent tables may reference only permanent tables")
	case childTemp && !parentTemp:
		return nil, Errorf("42P16", "constraints on temporary tables may reference only temporary tables")
	}
	return parent, nil
}

// uniqueKeyOf reports whether the columns are, as a set, the table's primary key or the
// columns of one of its unique indexes that is not a deferrable constraint's (deferrable:
// one of those matched), as PostgreSQL's transformFkeyCheckAttrs.
func uniqueKeyOf(s *types.Schema, cols []int) (ok, deferrable bool) {
	same := func(key []int) bool {
		if len(key) != len(cols) {
			return false
		}
		for _, c := range cols {
			if !slices.Contains(key, c) {
				return false
			}
		}
		return true
	}
	if same(s.PK) && !(len(s.PK) == 1 && s.Columns[s.PK[0]].Hidden) {
		return true, false
	}
	for _, ix := range s.Indexes {
		if ix.Unique && same(ix.Columns) {
			if indexDeferrable(s, ix.Name) {
				deferrable = true
				continue
			}
			return true, false
		}
	}
	return false, deferrable
}

// indexDeferrable reports whether a unique index is a deferrable UNIQUE constraint's.
func indexDeferrable(s *types.Schema, index string) bool {
	c := uniqueConstraintOf(s, index)
	return c != nil && c.Deferrable
}

// constraintsAfter carries a table's constraints over an ALTER TABLE; it refuses a change to
// a column or name a constraint depends on (a CHECK's text and other tables' foreign keys
// name them).
func (s *Session) constraintsAfter(a *alteration) ([]types.Constraint, error) {
	refuse := func(what string) error {
		return unsupported("ALTER TABLE that %s a constraint of %q depends on (drop the constraint first)", what, a.name)
	}
	if err := generatedAfter(a); err != nil {
		return nil, err
	}
	renamed := func(old int) bool {
		j := slices.Index(a.sources, old)
		return j < 0 || a.cols[j].Name != a.old.Columns[old].Name
	}
	if a.newName != "" && a.newName != a.name && (len(a.old.Constraints) > 0 || len(s.ts.ReferencedBy(a.name)) > 0) {
		return nil, refuse("renames the table")
	}
	for _, child := range s.ts.ReferencedBy(a.name) {
		for _, c := range child.Constraints {
			if c.Kind != types.ConstraintForeign || c.RefTable != a.name {
				continue
			}
			for _, n := range c.RefColumns {
				if i := a.old.ColumnIndex(n); i >= 0 && renamed(i) {
					return nil, refuse("drops or renames a column")
				}
			}
		}
	}
	var out []types.Constraint
	for _, c := range a.old.Constraints {
		cols := make([]int, len(c.Columns))
		for i, old := range c.Columns {
			if renamed(old) {
				return nil, refuse("drops or renames a column")
			}
			cols[i] = slices.Index(a.sources, old)
		}
		if ix := a.old.IndexNamed(c.Index); c.Index != "" && ix != nil {
			if _, ok := a.newPositions(ix.Include); !ok { // PostgreSQL drops the constraint
				return nil, refuse("drops an INCLUDE column")
			}
		}
		if c.Kind == types.ConstraintCheck {
			e, err := parseStoredExpr(c.Check)
			if err != nil {
				return nil, err
			}
			names, _ := checkColumns(e)
			for _, n := range names {
				if i := a.old.ColumnIndex(n); i >= 0 && renamed(i) {
					return nil, refuse("drops or renames a column")
				}
			}
		}
		c.Columns = cols
		out = append(out, c)
	}
	return out, nil
}

// conAlterStmt is ALTER TABLE ... ADD [CONSTRAINT name] CHECK | UNIQUE | FOREIGN KEY ...
// [NOT VALID], ... DROP CONSTRAINT [IF EXISTS] name [RESTRICT | CASCADE], or ... VALIDATE
// CONSTRAINT name.
type conAlterStmt struct {
	table    string
	qual     string
	ifExists bool // ALTER TABLE IF EXISTS
	add      *conDef
	drop     string
	dropIf   bool
	cascade  bool
	validate string
	rename   [2]string // RENAME CONSTRAINT old TO new
}

// execConstraintAlter adds or drops a constraint. An added one is checked against every row
// with the table's gate closed (AlterTableIf), so no write can slip in between.
func (s *Session) execConstraintAlter(ctx context.Context, st *conAlterStmt, out Output) error {
	name, err := s.tableNameOf(st.qual, st.table)
	if err != nil {
		return err
	}
	if _, ok := s.ts.Schema(name); !ok && st.ifExists {
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", st.table)
		return out.Complete("ALTER TABLE")
	}
	schema, err := s.schemaToChange(ctx, name, "ALTER TABLE")
	if err != nil {
		return err
	}
	next := *schema
	next.Indexes = slices.Clone(schema.Indexes)
	next.Constraints = slices.Clone(schema.Constraints)
	if st.validate != "" {
		return s.validateNotValid(ctx, name, schema, &next, st.validate, out)
	}
	if st.rename[0] != "" {
		return s.renameConstraint(ctx, name, schema, &next, st.rename[0], st.rename[1], out)
	}
	if st.add == nil {
		i := slices.IndexFunc(next.Constraints, func(c types.Constraint) bool { return c.Name == st.drop })
		if i < 0 && namesPKey(schema, st.drop) {
			return s.dropPrimaryKey(ctx, schema, st.cascade, out)
		}
		if i < 0 {
			if st.dropIf {
				s.noticef("NOTICE", "00000", "constraint %q of relation %q does not exist, skipping", st.drop, name)
				return out.Complete("ALTER TABLE")
			}
			return Errorf("42704", "constraint %q of relation %q does not exist", st.drop, name)
		}
		c := next.Constraints[i]
		if c.Kind == types.ConstraintUnique {
			if err := s.dropDependentKeys(ctx, schema, c.Columns, st.cascade, "constraint "+c.Name+" on table "+name,
				"index "+c.Index, nil); err != nil {
				return err
			}
			next.Indexes = slices.DeleteFunc(next.Indexes, func(ix types.Index) bool { return ix.Name == c.Index })
		}
		next.Constraints = slices.Delete(next.Constraints, i, i+1)
		if err := s.ts.AlterTable(ctx, name, &next, identitySources(schema)); err != nil {
			return err
		}
		return out.Complete("ALTER TABLE")
	}
	if err := s.addConstraints(&next, []conDef{*st.add}); err != nil {
		return err
	}
	added := &next.Constraints[len(next.Constraints)-1]
	if err := s.onCommitFKError(&next); added.Kind == types.ConstraintForeign && err != nil {
		return err
	}
	// NOT VALID skips the rows the table has (new ones are checked); on a new table's
	// constraint, and on UNIQUE, there is nothing to skip.
	added.NotValid = st.add.notValid && added.Kind != types.ConstraintUnique
	check := s.ts.Begin() // holds the parent rows a foreign key's check locks until the change is in
	defer check.Rollback()
	err = s.ts.AlterTableIf(ctx, name, &next, identitySources(schema), func() error {
		if added.NotValid {
			return nil
		}
		return s.validateConstraint(ctx, check, &next, *added)
	})
	if err != nil {
		return s.uniqueBuildError(err, &next, *added)
	}
	return out.Complete("ALTER TABLE")
}

// validateNotValid is ALTER TABLE ... VALIDATE CONSTRAINT: a CHECK or foreign key added NOT
// VALID is checked against every row, with the table's gate closed, and is valid from then
// on; one valid already is left as it is, as in PostgreSQL.
func (s *Session) validateNotValid(ctx context.Context, name string, schema, next *types.Schema, con string, out Output) error {
	i := slices.IndexFunc(next.Constraints, func(c types.Constraint) bool { return c.Name == con })
	if i < 0 {
		if isPKey(next, con) {
			return Errorf("42809", "constraint %q of relation %q is not a foreign key or check constraint", con, name)
		}
		return Errorf("42704", "constraint %q of relation %q does not exist", con, name)
	}
	c := &next.Constraints[i]
	if c.Kind == types.ConstraintUnique {
		return Errorf("42809", "constraint %q of relation %q is not a foreign key or check constraint", con, name)
	}
	if !c.NotValid {
		return out.Complete("ALTER TABLE")
	}
	c.NotValid = false
	check := s.ts.Begin() // holds the parent rows a foreign key's check locks until the change is in
	defer check.Rollback()
	err := s.ts.AlterTableIf(ctx, name, next, identitySources(schema), func() error {
		return s.validateConstraint(ctx, check, next, *c)
	})
	if err != nil {
		return err
	}
	return out.Complete("ALTER TABLE")
}

// typeNameNoMod is a column's type as PostgreSQL's format_type_be prints it, without the
// type modifier: character varying, not character varying(4).
func typeNameNoMod(c types.Column) string {
	switch {
	case c.Type == types.Text && c.Length > 0 && c.Fixed:
		return "character"
	case c.Type == types.Text && c.Length > 0:
		return "character varying"
	case c.Length > 0:
		c.Length = 0
	}
	return c.TypeName()
}

// constraintInclude are the positions of a UNIQUE constraint's INCLUDE columns; a missing one
// is 42703 as a key column's is.
func constraintInclude(schema *types.Schema, names []string) ([]int, error) {
	out, err := includeColumns(schema, names)
	if err != nil {
		return nil, Errorf("42703", "column %q named in key does not exist", names[len(out)])
	}
	return out, nil
}

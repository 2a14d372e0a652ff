package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// The constraints in the catalogs: pg_constraint (which psql's \d reads for its "Check
// constraints", "Indexes", "Foreign-key constraints" and "Referenced by" footers),
// pg_get_constraintdef, and information_schema's table_constraints, key_column_usage and
// referential_constraints. NOT NULL is not a constraint in PostgreSQL 15's pg_constraint;
// information_schema lists it as CHECK constraints named after OIDs, which drove does not.

// catConstraint is one constraint as the catalogs show it.
type catConstraint struct {
	name    string
	kind    byte // p, u, c, f
	table   *types.Schema
	cols    []int // column positions in table
	index   string
	check   string // stored text
	parent  *types.Schema
	refCols []int // column positions in parent
	del     types.RefAction
	upd     types.RefAction
	refKey  string // the parent's constraint the foreign key relies on
	// deferrable and deferred: DEFERRABLE [INITIALLY DEFERRED]
	deferrable, deferred bool
	matchFull, notValid  bool // MATCH FULL; NOT VALID (not validated since)
}

// oid: an index-backed constraint's name is unique (it is its index's); a CHECK's or
// foreign key's only within its table.
func (c *catConstraint) oid() int64 {
	if c.kind == 'p' || c.kind == 'u' {
		return objectOID("constraint", c.name)
	}
	return objectOID("constraint", c.table.Name+"\x00"+c.name)
}

// catalogConstraints lists every constraint of the tablespace, by table and name.
func (s *Session) catalogConstraints() []catConstraint {
	var out []catConstraint
	tables := s.ts.Tables()
	byName := make(map[string]*types.Schema, len(tables))
	for _, t := range tables {
		byName[t.Name] = t
	}
	for _, t := range tables {
		if pk := pkeyName(t); pk != "" {
			out = append(out, catConstraint{name: pk, kind: 'p', table: t, cols: t.PK, index: pk})
		}
		for _, c := range t.Constraints {
			cc := catConstraint{name: c.Name, kind: byte(c.Kind), table: t, cols: c.Columns, index: c.Index, check: c.Check,
				deferrable: c.Deferrable, deferred: c.Deferred, matchFull: c.MatchFull, notValid: c.NotValid}
			if c.Kind == types.ConstraintForeign {
				cc.parent = byName[c.RefTable]
				if cc.parent == nil {
					continue
				}
				for _, n := range c.RefColumns {
					cc.refCols = append(cc.refCols, cc.parent.ColumnIndex(n))
				}
				cc.del, cc.upd = c.OnDelete, c.OnUpdate
				cc.refKey, cc.index = referencedKeyName(cc.parent, cc.refCols)
			}
			out = append(out, cc)
		}
	}
	return out
}

// referencedKeyName names the parent's key a foreign key's columns are: its primary key or a
// unique index (the constraint's name, and the index's).
func referencedKeyName(parent *types.Schema, cols []int) (string, string) {
	if sameIntSet(parent.PK, cols) {
		return pkeyName(parent), pkeyName(parent)
	}
	for _, ix := range parent.Indexes {
		if ix.Unique && sameIntSet(ix.Columns, cols) && !indexDeferrable(parent, ix.Name) {
			return ix.Name, ix.Name
		}
	}
	return "", ""
}

func sameIntSet(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return true
}

func colNames(s *types.Schema, cols []int) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = types.QuoteIdent(s.Columns[c].Name)
	}
	return strings.Join(names, ", ")
}

var refActionText = map[types.RefAction]string{types.RefNoAction: "NO ACTION", types.RefRestrict: "RESTRICT",
	types.RefCascade: "CASCADE", types.RefSetNull: "SET NULL", types.RefSetDefault: "SET DEFAULT"}

// def is pg_get_constraintdef's text; pretty drops the CHECK expression's outer parentheses.
func (c *catConstraint) def(pretty bool) string {
	d := c.body(pretty)
	if c.deferrable {
		d += " DEFERRABLE"
	}
	if c.deferred {
		d += " INITIALLY DEFERRED"
	}
	if c.notValid {
		d += " NOT VALID"
	}
	return d
}

func (c *catConstraint) body(pretty bool) string {
	switch c.kind {
	case 'p':
		return "PRIMARY KEY (" + colNames(c.table, c.cols) + ")" + includeText(c.table, c.table.PKInclude)
	case 'u':
		nnd, include := "", ""
		if ix := c.table.IndexNamed(c.index); ix != nil {
			include = includeText(c.table, ix.Include)
			if ix.NullsNotDistinct {
				nnd = "NULLS NOT DISTINCT "
			}
		}
		return "UNIQUE " + nnd + "(" + colNames(c.table, c.cols) + ")" + include
	case 'c':
		return "CHECK (" + c.checkText(pretty) + ")"
	}
	d := "FOREIGN KEY (" + colNames(c.table, c.cols) + ") REFERENCES " + types.QuoteIdent(c.parent.Name) +
		"(" + colNames(c.parent, c.refCols) + ")"
	if c.matchFull {
		d += " MATCH FULL"
	}
	if c.upd != types.RefNoAction {
		d += " ON UPDATE " + refActionText[c.upd]
	}
	if c.del != types.RefNoAction {
		d += " ON DELETE " + refActionText[c.del]
	}
	return d
}

// checkText prints a CHECK expression as PostgreSQL's deparser does for the common shapes:
// comparisons and AND/OR/NOT, each operation parenthesized unless pretty (where only an OR
// under an AND is).
func checkText(e sqlparser.Expr, pretty bool) string {
	var top sqlparser.SQLNode = e
	format := func(buf *sqlparser.TrackedBuffer, node sqlparser.SQLNode) {
		wrap := func(f func()) {
			if !pretty {
				buf.WriteString("(")
				f()
				buf.WriteString(")")
				return
			}
			f()
		}
		switch n := node.(type) {
		case *sqlparser.ComparisonExpr:
			op := n.Operator.ToString()
			if pg, ok := comparisonOps[n.Operator]; ok {
				op = pg // <>, which vitess prints !=
			}
			if sub, ok := n.Right.(*sqlparser.Subquery); ok && n.Modifier != 0 && unnestedArray(sub) != nil {
				mod := "ANY"
				if n.Modifier == sqlparser.All {
					mod = "ALL"
				}
				wrap(func() { buf.Myprintf("%v %s %s (%v)", n.Left, op, mod, unnestedArray(sub)) })
				return
			}
			if n.Escape == nil && !strings.HasPrefix(n.Operator.ToString(), "like") && n.Operator != sqlparser.InOp &&
				n.Operator != sqlparser.NotInOp && n.Operator != sqlparser.NullSafeEqualOp {
				wrap(func() { buf.Myprintf("%v %s %v", n.Left, op, n.Right) })
				return
			}
		case *sqlparser.AndExpr:
			wrap(func() { buf.Myprintf("%v AND %v", n.Left, n.Right) })
			return
		case *sqlparser.OrExpr:
			if pretty && node != top {
				buf.Myprintf("(%v OR %v)", n.Left, n.Right)
				return
			}
			wrap(func() { buf.Myprintf("%v OR %v", n.Left, n.Right) })
			return
		case *sqlparser.NotExpr:
			wrap(func() { buf.Myprintf("NOT %v", n.Expr) })
			return
		case *sqlparser.ColName: // quoted as PostgreSQL quotes (vitess quotes MySQL's keywords)
			if n.Qualifier.IsEmpty() {
				buf.WriteString(types.QuoteIdent(n.Name.String()))
				return
			}
		case *sqlparser.CollateExpr: // 'new'::text: a string constant's cast without parentheses
			if name, ok := strings.CutPrefix(n.Collation, castMarker); ok {
				if lit, ok := n.Expr.(*sqlparser.Literal); ok && lit.Type == sqlparser.StrVal {
					buf.Myprintf("%v::%s", lit, name)
					return
				}
			}
		}
		pgFormat(buf, node)
	}
	buf := sqlparser.NewTrackedBuffer(format)
	buf.WriteNode(e)
	return strings.ReplaceAll(buf.String(), "`", `"`)
}

// checkText is a CHECK constraint's expression as PostgreSQL prints it (the stored text
// when it does not parse back); pretty drops the outer parentheses.
func (c *catConstraint) checkText(pretty bool) string {
	if e, err := parseStoredExpr(c.check); err == nil {
		return checkText(e, pretty)
	}
	return c.check
}

// constraintDef is pg_get_constraintdef(oid, pretty); ok is false for an unknown oid.
func (s *Session) constraintDef(oid int64, pretty bool) (string, bool) {
	for _, c := range s.catalogConstraints() {
		if c.oid() == oid {
			return c.def(pretty), true
		}
	}
	return "", false
}

func attnums(t *types.Schema, cols []int) types.Value {
	if t == nil {
		return nullOf(types.Int16Array)
	}
	keys := make([]types.Value, len(cols))
	for i, c := range cols {
		keys[i] = types.NewInt(types.Int16, int64(attnum(t, c)))
	}
	return types.NewArray(types.Int16Array, keys)
}

// pgConstraintColumns are pg_constraint's columns.
func pgConstraintSchema() *types.Schema {
	return sysSchema("", oidCol("oid"), textCol("conname"), oidCol("connamespace"), textCol("contype"),
		boolCol("condeferrable"), boolCol("condeferred"), boolCol("convalidated"), oidCol("conrelid"), oidCol("contypid"),
		oidCol("conindid"), oidCol("conparentid"), oidCol("confrelid"), textCol("confupdtype"), textCol("confdeltype"),
		textCol("confmatchtype"), boolCol("conislocal"), intCol("coninhcount"), boolCol("connoinherit"),
		types.Column{Name: "conkey", Type: types.Int16Array}, types.Column{Name: "confkey", Type: types.Int16Array},
		textCol("conbin"))
}

func (s *Session) pgConstraintRows() [][]types.Value {
	var rows [][]types.Value
	for _, c := range s.catalogConstraints() {
		indid, frel := oidVal(0), oidVal(0)
		upd, del, match := text(" "), text(" "), text(" ")
		var fkey types.Value = nullOf(types.Int16Array)
		if c.index != "" {
			indid = oidVal(objectOID("index", c.index))
		}
		if c.kind == 'f' {
			frel = oidVal(objectOID("table", c.parent.Name))
			upd, del, match = text(string(rune(c.upd))), text(string(rune(c.del))), text(matchType(c.matchFull, "f", "s"))
			fkey = attnums(c.parent, c.refCols)
		}
		var conkey types.Value = nullOf(types.Int16Array)
		if c.kind != 'c' || len(c.cols) > 0 {
			conkey = attnums(c.table, c.cols)
		}
		bin := nullOf(types.Text)
		if c.kind == 'c' {
			conkey = attnums(c.table, checkColumnPositions(c.table, c.check))
			bin = text(c.checkText(false)) // as pg_attrdef.adbin: the SQL text pg_get_expr prints
		}
		rows = append(rows, []types.Value{oidVal(c.oid()), text(c.name), oidVal(oidPublic), text(string(rune(c.kind))),
			boolVal(c.deferrable), boolVal(c.deferred), boolVal(!c.notValid), oidVal(objectOID("table", c.table.Name)), oidVal(0),
			indid, oidVal(0), frel, upd, del, match, boolVal(true), int32Val(0), boolVal(false), conkey, fkey, bin})
	}
	return rows
}

// checkColumnPositions are the columns a CHECK names, in order of appearance
// (pg_constraint.conkey).
func checkColumnPositions(t *types.Schema, stored string) []int {
	e, err := parseStoredExpr(stored)
	if err != nil {
		return nil
	}
	names, _ := checkColumns(e)
	var out []int
	for _, n := range names {
		if i := t.ColumnIndex(n); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

var constraintTypeText = map[byte]string{'p': "PRIMARY KEY", 'u': "UNIQUE", 'c': "CHECK", 'f': "FOREIGN KEY"}

func init() {
	systemTables["information_schema.table_constraints"] = &systemTable{
		schema: sysSchema("table_constraints", textCol("constraint_catalog"), textCol("constraint_schema"),
			textCol("constraint_name"), textCol("table_catalog"), textCol("table_schema"), textCol("table_name"),
			textCol("constraint_type"), textCol("is_deferrable"), textCol("initially_deferred"), textCol("enforced"),
			textCol("nulls_distinct")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, c := range s.catalogConstraints() {
				nd := nullOf(types.Text)
				if c.kind == 'u' || c.kind == 'p' {
					nd = text("YES")
				}
				rows = append(rows, []types.Value{text(s.set.database), text("public"), text(c.name), text(s.set.database),
					text("public"), text(c.table.Name), text(constraintTypeText[c.kind]), text(yesNo(c.deferrable)), text(yesNo(c.deferred)),
					text("YES"), nd})
			}
			return rows
		},
	}
	systemTables["information_schema.key_column_usage"] = &systemTable{
		schema: sysSchema("key_column_usage", textCol("constraint_catalog"), textCol("constraint_schema"),
			textCol("constraint_name"), textCol("table_catalog"), textCol("table_schema"), textCol("table_name"),
			textCol("column_name"), intCol("ordinal_position"), intCol("position_in_unique_constraint")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, c := range s.catalogConstraints() {
				if c.kind == 'c' {
					continue
				}
				for i, col := range c.cols {
					pos := types.Value{T: types.Int32, Null: true}
					if c.kind == 'f' {
						pos = int32Val(uniquePosition(c.parent, c.refCols[i]))
					}
					rows = append(rows, []types.Value{text(s.set.database), text("public"), text(c.name), text(s.set.database),
						text("public"), text(c.table.Name), text(c.table.Columns[col].Name), int32Val(i + 1), pos})
				}
			}
			return rows
		},
	}
	systemTables["information_schema.referential_constraints"] = &systemTable{
		schema: sysSchema("referential_constraints", textCol("constraint_catalog"), textCol("constraint_schema"),
			textCol("constraint_name"), textCol("unique_constraint_catalog"), textCol("unique_constraint_schema"),
			textCol("unique_constraint_name"), textCol("match_option"), textCol("update_rule"), textCol("delete_rule")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, c := range s.catalogConstraints() {
				if c.kind != 'f' {
					continue
				}
				rows = append(rows, []types.Value{text(s.set.database), text("public"), text(c.name), text(s.set.database),
					text("public"), text(c.refKey), text(matchType(c.matchFull, "FULL", "NONE")), text(refActionText[c.upd]), text(refActionText[c.del])})
			}
			return rows
		},
	}
}

// uniquePosition is a referenced column's position in the parent key the foreign key uses.
func uniquePosition(parent *types.Schema, col int) int {
	for _, key := range append([][]int{parent.PK}, uniqueColumnLists(parent)...) {
		for i, c := range key {
			if c == col {
				return i + 1
			}
		}
	}
	return 0
}

func uniqueColumnLists(s *types.Schema) [][]int {
	var out [][]int
	for _, ix := range s.Indexes {
		if ix.Unique {
			out = append(out, ix.Columns)
		}
	}
	return out
}

// constraintClassInfo is pg_class's relchecks (the count of CHECK constraints, which psql's \d
// reads before it asks for its "Check constraints" footer) and relhastriggers, true as in
// PostgreSQL for a table with a foreign key or one that a foreign key references (their
// triggers enforce it there): psql's \d then asks for its "Foreign-key constraints" and
// "Referenced by" footers. referenced holds the tables foreign keys reference.
func (s *Session) constraintClassInfo(t *types.Schema, referenced map[string]bool) (types.Value, types.Value) {
	checks, fk := 0, referenced[t.Name]
	for _, c := range t.Constraints {
		switch c.Kind {
		case types.ConstraintCheck:
			checks++
		case types.ConstraintForeign:
			fk = true
		}
	}
	return int32Val(checks), boolVal(fk)
}

// referencedTables are the tables some foreign key references.
func referencedTables(tables []*types.Schema) map[string]bool {
	out := map[string]bool{}
	for _, t := range tables {
		for _, c := range t.Constraints {
			if c.Kind == types.ConstraintForeign {
				out[c.RefTable] = true
			}
		}
	}
	return out
}

// matchType is a foreign key's match option as a catalog spells it: full for MATCH FULL,
// simple for MATCH SIMPLE.
func matchType(isFull bool, full, simple string) string {
	if isFull {
		return full
	}
	return simple
}

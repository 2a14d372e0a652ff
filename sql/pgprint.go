package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"
)

// pgString prints a node the dialect pass produced as PostgreSQL text: the MySQL constructs
// and marker strings that carry PostgreSQL's meaning (see pgcheck.go) are printed as what
// they stand for, so EXPLAIN, error messages and catalogs never show a marker.
func pgString(node sqlparser.SQLNode) string {
	buf := sqlparser.NewTrackedBuffer(pgFormat)
	buf.WriteNode(node)
	return strings.ReplaceAll(buf.String(), "`", `"`)
}

// pgFormat is the vitess node formatter behind pgString.
func pgFormat(buf *sqlparser.TrackedBuffer, node sqlparser.SQLNode) {
	switch n := node.(type) {
	case *sqlparser.CollateExpr:
		if name, ok := strings.CutPrefix(n.Collation, castMarker); ok {
			buf.Myprintf("(%v)::%s", n.Expr, name)
			return
		}
	case *sqlparser.ComparisonExpr:
		if pgFormatComparison(buf, n) {
			return
		}
	case *sqlparser.BinaryExpr:
		if n.Operator == sqlparser.BitOrOp { // the dialect pass's || and the operators at its level
			text, err := otherOperatorTree(n, pgOperand,
				func(op, x string) string { return "(" + op + " " + x + ")" },
				func(op, l, r string) string { return "(" + l + " " + op + " " + r + ")" })
			if err != nil {
				text = pgString(n.Left) + " | " + pgString(n.Right)
			}
			buf.WriteString(text)
			return
		}
	case *sqlparser.UnaryExpr:
		if n.Operator == sqlparser.BangOp { // the dialect pass's prefix +
			buf.Myprintf("+%v", n.Expr)
			return
		}
	case *sqlparser.FuncExpr:
		if pgFormatInternalCall(buf, n) {
			return
		}
		if n.Name.EqualString("current_date") && n.Qualifier.IsEmpty() && len(n.Exprs) == 0 {
			buf.WriteString("CURRENT_DATE") // vitess's node of the SQL value keyword (DEFAULT CURRENT_DATE)
			return
		}
	case *sqlparser.GroupConcatExpr: // an aggregate the dialect pass wrote with a marker
		pgFormatMarkerAgg(buf, n)
		return
	case *sqlparser.Count:
		if len(n.Args) > 0 && isAggCallMarker(n.Args[0]) { // the same, before OVER
			buf.WriteString(strings.TrimPrefix(n.Args[0].(*sqlparser.Literal).Val, aggCallMarker) + "(")
			for i, e := range n.Args[1:] {
				if i > 0 {
					buf.WriteString(", ")
				}
				buf.Myprintf("%v", e)
			}
			buf.Myprintf(")%v", n.OverClause)
			return
		}
	case *sqlparser.Literal:
		if strings.HasPrefix(n.Val, markerStart) { // never printed alone; not as a NUL either
			buf.WriteString(unmark(n.Val))
			return
		}
	}
	node.Format(buf)
}

// pgOperand prints an operand of || (or an operator of its level): an arithmetic operation
// in parentheses, as ruleutils.c writes an operator under one of another precedence class
// ('v' || (1 + 2); vitess's tree has dropped the parentheses, its + binding tighter).
func pgOperand(x sqlparser.Expr) (string, error) {
	if b, ok := x.(*sqlparser.BinaryExpr); ok && b.Operator != sqlparser.BitOrOp {
		return "(" + pgString(x) + ")", nil
	}
	return pgString(x), nil
}

// pgFormatComparison prints IS [NOT] DISTINCT FROM, the regular-expression matches, ILIKE and
// x op ANY (array) as PostgreSQL spells them; false for any other comparison.
func pgFormatComparison(buf *sqlparser.TrackedBuffer, n *sqlparser.ComparisonExpr) bool {
	switch n.Operator {
	case sqlparser.NullSafeEqualOp:
		if inner, ok := n.Left.(*sqlparser.ComparisonExpr); ok && inner.Operator == sqlparser.NullSafeEqualOp {
			if lit, ok := inner.Right.(*sqlparser.Literal); ok && lit.Val == distinctMarker {
				buf.Myprintf("(%v IS DISTINCT FROM %v)", inner.Left, n.Right)
				return true
			}
		}
		buf.Myprintf("(%v IS NOT DISTINCT FROM %v)", n.Left, n.Right)
		return true
	case sqlparser.RegexpOp, sqlparser.NotRegexpOp:
		not := n.Operator == sqlparser.NotRegexpOp
		if m, ok := n.Right.(*sqlparser.CollateExpr); ok && strings.HasPrefix(m.Collation, regexMarkerPrefix) {
			op := "~"
			if not {
				op = "!~"
			}
			if strings.HasSuffix(m.Collation, "i") {
				op += "*"
			}
			buf.Myprintf("(%v %s %v)", n.Left, op, m.Expr)
			return true
		}
		op := "~~*" // ILIKE, as PostgreSQL's EXPLAIN prints it
		if not {
			op = "!~~*"
		}
		buf.Myprintf("(%v %s %v)", n.Left, op, n.Right)
		return true
	case sqlparser.LikeOp, sqlparser.NotLikeOp:
		if n.Escape == nil {
			break
		}
		op, esc := "~~", n.Escape
		if m, ok := esc.(*sqlparser.CollateExpr); ok && m.Collation == ilikeEscapeMarker {
			op, esc = "~~*", m.Expr
		}
		if n.Operator == sqlparser.NotLikeOp {
			op = "!" + op
		}
		buf.Myprintf("(%v %s like_escape(%v, %v))", n.Left, op, n.Right, esc)
		return true
	}
	if n.Modifier != 0 {
		if sub, ok := n.Right.(*sqlparser.Subquery); ok {
			if arr := unnestedArray(sub); arr != nil {
				mod := "ANY"
				if n.Modifier == sqlparser.All {
					mod = "ALL"
				}
				buf.Myprintf("(%v %s %s (%v))", n.Left, n.Operator.ToString(), mod, arr)
				return true
			}
		}
	}
	return false
}

// unnestedArray returns x when sub is the dialect pass's (SELECT drove_unnest(x)) for op ANY (x).
func unnestedArray(sub *sqlparser.Subquery) sqlparser.Expr {
	sel, ok := sub.Select.(*sqlparser.Select)
	if !ok || len(sel.SelectExprs.Exprs) != 1 || sel.Where != nil || len(sel.From) != 1 || !isDualFrom(sel.From[0]) {
		return nil
	}
	ae, ok := sel.SelectExprs.Exprs[0].(*sqlparser.AliasedExpr)
	if !ok {
		return nil
	}
	f, ok := ae.Expr.(*sqlparser.FuncExpr)
	if !ok || !f.Name.EqualString("drove_unnest") || len(f.Exprs) != 1 {
		return nil
	}
	return f.Exprs[0]
}

// pgFormatInternalCall prints the dialect pass's calls for subscripts, field selections and
// ARRAY constructors as the syntax they stand for.
func pgFormatInternalCall(buf *sqlparser.TrackedBuffer, f *sqlparser.FuncExpr) bool {
	switch name := f.Name.Lowered(); {
	case name == "drove_subscript" && (len(f.Exprs) == 2 || len(f.Exprs) == 3):
		// PostgreSQL subscripts a column or a subscript as it is, anything else in parentheses.
		inner, ok := f.Exprs[0].(*sqlparser.FuncExpr)
		if _, col := f.Exprs[0].(*sqlparser.ColName); col || ok && inner.Name.Lowered() == "drove_subscript" {
			buf.Myprintf("%v[%v", f.Exprs[0], f.Exprs[1])
		} else {
			buf.Myprintf("(%v)[%v", f.Exprs[0], f.Exprs[1])
		}
		if len(f.Exprs) == 3 { // a slice (arrayslice.go)
			buf.Myprintf(":%v", f.Exprs[2])
		}
		buf.WriteByte(']')
	case name == aggFilterFunc && len(f.Exprs) == 2:
		buf.Myprintf("%v FILTER (WHERE %v)", f.Exprs[0], f.Exprs[1])
	case name == windowFilterFunc && len(f.Exprs) == 2:
		// the argument of a window aggregate, agg(x) FILTER (WHERE c) OVER (...) as written
		buf.Myprintf("%v) FILTER (WHERE %v", f.Exprs[1], f.Exprs[0])
	case name == "drove_field" && len(f.Exprs) == 2:
		field := f.Exprs[1]
		if lit, ok := field.(*sqlparser.Literal); ok {
			buf.Myprintf("(%v).%s", f.Exprs[0], lit.Val)
		} else {
			buf.Myprintf("(%v).%v", f.Exprs[0], field)
		}
	case name == rowFunc:
		buf.WriteString("ROW(")
		for i, e := range f.Exprs {
			if i > 0 {
				buf.WriteString(", ")
			}
			buf.Myprintf("%v", e)
		}
		buf.WriteString(")")
	case name == "drove_array_of":
		buf.WriteString("ARRAY[")
		for i, e := range f.Exprs {
			if i > 0 {
				buf.WriteString(", ")
			}
			buf.Myprintf("%v", e)
		}
		buf.WriteString("]")
	case name == "drove_array" && len(f.Exprs) == 1:
		buf.Myprintf("ARRAY%v", f.Exprs[0])
	default:
		return false
	}
	return true
}

// storedExpr is e as the text a schema keeps for a DEFAULT, which parseStoredExpr reads back:
// vitess's own printing, except that a COLLATE marker stays a quoted string (vitess prints a
// collation bare, and '\0::int' bare does not parse again).
func storedExpr(e sqlparser.Expr) string {
	buf := sqlparser.NewTrackedBuffer(func(buf *sqlparser.TrackedBuffer, node sqlparser.SQLNode) {
		if c, ok := node.(*sqlparser.CollateExpr); ok && strings.HasPrefix(c.Collation, markerStart) {
			buf.Myprintf("(%v) collate %s", c.Expr, markerLiteral(c.Collation))
			return
		}
		node.Format(buf)
	})
	buf.WriteNode(e)
	return buf.String()
}

// parseStoredExpr parses a DEFAULT as storedExpr wrote it. Schemas written before markers
// began with NUL hold IS DISTINCT FROM's as '~distinct' (no other marker could be stored in a
// form that parsed).
func parseStoredExpr(def string) (sqlparser.Expr, error) {
	def = strings.ReplaceAll(def, "<=> '~distinct' <=>", "<=> "+markerLiteral(distinctMarker)+" <=>")
	return parser.ParseExpr(def)
}

// defaultText is a stored DEFAULT expression (vitess text, see ddl.go) as PostgreSQL text,
// for the catalogs that show it.
func defaultText(def string) string {
	if isSerialDefault(def) {
		return def
	}
	e, err := parseStoredExpr(def)
	if err != nil {
		return def
	}
	return pgString(e)
}

// catalogExprText is a stored expression (a DEFAULT, a generation expression) as
// pg_get_expr prints it without pretty flags, for information_schema.columns: sql/ast's
// Explain style, every operator in parentheses as ruleutils.c writes them ((a * 2) + b).
// The constants' types PostgreSQL adds ('v'::text) are not known without binding.
func catalogExprText(def string) string {
	if isSerialDefault(def) {
		return def
	}
	e, err := parseStoredExpr(def)
	if err != nil {
		return def
	}
	x, err := (&converter{}).expr(e)
	if err != nil {
		return pgString(e)
	}
	return treeText(x)
}

// pgFormatMarkerAgg prints name(DISTINCT args ORDER BY keys) or name(args) WITHIN GROUP
// (ORDER BY keys) for the GROUP_CONCAT the dialect pass wrote (dialect_aggs.go).
func pgFormatMarkerAgg(buf *sqlparser.TrackedBuffer, n *sqlparser.GroupConcatExpr) {
	name, _ := strings.CutPrefix(decodeSQLString(n.Separator), aggCallMarker)
	buf.WriteString(name + "(")
	if n.Distinct {
		buf.WriteString("DISTINCT ")
	}
	exprs := n.Exprs
	within := len(exprs) > 0 && isMarkerLiteral(exprs[0], withinMarker)
	if within {
		exprs = exprs[1:]
	}
	for i, e := range exprs {
		if i > 0 {
			buf.WriteString(", ")
		}
		buf.Myprintf("%v", e)
	}
	if within {
		buf.Myprintf(") WITHIN GROUP (%v)", n.OrderBy)
		return
	}
	buf.Myprintf("%v)", n.OrderBy)
}

package ast

import (
	"strconv"
	"strings"
)

// Style is how Print spells a tree.
type Style uint8

const (
	// SQL is text that parses back to an equal tree: every operator application in
	// parentheses (so no precedence is ever relied on), LIKE as LIKE.
	SQL Style = iota
	// Explain is PostgreSQL's deparse as EXPLAIN and pg_get_viewdef show it (ruleutils.c
	// without pretty flags): operators by their pg_operator names (LIKE is ~~, ILIKE ~~*),
	// BETWEEN expanded into its comparisons, IN over constants as = ANY of an array constant.
	Explain
)

// Print writes n as PostgreSQL text in the given style.
func Print(n Node, style Style) string {
	return Printer{Style: style}.Print(n)
}

// Printer writes trees as PostgreSQL text.
type Printer struct {
	Style Style
	// MustQuote, when set, names identifiers to quote besides PostgreSQL's keywords: words
	// another parser that reads the text takes for keywords.
	MustQuote func(name string) bool
	// Resolve, when set, gives the printable tree of a node a consumer keeps in its own
	// form: a Foreign, and a SubLink (sql's x op ANY (array) is one).
	Resolve func(Expr) Expr
}

// Print writes n.
func (pr Printer) Print(n Node) string {
	p := &printer{style: pr.Style, mustQuote: pr.MustQuote, resolve: pr.Resolve}
	p.node(n)
	return p.b.String()
}

type printer struct {
	b         strings.Builder
	style     Style
	mustQuote func(string) bool
	resolve   func(Expr) Expr
}

// ident writes an identifier, quoted when it must be.
// likeOperatorWords are LIKE's operators, spelled as the predicate (x LIKE ANY (a)).
var likeOperatorWords = map[string]string{"~~": "LIKE", "!~~": "NOT LIKE", "~~*": "ILIKE", "!~~*": "NOT ILIKE"}

func (p *printer) ident(name string) string {
	if p.mustQuote != nil && p.mustQuote(name) {
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
	return QuoteIdent(name)
}

func (p *printer) w(s ...string) {
	for _, x := range s {
		p.b.WriteString(x)
	}
}

func (p *printer) node(n Node) {
	switch n := n.(type) {
	case Expr:
		p.expr(n)
	case *Select:
		p.selectStmt(n)
	case FromItem:
		p.from(n)
	case Stmt:
		p.stmt(n)
	}
}

func (p *printer) exprs(list []Expr) {
	for i, e := range list {
		if i > 0 {
			p.w(", ")
		}
		p.expr(e)
	}
}

func (p *printer) expr(e Expr) {
	if p.resolve != nil {
		if _, ok := e.(*SubLink); ok || isForeign(e) {
			e = p.resolve(e)
		}
	}
	switch e := e.(type) {
	case *Literal:
		p.literal(e)
	case *ColumnRef:
		p.columnRef(e)
	case *Param:
		p.w("$", strconv.Itoa(e.N))
	case *UnaryOp:
		p.w("(", e.Op, " ")
		p.expr(e.Expr)
		p.w(")")
	case *BinaryOp:
		p.binary(e.Left, e.Op, e.Right)
	case *BoolOp:
		p.boolOp(e)
	case *FuncCall:
		p.funcCall(e)
	case *SQLValue:
		p.w(e.Name)
		if e.Precision >= 0 {
			p.w("(", strconv.Itoa(e.Precision), ")")
		}
	case *Extract:
		p.w("EXTRACT(", e.Field, " FROM ")
		p.expr(e.Expr)
		p.w(")")
	case *Case:
		p.caseExpr(e)
	case *Cast:
		p.cast(e)
	case *Collate:
		p.w("(")
		p.expr(e.Expr)
		p.w(" COLLATE ", QuoteIdent(e.Collation), ")")
	case *In:
		p.in(e)
	case *SubLink:
		p.subLink(e)
	case *AnyAll:
		op := e.Op
		if words, ok := likeOperatorWords[op]; ok {
			op = words // PostgreSQL reads LIKE ANY, not ~~ ANY, in the SQL standard's words
		}
		p.w("(")
		p.expr(e.Left)
		p.w(" ", op, " ", map[bool]string{false: "ANY", true: "ALL"}[e.All], " (")
		p.expr(e.Array)
		p.w("))")
	case *NullTest:
		p.w("(")
		p.expr(e.Expr)
		p.w(map[bool]string{false: " IS NULL)", true: " IS NOT NULL)"}[e.Not])
	case *BoolTest:
		p.w("(")
		p.expr(e.Expr)
		p.w(map[bool]string{false: " IS ", true: " IS NOT "}[e.Not], e.Value, ")")
	case *DistinctFrom:
		p.binary(e.Left, map[bool]string{false: "IS DISTINCT FROM", true: "IS NOT DISTINCT FROM"}[e.Not], e.Right)
	case *Between:
		p.between(e)
	case *Like:
		p.like(e)
	default:
		p.composite(e)
	}
}

// composite prints the constructors, postfix forms and grouping nodes.
func (p *printer) composite(e Expr) {
	switch e := e.(type) {
	case *Array:
		p.w("ARRAY[")
		p.exprs(e.Elems)
		p.w("]")
	case *Row:
		if e.Explicit || len(e.Fields) < 2 || p.style == Explain { // ruleutils.c writes ROW always
			p.w("ROW")
		}
		p.w("(")
		p.exprs(e.Fields)
		p.w(")")
	case *Subscript:
		p.operand(e.Expr)
		p.brackets(e)
	case *Field:
		p.w("(")
		p.expr(e.Expr)
		p.w(").", p.ident(e.Name))
	case *AtTimeZone:
		p.binary(e.Expr, "AT TIME ZONE", e.Zone)
	case *NamedArg:
		// An argument's name is not a column: PostgreSQL takes keywords there unquoted
		// (make_date(year => 2024)), and so does drove's dialect pass.
		name := e.Name
		if !plainArgName(name) {
			name = p.ident(name)
		}
		p.w(name, " => ")
		p.expr(e.Value)
	case *Default:
		p.w("DEFAULT")
	case *GroupingFunc:
		p.w("GROUPING(")
		p.exprs(e.Args)
		p.w(")")
	case *GroupingSet:
		p.groupingSet(e)
	}
}

// groupingSet writes ROLLUP, CUBE, GROUPING SETS or (); a parenthesized list in one is a
// set of expressions, not a row (ruleutils.c's get_rule_groupingset).
func (p *printer) groupingSet(g *GroupingSet) {
	p.w(map[GroupingKind]string{GroupingEmpty: "(", GroupingRollup: "ROLLUP(", GroupingCube: "CUBE(", GroupingSets: "GROUPING SETS ("}[g.Kind])
	for i, e := range g.Content {
		if i > 0 {
			p.w(", ")
		}
		if r, ok := e.(*Row); ok && !r.Explicit {
			p.w("(")
			p.exprs(r.Fields)
			p.w(")")
		} else {
			p.expr(e)
		}
	}
	p.w(")")
}

func isForeign(e Expr) bool {
	_, ok := e.(*Foreign)
	return ok
}

// operand writes e where a postfix operator follows it: a column or a subscript as it is,
// anything else in parentheses, as PostgreSQL's grammar needs.
func (p *printer) operand(e Expr) {
	switch e.(type) {
	case *ColumnRef, *Subscript, *Param:
		p.expr(e)
	default:
		p.w("(")
		p.expr(e)
		p.w(")")
	}
}

func (p *printer) binary(l Expr, op string, r Expr) {
	p.w("(")
	p.expr(l)
	p.w(" ", op, " ")
	p.expr(r)
	p.w(")")
}

func (p *printer) boolOp(e *BoolOp) {
	if e.Op == Not {
		p.w("(NOT ")
		p.expr(e.Args[0])
		p.w(")")
		return
	}
	op := " AND "
	if e.Op == Or {
		op = " OR "
	}
	p.w("(")
	for i, a := range e.Args {
		if i > 0 {
			p.w(op)
		}
		p.expr(a)
	}
	p.w(")")
}

func (p *printer) literal(l *Literal) {
	switch l.Type {
	case LitNull:
		p.w("NULL")
	case LitBool:
		p.w(l.Val)
	case LitString:
		p.w(QuoteString(l.Val))
	case LitBitString:
		p.w("B'", l.Val, "'")
	default:
		if p.style == Explain && strings.HasPrefix(l.Val, "-") {
			// ruleutils.c quotes a negative constant, so it never reads as an operator.
			p.w(QuoteString(l.Val), "::", map[LitType]string{LitInteger: "integer", LitBigint: "bigint", LitNumeric: "numeric"}[l.Type])
			return
		}
		p.w(l.Val)
	}
}

func (p *printer) columnRef(c *ColumnRef) {
	for i, n := range c.Names {
		if i > 0 {
			p.w(".")
		}
		p.w(p.ident(n))
	}
	if c.Star {
		if len(c.Names) > 0 {
			p.w(".")
		}
		p.w("*")
	}
}

func (p *printer) funcCall(f *FuncCall) {
	name := make([]string, len(f.Name))
	for i, n := range f.Name {
		name[i] = quoteFuncName(n)
	}
	switch f.Syntax {
	case "substring":
		p.w("SUBSTRING(")
		p.expr(f.Args[0])
		if len(f.Args) > 1 && f.Args[1] != nil {
			p.w(" FROM ")
			p.expr(f.Args[1])
		}
		if len(f.Args) > 2 {
			p.w(" FOR ")
			p.expr(f.Args[2])
		}
		p.w(")")
		return
	case "position":
		p.w("POSITION(")
		p.expr(f.Args[1])
		p.w(" IN ")
		p.expr(f.Args[0])
		p.w(")")
		return
	case "trim":
		p.w("TRIM(", f.TrimSpec)
		if len(f.Args) > 1 {
			p.w(" ")
			p.expr(f.Args[1])
		}
		p.w(" FROM ")
		p.expr(f.Args[0])
		p.w(")")
		return
	}
	if p.style == Explain && len(f.Name) == 1 && exprCallWords[f.Name[0]] {
		name[0] = strings.ToUpper(f.Name[0]) // ruleutils.c prints these nodes, not calls
	}
	p.w(strings.Join(name, "."), "(")
	if f.Distinct {
		p.w("DISTINCT ")
	}
	if f.Star {
		p.w("*")
	}
	for i, a := range f.Args {
		if i > 0 {
			p.w(", ")
		}
		if f.Variadic && i == len(f.Args)-1 {
			p.w("VARIADIC ")
		}
		p.expr(a)
	}
	switch {
	case f.WithinGroup:
		p.w(") WITHIN GROUP (")
		p.orderBy(f.OrderBy)
	case len(f.OrderBy) > 0:
		p.w(" ")
		p.orderBy(f.OrderBy)
	}
	p.w(")")
	if f.Filter != nil {
		p.w(" FILTER (WHERE ")
		p.expr(f.Filter)
		p.w(")")
	}
	if f.Over != nil {
		p.w(" OVER ")
		if f.Over.ByName {
			p.w(p.ident(f.Over.Ref))
			return
		}
		p.window(f.Over)
	}
}

// exprCallWords are the calls PostgreSQL's grammar makes expression nodes of (CoalesceExpr,
// MinMaxExpr, NullIfExpr), which its deparser writes in capitals.
var exprCallWords = map[string]bool{"coalesce": true, "greatest": true, "least": true, "nullif": true}

func (p *printer) window(w *Window) {
	p.w("(")
	sep := ""
	if w.Ref != "" {
		p.w(p.ident(w.Ref))
		sep = " "
	}
	if len(w.PartitionBy) > 0 {
		p.w(sep, "PARTITION BY ")
		p.exprs(w.PartitionBy)
		sep = " "
	}
	if len(w.OrderBy) > 0 {
		p.w(sep)
		p.orderBy(w.OrderBy)
		sep = " "
	}
	if f := w.Frame; f != nil {
		p.w(sep, f.Mode, " ")
		if f.End != nil {
			p.w("BETWEEN ")
		}
		p.frameBound(f.Start)
		if f.End != nil {
			p.w(" AND ")
			p.frameBound(f.End)
		}
		if f.Exclude != "" {
			p.w(" EXCLUDE ", f.Exclude)
		}
	}
	p.w(")")
}

func (p *printer) frameBound(b *FrameBound) {
	if b.Offset != nil {
		p.expr(b.Offset)
		p.w(" ")
	}
	p.w(b.Kind)
}

func (p *printer) orderBy(keys []SortBy) {
	p.w("ORDER BY ")
	for i, k := range keys {
		if i > 0 {
			p.w(", ")
		}
		p.expr(k.Expr)
		if k.Desc {
			p.w(" DESC")
		}
		switch k.Nulls {
		case NullsFirst:
			p.w(" NULLS FIRST")
		case NullsLast:
			p.w(" NULLS LAST")
		}
	}
}

func (p *printer) caseExpr(c *Case) {
	p.w("CASE")
	if c.Arg != nil {
		p.w(" ")
		p.expr(c.Arg)
	}
	for _, w := range c.Whens {
		p.w(" WHEN ")
		p.expr(w.Cond)
		p.w(" THEN ")
		p.expr(w.Result)
	}
	if c.Else != nil {
		p.w(" ELSE ")
		p.expr(c.Else)
	}
	p.w(" END")
}

func (p *printer) cast(c *Cast) {
	if l, ok := c.Expr.(*Literal); ok && l.Type == LitString {
		p.literal(l)
	} else {
		p.w("(")
		p.expr(c.Expr)
		p.w(")")
	}
	p.w("::", c.Type.Name)
}

func (p *printer) in(e *In) {
	if p.style == Explain {
		p.explainIn(e)
		return
	}
	p.w("(")
	p.expr(e.Expr)
	p.w(map[bool]string{false: " IN (", true: " NOT IN ("}[e.Not])
	p.exprs(e.List)
	p.w("))")
}

// explainIn writes x IN (list) as PostgreSQL's analysis rewrites it (transformAExprIn): the
// elements without columns, when more than one, as x = ANY (array) — one array constant when
// they are all constants — and each other element as x = element, ORed; NOT IN as <> ALL and
// <>, ANDed.
func (p *printer) explainIn(e *In) {
	var consts, vars []Expr
	for _, x := range e.List {
		if hasColumn(x) {
			vars = append(vars, x)
		} else {
			consts = append(consts, x)
		}
	}
	if len(consts) == 1 {
		vars, consts = e.List, nil
	}
	var parts []func()
	if len(consts) > 0 {
		parts = append(parts, func() {
			p.w("(")
			p.expr(e.Expr)
			p.w(map[bool]string{false: " = ANY (", true: " <> ALL ("}[e.Not])
			if lit, ok := arrayLiteral(consts); ok {
				p.w(QuoteString(lit))
			} else {
				p.w("ARRAY[")
				p.exprs(consts)
				p.w("]")
			}
			p.w("))")
		})
	}
	for _, v := range vars {
		parts = append(parts, func() { p.binary(e.Expr, map[bool]string{false: "=", true: "<>"}[e.Not], v) })
	}
	if len(parts) == 1 {
		parts[0]()
		return
	}
	p.w("(")
	for i, part := range parts {
		if i > 0 {
			p.w(map[bool]string{false: " OR ", true: " AND "}[e.Not])
		}
		part()
	}
	p.w(")")
}

// hasColumn reports whether e reads a column (of any query level).
func hasColumn(e Expr) bool {
	found := false
	Walk(e, func(n Node) bool {
		if _, ok := n.(*ColumnRef); ok {
			found = true
		}
		return !found
	})
	return found
}

// arrayLiteral is list as the text of an array constant, when every element is a non-NULL
// constant.
func arrayLiteral(list []Expr) (string, bool) {
	var b strings.Builder
	b.WriteByte('{')
	for i, x := range list {
		l, ok := x.(*Literal)
		if !ok || l.Type == LitNull {
			return "", false
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(arrayElement(l.Val))
	}
	b.WriteByte('}')
	return b.String(), true
}

// arrayElement quotes v as array_out does: when it is empty, NULL, or holds a character
// the array syntax gives meaning to.
func arrayElement(v string) string {
	if v != "" && !strings.EqualFold(v, "null") && !strings.ContainsAny(v, "{},\"\\ \t\n\r\f\v") {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

func (p *printer) subLink(s *SubLink) {
	switch s.Kind {
	case ExistsSubLink:
		p.w("EXISTS (")
	case ArraySubLink:
		p.w("ARRAY(")
	case AnySubLink, AllSubLink:
		p.w("(")
		p.expr(s.Left)
		switch {
		case s.In:
			p.w(" IN (")
		case s.Kind == AnySubLink:
			p.w(" ", s.Op, " ANY (")
		default:
			p.w(" ", s.Op, " ALL (")
		}
		p.selectStmt(s.Select)
		p.w("))")
		return
	default:
		p.w("(")
	}
	p.selectStmt(s.Select)
	p.w(")")
}

func (p *printer) between(e *Between) {
	if p.style == Explain {
		// PostgreSQL's analysis turns BETWEEN into its two comparisons, SYMMETRIC into the
		// OR of both orders (NOT BETWEEN SYMMETRIC: the AND of both NOT BETWEENs).
		if !e.Symmetric {
			p.betweenPair(e, e.Lo, e.Hi)
			return
		}
		p.w("(")
		p.betweenPair(e, e.Lo, e.Hi)
		if e.Not {
			p.w(" AND ")
		} else {
			p.w(" OR ")
		}
		p.betweenPair(e, e.Hi, e.Lo)
		p.w(")")
		return
	}
	p.w("(")
	p.expr(e.Expr)
	if e.Not {
		p.w(" NOT")
	}
	p.w(" BETWEEN ")
	if e.Symmetric {
		p.w("SYMMETRIC ")
	}
	p.expr(e.Lo)
	p.w(" AND ")
	p.expr(e.Hi)
	p.w(")")
}

// betweenPair prints e's two comparisons with lo and hi as PostgreSQL's EXPLAIN does:
// (x >= lo) AND (x <= hi), or for NOT BETWEEN (x < lo) OR (x > hi).
func (p *printer) betweenPair(e *Between, lo, hi Expr) {
	ge, le, join := " >= ", " <= ", ") AND ("
	if e.Not {
		ge, le, join = " < ", " > ", ") OR ("
	}
	p.w("((")
	p.expr(e.Expr)
	p.w(ge)
	p.expr(lo)
	p.w(join)
	p.expr(e.Expr)
	p.w(le)
	p.expr(hi)
	p.w("))")
}

func (p *printer) like(e *Like) {
	if p.style == Explain && e.Kind != SimilarOp {
		op := map[LikeKind]string{LikeOp: "~~", ILikeOp: "~~*"}[e.Kind]
		if e.Not {
			op = "!" + op
		}
		p.w("(")
		p.expr(e.Expr)
		p.w(" ", op, " ")
		if e.Escape != nil {
			p.w("like_escape(")
			p.expr(e.Pattern)
			p.w(", ")
			p.expr(e.Escape)
			p.w(")")
		} else {
			p.expr(e.Pattern)
		}
		p.w(")")
		return
	}
	if p.style == Explain { // PostgreSQL's parser makes SIMILAR TO this call
		p.w("(")
		p.expr(e.Expr)
		p.w(map[bool]string{false: " ~ ", true: " !~ "}[e.Not], "similar_to_escape(")
		p.expr(e.Pattern)
		if e.Escape != nil {
			p.w(", ")
			p.expr(e.Escape)
		}
		p.w("))")
		return
	}
	p.w("(")
	p.expr(e.Expr)
	if e.Not {
		p.w(" NOT")
	}
	p.w(map[LikeKind]string{LikeOp: " LIKE ", ILikeOp: " ILIKE ", SimilarOp: " SIMILAR TO "}[e.Kind])
	p.expr(e.Pattern)
	if e.Escape != nil {
		p.w(" ESCAPE ")
		p.expr(e.Escape)
	}
	p.w(")")
}

// QuoteString writes s as a standard-conforming string constant.
func QuoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// plainArgName reports whether an argument name prints without quotes: lower-case letters,
// digits and underscores, not starting with a digit.
func plainArgName(s string) bool {
	for i, c := range s {
		if !(c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// brackets writes a subscript's [i] or [i:j], after its operand or a SET target's column.
func (p *printer) brackets(e *Subscript) {
	p.w("[")
	p.expr(e.Index)
	if e.Upper != nil {
		p.w(":")
		p.expr(e.Upper)
	}
	p.w("]")
}

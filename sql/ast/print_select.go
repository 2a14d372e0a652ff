package ast

import "strings"

func (p *printer) selectStmt(s *Select) {
	if s.With != nil {
		p.with(s.With)
	}
	switch {
	case s.Op != NoSetOp:
		// Set operations associate to the left, INTERSECT binding tighter than UNION and
		// EXCEPT: a left operand of the same or tighter precedence needs no parentheses.
		if l := s.Left; l.Op != NoSetOp && l.With == nil && len(l.OrderBy) == 0 && l.Limit == nil && l.Offset == nil &&
			(l.Op == Intersect || s.Op != Intersect) {
			p.selectStmt(l)
		} else {
			p.setOperand(l)
		}
		p.w(" ", map[SetOp]string{Union: "UNION", Intersect: "INTERSECT", Except: "EXCEPT"}[s.Op])
		if s.All {
			p.w(" ALL")
		}
		p.w(" ")
		p.setOperand(s.Right)
	case s.Values != nil:
		p.w("VALUES ")
		for i, row := range s.Values {
			if i > 0 {
				p.w(", ")
			}
			p.w("(")
			p.exprs(row)
			p.w(")")
		}
	default:
		p.selectBody(s)
	}
	if len(s.OrderBy) > 0 {
		p.w(" ")
		p.orderBy(s.OrderBy)
	}
	if s.Limit != nil && !s.WithTies {
		p.w(" LIMIT ")
		if l, ok := s.Limit.(*Literal); ok && l.Type == LitNull {
			p.w("ALL") // as PostgreSQL's ruleutils prints a NULL count
		} else {
			p.expr(s.Limit)
		}
	}
	if s.Offset != nil {
		p.w(" OFFSET ")
		p.expr(s.Offset)
	}
	if s.WithTies {
		p.w(" FETCH FIRST (")
		p.expr(s.Limit)
		p.w(") ROWS WITH TIES")
	}
	for _, l := range s.Locking {
		p.w(" ", l.Strength.String())
		for i, t := range l.Of {
			if i == 0 {
				p.w(" OF ")
			} else {
				p.w(", ")
			}
			p.w(p.ident(t))
		}
		switch l.Wait {
		case NoWait:
			p.w(" NOWAIT")
		case SkipLocked:
			p.w(" SKIP LOCKED")
		}
	}
}

// setOperand writes an operand of a set operation, in parentheses when it has clauses of
// its own (WITH, ORDER BY, LIMIT) or is itself a set operation, so grouping never depends on
// UNION's and INTERSECT's precedence.
func (p *printer) setOperand(s *Select) {
	if s.Op == NoSetOp && s.With == nil && len(s.OrderBy) == 0 && s.Limit == nil && s.Offset == nil && len(s.Locking) == 0 {
		p.selectStmt(s)
		return
	}
	p.w("(")
	p.selectStmt(s)
	p.w(")")
}

func (p *printer) with(w *With) {
	p.w("WITH ")
	if w.Recursive {
		p.w("RECURSIVE ")
	}
	for i, c := range w.CTEs {
		if i > 0 {
			p.w(", ")
		}
		p.w(p.ident(c.Name))
		p.identList(c.Columns)
		switch c.Materialized {
		case CTEMaterialized:
			p.w(" AS MATERIALIZED (")
		case CTENotMaterialized:
			p.w(" AS NOT MATERIALIZED (")
		default:
			p.w(" AS (")
		}
		if c.Stmt != nil {
			p.stmt(c.Stmt)
		} else {
			p.selectStmt(c.Query)
		}
		p.w(")")
	}
	p.w(" ")
}

func (p *printer) identList(names []string) {
	if len(names) == 0 {
		return
	}
	p.w("(")
	for i, n := range names {
		if i > 0 {
			p.w(", ")
		}
		p.w(p.ident(n))
	}
	p.w(")")
}

func (p *printer) selectBody(s *Select) {
	p.w("SELECT ")
	if s.Distinct {
		p.w("DISTINCT ")
	}
	if len(s.DistinctOn) > 0 {
		p.w("ON (")
		p.exprs(s.DistinctOn)
		p.w(") ")
	}
	for i, t := range s.Targets {
		if i > 0 {
			p.w(", ")
		}
		p.expr(t.Expr)
		if t.Alias != "" {
			p.w(" AS ", p.ident(t.Alias))
		}
	}
	if s.Into != nil {
		if len(s.Targets) > 0 {
			p.w(" ")
		}
		p.w("INTO ", persistence[s.Into.Persistence])
		p.qualified(s.Into.Table)
	}
	if len(s.From) > 0 {
		p.w(" FROM ")
		for i, f := range s.From {
			if i > 0 {
				p.w(", ")
			}
			p.from(f)
		}
	}
	if s.Where != nil {
		p.w(" WHERE ")
		p.expr(s.Where)
	}
	if len(s.GroupBy) > 0 {
		p.w(" GROUP BY ")
		if s.GroupDistinct {
			p.w("DISTINCT ")
		}
		p.groupBy(s.GroupBy)
	}
	if s.Having != nil {
		p.w(" HAVING ")
		p.expr(s.Having)
	}
	if len(s.Windows) > 0 {
		p.w(" WINDOW ")
		for i, w := range s.Windows {
			if i > 0 {
				p.w(", ")
			}
			p.w(p.ident(w.Name), " AS ")
			p.window(&w.Spec)
		}
	}
}

func (p *printer) alias(a *Alias) {
	if a == nil {
		return
	}
	p.w(" AS ", p.ident(a.Name))
	p.identList(a.Columns)
}

func (p *printer) from(f FromItem) {
	switch f := f.(type) {
	case *Table:
		if f.Schema != "" {
			p.w(p.ident(f.Schema), ".")
		}
		p.w(p.ident(f.Name))
		p.alias(f.Alias)
	case *SubqueryFrom:
		if f.Lateral {
			p.w("LATERAL ")
		}
		p.w("(")
		p.selectStmt(f.Select)
		p.w(")")
		p.alias(f.Alias)
	case *FuncFrom:
		p.funcFrom(f)
	case *Join:
		p.from(f.Left)
		if f.Natural {
			p.w(" NATURAL")
		}
		p.w(" ", map[JoinKind]string{CrossJoin: "CROSS JOIN", InnerJoin: "JOIN", LeftJoin: "LEFT JOIN", RightJoin: "RIGHT JOIN", FullJoin: "FULL JOIN"}[f.Kind], " ")
		// Joins associate to the left: only a join on the right needs parentheses.
		if _, nested := f.Right.(*Join); nested {
			p.w("(")
			p.from(f.Right)
			p.w(")")
		} else {
			p.from(f.Right)
		}
		switch {
		case f.On != nil:
			p.w(" ON ")
			p.expr(f.On)
		case len(f.Using) > 0:
			p.w(" USING ")
			p.identList(f.Using)
			if f.UsingAlias != "" {
				p.w(" AS ", p.ident(f.UsingAlias))
			}
		}
	}
}

// QuoteIdent writes name as an identifier, quoted unless it is a lower-case word that is not
// a PostgreSQL keyword other than an unreserved one (quote_identifier's rule).
func QuoteIdent(name string) string {
	if isSimpleIdent(name) && !keywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// groupBy writes GROUP BY's items; a call of a function named rollup or cube is
// parenthesized, as ruleutils.c's get_rule_sortgroupclause does, since bare it would be
// read back as the grouping construct.
func (p *printer) groupBy(items []Expr) {
	for i, e := range items {
		if i > 0 {
			p.w(", ")
		}
		if f, ok := e.(*FuncCall); ok && len(f.Name) == 1 && (f.Name[0] == "rollup" || f.Name[0] == "cube") {
			p.w("(")
			p.expr(e)
			p.w(")")
			continue
		}
		p.expr(e)
	}
}

// quoteFuncName writes a function's name: the keywords that name functions (left, coalesce)
// stay bare, as PostgreSQL's grammar reads them as function names there; "grouping" is
// quoted, since grouping(x) is GROUPING's syntax (GroupingFunc), not a call, and so are the
// column-name keywords that name types ("numeric"(x) is a call, numeric(x) a type).
func quoteFuncName(name string) string {
	if isSimpleIdent(name) && name != "grouping" && !typeKeywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// typeKeywords are the column-name keywords that read as a type before '('.
var typeKeywords = map[string]bool{"bigint": true, "bit": true, "boolean": true, "char": true, "character": true,
	"dec": true, "decimal": true, "float": true, "int": true, "integer": true, "interval": true, "national": true,
	"nchar": true, "numeric": true, "real": true, "smallint": true, "time": true, "timestamp": true, "varchar": true}

func isSimpleIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case c >= '0' && c <= '9', c == '$':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// keywords are PostgreSQL 15's reserved, type-or-function-name and column-name keywords:
// an identifier spelled like one is quoted.
var keywords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`all analyse analyze and any array as asc asymmetric both case cast
		check collate column constraint create current_catalog current_date current_role current_time
		current_timestamp current_user default deferrable desc distinct do else end except false fetch
		for foreign from grant group having in initially intersect into lateral leading limit localtime
		localtimestamp not null offset on only or order placing primary references returning select
		session_user some symmetric table then to trailing true union unique user using variadic when
		where window with
		authorization binary collation concurrently cross current_schema freeze full ilike inner is
		isnull join left like natural notnull outer overlaps right similar tablesample verbose
		between bigint bit boolean char character coalesce dec decimal exists extract float greatest
		grouping inout int integer interval least national nchar none normalize nullif numeric out
		overlay position precision real row setof smallint substring time timestamp treat trim values
		varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
		xmlroot xmlserialize xmltable`) {
		keywords[w] = true
	}
}

// funcFrom writes [LATERAL] f(x) | ROWS FROM (f(x) [AS (defs)], ...) [WITH ORDINALITY]
// [AS a[(names)] | AS [a] (defs)].
func (p *printer) funcFrom(f *FuncFrom) {
	if f.Lateral {
		p.w("LATERAL ")
	}
	if f.RowsFrom {
		p.w("ROWS FROM (")
	}
	for i, fn := range f.Funcs {
		if i > 0 {
			p.w(", ")
		}
		p.expr(fn.Call)
		if len(fn.ColDefs) > 0 {
			p.w(" AS ")
			p.colDefs(fn.ColDefs)
		}
	}
	if f.RowsFrom {
		p.w(")")
	}
	if f.Ordinality {
		p.w(" WITH ORDINALITY")
	}
	if len(f.ColDefs) == 0 {
		p.alias(f.Alias)
		return
	}
	p.w(" AS ")
	if f.Alias != nil {
		p.w(p.ident(f.Alias.Name), " ")
	}
	p.colDefs(f.ColDefs)
}

func (p *printer) colDefs(defs []ColumnDef) {
	p.w("(")
	for i := range defs {
		if i > 0 {
			p.w(", ")
		}
		p.columnDef(&defs[i])
	}
	p.w(")")
}

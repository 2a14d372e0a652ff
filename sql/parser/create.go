package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// createObjects are the objects of PostgreSQL's CREATE statements the parser does not read
// (0A000 at the word): drove creates none of them.
var createObjects = map[string]bool{"function": true, "procedure": true, "schema": true, "type": true,
	"domain": true, "extension": true, "trigger": true, "role": true, "user": true, "database": true,
	"tablespace": true, "aggregate": true, "operator": true, "collation": true, "policy": true, "rule": true,
	"server": true, "foreign": true, "publication": true, "subscription": true, "statistics": true,
	"event": true, "cast": true, "conversion": true, "language": true, "text": true, "access": true,
	"transform": true, "group": true, "default": true, "trusted": true, "procedural": true, "constraint": true}

// create reads CREATE [OR REPLACE] [TEMP|UNLOGGED] [RECURSIVE] TABLE | VIEW | MATERIALIZED
// VIEW | SEQUENCE | [UNIQUE] INDEX.
func (p *parser) create() ast.Stmt {
	p.pos++
	replace := false
	if p.isKw("or") {
		p.pos++
		p.expectKw("replace")
		replace = true
	}
	pers := p.optTemp()
	recursive := p.acceptKw("recursive")
	t := p.peek()
	plain := !replace && pers == ast.Permanent && !recursive
	switch {
	case t.Is("table") && !replace && !recursive:
		p.pos++
		return p.createTable(pers)
	case t.Is("view"):
		p.pos++
		return p.createView(&ast.CreateView{Replace: replace, Temp: pers == ast.Temporary, Recursive: recursive})
	case t.Is("materialized") && p.peekN(1).Is("view") && !replace && !recursive && pers != ast.Temporary:
		p.pos += 2
		v := &ast.CreateView{Materialized: true}
		v.IfNotExists = p.ifNotExists()
		return p.createView(v)
	case t.Is("sequence") && !replace && !recursive:
		p.pos++
		s := &ast.CreateSequence{Persistence: pers, IfNotExists: p.ifNotExists(), Name: p.qualifiedName()}
		s.Options = p.seqOptions(false)
		return s
	case plain && (t.Is("index") || t.Is("unique")):
		return p.createIndex()
	case t.Kind == lexer.Ident && createObjects[t.Value]:
		p.fail(&Error{Code: "0A000", Message: "the parser does not read CREATE " + t.Text(p.src), Pos: t.Pos})
	}
	p.syntaxError(t)
	return nil
}

// optTemp reads OptTemp: TEMP, TEMPORARY, LOCAL TEMP, GLOBAL TEMP (deprecated), UNLOGGED.
func (p *parser) optTemp() ast.Persistence {
	switch {
	case p.acceptKw("temp"), p.acceptKw("temporary"):
		return ast.Temporary
	case (p.isKw("local") || p.isKw("global")) && (p.peekN(1).Is("temp") || p.peekN(1).Is("temporary")):
		p.pos += 2
		return ast.Temporary
	case p.acceptKw("unlogged"):
		return ast.Unlogged
	}
	return ast.Permanent
}

func (p *parser) ifNotExists() bool {
	if p.isKw("if") && p.peekN(1).Is("not") {
		p.pos += 2
		p.expectKw("exists")
		return true
	}
	return false
}

func (p *parser) ifExists() bool {
	if p.isKw("if") {
		p.pos++
		p.expectKw("exists")
		return true
	}
	return false
}

// createTable reads the rest of CREATE TABLE: the elements, or AS query.
func (p *parser) createTable(pers ast.Persistence) ast.Stmt {
	s := &ast.CreateTable{Persistence: pers, IfNotExists: p.ifNotExists(), Table: p.qualifiedName()}
	switch t := p.peek(); {
	case t.Is("of"), t.Is("partition"):
		p.unsupported(t, "CREATE TABLE "+t.Text(p.src))
	case t.IsPunct("(") && !p.columnListThenAs():
		p.tableElements(s)
		if p.isKw("inherits") {
			p.pos++
			p.expectPunct("(")
			for {
				s.Inherits = append(s.Inherits, p.qualifiedName())
				if !p.acceptPunct(",") {
					break
				}
			}
			p.expectPunct(")")
		}
		p.tableTail(s)
		return s
	case t.IsPunct("("):
		s.AsColumns = p.nameList()
	}
	p.tableTail(s)
	p.expectKw("as")
	if t := p.peek(); t.Is("execute") {
		p.unsupported(t, "CREATE TABLE AS EXECUTE")
	}
	s.Query = p.selectStmt()
	s.NoData = p.withData()
	return s
}

// columnListThenAs reports whether the '(' after CREATE TABLE's name opens create_as_target's
// column list: names only.
func (p *parser) columnListThenAs() bool {
	// a column definition has a type after its name: a name then ',' or ')' is the list
	t, n := p.peekN(1), p.peekN(2)
	return (t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent) && (n.IsPunct(")") || n.IsPunct(","))
}

// tableTail reads [USING method] [WITH (params)] [ON COMMIT ...] [TABLESPACE name].
func (p *parser) tableTail(s *ast.CreateTable) {
	if t := p.peek(); t.Is("partition") {
		// PartitionSpec: PARTITION BY ColId '(' ...: a syntax error before its parameters
		// comes first, as in gram.y
		p.pos++
		p.expectKw("by")
		p.colID()
		p.expectPunct("(")
		p.unsupported(t, "PARTITION BY of CREATE TABLE")
	}
	if t := p.peek(); t.Is("using") {
		p.unsupported(t, t.Text(p.src)+" of CREATE TABLE")
	}
	if p.isKw("with") && p.peekN(1).IsPunct("(") {
		p.pos++
		s.With = p.defList(relOptions)
	} else if p.isKw("without") && p.peekN(1).Is("oids") {
		p.pos += 2
	}
	if p.isKw("on") && p.peekN(1).Is("commit") {
		p.pos += 2
		switch t := p.next(); {
		case t.Is("drop"):
			s.OnCommit = "DROP"
		case t.Is("delete") || t.Is("preserve"):
			p.expectKw("rows")
			s.OnCommit = map[bool]string{true: "DELETE ROWS", false: "PRESERVE ROWS"}[t.Is("delete")]
		default:
			p.syntaxError(t)
		}
	}
	if t := p.peek(); t.Is("tablespace") {
		p.unsupported(t, "TABLESPACE")
	}
}

// withData reads opt_with_data: WITH DATA, WITH NO DATA; true for NO DATA.
func (p *parser) withData() bool {
	if !p.isKw("with") {
		return false
	}
	p.pos++
	if p.acceptKw("no") {
		p.expectKw("data")
		return true
	}
	p.expectKw("data")
	return false
}

// tableElements reads '(' column definitions and table constraints ')'.
func (p *parser) tableElements(s *ast.CreateTable) {
	p.expectPunct("(")
	s.Columns, s.Constraints = []ast.ColumnDef{}, []ast.Constraint{}
	if p.acceptPunct(")") {
		return
	}
	for {
		t := p.peek()
		switch {
		case t.Is("constraint"), t.Is("check"), t.Is("unique"), t.Is("primary"), t.Is("foreign"):
			s.Constraints = append(s.Constraints, p.tableConstraint())
		case t.Is("like"):
			p.pos++
			s.Columns = append(s.Columns, ast.ColumnDef{Like: p.tableLike()})
		case t.Is("exclude") && (p.peekN(1).IsPunct("(") || p.peekN(1).Is("using")):
			p.unsupported(t, t.Text(p.src)+" in CREATE TABLE")
		default:
			s.Columns = append(s.Columns, p.columnDef())
		}
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
}

// likeOptions are TableLikeOption's words.
var likeOptions = map[string]bool{"comments": true, "compression": true, "constraints": true, "defaults": true,
	"generated": true, "identity": true, "indexes": true, "statistics": true, "storage": true, "all": true}

// tableLike reads the rest of TableLikeClause: the source table and its options.
func (p *parser) tableLike() *ast.TableLike {
	l := &ast.TableLike{Table: p.qualifiedName()}
	for p.isKw("including") || p.isKw("excluding") {
		inc := p.next().Is("including")
		t := p.next()
		if t.Kind != lexer.Ident || !likeOptions[t.Value] {
			p.syntaxError(t)
		}
		l.Options = append(l.Options, ast.LikeOption{Including: inc, Option: t.Value})
	}
	return l
}

// columnDef reads a column: name type [COLLATE c] [constraints].
func (p *parser) columnDef() ast.ColumnDef {
	c := ast.ColumnDef{Name: p.colID(), Type: p.typeName()}
	if t := p.peek(); t.Is("compression") || t.Is("options") {
		p.unsupported(t, t.Text(p.src)+" of a column")
	}
	for {
		t := p.peek()
		switch {
		case t.Is("collate"):
			p.pos++
			c.Collation = p.collationName()
			continue
		case p.constraintAttr(c.Constraints):
			continue
		}
		con, ok := p.columnConstraint()
		if !ok {
			return c
		}
		c.Constraints = append(c.Constraints, con)
	}
}

// constraintAttr reads one ConstraintAttr of a column definition ([NOT] DEFERRABLE,
// INITIALLY DEFERRED|IMMEDIATE) into the constraint before it, with the errors of
// PostgreSQL's transformConstraintAttrs: each clause once, INITIALLY DEFERRED only if
// DEFERRABLE (42601; misplaced when nothing precedes, the binder judges the constraint's kind).
func (p *parser) constraintAttr(list []ast.Constraint) bool {
	t := p.peek()
	not := t.Is("not") && p.peekN(1).Is("deferrable")
	if !t.Is("deferrable") && !not && !t.Is("initially") {
		return false
	}
	if len(list) == 0 {
		p.fail(&Error{Code: "42601", Message: "misplaced " + t.Text(p.src) + " clause", Pos: t.Pos})
	}
	c := &list[len(list)-1]
	fail := func(msg string) { p.fail(&Error{Code: "42601", Message: msg, Pos: t.Pos}) }
	if t.Is("initially") {
		p.pos++
		w := p.next()
		if !w.Is("deferred") && !w.Is("immediate") {
			p.syntaxError(w)
		}
		if c.Initially {
			fail("multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed")
		}
		c.Initially, c.InitiallyDeferred = true, w.Is("deferred")
	} else {
		p.pos += map[bool]int{true: 2, false: 1}[not]
		if c.Deferrable || c.NotDeferrable {
			fail("multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed")
		}
		c.Deferrable, c.NotDeferrable = !not, not
	}
	if c.InitiallyDeferred && c.NotDeferrable {
		fail("constraint declared INITIALLY DEFERRED must be DEFERRABLE")
	}
	return true
}

// deferral reads ConstraintAttributeSpec's words into c, refusing conflicting ones with
// PostgreSQL's 42601 (processCASbits).
func (p *parser) deferral(c *ast.Constraint) {
	conflict := func(t lexer.Token) {
		p.fail(&Error{Code: "42601", Message: "conflicting constraint properties", Pos: t.Pos})
	}
	for {
		t := p.peek()
		switch {
		case p.acceptKw("deferrable"):
			if c.NotDeferrable {
				conflict(t)
			}
			c.Deferrable = true
		case p.isKw("not") && p.peekN(1).Is("deferrable"):
			p.pos += 2
			if c.Deferrable {
				conflict(t)
			}
			c.NotDeferrable = true
		case p.acceptKw("initially"):
			deferred := false
			switch w := p.next(); {
			case w.Is("deferred"):
				deferred = true
			case w.Is("immediate"):
			default:
				p.syntaxError(w)
			}
			if c.Initially && c.InitiallyDeferred != deferred {
				conflict(t)
			}
			c.Initially, c.InitiallyDeferred = true, deferred
		case p.isKw("not") && p.peekN(1).Is("valid"):
			p.pos += 2
			c.NotValid = true
		default:
			return
		}
		if c.InitiallyDeferred && c.NotDeferrable {
			p.fail(&Error{Code: "42601", Message: "constraint declared INITIALLY DEFERRED must be DEFERRABLE", Pos: t.Pos})
		}
	}
}

// columnConstraint reads [CONSTRAINT name] ColConstraintElem; ok is false when none follows.
func (p *parser) columnConstraint() (ast.Constraint, bool) {
	var c ast.Constraint
	named := p.acceptKw("constraint")
	if named {
		c.Name = p.colID()
	}
	t := p.peek()
	switch {
	case t.Is("not"):
		p.pos++
		p.expectKw("null") // NOT DEFERRABLE was read by constraintAttr
		c.Kind = ast.ConstrNotNull
	case t.Is("null"):
		p.pos++
		c.Kind = ast.ConstrNull
	case t.Is("default"):
		p.pos++
		c.Kind, c.Expr = ast.ConstrDefault, p.exprPrec(precOr, true)
	case t.Is("check"):
		p.pos++
		c.Kind, c.Expr = ast.ConstrCheck, p.parenthesized()
		c.NoInherit = p.noInherit()
	case t.Is("unique"), t.Is("primary"):
		p.keyConstraint(&c, false)
	case t.Is("references"):
		c.Kind = ast.ConstrForeignKey
		p.references(&c)
	case t.Is("generated"):
		p.generated(&c)
	default:
		if named {
			p.syntaxError(t)
		}
		return c, false
	}
	return c, true
}

func (p *parser) parenthesized() ast.Expr {
	p.expectPunct("(")
	x := p.expr()
	p.expectPunct(")")
	return x
}

func (p *parser) noInherit() bool {
	if p.isKw("no") && p.peekN(1).Is("inherit") {
		p.pos += 2
		return true
	}
	return false
}

// keyConstraint reads UNIQUE [NULLS [NOT] DISTINCT] | PRIMARY KEY, with a table
// constraint's columns, then INCLUDE (...) and WITH (...) (0A000: not held).
func (p *parser) keyConstraint(c *ast.Constraint, table bool) {
	if p.acceptKw("primary") {
		p.expectKw("key")
		c.Kind = ast.ConstrPrimaryKey
	} else {
		p.expectKw("unique")
		c.Kind = ast.ConstrUnique
		if p.isKw("nulls") {
			p.pos++
			c.NullsNotDistinct = p.acceptKw("not")
			p.expectKw("distinct")
		}
	}
	if table {
		if t := p.peek(); t.Is("using") {
			p.unsupported(t, "UNIQUE USING INDEX")
		}
		c.Columns = p.nameList()
	}
	if table && p.acceptKw("include") { // a column constraint has none: a syntax error at it
		c.Include = p.nameList()
	}
	if t := p.peek(); t.Is("with") && p.peekN(1).IsPunct("(") {
		p.unsupported(t, "index parameters of a constraint")
	}
	if t := p.peek(); t.Is("using") {
		p.pos++
		p.expectKw("index") // USING INDEX TABLESPACE
		p.unsupported(t, "USING INDEX TABLESPACE")
	}
}

// references reads REFERENCES table [(columns)] [MATCH ...] [ON DELETE|UPDATE action].
func (p *parser) references(c *ast.Constraint) {
	p.expectKw("references")
	c.RefTable = p.qualifiedName()
	if p.isPunct("(") {
		c.RefColumns = p.nameList()
	}
	if p.acceptKw("match") {
		switch t := p.next(); {
		case t.Is("full"), t.Is("partial"), t.Is("simple"):
			c.Match = upperWord(t.Value)
		default:
			p.syntaxError(t)
		}
	}
	for p.isKw("on") && (p.peekN(1).Is("delete") || p.peekN(1).Is("update")) {
		p.pos++
		del := p.next().Is("delete")
		a := p.keyAction()
		if del {
			if c.OnDelete != "" {
				p.syntaxError(p.toks[p.pos-3])
			}
			c.OnDelete = a
		} else {
			if c.OnUpdate != "" {
				p.syntaxError(p.toks[p.pos-3])
			}
			c.OnUpdate = a
		}
	}
}

// keyAction reads NO ACTION | RESTRICT | CASCADE | SET NULL | SET DEFAULT.
func (p *parser) keyAction() string {
	t := p.next()
	switch {
	case t.Is("no"):
		p.expectKw("action")
		return "NO ACTION"
	case t.Is("restrict"), t.Is("cascade"):
		return upperWord(t.Value)
	case t.Is("set"):
		w := p.next()
		if !w.Is("null") && !w.Is("default") {
			p.syntaxError(w)
		}
		if p.isPunct("(") {
			p.unsupported(p.peek(), "a column list of SET NULL or SET DEFAULT")
		}
		return "SET " + upperWord(w.Value)
	}
	p.syntaxError(t)
	return ""
}

// generated reads GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)] | GENERATED ALWAYS
// AS (expr) STORED.
func (p *parser) generated(c *ast.Constraint) {
	p.expectKw("generated")
	when := p.peek()
	c.Always = p.generatedWhen()
	p.expectKw("as")
	if p.acceptKw("identity") {
		c.Kind = ast.ConstrIdentity
		if p.isPunct("(") {
			p.pos++
			c.SeqOptions = p.seqOptions(true)
			p.expectPunct(")")
		}
		return
	}
	c.Kind = ast.ConstrGenerated
	c.Expr = p.parenthesized()
	p.expectKw("stored")
	if !c.Always {
		p.fail(&Error{Code: "42601", Message: "for a generated column, GENERATED ALWAYS must be specified", Pos: when.Pos})
	}
}

// generatedWhen reads ALWAYS (true) or BY DEFAULT.
func (p *parser) generatedWhen() bool {
	if p.acceptKw("always") {
		return true
	}
	p.expectKw("by")
	p.expectKw("default")
	return false
}

// tableConstraint reads [CONSTRAINT name] CHECK | UNIQUE | PRIMARY KEY | FOREIGN KEY.
func (p *parser) tableConstraint() ast.Constraint {
	var c ast.Constraint
	if p.acceptKw("constraint") {
		c.Name = p.colID()
	}
	switch t := p.peek(); {
	case t.Is("check"):
		p.pos++
		c.Kind, c.Expr = ast.ConstrCheck, p.parenthesized()
		c.NoInherit = p.noInherit()
	case t.Is("unique"), t.Is("primary"):
		p.keyConstraint(&c, true)
	case t.Is("foreign"):
		p.pos++
		p.expectKw("key")
		c.Kind = ast.ConstrForeignKey
		c.Columns = p.nameList()
		p.references(&c)
	case t.Is("exclude"):
		p.unsupported(t, "EXCLUDE")
	default:
		p.syntaxError(t)
	}
	p.deferral(&c)
	if c.NoInherit = c.NoInherit || p.noInherit(); c.NoInherit {
		p.deferral(&c)
	}
	return c
}

func upperWord(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

package parser

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// createView reads the rest of CREATE [MATERIALIZED] VIEW: name [(columns)] AS query and
// the check option or WITH [NO] DATA.
func (p *parser) createView(v *ast.CreateView) ast.Stmt {
	v.Name = p.qualifiedName()
	if p.isPunct("(") {
		v.Columns = p.nameList()
	} else if v.Recursive {
		p.syntaxError(p.peek())
	}
	if t := p.peek(); t.Is("with") || t.Is("using") || t.Is("tablespace") {
		p.unsupported(t, t.Text(p.src)+" of CREATE VIEW")
	}
	p.expectKw("as")
	v.Query = p.selectStmt()
	if v.Materialized {
		v.NoData = p.withData()
		return v
	}
	if p.isKw("with") {
		p.pos++
		switch {
		case p.acceptKw("cascaded"):
			v.CheckOption = "CASCADED"
		case p.acceptKw("local"):
			v.CheckOption = "LOCAL"
		default:
			v.CheckOption = "CASCADED"
		}
		p.expectKw("check")
		p.expectKw("option")
	}
	return v
}

// createIndex reads CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON table
// [USING method] (keys) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [WHERE ...].
func (p *parser) createIndex() ast.Stmt {
	s := &ast.CreateIndex{Unique: p.acceptKw("unique")}
	p.expectKw("index")
	s.Concurrently = p.acceptKw("concurrently")
	if s.IfNotExists = p.ifNotExists(); s.IfNotExists || !p.isKw("on") {
		s.Name = p.colID()
	}
	p.expectKw("on")
	s.Table = p.relationExpr()
	if p.acceptKw("using") {
		s.Method = p.colID()
	}
	s.Elems = p.indexElems()
	if p.acceptKw("include") {
		s.Include = p.nameList()
	}
	if p.isKw("nulls") {
		p.pos++
		s.NullsNotDistinct = p.acceptKw("not")
		p.expectKw("distinct")
	}
	if p.isKw("with") {
		p.pos++
		s.With = p.defList(relOptions)
	}
	if t := p.peek(); t.Is("tablespace") {
		p.unsupported(t, "TABLESPACE")
	}
	if p.acceptKw("where") {
		s.Where = p.expr()
	}
	return s
}

// optionKind is the grammar of an option list: reloptions (name [= value], any word a
// name), utility options of EXPLAIN and VACUUM (name [value], a name not a reserved word but
// ANALYZE), COPY's generic options (name [value], any word a name).
type optionKind uint8

const (
	relOptions optionKind = iota
	utilityOptions
	copyOptions
)

// defList reads '(' option, ... ')' of the given kind.
func (p *parser) defList(kind optionKind) []ast.DefElem {
	p.expectPunct("(")
	var out []ast.DefElem
	for {
		t := p.peek()
		if kind == utilityOptions && !p.nameOK(t, colName, typeFuncName) && !t.Is("analyze") && !t.Is("analyse") {
			p.syntaxError(t)
		}
		d := ast.DefElem{Name: p.colLabel()}
		if kind == relOptions {
			if p.isPunct(".") {
				p.unsupported(p.peek(), "a qualified option")
			}
			if t := p.peek(); t.Kind == lexer.Op && t.Value == "=" {
				p.pos++
				d.Arg = p.defArg()
			}
		} else if t := p.peek(); kind == copyOptions && t.IsPunct("(") {
			d.List = p.nameList() // force_quote (a, b): copy_generic_opt_arg_list
		} else if kind == copyOptions && t.Value == "*" && (t.Kind == lexer.Op || t.Kind == lexer.Punct) {
			p.pos++
			d.Star = true
		} else if !t.IsPunct(",") && !t.IsPunct(")") {
			d.Arg = p.defArg()
		}
		out = append(out, d)
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return out
}

// defArg reads an option's value: a number, a string, or a word (a string, as PostgreSQL's
// grammar makes it).
func (p *parser) defArg() ast.Expr {
	t := p.peek()
	switch t.Kind {
	case lexer.String:
		p.pos++
		return &ast.Literal{Type: ast.LitString, Val: t.Value}
	case lexer.Ident, lexer.QuotedIdent:
		p.pos++
		return &ast.Literal{Type: ast.LitString, Val: t.Value}
	case lexer.Punct:
		if t.Value == "*" || t.Value == "(" {
			p.unsupported(t, "an option's list or *")
		}
	}
	return p.numericOnly()
}

// numericOnly reads NumericOnly: a number with an optional sign.
func (p *parser) numericOnly() ast.Expr {
	t := p.peek()
	neg := false
	if t.Kind == lexer.Op && (t.Value == "-" || t.Value == "+") {
		neg = t.Value == "-"
		p.pos++
		t = p.peek()
	}
	if t.Kind != lexer.Integer && t.Kind != lexer.Numeric {
		p.syntaxError(t)
	}
	p.pos++
	if neg {
		return ast.NumberLiteral("-" + t.Value)
	}
	return ast.NumberLiteral(t.Value)
}

// seqOptions reads sequence options (SeqOptList) until a word that starts none.
func (p *parser) seqOptions(inner bool) []ast.SeqOption {
	var out []ast.SeqOption
	for {
		o, ok := p.seqOption()
		if !ok {
			if inner && len(out) == 0 {
				p.syntaxError(p.peek())
			}
			return out
		}
		out = append(out, o)
	}
}

func (p *parser) seqOption() (ast.SeqOption, bool) {
	t := p.peek()
	var o ast.SeqOption
	switch {
	case t.Is("as"):
		p.pos++
		o.Name, o.Type = "as", ast.TypeName{Name: p.simpleTypeName()} // SimpleTypename: no array bounds
	case t.Is("cache"), t.Is("maxvalue"), t.Is("minvalue"):
		p.pos++
		o.Name, o.Value = t.Value, p.numericOnly()
	case t.Is("cycle"):
		p.pos++
		o.Name = "cycle"
	case t.Is("no"):
		p.pos++
		w := p.next()
		if !w.Is("cycle") && !w.Is("maxvalue") && !w.Is("minvalue") {
			p.syntaxError(w)
		}
		o.Name, o.No = w.Value, true
	case t.Is("increment"):
		p.pos++
		p.acceptKw("by")
		o.Name, o.Value = "increment", p.numericOnly()
	case t.Is("start"):
		p.pos++
		p.acceptKw("with")
		o.Name, o.Value = "start", p.numericOnly()
	case t.Is("restart"):
		p.pos++
		o.Name = "restart"
		if p.acceptKw("with") || p.peek().Kind == lexer.Integer || p.peek().Kind == lexer.Numeric || p.peek().Kind == lexer.Op {
			o.Value = p.numericOnly()
		}
	case t.Is("owned"):
		p.pos++
		p.expectKw("by")
		o.Name, o.Names = "owned by", p.anyName()
		if len(o.Names) == 1 && o.Names[0] == "none" && p.toks[p.pos-1].Kind == lexer.Ident {
			o.Names = nil
		}
	case t.Is("sequence") && p.peekN(1).Is("name"):
		p.pos += 2
		o.Name, o.Names = "sequence name", p.anyName()
	default:
		return o, false
	}
	return o, true
}

// anyName reads any_name: ColId [. attr ...].
func (p *parser) anyName() []string {
	names := []string{p.colID()}
	for p.acceptPunct(".") {
		names = append(names, p.colLabel())
	}
	return names
}

// dropKinds are the objects DROP reads, by their first word.
var dropKinds = map[string]ast.ObjectKind{"table": ast.ObjTable, "view": ast.ObjView, "index": ast.ObjIndex,
	"sequence": ast.ObjSequence}

// drop reads DROP kind [CONCURRENTLY] [IF EXISTS] names [CASCADE|RESTRICT].
func (p *parser) drop() ast.Stmt {
	p.pos++
	t := p.peek()
	s := &ast.Drop{}
	switch k, ok := dropKinds[t.Value]; {
	case t.Kind == lexer.Ident && ok:
		p.pos++
		s.Kind = k
		if k == ast.ObjIndex {
			s.Concurrently = p.acceptKw("concurrently")
		}
	case t.Is("materialized") && p.peekN(1).Is("view"):
		p.pos += 2
		s.Kind = ast.ObjMatView
	case t.Kind == lexer.Ident && (createObjects[t.Value] || t.Value == "owned" || t.Value == "routine"):
		p.fail(&Error{Code: "0A000", Message: "the parser does not read DROP " + t.Text(p.src), Pos: t.Pos})
	default:
		p.syntaxError(t)
	}
	s.IfExists = p.ifExists()
	for {
		s.Names = append(s.Names, p.qualifiedName())
		if !p.acceptPunct(",") {
			break
		}
	}
	s.Behavior = p.behavior()
	return s
}

// behavior reads [CASCADE | RESTRICT].
func (p *parser) behavior() string {
	switch {
	case p.acceptKw("cascade"):
		return "CASCADE"
	case p.acceptKw("restrict"):
		return "RESTRICT"
	}
	return ""
}

// truncate reads TRUNCATE [TABLE] tables [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT].
func (p *parser) truncate() ast.Stmt {
	p.pos++
	p.acceptKw("table")
	s := &ast.Truncate{}
	for {
		s.Tables = append(s.Tables, p.relationExpr())
		if !p.acceptPunct(",") {
			break
		}
	}
	switch {
	case p.acceptKw("restart"):
		p.expectKw("identity")
		s.RestartIdentity = true
	case p.acceptKw("continue"):
		p.expectKw("identity")
	}
	s.Behavior = p.behavior()
	return s
}

// ParseSeqOptions reads text as a SeqOptList: an identity column's sequence options, which
// sql's dialect pass carries as text (GENERATED ... AS IDENTITY (options), ALTER COLUMN's
// SET and RESTART).
func ParseSeqOptions(text string) ([]ast.SeqOption, error) {
	p, err := newParser(text)
	if err != nil {
		return nil, err
	}
	var out []ast.SeqOption
	err = p.run(func() {
		out = p.seqOptions(true)
		p.expectEOF()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

package parser

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// funcCall reads a call of the function names (read), from its '(': the arguments with ALL,
// DISTINCT, VARIADIC, named arguments and ORDER BY, then WITHIN GROUP, FILTER and OVER.
func (p *parser) funcCall(first lexer.Token, names []string) ast.Expr {
	openAt := p.pos
	open := p.next()
	call := &ast.FuncCall{Name: names}
	windowless := p.windowless
	p.windowless = false // the arguments' calls are ordinary ones
	switch {
	case p.acceptPunct(")"):
	case p.isPunct("*"):
		p.pos++
		call.Star = true
		p.expectPunct(")")
	default:
		p.callArgs(call)
	}
	if windowless {
		return call
	}
	if p.isKw("within") && p.peekN(1).Is("group") {
		p.withinGroup(call, open)
	}
	if p.isKw("filter") && p.peekN(1).IsPunct("(") {
		p.pos += 2
		p.expectKw("where")
		call.Filter = p.expr()
		p.expectPunct(")")
	}
	if p.isKw("over") {
		p.pos++
		call.Over = p.over()
	}
	// A call may be the type of a literal: pg_catalog.varchar(3) 'x' (func_name '(' ... ')'
	// Sconst), its arguments the type's modifiers.
	if s := p.peek(); s.Kind == lexer.String {
		return p.callTypedLiteral(call, openAt, s)
	}
	_ = first
	return call
}

// callTypedLiteral is the typed literal a call followed by a string spells: a Cast of the
// string to the call's name with its integer arguments as modifiers. Other modifiers
// (expressions, ORDER BY, ...) are 0A000: ast.TypeName holds integers only.
func (p *parser) callTypedLiteral(call *ast.FuncCall, open int, s lexer.Token) ast.Expr {
	if len(call.Args) == 0 || call.Distinct || call.Star || call.Variadic || call.Filter != nil || call.Over != nil || call.WithinGroup {
		p.syntaxError(s) // not gram.y's func_name '(' func_arg_list opt_sort_clause ')'
	}
	depth := 0
	for i := open + 1; i < p.pos; i++ { // gram.y's own errors, at the word
		switch t := p.toks[i]; {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth > 0:
		case t.Is("order") && len(call.OrderBy) > 0:
			p.fail(&Error{Code: "42601", Message: "type modifier cannot have ORDER BY", Pos: t.Pos})
		case t.IsPunct("=>") || t.IsPunct(":="):
			p.fail(&Error{Code: "42601", Message: "type modifier cannot have parameter name", Pos: p.toks[i-1].Pos})
		}
	}
	mods := make([]string, 0, len(call.Args))
	for _, a := range call.Args {
		l, ok := a.(*ast.Literal)
		if !ok || l.Type != ast.LitInteger || strings.HasPrefix(l.Val, "-") {
			p.unsupported(s, "a literal of a type with these modifiers written as a call")
		}
		mods = append(mods, l.Val)
	}
	p.pos++
	return &ast.Cast{Expr: &ast.Literal{Type: ast.LitString, Val: s.Value}, Type: ast.TypeName{Name: genericTypeName(call.Name) + "(" + strings.Join(mods, ",") + ")"}}
}

func (p *parser) callArgs(call *ast.FuncCall) {
	switch {
	case p.acceptKw("distinct"):
		call.Distinct = true
	case p.acceptKw("all"):
	}
	for {
		call.Variadic = p.acceptKw("variadic") // only the last argument: a comma after it is a syntax error
		call.Args = append(call.Args, p.funcArg())
		if call.Variadic || !p.acceptPunct(",") {
			break
		}
	}
	if p.acceptKw("order") {
		p.expectKw("by")
		call.OrderBy = p.sortList()
	}
	p.expectPunct(")")
}

// funcArg reads an argument, possibly named: name => value or name := value.
func (p *parser) funcArg() ast.Expr {
	t, n := p.peek(), p.peekN(1)
	if (t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent) && (n.IsPunct("=>") || n.IsPunct(":=")) {
		if t.Kind == lexer.Ident && category(t.Value) != unreserved && category(t.Value) != colName &&
			category(t.Value) != typeFuncName {
			p.syntaxError(t)
		}
		p.pos += 2
		return &ast.NamedArg{Name: t.Value, Value: p.expr()}
	}
	return p.expr()
}

// withinGroup reads WITHIN GROUP (ORDER BY ...), which an ordered-set aggregate takes
// instead of an ORDER BY among its arguments.
func (p *parser) withinGroup(call *ast.FuncCall, open lexer.Token) {
	at := p.peek()
	p.pos += 2
	p.expectPunct("(")
	p.expectKw("order")
	p.expectKw("by")
	keys := p.sortList()
	p.expectPunct(")")
	if len(call.OrderBy) > 0 || call.Distinct {
		// PostgreSQL's grammar-time messages (f(*) WITHIN GROUP is analysis's error)
		msg := "cannot use multiple ORDER BY clauses with WITHIN GROUP"
		if call.Distinct {
			msg = "cannot use DISTINCT with WITHIN GROUP"
		}
		p.fail(&Error{Code: "42601", Message: msg, Pos: at.Pos})
	}
	call.OrderBy, call.WithinGroup = keys, true
	_ = open
}

// over reads a window after OVER: a name, or a specification in parentheses.
func (p *parser) over() *ast.Window {
	if !p.isPunct("(") {
		return &ast.Window{Ref: p.colID(), ByName: true}
	}
	return p.windowSpec()
}

// windowSpec reads ( [name] [PARTITION BY ...] [ORDER BY ...] [frame] ).
func (p *parser) windowSpec() *ast.Window {
	p.expectPunct("(")
	w := &ast.Window{}
	if t := p.peek(); p.nameOK(t, colName) && !(t.Is("partition") && p.peekN(1).Is("by")) &&
		!(t.Is("range") || t.Is("rows") || t.Is("groups")) {
		w.Ref = p.colID()
	}
	if p.isKw("partition") {
		p.pos++
		p.expectKw("by")
		w.PartitionBy = p.exprList()
	}
	if p.acceptKw("order") {
		p.expectKw("by")
		w.OrderBy = p.sortList()
	}
	if t := p.peek(); t.Is("range") || t.Is("rows") || t.Is("groups") {
		w.Frame = p.frame()
	}
	p.expectPunct(")")
	return w
}

// frame reads ROWS|RANGE|GROUPS [BETWEEN] bound [AND bound] [EXCLUDE NO OTHERS].
func (p *parser) frame() *ast.Frame {
	mode := p.next()
	f := &ast.Frame{Mode: map[string]string{"rows": "ROWS", "range": "RANGE", "groups": "GROUPS"}[mode.Value]}
	if p.acceptKw("between") {
		f.Start = p.frameBound()
		p.expectKw("and")
		f.End = p.frameBound()
	} else {
		f.Start = p.frameBound()
	}
	if p.acceptKw("exclude") {
		switch t := p.next(); {
		case t.Is("no"):
			p.expectKw("others")
		case t.Is("current"):
			p.expectKw("row")
			f.Exclude = "CURRENT ROW"
		case t.Is("group"), t.Is("ties"):
			f.Exclude = strings.ToUpper(t.Value)
		default:
			p.syntaxError(t)
		}
	}
	return f
}

func (p *parser) frameBound() *ast.FrameBound {
	switch {
	case p.isKw("unbounded") && (p.peekN(1).Is("preceding") || p.peekN(1).Is("following")):
		p.pos++
		if p.next().Is("preceding") {
			return &ast.FrameBound{Kind: "UNBOUNDED PRECEDING"}
		}
		return &ast.FrameBound{Kind: "UNBOUNDED FOLLOWING"}
	case p.isKw("current") && p.peekN(1).Is("row"):
		p.pos += 2
		return &ast.FrameBound{Kind: "CURRENT ROW"}
	}
	x := p.expr()
	switch t := p.next(); {
	case t.Is("preceding"):
		return &ast.FrameBound{Kind: "PRECEDING", Offset: x}
	case t.Is("following"):
		return &ast.FrameBound{Kind: "FOLLOWING", Offset: x}
	default:
		p.syntaxError(t)
	}
	return nil
}

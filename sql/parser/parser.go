package parser

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// MaxDepth bounds the nesting of a statement: levels of expressions, parentheses and
// queries. It is sql's maxDepth (sql/depth.go), which everything after the parser relies on.
const MaxDepth = 10000

// Error is the error type of the parser: lexer.Error, with PostgreSQL's SQLSTATE, message
// and byte position (42601 syntax errors, 54001 for a statement nested too deeply, 0A000 for
// a construct PostgreSQL has and sql/ast cannot hold yet).
type Error = lexer.Error

// parser reads one text's tokens.
type parser struct {
	src   string
	toks  []lexer.Token
	pos   int
	depth int
	// selects memoizes select_with_parens by the index of its '(' token: a parenthesized
	// expression is first tried as a query, and the memo keeps nested parentheses linear.
	selects map[int]selectMemo
	// furthest is the furthest syntax error of a reading given up (a parenthesized
	// expression tried as a query): when every reading fails, PostgreSQL's LR parser
	// reports the place no reading gets past.
	furthest *Error
	// inSubstring: reading SUBSTRING's first argument, where SIMILAR without TO ends it.
	inSubstring bool
	// parenRunEnd[i] is afterParens(i), built when a long run of '(' is met.
	parenRunEnd []int32
	// labelDepth is the depth of a select list item's expression (0 outside one): there a
	// keyword followed by the item's end is its bare label, not an operator (bareLabel).
	labelDepth int
	// fatal: the error being raised ends the parse; attempt lets it pass.
	fatal bool
	// windowless: the next call read is a FROM item's (func_expr_windowless), which ends
	// at its ')': WITHIN GROUP, FILTER and OVER are not read there (OVER is an alias then).
	windowless bool
}

type selectMemo struct {
	sel *ast.Select
	end int
	err *Error
}

// bailout carries an error up the recursion: the parser panics with it and the entry points
// recover it, so no function needs an error return.
type bailout struct{ err *Error }

func newParser(src string) (*parser, error) {
	if !utf8.ValidString(src) {
		return nil, invalidUTF8(src)
	}
	toks, err := lexer.Lex(src)
	if err != nil {
		return nil, err
	}
	return &parser{src: src, toks: toks}, nil
}

// invalidUTF8 is PostgreSQL's 22021 for a text that is not UTF-8, which its server refuses
// before parsing: an identifier of invalid bytes would otherwise be cut to nothing by the
// truncation to NAMEDATALEN, which respects character boundaries.
func invalidUTF8(src string) *Error {
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	return &Error{Code: "22021", Message: fmt.Sprintf("invalid byte sequence for encoding \"UTF8\": 0x%02x", src[i]), Pos: i}
}

// run calls f, turning a bailout into its error.
func (p *parser) run(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	f()
	return nil
}

// ParseExpr parses one expression (a_expr), the whole text.
func ParseExpr(src string) (ast.Expr, error) {
	p, err := newParser(src)
	if err != nil {
		return nil, err
	}
	var e ast.Expr
	err = p.run(func() {
		e = p.expr()
		p.expectEOF()
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// ParseSelect parses one query (SELECT, VALUES, TABLE, a set operation, with WITH, ORDER BY,
// LIMIT and locking), the whole text but for trailing semicolons.
func ParseSelect(src string) (*ast.Select, error) {
	list, err := Parse(src)
	if err != nil {
		return nil, err
	}
	if len(list) != 1 {
		return nil, &Error{Code: "42601", Message: strconv.Itoa(len(list)) + " statements where one query was expected"}
	}
	sel, ok := list[0].(*ast.Select)
	if !ok {
		return nil, &Error{Code: "42601", Message: "a statement where a query was expected"}
	}
	return sel, nil
}

// Parse parses a list of statements separated by semicolons (PostgreSQL's stmtmulti): an
// empty statement is skipped; a statement PostgreSQL has that the parser does not read yet
// is 0A000, a word that starts none of PostgreSQL's a syntax error.
func Parse(src string) ([]ast.Stmt, error) {
	p, err := newParser(src)
	if err != nil {
		return nil, err
	}
	var out []ast.Stmt
	err = p.run(func() {
		for {
			for p.peek().IsPunct(";") {
				p.pos++
			}
			if p.peek().Kind == lexer.EOF {
				return
			}
			out = append(out, p.statement())
			if t := p.peek(); t.Kind != lexer.EOF && !t.IsPunct(";") {
				p.syntaxError(t)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// peek returns the next token; past the end, an EOF token at the end of the text.
func (p *parser) peek() lexer.Token { return p.peekN(0) }

func (p *parser) peekN(n int) lexer.Token {
	if i := p.pos + n; i < len(p.toks) {
		return p.toks[i]
	}
	return lexer.Token{Kind: lexer.EOF, Pos: len(p.src), End: len(p.src)}
}

func (p *parser) next() lexer.Token {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return t
}

// isKw reports whether the next token is the (unquoted) keyword kw.
func (p *parser) isKw(kw string) bool { return p.peek().Is(kw) }

// acceptKw consumes the keyword kw if it is next.
func (p *parser) acceptKw(kw string) bool {
	if p.isKw(kw) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expectKw(kw string) {
	if !p.acceptKw(kw) {
		p.syntaxError(p.peek())
	}
}

func (p *parser) isPunct(s string) bool { return p.peek().IsPunct(s) }

func (p *parser) acceptPunct(s string) bool {
	if p.isPunct(s) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expectPunct(s string) {
	if !p.acceptPunct(s) {
		p.syntaxError(p.peek())
	}
}

func (p *parser) expectEOF() {
	if t := p.peek(); t.Kind != lexer.EOF {
		p.syntaxError(t)
	}
}

// fail raises e. Only a plain syntax error may be given up by attempt for another reading;
// any other is fatal.
func (p *parser) fail(e *Error) {
	p.fatal = e.Code != "42601" || e.Message != "syntax error"
	panic(bailout{e})
}

// syntaxError is PostgreSQL's syntax error at token t: at or near its text as written, or at
// end of input.
func (p *parser) syntaxError(t lexer.Token) {
	if f := p.furthest; f != nil && f.Pos > t.Pos {
		p.fail(f)
	}
	if t.Kind == lexer.EOF {
		p.fail(&Error{Code: "42601", Message: "syntax error", AtEnd: true, Pos: len(p.src)})
	}
	p.fail(&Error{Code: "42601", Message: "syntax error", Near: t.Text(p.src), Pos: t.Pos})
}

// unsupported is 0A000 for a construct PostgreSQL has that sql/ast cannot hold yet.
func (p *parser) unsupported(t lexer.Token, what string) {
	p.fail(&Error{Code: "0A000", Message: what + " is not supported by sql/ast yet", Pos: t.Pos})
}

// enter counts one level of nesting, refusing more than MaxDepth (54001, as PostgreSQL's
// stack depth check); leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth > MaxDepth {
		p.tooDeep()
	}
}

// tooDeep is 54001 at the next token.
func (p *parser) tooDeep() {
	p.fail(&Error{Code: "54001", Message: "stack depth limit exceeded", Pos: p.peek().Pos,
		Hint: "The statement nests more than " + strconv.Itoa(MaxDepth) + " levels of expressions or parentheses."})
}

func (p *parser) leave() { p.depth-- }

// name reads an identifier of the given kind: a quoted identifier, or a word that is not a
// keyword of a category the place refuses.
func (p *parser) nameOK(t lexer.Token, allowed ...keywordCategory) bool {
	switch t.Kind {
	case lexer.QuotedIdent:
		return true
	case lexer.Ident:
		cat := category(t.Value)
		if cat == unreserved {
			return true
		}
		for _, a := range allowed {
			if a == cat {
				return true
			}
		}
	}
	return false
}

// colID reads a ColId: an identifier, an unreserved or a column-name keyword.
func (p *parser) colID() string {
	t := p.peek()
	if !p.nameOK(t, colName) {
		p.syntaxError(t)
	}
	p.pos++
	return t.Value
}

// colLabel reads a ColLabel: any identifier or keyword.
func (p *parser) colLabel() string {
	t := p.peek()
	if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		p.syntaxError(t)
	}
	p.pos++
	return t.Value
}

// nameList reads '(' name, ... ')'.
func (p *parser) nameList() []string {
	p.expectPunct("(")
	var out []string
	for {
		out = append(out, p.colID())
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(")")
	return out
}

// ParseTokens reads one statement from toks, sql/lexer's tokens of src (their positions in
// src), which end at the statement's ';' or at the end of src: a session splits a query
// string at its ';' tokens and reads each statement on its own, its errors placed in src.
// The text must be valid UTF-8 (Parse checks it; a caller of ParseTokens has lexed it).
func ParseTokens(src string, toks []lexer.Token) (ast.Stmt, error) {
	p := &parser{src: src, toks: toks}
	var st ast.Stmt
	err := p.run(func() {
		st = p.statement()
		if t := p.peek(); t.Kind != lexer.EOF && !t.IsPunct(";") {
			p.syntaxError(t)
		}
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// Package jsonpath is PostgreSQL 15's SQL/JSON path language: the jsonpath type's parser and
// its normalised text (jsonpath_in/out), and the evaluator behind jsonb_path_query and the @?
// and @@ operators (jsonpath_exec.c), over drove's JSON trees (types.JSONNode).
package jsonpath

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// Kind is a path item's kind.
type Kind uint8

// The path items, as PostgreSQL's JsonPathItemType.
const (
	KNull Kind = iota
	KString
	KNumeric
	KBool
	KAnd
	KOr
	KNot
	KIsUnknown
	KEqual
	KNotEqual
	KLess
	KGreater
	KLessEq
	KGreaterEq
	KAdd
	KSub
	KMul
	KDiv
	KMod
	KPlus
	KMinus
	KAnyArray
	KAnyKey
	KIndexArray
	KAny
	KKey
	KCurrent
	KRoot
	KVariable
	KFilter
	KExists
	KType
	KSize
	KAbs
	KFloor
	KCeiling
	KDouble
	KDatetime
	KKeyValue
	KLast
	KStartsWith
	KLikeRegex
)

// The like_regex flags, in the order PostgreSQL prints them.
const (
	flagI uint8 = 1 << iota
	flagS
	flagM
	flagX
	flagQ
)

// Node is one path item. Items chain through Next: $.a[*] is $ → .a → [*].
type Node struct {
	Kind Kind
	// Str is a string's or key's value, a variable's name, a number's numeric text, "t" or
	// "f" for a boolean, a like_regex pattern.
	Str string
	// Left and Right are a binary item's operands; Left alone the argument of !, is unknown,
	// unary + and -, a filter, exists, like_regex and .datetime(template).
	Left, Right *Node
	Subs        []Subscript // [...]
	First, Last uint32      // .**{first to last}; AnyLast is last
	Flags       uint8       // like_regex flags
	re          *regexp.Regexp
	Next        *Node
}

// Subscript is one element of an array accessor: From, or From to To.
type Subscript struct{ From, To *Node }

// AnyLast is the bound "last" of .**{...}.
const AnyLast = ^uint32(0)

// Path is a parsed jsonpath.
type Path struct {
	Strict bool
	Root   *Node
}

// Error is an error with PostgreSQL's SQLSTATE.
type Error struct {
	Code   string
	Msg    string
	Detail string
}

func (e *Error) Error() string { return e.Msg }

// maxDepth bounds the parser's nesting (PostgreSQL's check_stack_depth, 54001).
const maxDepth = 1000

// Parse parses jsonpath text as jsonpath_in does.
func Parse(s string) (*Path, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i] // jsonpath_in reads a C string: it ends at a NUL
	}
	p := parser{lex: lexer{s: s}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	path := &Path{}
	switch {
	case p.tok.kind == tEOF:
		return nil, &Error{Code: "22P02", Msg: `invalid input syntax for type jsonpath: "` + s + `"`}
	case p.isKeyword("strict"):
		path.Strict = true
		if err := p.advance(); err != nil {
			return nil, err
		}
	case p.isKeyword("lax"):
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	n, _, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tEOF {
		return nil, p.syntax()
	}
	if err := check(n, 0, false, 0); err != nil {
		return nil, err
	}
	path.Root = n
	return path, nil
}

type parser struct {
	lex   lexer
	tok   token
	depth int
	// exprOnly is set where the grammar takes an expression only, so exists (...) fails at
	// its own token there, as in bison.
	exprOnly bool
}

// withExprOnly runs f with exprOnly set to v.
func (p *parser) withExprOnly(v bool, f func() (*Node, bool, error)) (*Node, bool, error) {
	saved := p.exprOnly
	p.exprOnly = v
	n, pred, err := f()
	p.exprOnly = saved
	return n, pred, err
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	p.tok = t
	return err
}

func (p *parser) syntax() error { return syntaxAt("syntax error", p.tok.text) }

func (p *parser) isKeyword(w string) bool { return p.tok.kind == tKeyword && p.tok.val == w }
func (p *parser) isChar(c byte) bool      { return p.tok.kind == tChar && p.tok.ch == c }

// expect consumes the character c or fails at the current token.
func (p *parser) expect(c byte) error {
	if !p.isChar(c) {
		return p.syntax()
	}
	return p.advance()
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return &Error{Code: "54001", Msg: "stack depth limit exceeded"}
	}
	return nil
}

// The parse functions return the item and whether it is a predicate (a boolean item), which
// the grammar keeps apart from expressions: && takes predicates, + expressions. A misplaced
// one fails at the token after it, where bison notices.

func (p *parser) or() (*Node, bool, error) {
	return p.withExprOnly(false, func() (*Node, bool, error) { return p.boolChain(tOr, KOr, p.and) })
}

func (p *parser) and() (*Node, bool, error) {
	return p.boolChain(tAnd, KAnd, p.not)
}

func (p *parser) boolChain(op tokKind, kind Kind, sub func() (*Node, bool, error)) (*Node, bool, error) {
	l, pred, err := sub()
	if err != nil {
		return nil, false, err
	}
	for p.tok.kind == op {
		if !pred {
			return nil, false, p.syntax()
		}
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		r, rpred, err := sub()
		if err != nil {
			return nil, false, err
		}
		if !rpred {
			return nil, false, p.syntax()
		}
		l = &Node{Kind: kind, Left: l, Right: r}
	}
	return l, pred, nil
}

// not is ! followed by a parenthesised predicate or exists (...), or a comparison.
func (p *parser) not() (*Node, bool, error) {
	if p.tok.kind != tNot {
		return p.comparison()
	}
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	var arg *Node
	switch {
	case p.isChar('('):
		if err := p.enter(); err != nil {
			return nil, false, err
		}
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		n, pred, err := p.or()
		if err != nil {
			return nil, false, err
		}
		if !pred {
			return nil, false, p.syntax()
		}
		if err := p.expect(')'); err != nil {
			return nil, false, err
		}
		p.depth--
		arg = n
	case p.isKeyword("exists"):
		n, err := p.exists()
		if err != nil {
			return nil, false, err
		}
		arg = n
	default:
		return nil, false, p.syntax()
	}
	return &Node{Kind: KNot, Left: arg}, true, nil
}

var compOps = map[tokKind]Kind{tEqual: KEqual, tNotEqual: KNotEqual, tLess: KLess, tGreater: KGreater,
	tLessEq: KLessEq, tGreaterEq: KGreaterEq}

func (p *parser) comparison() (*Node, bool, error) {
	l, pred, err := p.additive()
	if err != nil {
		return nil, false, err
	}
	kind, isComp := compOps[p.tok.kind]
	switch {
	case isComp:
		if pred {
			return nil, false, p.syntax()
		}
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		r, err := p.expr()
		if err != nil {
			return nil, false, err
		}
		return &Node{Kind: kind, Left: l, Right: r}, true, nil
	case p.isKeyword("starts"):
		if pred {
			return nil, false, p.syntax()
		}
		return p.startsWith(l)
	case p.isKeyword("like_regex"):
		if pred {
			return nil, false, p.syntax()
		}
		return p.likeRegex(l)
	}
	return l, pred, nil
}

// expr parses an expression (not a predicate).
func (p *parser) expr() (*Node, error) {
	n, pred, err := p.withExprOnly(true, p.additive)
	if err == nil && pred {
		err = p.syntax()
	}
	return n, err
}

func (p *parser) startsWith(l *Node) (*Node, bool, error) {
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	if !p.isKeyword("with") {
		return nil, false, p.syntax()
	}
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	var r *Node
	switch p.tok.kind {
	case tString:
		r = &Node{Kind: KString, Str: p.tok.val}
	case tVariable:
		r = &Node{Kind: KVariable, Str: p.tok.val}
	default:
		return nil, false, p.syntax()
	}
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	return &Node{Kind: KStartsWith, Left: l, Right: r}, true, nil
}

func (p *parser) likeRegex(l *Node) (*Node, bool, error) {
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	if p.tok.kind != tString {
		return nil, false, p.syntax()
	}
	n := &Node{Kind: KLikeRegex, Left: l, Str: p.tok.val}
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	if p.isKeyword("flag") {
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		if p.tok.kind != tString {
			return nil, false, p.syntax()
		}
		flags := p.tok.val
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		for _, c := range flags {
			switch c {
			case 'i':
				n.Flags |= flagI
			case 's':
				n.Flags |= flagS
			case 'm':
				n.Flags |= flagM
			case 'x':
				n.Flags |= flagX
			case 'q':
				n.Flags |= flagQ
			default:
				return nil, false, &Error{Code: "42601", Msg: "invalid input syntax for type jsonpath",
					Detail: `Unrecognized flag character "` + string(c) + `" in LIKE_REGEX predicate.`}
			}
		}
	}
	re, err := compileRegex(n.Str, n.Flags)
	if err != nil {
		return nil, false, err
	}
	n.re = re
	return n, true, nil
}

func (p *parser) additive() (*Node, bool, error) {
	return p.arith(p.multiplicative, map[byte]Kind{'+': KAdd, '-': KSub})
}

func (p *parser) multiplicative() (*Node, bool, error) {
	return p.arith(p.unary, map[byte]Kind{'*': KMul, '/': KDiv, '%': KMod})
}

func (p *parser) arith(sub func() (*Node, bool, error), ops map[byte]Kind) (*Node, bool, error) {
	l, pred, err := sub()
	if err != nil {
		return nil, false, err
	}
	for p.tok.kind == tChar {
		kind, ok := ops[p.tok.ch]
		if !ok {
			break
		}
		if pred {
			return nil, false, p.syntax()
		}
		if err := p.advance(); err != nil {
			return nil, false, err
		}
		r, rpred, err := p.withExprOnly(true, sub)
		if err != nil {
			return nil, false, err
		}
		if rpred {
			return nil, false, p.syntax()
		}
		l = &Node{Kind: kind, Left: l, Right: r}
	}
	return l, pred, nil
}

// unary is unary + and -; on a bare number they fold into it, as makeItemUnary does.
func (p *parser) unary() (*Node, bool, error) {
	if !p.isChar('+') && !p.isChar('-') {
		return p.accessorExpr()
	}
	minus := p.tok.ch == '-'
	if err := p.enter(); err != nil {
		return nil, false, err
	}
	if err := p.advance(); err != nil {
		return nil, false, err
	}
	arg, pred, err := p.withExprOnly(true, p.unary)
	if err != nil {
		return nil, false, err
	}
	if pred {
		return nil, false, p.syntax()
	}
	p.depth--
	if arg.Kind == KNumeric && arg.Next == nil {
		if minus {
			arg.Str = negate(arg.Str)
		}
		return arg, false, nil
	}
	if minus {
		return &Node{Kind: KMinus, Left: arg}, false, nil
	}
	return &Node{Kind: KPlus, Left: arg}, false, nil
}

// negate is -x of a numeric text; zero keeps no sign, as numeric_uminus.
func negate(s string) string {
	switch {
	case len(s) > 0 && s[0] == '-':
		return s[1:]
	case isZero(s):
		return s
	}
	return "-" + s
}

func isZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' && s[i] != '.' && s[i] != '-' {
			return false
		}
	}
	return true
}

// accessorExpr is a primary followed by accessors (.key, [..], ?(..), .method()).
func (p *parser) accessorExpr() (*Node, bool, error) {
	n, pred, accessors, err := p.primary()
	if err != nil || !accessors {
		return n, pred, err
	}
	tail := n // appended to in place: a long chain costs linear time
	for tail.Next != nil {
		tail = tail.Next
	}
	for {
		var acc *Node
		switch {
		case p.isChar('.'):
			acc, err = p.dotAccessor()
		case p.isChar('['):
			acc, err = p.arrayAccessor()
		case p.isChar('?'):
			acc, err = p.filter()
		default:
			return n, pred, nil
		}
		if err != nil {
			return nil, false, err
		}
		tail.Next, tail = acc, acc
		pred = false
	}
}

func (p *parser) primary() (n *Node, pred, accessors bool, err error) {
	t := p.tok
	switch {
	case t.kind == tString:
		n = &Node{Kind: KString, Str: t.val}
	case t.kind == tNumeric || t.kind == tInt:
		v, perr := types.ParseNumeric(t.val)
		if perr != nil {
			return nil, false, false, p.syntax()
		}
		n = &Node{Kind: KNumeric, Str: v.S}
	case t.kind == tVariable:
		n = &Node{Kind: KVariable, Str: t.val}
	case p.isChar('$'):
		n = &Node{Kind: KRoot}
	case p.isChar('@'):
		n = &Node{Kind: KCurrent}
	case p.isKeyword("null"):
		n = &Node{Kind: KNull}
	case p.isKeyword("true"):
		n = &Node{Kind: KBool, Str: "t"}
	case p.isKeyword("false"):
		n = &Node{Kind: KBool, Str: "f"}
	case p.isKeyword("last"):
		n = &Node{Kind: KLast}
	case p.isKeyword("exists") && !p.exprOnly:
		n, err = p.exists()
		return n, true, false, err
	case p.isChar('('):
		return p.parenthesised()
	default:
		return nil, false, false, p.syntax()
	}
	return n, false, true, p.advance()
}

// parenthesised is ( expr ) or ( predicate ), and ( predicate ) is unknown.
func (p *parser) parenthesised() (n *Node, pred, accessors bool, err error) {
	if err := p.enter(); err != nil {
		return nil, false, false, err
	}
	if err := p.advance(); err != nil {
		return nil, false, false, err
	}
	n, pred, err = p.or()
	if err != nil {
		return nil, false, false, err
	}
	if err := p.expect(')'); err != nil {
		return nil, false, false, err
	}
	p.depth--
	if !p.isKeyword("is") {
		return n, pred, true, nil
	}
	if !pred {
		return nil, false, false, p.syntax()
	}
	if err := p.advance(); err != nil {
		return nil, false, false, err
	}
	if !p.isKeyword("unknown") {
		return nil, false, false, p.syntax()
	}
	return &Node{Kind: KIsUnknown, Left: n}, true, false, p.advance()
}

func (p *parser) exists() (*Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.expect('('); err != nil {
		return nil, err
	}
	arg, err := p.expr()
	if err != nil {
		return nil, err
	}
	if err := p.expect(')'); err != nil {
		return nil, err
	}
	p.depth--
	return &Node{Kind: KExists, Left: arg}, nil
}

var methods = map[string]Kind{"abs": KAbs, "size": KSize, "type": KType, "floor": KFloor,
	"double": KDouble, "ceiling": KCeiling, "keyvalue": KKeyValue, "datetime": KDatetime}

func (p *parser) dotAccessor() (*Node, error) {
	if err := p.advance(); err != nil {
		return nil, err
	}
	t := p.tok
	switch {
	case p.isChar('*'):
		return &Node{Kind: KAnyKey}, p.advance()
	case t.kind == tAnyPath:
		return p.anyPath()
	case t.kind == tKeyword && methods[t.val] != KNull:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if !p.isChar('(') {
			return &Node{Kind: KKey, Str: t.val}, nil
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		n := &Node{Kind: methods[t.val]}
		if n.Kind == KDatetime && p.tok.kind == tString {
			n.Left = &Node{Kind: KString, Str: p.tok.val}
			if err := p.advance(); err != nil {
				return nil, err
			}
		}
		return n, p.expect(')')
	case t.kind == tIdent || t.kind == tString || t.kind == tKeyword:
		return &Node{Kind: KKey, Str: t.val}, p.advance()
	}
	return nil, p.syntax()
}

func (p *parser) anyPath() (*Node, error) {
	n := &Node{Kind: KAny, First: 0, Last: AnyLast}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if !p.isChar('{') {
		return n, nil
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	first, err := p.anyLevel()
	if err != nil {
		return nil, err
	}
	n.First, n.Last = first, first
	if p.isKeyword("to") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		if n.Last, err = p.anyLevel(); err != nil {
			return nil, err
		}
	}
	return n, p.expect('}')
}

func (p *parser) anyLevel() (uint32, error) {
	switch {
	case p.isKeyword("last"):
		return AnyLast, p.advance()
	case p.tok.kind == tInt:
		v, err := strconv.ParseInt(p.tok.val, 10, 32)
		if err != nil {
			return 0, &Error{Code: "22003", Msg: `value "` + p.tok.val + `" is out of range for type integer`}
		}
		return uint32(v), p.advance()
	}
	return 0, p.syntax()
}

func (p *parser) arrayAccessor() (*Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.isChar('*') {
		if err := p.advance(); err != nil {
			return nil, err
		}
		p.depth--
		return &Node{Kind: KAnyArray}, p.expect(']')
	}
	n := &Node{Kind: KIndexArray}
	for {
		from, err := p.expr()
		if err != nil {
			return nil, err
		}
		sub := Subscript{From: from}
		if p.isKeyword("to") {
			if err := p.advance(); err != nil {
				return nil, err
			}
			if sub.To, err = p.expr(); err != nil {
				return nil, err
			}
		}
		n.Subs = append(n.Subs, sub)
		if !p.isChar(',') {
			break
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
	}
	p.depth--
	return n, p.expect(']')
}

func (p *parser) filter() (*Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if err := p.expect('('); err != nil {
		return nil, err
	}
	n, pred, err := p.or()
	if err != nil {
		return nil, err
	}
	if !pred {
		return nil, p.syntax()
	}
	p.depth--
	return &Node{Kind: KFilter, Left: n}, p.expect(')')
}

// check refuses @ outside filters and last outside subscripts, in the order
// flattenJsonPathParseItem meets them.
func check(n *Node, nesting int, inSubscript bool, depth int) error {
	if depth++; depth > 10*maxDepth {
		return &Error{Code: "54001", Msg: "stack depth limit exceeded"}
	}
	for ; n != nil; n = n.Next {
		switch n.Kind {
		case KCurrent:
			if nesting <= 0 {
				return &Error{Code: "42601", Msg: "@ is not allowed in root expressions"}
			}
		case KLast:
			if !inSubscript {
				return &Error{Code: "42601", Msg: "LAST is allowed only in array subscripts"}
			}
		case KFilter:
			if err := check(n.Left, nesting+1, inSubscript, depth); err != nil {
				return err
			}
		case KIndexArray:
			for _, s := range n.Subs {
				if err := check(s.From, nesting, true, depth); err != nil {
					return err
				}
				if err := check(s.To, nesting, true, depth); err != nil {
					return err
				}
			}
		default:
			if err := check(n.Left, nesting, inSubscript, depth); err != nil {
				return err
			}
			if err := check(n.Right, nesting, inSubscript, depth); err != nil {
				return err
			}
		}
	}
	return nil
}

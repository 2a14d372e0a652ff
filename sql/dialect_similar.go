package sql

import "github.com/drovedb/drove/sql/lexer"

// x [NOT] SIMILAR TO p [ESCAPE e] is PostgreSQL's x [!]~ similar_to_escape(p [, e]) (gram.y),
// written as vitess's REGEXP of that call with the regex marker after it (see regexOp). As
// for ~, p and e must be constants or parameters: the pass does not parse, so it must know
// where the call it opens closes. An operator after them that would continue p or e in
// PostgreSQL's grammar (everything binding tighter than SIMILAR: ||, +, ::, [...) is refused.

const (
	similarPattern = 1 // the pattern comes next
	similarEscape  = 2 // the escape comes next
)

func (r *rewriter) similarToNext() bool {
	return r.peek(0).Is("to") && isConstOrParam(r.peek(1))
}

func isConstOrParam(t lexer.Token) bool {
	return t.Kind == lexer.String || t.Kind == lexer.Param || t.Is("null")
}

// similarNull writes a NULL operand, which the main loop would write as a word.
func (r *rewriter) similarNull() (bool, error) {
	if !r.peek(0).Is("null") {
		return false, nil
	}
	r.skip(1)
	r.b.WriteString("null")
	return true, r.similarOperand()
}

func emitSimilarTo(r *rewriter, w string) error {
	r.keep(w)
	r.skip(1) // TO
	r.b.WriteString("regexp similar_to_escape(")
	r.similar = similarPattern
	_, err := r.similarNull()
	return err
}

// similarOperand ends the pattern or escape just written: the escape follows, or the call
// closes.
func (r *rewriter) similarOperand() error {
	if r.similar == similarPattern && r.peek(0).Is("escape") {
		if !isConstOrParam(r.peek(1)) {
			return unsupported("SIMILAR TO ... ESCAPE with anything but a constant or parameter")
		}
		r.skip(1)
		r.b.WriteString(", ")
		r.similar = similarEscape
		_, err := r.similarNull()
		return err
	}
	r.similar = 0
	r.b.WriteString(") collate " + markerLiteral(regexMarkerPrefix))
	if next := r.peek(0); next.Kind == lexer.Op && !comparisons[next.Value] ||
		next.Kind == lexer.Punct && (next.Value == "::" || next.Value == "[" || next.Value == ".") ||
		next.Is("collate") || next.Is("at") {
		return unsupported("SIMILAR TO with a pattern or escape other than a constant or parameter")
	}
	return nil
}

// SUBSTRING(s SIMILAR p ESCAPE e) is PostgreSQL's substring(s, p, e), the SQL regular
// expression's form: written as vitess's SUBSTRING(s FROM p FOR e), which the function
// registry resolves by the arguments' types (text: similar.go).

// substrWords are the keywords a SUBSTRING argument list has had.
type substrWords uint8

const (
	sawFrom substrWords = 1 << iota
	sawFor
	sawSimilar
	sawEscape
	sawPlacing
)

// substringArgs is the innermost open parenthesis when it is SUBSTRING's argument list.
func (r *rewriter) substringArgs() *openParen {
	if n := len(r.parens); n > 0 && r.parens[n-1].substring {
		return &r.parens[n-1]
	}
	return nil
}

func substringWordNext(r *rewriter) bool { return r.substringArgs() != nil }

func (r *rewriter) substringSimilarNext() bool {
	p := r.substringArgs()
	return p != nil && p.substrSeen == 0
}

func emitSubstringSimilar(r *rewriter, w string) error {
	return emitSubstringWord(sawSimilar, "from")(r, w)
}

func (r *rewriter) substringEscapeNext() bool {
	p := r.substringArgs()
	return p != nil && p.substrSeen == sawSimilar
}

// emitSubstringWord writes one of SUBSTRING's keywords as text.
func emitSubstringWord(saw substrWords, text string) func(*rewriter, string) error {
	return func(r *rewriter, w string) error {
		r.substringArgs().substrSeen |= saw
		r.b.WriteString(text)
		r.keep(w)
		return nil
	}
}

// emitSubstringFrom writes FROM; PostgreSQL's FOR n FROM m order vitess does not take.
func emitSubstringFrom(r *rewriter, w string) error {
	if r.substringArgs().substrSeen&sawFor != 0 {
		return unsupported("SUBSTRING(s FOR n FROM m)")
	}
	return emitSubstringWord(sawFrom, "from")(r, w)
}

// emitSubstringFor writes FOR, after FROM 1 when FROM is left out (PostgreSQL's
// substring(s, 1, n)).
func emitSubstringFor(r *rewriter, w string) error {
	if r.substringArgs().substrSeen&sawFrom == 0 {
		r.b.WriteString("from 1 ")
	}
	return emitSubstringWord(sawFor, "for")(r, w)
}

// OVERLAY(s PLACING r FROM n [FOR m]) is the function overlay(s, r, n [, m]).

// overlayWordNext matches in OVERLAY's argument list after the keywords seen.
func overlayWordNext(seen substrWords) func(*rewriter) bool {
	return func(r *rewriter) bool {
		n := len(r.parens)
		return n > 0 && r.parens[n-1].overlay && r.parens[n-1].substrSeen == seen
	}
}

func emitOverlayWord(saw substrWords) func(*rewriter, string) error {
	return func(r *rewriter, w string) error {
		r.parens[len(r.parens)-1].substrSeen |= saw
		r.b.WriteString(",")
		r.keep(w)
		return nil
	}
}

// substringClosed refuses SUBSTRING(s SIMILAR p) without its ESCAPE and OVERLAY(s PLACING r)
// without FROM, as PostgreSQL's grammar does.
func (r *rewriter) substringClosed() error {
	n := len(r.parens)
	if n == 0 {
		return nil
	}
	if p := r.parens[n-1]; p.substring && p.substrSeen == sawSimilar || p.overlay && p.substrSeen == sawPlacing {
		return Errorf("42601", "syntax error at or near \")\"")
	}
	return nil
}

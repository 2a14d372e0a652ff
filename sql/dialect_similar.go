package sql

// x [NOT] SIMILAR TO p [ESCAPE e] is PostgreSQL's x [!]~ similar_to_escape(p [, e]) (gram.y),
// written as vitess's REGEXP of that call with the regex marker after it (see regexOp). The
// call's parenthesis is a LIKE pattern's (dialect_pattern.go): it closes before the first
// token that ends the pattern at its depth, so p and e are any expressions of operators that
// bind tighter than SIMILAR (x SIMILAR TO 'a' || y). Its ESCAPE writes the comma between them.

func (r *rewriter) similarToNext() bool { return r.peek(0).Is("to") }

func emitSimilarTo(r *rewriter, w string) error {
	r.keep(w)
	r.skip(1) // TO
	r.b.WriteString("regexp similar_to_escape(")
	r.patterns = append(r.patterns, patternOpen{depth: r.depth, close: " collate " + markerLiteral(regexMarkerPrefix), similar: true})
	return nil
}

// similarEscapeNext reports whether this ESCAPE is the one of the SIMILAR TO pattern open at
// this depth.
func (r *rewriter) similarEscapeNext() bool {
	n := len(r.patterns)
	return n > 0 && r.patterns[n-1].similar && !r.patterns[n-1].escaped && r.patterns[n-1].depth == r.depth &&
		r.patterns[n-1].cases == 0
}

func emitSimilarEscape(r *rewriter, w string) error {
	r.patterns[len(r.patterns)-1].escaped = true
	r.b.WriteString(", ")
	r.keep(w)
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

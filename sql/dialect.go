package sql

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// The dialect pass rewrites PostgreSQL text into the MySQL dialect vitess parses and splits a
// query string into statements. It walks sql/lexer's tokens, one at a time, and never parses:
//
//   - a `;` token ends a statement;
//   - strings, quoted identifiers, numbers, parameters, operators and punctuation are written
//     as vitess reads them (dialect_tokens.go): 'It''s \' → 'It''s \\', "Name" → `Name`,
//     $1 → :p1, a || b → a | b, x::t → x COLLATE '\0::t', a[i] → drove_subscript(a, i), ...;
//   - a word is looked up in wordRules (dialect_rules.go), a table of small rules, each a
//     name, a match on the word and the tokens after it, and an emit; a word no rule takes is
//     written folded to lower case (quoted when vitess would read it as a MySQL keyword).
//
// What the rules emit that PostgreSQL lacks is one of: a marker string starting with NUL,
// which user text cannot hold; a MySQL construct whose spelling in user text is refused or
// quoted (see pgcheck.go); or a drove_* call, whose name user text may not call. So no emitted
// text is something a user could have typed with another meaning.
//
// Tokens the text separates are separated by one space; the rewritten text need not line up
// with the original, since errors are mapped back to it (syntaxpos.go).

// piece is one statement of a query string after the dialect pass.
type piece struct {
	sql       string // rewritten for vitess
	orig      string // the statement's PostgreSQL text, which sql/lexer reads
	first     string // first word, lower case, for statements handled before vitess
	words     []string
	returning string // the rewritten list after INSERT/UPDATE/DELETE ... RETURNING
	conflict  *conflictClause
	alias     string // INSERT INTO t AS alias, which vitess does not parse
	// overriding is INSERT's OVERRIDING SYSTEM VALUE ('s') or USER VALUE ('u'), cut off.
	overriding byte
	onCommit   string // CREATE TEMP TABLE's ON COMMIT action, cut off (temp_table.go)
	dmlFrom    string // UPDATE's FROM list or DELETE's USING list, rewritten and cut off
	// emptyReturning is a RETURNING with no list: PostgreSQL's syntax error at its end.
	emptyReturning bool
	// Where the statement is, for its errors' positions: the query string, the offset of orig
	// in it, and the statement's index among the query string's.
	q             string
	origAt, index int
	// Only when the pass runs to locate an error (rewriteMarks): where each token's rewrite
	// begins in the output, and the bytes TrimSpace cut from the front of sql and returning.
	marks         []posMark
	lead, retLead int
}

// conflictClause is INSERT's ON CONFLICT (or UPSERT): what to do with a row whose key exists.
type conflictClause struct {
	target []string // the conflict target's columns; empty when not given
	// targetExprs, for a target with an expression, are its elements' PostgreSQL text
	// (target is then empty); targetWhere is its WHERE index_predicate's.
	targetExprs []string
	targetWhere string
	// constraint is ON CONFLICT ON CONSTRAINT's name, the other way to name the arbiter.
	constraint string
	update     bool // DO UPDATE SET ..., which follows as ON DUPLICATE KEY UPDATE
	replace    bool // UPSERT: the new row replaces the old
	// DO UPDATE SET ... WHERE cond: cond as rewritten, cut off the statement, and parsed.
	whereText string
	where     sqlparser.Expr
}

// maxOperandRewrites bounds the rewrites that wrap an operand already written in one query.
const maxOperandRewrites = 10000

// openParen is an open parenthesis of the dialect pass.
type openParen struct {
	start     int    // where in the output its operand begins: the function name of a call
	close     string // written after its closing parenthesis
	fromFunc  string // the function, when this is the argument list of a function in FROM
	inside    string // written before its closing parenthesis (marker-agg's SEPARATOR marker)
	aggName   string // marker-agg: the aggregate (dialect_aggs.go)
	aggOrder  bool   // marker-agg: its ORDER BY was written
	within    bool   // marker-agg: its WITHIN GROUP ( was read
	aggFilter bool   // the (WHERE ...) of an aggregate's FILTER (aggfilter.go)
	call      bool   // a function's argument list
	fromItem  bool   // a FROM item's parenthesis, which an alias may follow (join_alias.go)
	inList    bool   // IN's list, which ends a postfix predicate (dialect_postfix.go)
	named     bool   // a named argument's drove_named_arg( is open, closed at the next , or )
	// substring: SUBSTRING's argument list, whose SIMILAR and ESCAPE are FROM and FOR
	// (dialect_similar.go), with the keywords it has had.
	substring  bool
	overlay    bool // OVERLAY's argument list: PLACING, FROM and FOR are commas
	substrSeen substrWords
	// filterComma is where, in the output, the comma before the FILTER's condition is.
	filterComma int
	// window: a window specification's parenthesis (after OVER, or AS in WINDOW), whose
	// ORDER BY was written when windowOrder (dialect_window.go).
	window, windowOrder bool
}

// rewriter is the dialect pass over one query string.
type rewriter struct {
	q   string
	pos int // where the next token's search begins: the end of what has been consumed
	b   outBuf
	out []piece

	// shortRows are the "(" of the ROW constructors of fewer than two fields, by position
	// in q, found by one scan of q at the first ROW( (see shortRowNext); nil before.
	shortRows map[int]bool

	// The statement being rewritten.
	stmtStart   int // where it begins in q
	words       []string
	returningAt int // where RETURNING starts in b, or -1
	// where ON CONFLICT DO UPDATE's WHERE starts in b, or 0 (upsert_where.go)
	conflictWhereAt int
	// where UPDATE's FROM list or DELETE's USING list starts and ends in b, or 0
	// (dml_join_dialect.go)
	dmlFromAt, dmlFromEnd int
	onConflict            *conflictClause
	insertAlias           string
	overriding            byte // INSERT's OVERRIDING SYSTEM|USER VALUE (identity.go)
	onCommit              string
	// An OFFSET without LIMIT (emitOffset) at offsetDepth wrote "limit <max> offset" at
	// offsetAt; a LIMIT or FETCH after it (PostgreSQL takes either order) rewrites that.
	offsetOpen            bool
	offsetAt, offsetDepth int

	// withinSeen caches whether q has the word WITHIN at all (0: not looked yet, 1: no,
	// 2: yes), so that withinGroupCallNext scans ahead only where it may find it.
	withinSeen int8
	// labelled: the word just read was written as a column label (dialect_labels.go)
	labelled bool

	prev lexer.Token // the last token consumed
	ntok int         // the tokens the main loop has read
	// sepAt is the count of tokens at the last FROM, JOIN or comma, and operandAt at the
	// first token of the last operand: a call in FROM whose operand follows sepAt directly is
	// a function in FROM.
	sepAt, operandAt int
	sepPos           int    // where in q the token after the last FROM, JOIN or comma begins its search (fromalias.go)
	sepLateral       bool   // the last separator is a LATERAL after one
	cteMode          string // the marker of a WITH query's [NOT] MATERIALIZED, until its "(" (cte_materialized.go)
	lastWord         string // the last word written, "" after any other token
	// defaultEnd: where in q the DEFAULT expression the default-expr rule parenthesized
	// ends; the main loop closes it before the token there (dialect_default.go). 0: none.
	defaultEnd int
	// variadicEnds: where in q the calls whose last argument the variadic rule wrapped end,
	// innermost last (dialect_variadic.go).
	variadicEnds []int
	// In CREATE TABLE, where a column definition is: 1 when a column name comes next, 2 when
	// its type does (PostgreSQL's type names are rewritten there, and only there).
	colState int
	// colAuto is what made the column definition being read serial: 's' its SERIAL type,
	// 'i' an identity clause, 0 neither yet (a second one is an error, emitIdentity).
	colAuto byte
	// regexMarker is written after the pattern of a regular-expression match (see regexOp).
	regexMarker string
	patterns    []patternOpen // LIKE patterns open in parentheses (dialect_pattern.go)
	ilike       *ilikeMark    // the last ILIKE written, for an ESCAPE after its pattern
	// valuesRows holds 1 + the depth of each VALUES list of rows being written, innermost
	// last: a VALUES in a subquery in a row of another (subselect.sql's (VALUES (3 NOT IN
	// (SELECT * FROM (VALUES (1), (2)) ss1)), (false))) ends before the outer one's next row.
	valuesRows  []int
	setops      []setOpLevel   // per depth, INTERSECT's grouping (dialect_setops.go)
	setOpMarker string         // the marker the next SELECT or VALUES gets
	depth       int            // parentheses
	fullJoinAt  int            // the depth of a FULL JOIN waiting for its ON or USING, or -1
	joins       []pendingJoin  // qualified joins waiting for their ON or USING (dialect_joins.go)
	naturals    []int          // the depths of the NATURAL FULL JOINs whose right items are being written
	groupByAt   int            // 1 + the depth of the GROUP BY list being written, or 0 (dialect_grouping.go)
	windowAt    int            // 1 + the depth of the WINDOW clause being written, or 0 (dialect_grouping.go)
	frame       *frameRewrite  // the window frame being written (dialect_window.go)
	distinctOn  distinctOnMove // SELECT DISTINCT ON's call, moved to the select list's end (dialect_grouping.go)
	casts       []int          // depth inside each open CAST(
	arrays      []int          // depth inside each open ARRAY(
	parens      []openParen    // one per open parenthesis
	brackets    []int          // where each open subscript's operand begins (-1: ARRAY[...])
	selectAt    []int          // per depth: where the last SELECT's keyword was written (rowlock_dialect.go)
	clauses     []string       // per depth: "select" after SELECT, "from" inside its FROM, "limit"
	limited     []bool         // per depth: the query there has had a LIMIT (an OFFSET after it is not alone)
	chain       opChain        // see opChain
	// starts, savedStarts and postfix place the parentheses around a postfix predicate an
	// operator follows (dialect_postfix.go).
	starts      []exprStarts
	savedStarts []exprStarts
	postfix     postfixEnd
	inserts     int            // insertAt calls: bounded, so no statement costs quadratic time
	ahead       []lexer.Token  // tokens lexed ahead from aheadAt (see peek)
	aheadAt     int            // where ahead starts; -1 when it is empty
	aheadBuf    [4]lexer.Token // ahead's usual storage
	clauseBuf   [4]string      // clauses' usual storage
	// The rewrites of subscripts, field selections and functions in FROM wrap an operand
	// already written: operandStart is where in b the last complete operand (an identifier
	// chain, a call, a parenthesized group, a subscript) begins.
	operandStart int
	// aggMarker is the marker-agg rule's SEPARATOR and aggName its aggregate, for the
	// argument list that follows.
	aggMarker, aggName string

	symmetric []symmetricOpen // BETWEEN SYMMETRICs waiting for their AND (dialect_between.go)

	track bool      // record marks: the pass runs again to locate an error (rewriteMarks)
	marks []posMark // the statement's, when track
}

// splitAndRewrite returns the statements of q, rewritten, skipping empty ones.
func splitAndRewrite(q string) ([]piece, error) {
	if strings.IndexByte(q, 0) >= 0 {
		// Marker strings start with NUL (pgcheck.go); PostgreSQL refuses it in text too.
		return nil, Errorf("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")
	}
	if !utf8.ValidString(q) {
		return nil, invalidUTF8(q) // as PostgreSQL refuses a query string (pg_verify_mbstr)
	}
	r := rewriters.Get().(*rewriter)
	*r = rewriter{q: q, returningAt: -1, fullJoinAt: -1, aheadAt: -1}
	defer func() {
		*r = rewriter{} // keeps nothing of q
		rewriters.Put(r)
	}()
	return r.run()
}

// run is the dialect pass over r.q.
func (r *rewriter) run() ([]piece, error) {
	q := r.q
	for {
		if r.depth > maxDepth {
			return nil, tooDeep() // see depth.go
		}
		t, err := lexer.At(q, r.pos)
		if err != nil {
			return nil, lexErrorIn(err, q)
		}
		if r.defaultEnd > 0 && t.Pos >= r.defaultEnd {
			r.b.WriteByte(')')
			r.defaultEnd = 0
		}
		if len(r.variadicEnds) > 0 {
			r.closeVariadic(t.Pos) // dialect_variadic.go
		}
		r.writeGap(t.Pos)
		if t.Kind == lexer.EOF {
			break
		}
		if r.track {
			r.marks = append(r.marks, posMark{out: r.b.Len(), in: t.Pos})
		}
		r.pos = t.End
		r.ntok++
		depth := r.depth
		if err := r.token(t); err != nil {
			if _, lexErr := lexer.At(q, r.pos); lexErr != nil {
				// PostgreSQL's lexer reads the next token before its grammar fails.
				return nil, lexErrorIn(lexErr, q)
			}
			return nil, locateIn(r.placeError(err, t), q)
		}
		if r.depth > depth {
			r.setStarts(true) // the parentheses a token opened begin expressions
		}
		if r.pos == t.End {
			r.prev = t // else the last token a rule took (see skip)
		}
	}
	if len(r.brackets) > 0 {
		return nil, syntaxErrorIn(q, len(q))
	}
	r.endNaturalJoin(lexer.Token{Kind: lexer.EOF})
	r.flush(len(q))
	return r.out, nil
}

// rewriters are reused: a statement's parse allocates the pass's state only once in a while.
var rewriters = sync.Pool{New: func() any { return new(rewriter) }}

// writeGap separates the next token (at end) from the last one consumed: one space where
// the text has whitespace or comments between them, nothing where they touch. The lexer has
// already found where the gap ends, so the gap is not scanned again; positions in the output
// need not line up with the text, as errors are mapped back through marks (syntaxpos.go).
func (r *rewriter) writeGap(end int) {
	if end > r.pos && r.b.Len() > 0 {
		r.b.WriteByte(' ')
	}
	r.pos = end
}

// token rewrites one token, by its kind.
func (r *rewriter) token(t lexer.Token) error {
	r.endNaturalJoin(t)
	if err := r.wrapPostfix(t); err != nil {
		return err
	}
	if t.Kind == lexer.Punct && len(t.Value) == 1 {
		r.chain.punct(t.Value[0], r.depth)
		if t.Value == "," || t.Value == ")" || t.Value == ";" {
			r.closePatterns(r.depth)
		}
	}
	switch t.Kind {
	case lexer.Ident:
		return r.word(t)
	case lexer.QuotedIdent:
		return r.quotedIdent(t)
	case lexer.String:
		return r.str(t)
	case lexer.BitString, lexer.HexString:
		return unsupported("bit string constants")
	case lexer.Param:
		r.b.WriteString(":p" + t.Value) // vitess's bind variable syntax
		if err := r.endPattern(); err != nil {
			return err
		}
	case lexer.Op:
		return r.operator(t)
	case lexer.Punct:
		return r.punct(t)
	case lexer.Other:
		if t.Value == "$" { // not a parameter or dollar quote
			return Errorf("42601", "syntax error at or near \"$\"")
		}
		r.b.WriteString(t.Value)
	case lexer.Numeric:
		if r.q[t.Pos] == '.' && r.prev.IsPunct(")") {
			return r.syntaxErrorAt(t) // (r).9 is no field selection
		}
		r.b.WriteString(t.Value)
	default: // integers, and characters PostgreSQL's grammar refuses, which vitess refuses too
		r.b.WriteString(t.Text(r.q))
	}
	r.lastWord = ""
	return nil
}

// flush ends the statement at q[end] (its ';' or the end of the text).
func (r *rewriter) flush(end int) {
	r.endSelectList()
	r.closePatterns(0)
	r.closeSetOpGroup(0)
	r.setops, r.setOpMarker = r.setops[:0], ""
	r.selectAt = r.selectAt[:0]
	r.symmetric = r.symmetric[:0]
	raw := r.q[r.stmtStart:end]
	orig := strings.TrimSpace(raw)
	origAt := r.stmtStart + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	r.stmtStart = end + 1
	text, ret, retLead := r.b.String(), "", 0
	emptyReturning := false
	if r.returningAt >= 0 {
		rest := text[r.returningAt:]
		text, ret = text[:r.returningAt], strings.TrimSpace(rest)
		retLead = r.returningAt + len(rest) - len(strings.TrimLeftFunc(rest, unicode.IsSpace))
		emptyReturning = ret == ""
		r.returningAt = -1
	}
	text = r.cutConflictWhere(text)
	text, dmlFrom := r.cutDMLFrom(text)
	if s := strings.TrimSpace(text); s != "" {
		p := piece{sql: s, orig: orig, words: r.words, returning: ret, conflict: r.onConflict, alias: r.insertAlias, overriding: r.overriding, onCommit: r.onCommit, dmlFrom: dmlFrom,
			q: r.q, origAt: origAt, index: len(r.out), emptyReturning: emptyReturning}
		if r.track {
			p.marks, p.retLead = r.marks, retLead
			p.lead = len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
		}
		if len(r.words) > 0 {
			p.first = r.words[0]
		}
		r.out = append(r.out, p)
	}
	r.marks = nil
	r.b.Reset()
	r.starts, r.savedStarts, r.postfix = r.starts[:0], r.savedStarts[:0], postfixEnd{}
	r.words = nil
	r.joins = r.joins[:0]
	r.onConflict = nil
	r.insertAlias, r.onCommit, r.overriding = "", "", 0
	r.offsetOpen = false
	r.ilike = nil
	r.valuesRows = r.valuesRows[:0]
}

// insertAt inserts text at pos in the output, before what is written there.
func (r *rewriter) insertAt(pos int, text string) error {
	if r.inserts++; r.inserts > maxOperandRewrites {
		return Errorf("54001", "statement too complex: more than %d subscripts, field selections and functions in FROM", maxOperandRewrites)
	}
	r.b.insert(pos, text)
	r.shiftStarts(pos, len(text))
	for d, at := range r.selectAt {
		if at > pos {
			r.selectAt[d] += len(text)
		}
	}
	if r.returningAt > pos {
		r.returningAt += len(text)
	}
	for i := range r.joins {
		if r.joins[i].at > pos {
			r.joins[i].at += len(text)
		}
	}
	for i := len(r.marks) - 1; i >= 0 && r.marks[i].out > pos; i-- {
		r.marks[i].out += len(text) // the text inserted belongs to the token at pos
	}
	return nil
}

// rewound keeps the marks in order after the output was cut back to pos and rewritten: the
// tokens written after pos map to the first of them.
func (r *rewriter) rewound(pos int) {
	for i := len(r.marks) - 1; i >= 0 && r.marks[i].out > pos; i-- {
		r.marks[i].out = pos
	}
}

// pushParen records an open parenthesis; call says it is a call's, whose operand begins at
// the function name.
func (r *rewriter) pushParen(call bool) {
	p := openParen{start: r.b.Len(), call: call}
	if call {
		p.start = r.operandStart
	}
	r.parens = append(r.parens, p)
}

// peek returns the n-th token after those consumed (0: the next one); EOF at the end of the
// text or where it does not lex (the main loop reports that error when it gets there).
func (r *rewriter) peek(n int) lexer.Token {
	if r.aheadAt != r.pos {
		r.ahead, r.aheadAt = r.aheadBuf[:0], r.pos
	}
	for len(r.ahead) <= n {
		from := r.pos
		if k := len(r.ahead); k > 0 {
			if r.ahead[k-1].Kind == lexer.EOF {
				return r.ahead[k-1]
			}
			from = r.ahead[k-1].End
		}
		t, err := lexer.At(r.q, from)
		if err != nil {
			t = lexer.Token{Kind: lexer.EOF, Pos: from, End: from}
		}
		r.ahead = append(r.ahead, t)
	}
	return r.ahead[n]
}

// skip consumes the next n tokens.
func (r *rewriter) skip(n int) {
	if n > 0 {
		r.prev = r.peek(n - 1)
		r.pos = r.prev.End
	}
}

// nextIs reports whether the next token is the punctuation or operator p.
func (r *rewriter) nextIs(p string) bool { return r.peek(0).IsPunct(p) }

// followedBy reports whether the next tokens are the words want.
func (r *rewriter) followedBy(want ...string) bool {
	for k, w := range want {
		if !r.peek(k).Is(w) {
			return false
		}
	}
	return true
}

// clause is the clause at the current depth ("" for none).
func (r *rewriter) clause() string {
	if r.depth < 0 || r.depth >= len(r.clauses) {
		return ""
	}
	return r.clauses[r.depth]
}

// setLimited notes whether the query at the current depth has had a LIMIT.
func (r *rewriter) setLimited(v bool) {
	if r.depth < 0 || !v && r.depth >= len(r.limited) {
		return
	}
	for len(r.limited) <= r.depth {
		r.limited = append(r.limited, false)
	}
	r.limited[r.depth] = v
}

// limitedHere reports whether the query at the current depth has had a LIMIT.
func (r *rewriter) limitedHere() bool {
	return r.depth >= 0 && r.depth < len(r.limited) && r.limited[r.depth]
}

// setClause sets the clause at the current depth.
func (r *rewriter) setClause(c string) {
	if r.depth < 0 || c == "" && r.depth >= len(r.clauses) {
		return
	}
	if r.clauses == nil {
		r.clauses = r.clauseBuf[:0]
	}
	for len(r.clauses) <= r.depth {
		r.clauses = append(r.clauses, "")
	}
	r.clauses[r.depth] = c
}

// syntaxErrorAt is PostgreSQL's syntax error at token t.
func (r *rewriter) syntaxErrorAt(t lexer.Token) error {
	if t.Kind == lexer.EOF {
		return syntaxErrorIn(r.q, len(r.q))
	}
	return syntaxErrorIn(r.q, t.Pos)
}

// placeError gives a syntax error a rule raised without a place the place PostgreSQL
// reports: the token it names, the current one t or the next.
func (r *rewriter) placeError(err error, t lexer.Token) error {
	var e *Error
	if !errors.As(err, &e) || e.at != 0 || e.Position != 0 || e.Code != "42601" {
		return err
	}
	if near, ok := strings.CutPrefix(e.Message, "syntax error at or near "); ok {
		if next := r.peek(0); next.Kind != lexer.EOF && !strings.EqualFold(strconv.Quote(t.Text(r.q)), near) &&
			strings.EqualFold(strconv.Quote(next.Text(r.q)), near) {
			t = next
		}
	}
	return errorAt(err, t.Pos)
}

// isCreateTable reports whether the statement so far is a CREATE TABLE.
func (r *rewriter) isCreateTable() bool {
	w := r.words
	if len(w) >= 3 && (w[1] == "temp" || w[1] == "temporary") {
		w = w[1:] // CREATE TEMP TABLE (temp_table.go)
	}
	return len(w) >= 2 && r.words[0] == "create" && w[1] == "table"
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// The dialect pass's handling of the tokens that are not words (see dialect.go).

// startOperand records that an operand begins at the current token.
func (r *rewriter) startOperand() {
	r.operandStart = r.b.Len()
	r.operandAt = r.ntok
}

// str writes a string constant as one vitess literal of its decoded value (sql/lexer has read
// it with PostgreSQL's rules: E” escapes, continuation past a newline, dollar quoting).
func (r *rewriter) str(t lexer.Token) error {
	// vitess joins adjacent literals and takes a literal after an expression for its alias;
	// PostgreSQL refuses both (a constant continued across a newline is one token of
	// sql/lexer's). Adjacent in vitess's text too when a rule wrote nothing between them ('a'
	// COLLATE "C" 'b') or wrote a marker string (1::text 'b').
	switch r.prev.Kind {
	case lexer.Integer, lexer.Numeric, lexer.Param, lexer.String:
		return r.syntaxErrorAt(t)
	}
	out := r.b.String()
	if r.returningAt >= 0 && r.returningAt <= len(out) {
		out = out[r.returningAt:] // RETURNING is cut off there, and writes nothing: 'c' RETURNING 'x'
	}
	if out = strings.TrimRight(out, " \t\r\n\f"); strings.HasSuffix(out, "'") {
		return r.syntaxErrorAt(t)
	}
	r.b.WriteString(vitessString(t.Value))
	r.lastWord = ""
	return r.endPattern()
}

// endPattern follows the pattern of a regular-expression match with its marker (see regexOp).
func (r *rewriter) endPattern() error {
	if r.regexMarker != "" {
		r.b.WriteString(" collate " + markerLiteral(r.regexMarker))
		r.regexMarker = ""
	}
	return nil
}

// quotedIdent writes "name" as vitess's `name`; a quoted identifier is never a keyword.
func (r *rewriter) quotedIdent(t lexer.Token) error {
	name := t.Value
	if internalFunctions[name] && r.nextIs("(") {
		return Errorf("42883", "function %s does not exist", name)
	}
	if !r.prev.IsPunct(".") {
		r.startOperand()
		if keywordTypeFunctions[name] && r.nextIs("(") && r.prefixPosition() {
			r.b.WriteString("pg_catalog.") // "numeric"(x) is the type's function: a cast
		}
	}
	r.b.WriteByte('`')
	if name == "dual" && (r.clause() == "from" || r.lastWord == "join") {
		r.b.WriteString(userDual) // see userDual
	} else {
		r.b.WriteString(strings.ReplaceAll(name, "`", "``"))
	}
	r.b.WriteByte('`')
	// Kept quoted: a quoted identifier is never the keyword it spells ("checkpoint").
	r.words = append(r.words, `"`+name+`"`)
	r.lastWord = ""
	if r.colState == 1 {
		r.colState, r.colAuto = 2, 0
	} else {
		r.colState = 0
	}
	return nil
}

// prefixOperators are PostgreSQL's prefix operators of ||'s level.
var prefixOperators = map[string]bool{"~": true, "@": true, "|/": true, "||/": true}

// operator writes an operator read as PostgreSQL reads it; only those vitess reads alike
// pass, and the ones vitess spells otherwise are rewritten.
func (r *rewriter) operator(t lexer.Token) error {
	op := t.Value
	r.lastWord = ""
	if comparisons[op] && !r.patternInCase() {
		r.closePatterns(r.depth)
	}
	if op == "*" && r.prev.IsPunct("(") && r.nextIs(")") {
		if done, err := r.starArgument(); done || err != nil {
			return err
		}
	}
	if op == "*" && r.prev.IsPunct(".") && !r.starListItem() {
		// t.* anywhere but as a select or RETURNING list's item: a marker column that the
		// converter reads back as ast.ColumnRef{Star} (f(t.*) is f(t); ROW(t.*) expands).
		r.b.WriteString("`" + wholeRowMarker + "`")
		return nil
	}
	switch {
	case op == "||":
		r.closeTildes()
		// vitess reads || as OR. Its | (bitwise or) sits where PostgreSQL puts || and every
		// other operator: below + and -, above comparisons, left-associative. The binder
		// reads | as ||.
		r.b.WriteString(" | ")
	case prefixOperators[op] && r.prefixPosition():
		// PostgreSQL's prefix ~, @ (absolute value), |/ and ||/ (square and cube root) are
		// at ||'s level too (~ 7 * 3 is ~(7 * 3)): a marker operand before their operand,
		// read back by otherOperators.
		r.openTilde()
		r.b.WriteString(" " + markerLiteral(prefixOpMarker+op) + " | ")
	case op == "+" && r.prefixPosition():
		// vitess drops a prefix +: it is written as !, which no user text reaches vitess as
		// (PostgreSQL has no !), so the binder resolves it (+'1' is float8, +true 42883).
		r.b.WriteString(" !")
	case (op == "@?" || op == "@@") && r.prefixPosition():
		return operatorError(op) // prefix @@: PostgreSQL's geometric one, or MySQL's @@variable
	case jsonOperators[op] || markedOperators[op]:
		// vitess has none of them, or binds them otherwise (& above |, << above &, its ->
		// and ->> are MySQL's, on column names only). They sit with || among PostgreSQL's
		// operators, so they are written as || is, around a marker operand naming them:
		// a -> b is a | '\0op:->' | b (see otherOperators).
		r.closeTildes()
		r.b.WriteString(" | " + markerLiteral(jsonOpMarker+op) + " | ")
	case op == "^":
		// vitess's ^ (xor) binds as PostgreSQL's ^ (power): above * and /, below a prefix
		// minus, left-associative.
		r.b.WriteString(" ^ ")
	case op == "*" && r.prev.Kind == lexer.Punct && r.prev.Value == "," &&
		(r.clause() == "select" || r.returningAt >= 0 && r.depth == 0):
		// SELECT a, * FROM t (or RETURNING a, *): vitess takes an unqualified * only first in the list, so a
		// later one is written qualified by a marker table name that parseStatement clears.
		r.b.WriteString(" `" + starMarker + "`.*")
	case op[0] == '`':
		return Errorf("42601", "syntax error at or near \"`\"")
	case !passedOperators[op]:
		return operatorError(op)
	default:
		assign := op == "=" && r.chain.assign[r.depth]
		if err := r.chain.op(op, r.depth); err != nil {
			return err
		}
		r.b.WriteString(op)
		if comparisons[op] {
			r.setStarts(assign) // an assignment's value is a whole expression
			r.pendingOp(labelRank["="])
		}
	}
	return nil
}

// regexOp writes a regular-expression match operator (~, ~*, !~, !~*) of OPERATOR(...) as
// the operator itself is written.
func (r *rewriter) regexOp(op string) error {
	r.closeTildes()
	r.b.WriteString(" | " + markerLiteral(jsonOpMarker+op) + " | ")
	return nil
}

// punct rewrites punctuation: the statement split, parentheses, brackets, casts.
func (r *rewriter) punct(t lexer.Token) error {
	switch t.Value {
	case ";":
		return r.semicolon(t)
	case "(":
		if done, err := r.multiSetItem(); done || err != nil { // UPDATE's SET (a, b) = (update_rowset.go)
			return err
		}
		if done, err := r.aliasColumnList(); done || err != nil {
			return err
		}
		return r.openParen()
	case ")":
		return r.closeParen()
	case ",":
		return r.comma()
	case "[":
		return r.openBracket()
	case "]":
		return r.closeBracket()
	case ".":
		if r.prev.IsPunct(")") {
			return r.fieldSelection()
		}
	case "::":
		return r.cast()
	case ":", ":=":
		if t.Value == ":" && len(r.brackets) > 0 && r.brackets[len(r.brackets)-1] >= 0 {
			return r.sliceColon()
		}
		return colonError(t.Value == ":=", len(r.brackets) > 0, r.depth > 0)
	}
	r.b.WriteString(t.Value)
	r.lastWord = ""
	return nil
}

func (r *rewriter) semicolon(t lexer.Token) error {
	if len(r.brackets) > 0 {
		return Errorf("42601", "syntax error at or near \";\"")
	}
	r.parens = r.parens[:0]
	r.clauses = r.clauses[:0]
	r.limited = r.limited[:0]
	r.flush(t.Pos)
	r.lastWord = ""
	r.colState = 0
	return nil
}

func (r *rewriter) openParen() error {
	if r.nextIs(")") && (r.lastWord == "values" || r.prev.IsPunct(",") && r.depth == 0 && slices.Contains(r.words, "values")) {
		return r.syntaxErrorAt(r.peek(0)) // MySQL's empty row, VALUES ()
	}
	call := r.emptyGroupingSet(r.lastWord != "" && !notFunctionNames[r.lastWord])
	r.pushParen(call)
	p := &r.parens[len(r.parens)-1]
	p.inList = r.lastWord == "in"
	p.window = !call && (r.prev.Is("over") || r.prev.Is("as") && r.windowAt == r.depth+1)
	p.substring = call && r.lastWord == "substring"
	p.overlay = call && r.lastWord == "overlay"
	p.inside, p.aggName, r.aggMarker, r.aggName = r.aggMarker, r.aggName, "", ""
	p.close = r.cteWrapper()
	// a FROM item's parenthesis: after FROM, JOIN or a comma, or first in one
	parentFrom := len(r.parens) > 1 && r.parens[len(r.parens)-2].fromItem
	p.fromItem = !call && (r.ntok == r.sepAt+1 && (r.clause() == "from" || parentFrom) || r.prev.IsPunct("(") && parentFrom)
	if call && r.clause() == "from" && r.operandAt == r.sepAt+1 {
		// A function in FROM: f(args) [AS] a[(c)] → (SELECT f(args) AS c) AS a, which
		// is how PostgreSQL names its rows' column (the alias, else the function). It is
		// LATERAL written or not: PostgreSQL's functions in FROM see the items before them.
		if err := r.insertAt(r.operandStart, "(select "); err != nil {
			return err
		}
		if !r.sepLateral {
			if err := r.insertAt(r.operandStart, "lateral "); err != nil {
				return err
			}
			p.start += len("lateral ")
		}
		p.fromFunc = r.lastWord
	}
	r.depth++
	r.resetSetOpLevel(r.depth)
	r.b.WriteByte('(')
	r.lastWord = ""
	r.colState = 0
	if r.depth == 1 && r.isCreateTable() {
		r.colState = 1
	}
	return nil
}

func (r *rewriter) closeParen() error {
	if r.distinctOn.state == distinctOnCut && r.depth == r.distinctOn.depth {
		r.endSelectList() // a subquery's select list ends at its ")"
	}
	if err := r.substringClosed(); err != nil {
		return err
	}
	r.closeNamedArg()
	r.closeSetOpGroup(r.depth)
	r.resetSetOpLevel(r.depth)
	if n := len(r.parens); n > 0 && r.parens[n-1].inside != "" {
		if done, err := r.closeMarkerAgg(); done || err != nil {
			return err
		}
		r.b.WriteString(r.parens[n-1].inside)
	}
	if n := len(r.arrays); n > 0 && r.arrays[n-1] == r.depth {
		r.b.WriteString("))") // closes the subquery and drove_array(
		r.arrays = r.arrays[:n-1]
	} else {
		r.b.WriteByte(')')
	}
	r.setClause("")
	r.setLimited(false)
	r.depth--
	if r.frame != nil && r.depth < r.frame.depth {
		r.frame = nil
	}
	r.groupingParenClosed()
	r.lastWord = ""
	for len(r.valuesRows) > 0 && r.valuesRowsAt() > r.depth+1 {
		r.valuesRows = r.valuesRows[:len(r.valuesRows)-1] // the parenthesis around a VALUES list closed
	}
	if r.offsetOpen && r.depth < r.offsetDepth {
		r.offsetOpen = false
	}
	if len(r.parens) == 0 {
		return nil
	}
	p := r.parens[len(r.parens)-1]
	r.parens = r.parens[:len(r.parens)-1]
	r.operandStart = p.start
	if p.inList {
		r.endPostfix(true)
	}
	if p.aggFilter && r.peek(0).Is("over") {
		return r.windowFilter(p)
	}
	r.b.WriteString(p.close)
	r.distinctOnClosed()
	if p.fromFunc != "" {
		if p.fromFunc == "unnest" {
			if done, err := r.fromUnnestMany(p); done || err != nil { // unnest_many.go
				return err
			}
		}
		if cols := recordFunctionColumns[p.fromFunc]; cols != nil {
			return r.fromRecordFunction(p.fromFunc, p.start, cols)
		}
		return r.fromFunctionAlias(p.fromFunc)
	}
	if p.fromItem {
		return r.joinAlias(p)
	}
	return nil
}

func (r *rewriter) comma() error {
	r.closeNamedArg()
	switch {
	case r.valuesRowNext():
		r.b.WriteString(",row")
	case r.windowAt == r.depth+1:
		r.b.WriteString(", window") // vitess reads WINDOW a AS (...), WINDOW b AS (...)
	case r.clause() == "limit":
		return Errorf("42601", "LIMIT #,# syntax is not supported")
	case r.clause() == "from":
		r.markSep()
		r.b.WriteByte(',')
	case r.depth == 1 && r.isCreateTable():
		r.b.WriteByte(',')
		r.colState = 1
	default:
		r.b.WriteByte(',')
	}
	r.setStarts(true)
	r.lastWord = ""
	return nil
}

// openBracket rewrites x[i] → drove_subscript(x, i); ARRAY[...] was rewritten by its rule.
func (r *rewriter) openBracket() error {
	if r.isCreateTable() {
		return r.arrayColumnType()
	}
	if !subscriptable(r.prev) || notFunctionNames[r.lastWord] {
		return Errorf("42601", "syntax error at or near \"[\"")
	}
	if err := r.insertAt(r.operandStart, "drove_subscript("); err != nil {
		return err
	}
	r.b.WriteString(", ")
	r.brackets = append(r.brackets, r.operandStart)
	r.saveStarts()
	r.lastWord = ""
	return nil
}

// subscriptable reports whether a subscript may follow token t: an operand's last token.
func subscriptable(t lexer.Token) bool {
	switch t.Kind {
	case lexer.Ident, lexer.QuotedIdent, lexer.Integer, lexer.Numeric, lexer.Param:
		return true
	case lexer.Punct:
		return t.Value == ")" || t.Value == "]"
	}
	return false
}

func (r *rewriter) closeBracket() error {
	if len(r.brackets) == 0 {
		return Errorf("42601", "syntax error at or near \"]\"")
	}
	if r.prev.IsPunct(":") {
		r.b.WriteString(sliceOmittedUpper) // a[i:]
	}
	r.b.WriteByte(')')
	r.restoreStarts()
	if start := r.brackets[len(r.brackets)-1]; start >= 0 {
		r.operandStart = start
	}
	r.brackets = r.brackets[:len(r.brackets)-1]
	r.lastWord = ""
	return nil
}

// fieldSelection rewrites (x).field → drove_field((x), 'field').
func (r *rewriter) fieldSelection() error {
	t := r.peek(0)
	if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent || strings.ContainsAny(t.Value, "'\\") {
		return unsupported("selecting %q from a composite value", t.Text(r.q))
	}
	if err := r.insertAt(r.operandStart, "drove_field("); err != nil {
		return err
	}
	r.b.WriteString(", '" + t.Value + "')")
	r.skip(1)
	r.lastWord = ""
	return nil
}

// cast rewrites x::t → x COLLATE '\0::t' (see writeCast).
func (r *rewriter) cast() error {
	name, n, err := r.typeName()
	if err != nil {
		return err
	}
	r.skip(n)
	writeCast(&r.b, name)
	r.lastWord = ""
	return nil
}

// writeCast writes the marker the binder reads as a cast to type name: COLLATE binds as
// tightly as PostgreSQL's ::, and the marker starts with NUL, which no user string holds.
func writeCast(b *outBuf, name string) {
	b.WriteString(" collate ")
	b.WriteString(markerLiteral(castMarker + name))
	b.WriteString(" ")
}

// typeModifier reads a type's (n) or (p, s) at the n-th token ahead: the text and how many
// tokens it took ("" and 0 without one).
func (r *rewriter) typeModifier(n int) (string, int, error) {
	if !r.peek(n).IsPunct("(") {
		return "", 0, nil
	}
	mod := "("
	start := n
	for n++; !r.peek(n).IsPunct(")"); n++ {
		switch t := r.peek(n); {
		case t.Kind == lexer.EOF:
			return "", 0, syntaxErrorIn(r.q, len(r.q)) // an unterminated type modifier
		case t.Kind == lexer.Integer || t.IsPunct(","):
			mod += t.Value
		default:
			return "", 0, r.syntaxErrorAt(t)
		}
	}
	return mod + ")", n + 1 - start, nil
}

// intervalFieldWords are the fields an interval's qualifier names.
var intervalFieldWords = map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true}

// intervalFields reads an interval qualifier (DAY, DAY TO SECOND) at the n-th token ahead:
// its words and how many tokens it took ("" and 0 without one); a pair PostgreSQL's grammar
// lacks (DAY TO YEAR) is a syntax error at its second field.
func (r *rewriter) intervalFields(n int) (string, int, error) {
	t := r.peek(n)
	if t.Kind != lexer.Ident || !intervalFieldWords[t.Value] {
		return "", 0, nil
	}
	if !r.peek(n + 1).Is("to") {
		return t.Value, 1, nil
	}
	to := r.peek(n + 2)
	fields := t.Value + " to " + to.Value
	if _, ok := types.IntervalRangeOf(fields); !ok || to.Kind != lexer.Ident {
		return "", 0, r.syntaxErrorAt(to)
	}
	return fields, 3, nil
}

// typeName reads the type name of a cast from the next tokens: one or more words (double
// precision, character varying, timestamp without time zone), then an optional (n) or
// (p, s) and []. It returns the name and how many tokens it took.
func (r *rewriter) typeName() (string, int, error) {
	t, n := r.peek(0), 1
	if t.Kind != lexer.Ident {
		return "", 0, r.syntaxErrorAt(t)
	}
	if t.Value == "pg_catalog" && r.peek(1).IsPunct(".") && r.peek(2).Kind == lexer.Ident {
		t, n = r.peek(2), 3 // pg_catalog.text is text
	}
	return r.typeNameFrom(t.Value, n)
}

// typeNameFrom is typeName for a type whose first word w is read, n tokens ahead of the
// next: it returns the name and where the type ends, in tokens ahead.
func (r *rewriter) typeNameFrom(w string, n int) (string, int, error) {
	name := w
	after := func(words ...string) bool {
		for k, x := range words {
			if !r.peek(n + k).Is(x) {
				return false
			}
		}
		return true
	}
	switch {
	case w == "double" && after("precision"):
		name, n = "double precision", n+1
	case w == "character" && after("varying"):
		name, n = "varchar", n+1
	case w == "interval":
		fields, m, err := r.intervalFields(n)
		if err != nil {
			return "", 0, err
		}
		if fields != "" {
			name, n = name+" "+fields, n+m
		}
	}
	mod, m, err := r.typeModifier(n)
	if err != nil {
		return "", 0, err
	}
	name, n = name+mod, n+m
	if w == "interval" && mod != "" && intervalFieldWords[r.peek(n).Value] && r.peek(n).Kind == lexer.Ident {
		return "", 0, r.syntaxErrorAt(r.peek(n)) // interval(p) takes no fields after it
	}
	switch {
	case (w == "timestamp" || w == "time") && after("without", "time", "zone"):
		n += 3
	case (w == "timestamp" || w == "time") && after("with", "time", "zone"):
		name, n = w+"tz"+mod, n+3
	}
	if r.peek(n).IsPunct("[") {
		if !r.peek(n + 1).IsPunct("]") {
			return "", 0, unsupported("array types with dimensions")
		}
		name, n = name+"[]", n+2
	}
	return name, n, nil
}

// prefixKeywords are the reserved words an operand follows: an operator after one is prefix.
var prefixKeywords = map[string]bool{"select": true, "where": true, "and": true, "or": true, "not": true,
	"then": true, "else": true, "when": true, "having": true, "on": true, "returning": true, "limit": true,
	"offset": true, "case": true, "distinct": true, "all": true, "by": true, "between": true}

// prefixPosition reports whether an operator here is a prefix one: it starts the statement
// or follows an operator, an opening parenthesis or bracket, a comma or a keyword above.
func (r *rewriter) prefixPosition() bool {
	p := r.prev
	switch p.Kind {
	case lexer.EOF, lexer.Op:
		return true
	case lexer.Punct:
		return p.Value == "(" || p.Value == "[" || p.Value == ","
	case lexer.Ident:
		return prefixKeywords[strings.ToLower(p.Value)]
	}
	return false
}

// starZeroArgs are the functions f(*) calls as f(): PostgreSQL reads f(*) as f() for any
// function (an aggregate's, whose count(*) vitess parses itself), and its zero-argument
// window functions are these.
var starZeroArgs = map[string]bool{"row_number": true, "rank": true, "dense_rank": true,
	"percent_rank": true, "cume_dist": true}

// starArgument handles f(*) but count(*): a window function without arguments is called
// with none; any other f() does not exist (PostgreSQL 15 has no other aggregate without
// arguments; a function callable without arguments is 42809 there, "not an aggregate
// function").
func (r *rewriter) starArgument() (bool, error) {
	n := len(r.parens)
	if n == 0 || !r.parens[n-1].call || r.parens[n-1].start > r.b.Len() {
		return false, nil
	}
	name := strings.TrimSuffix(strings.TrimSpace(r.b.String()[r.parens[n-1].start:]), "(")
	name = strings.Trim(strings.TrimSpace(name), "`")
	switch {
	case name == "count" || name == "" || strings.ContainsAny(name, ".` ("):
		return false, nil
	case starZeroArgs[name]:
		return true, nil // nothing written: f()
	case hasZeroArgFunction(name):
		return true, Errorf("42809", "%s(*) specified, but %s is not an aggregate function", name, name)
	}
	return true, Errorf("42883", "function %s() does not exist", name)
}

// hasZeroArgFunction reports whether the function name (not an aggregate) may be called
// without arguments: f(*) of it is 42809 in PostgreSQL, which finds it before it sees the *.
func hasZeroArgFunction(name string) bool {
	def := funcRegistry[name]
	if def == nil || def.kind != 'f' {
		return false
	}
	return slices.ContainsFunc(def.procs, func(p *funcProc) bool { return len(p.args) == 0 })
}

// wholeRowMarker is the column name the dialect pass writes for the * of a t.* that is no
// select-list item: vitess reads t.* only there.
const wholeRowMarker = markerStart + "row"

// starListItem reports whether the * of a t.* just read ends an item of a select or
// RETURNING list (expanded into t's columns there), not part of an expression such as
// t.*::text.
func (r *rewriter) starListItem() bool {
	if r.clause() != "select" && !(r.returningAt >= 0 && r.depth == 0) {
		return false
	}
	next := r.peek(0)
	switch next.Kind {
	case lexer.EOF:
		return true
	case lexer.Punct:
		return next.Value == "," || next.Value == ")" || next.Value == ";"
	case lexer.Ident:
		return !starOperandWords[next.Value]
	}
	return false
}

// starOperandWords follow an operand, not a select-list item: t.* IS NULL is an expression.
var starOperandWords = map[string]bool{"is": true, "isnull": true, "notnull": true, "not": true,
	"in": true, "like": true, "ilike": true, "similar": true, "between": true, "and": true,
	"or": true, "collate": true, "at": true}

package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// wordRule is one rule of the dialect pass: for the word it is listed under, match looks at
// the pass's state and the tokens after the word (peek), and emit writes the rewrite and
// consumes what it read. A rule that wrote the word as a plain word calls keep.
type wordRule struct {
	name  string
	match func(r *rewriter) bool
	emit  func(r *rewriter, w string) error
}

// wordRules are the dialect pass's rules, by the (folded, unquoted) word they start at; the
// first whose match holds is applied. Every rule has a case in TestDialectRules.
var wordRules = map[string][]wordRule{}

func init() {
	for _, rule := range append(refusals, []struct {
		words string
		wordRule
	}{
		{"array", wordRule{"array-column", (*rewriter).arrayColumnWord, emitArrayColumnWord}},
		{"array", wordRule{"array-brackets", nextIs("["), emitArrayBrackets}},
		{"array", wordRule{"array-subquery", (*rewriter).arraySubquery, emitArraySubquery}},
		{"any some all", wordRule{"like-any", (*rewriter).likeAnyNext, emitLikeAny}},
		{"any some all", wordRule{"any-array", (*rewriter).anyArray, emitAnyArray}},
		{"as", wordRule{"insert-alias", (*rewriter).insertAliasNext, emitInsertAlias}},
		{"overriding", wordRule{"overriding", (*rewriter).overridingNext, emitOverriding}},
		{"as", wordRule{"cast-as", (*rewriter).inCast, emitCastAs}},
		{"as", wordRule{"column-label", (*rewriter).columnLabelNext, emitColumnLabel}},
		{"table", wordRule{"table-query", (*rewriter).tableQueryNext, emitTableQuery}},
		{"symmetric asymmetric", wordRule{"between-symmetric", betweenOptionNext, emitBetweenOption}},
		// Reserved in PostgreSQL but as a column label (SELECT 1 symmetric); vitess reads names.
		{"symmetric asymmetric", wordRule{"symmetric-reserved", func(r *rewriter) bool { return !r.bareLabelNext() }, refuseWord}},
		{"and", wordRule{"between-symmetric-and", (*rewriter).symmetricAndNext, emitSymmetricAnd}},
		{"isnull notnull", wordRule{"postfix-isnull", func(r *rewriter) bool { return !r.nextIs("(") }, emitPostfixIsNull}},
		{"is", wordRule{"is-not-distinct", followedBy("not", "distinct", "from"), emitNotDistinct}},
		{"is", wordRule{"is-distinct", followedBy("distinct", "from"), emitDistinct}},
		{"operator", wordRule{"operator", nextIs("("), emitOperator}},
		{"collate", wordRule{"collate-default", func(r *rewriter) bool { return r.noopCollation() > 0 }, emitNoopCollation}},
		{"with", wordRule{"storage-params", (*rewriter).storageParamsNext, emitStorageParams}},
		{"generated", wordRule{"identity", (*rewriter).identityNext, emitIdentity}},
		{"cast", wordRule{"cast", nextIs("("), emitCast}},
		{"full", wordRule{"full-join", fullJoinNext, emitFullJoin}},
		{"inner", wordRule{"natural-inner-join", naturalInnerNext, emitNothing}},
		{"using", wordRule{"full-join-using", (*rewriter).fullJoinUsing, emitUsing}},
		{"using", wordRule{"order-using", orderUsingNext, emitOrderUsing}},
		{"nulls", wordRule{"nulls-order", nullsOrderNext, emitNullsOrder}},
		{"nulls", wordRule{"nulls-elsewhere", func(r *rewriter) bool { return r.followedBy("first") || r.followedBy("last") }, refuseWord}},
		{"returning", wordRule{"returning", (*rewriter).returningStarts, emitReturning}},
		// Reserved in PostgreSQL, where vitess would read an alias. A data-modifying WITH's
		// queries are read again on their own (cte_modify.go).
		{"returning", wordRule{"returning-elsewhere", func(r *rewriter) bool {
			return len(r.words) == 0 || !modifyingWithWords(r.words)
		}, refuseReturning}},
		{"on", wordRule{"on-conflict", (*rewriter).onConflictNext, emitOnConflict}},
		{"where", wordRule{"on-conflict-where", (*rewriter).conflictWhereNext, emitConflictWhere}},
		{"insert", wordRule{"insert", func(r *rewriter) bool { return len(r.words) == 0 }, emitInsert}},
		{"default", wordRule{"default-values", defaultValuesNext, emitDefaultValues}},
		{"default", wordRule{"default-expr", defaultExprNext, emitDefaultExpr}},
		{"upsert", wordRule{"upsert", func(r *rewriter) bool { return len(r.words) == 0 }, emitUpsert}},
		{"group_concat", wordRule{"group-concat", nextIs("("), emitGroupConcat}},
		{markerAggregates, wordRule{"marker-agg", markerAggNext, emitMarkerAgg}},
		// count(): vitess fails on the empty argument list with a syntax error; PostgreSQL's
		// parse analysis refuses it (with or without OVER).
		{"count", wordRule{"count-no-arguments", func(r *rewriter) bool {
			return functionCallNext(r) && r.peek(1).IsPunct(")")
		}, func(*rewriter, string) error {
			return Errorf("42809", "count(*) must be used to call a parameterless aggregate function")
		}}},
		{"count sum avg min max", wordRule{"plain-agg-order", plainOrderedAggNext, emitMarkerAgg}},
		{"lag lead nth_value ntile", wordRule{"window-args", windowArgsCallNext, emitMarkerAgg}},
		{"rank dense_rank row_number percent_rank cume_dist ntile lag lead first_value last_value nth_value",
			wordRule{"window-call-without-over", windowCallWithoutOverNext, emitNameWord}},
		{"rows range groups", wordRule{"frame-mode", frameModeNext, emitFrameMode}},
		{"between", wordRule{"frame-between", frameWordNext("between"), emitFrameWord}},
		{"and", wordRule{"frame-and", frameWordNext("and"), emitFrameWord}},
		{"preceding", wordRule{"frame-preceding", frameWordNext("preceding"), emitFrameWord}},
		{"following", wordRule{"frame-following", frameWordNext("following"), emitFrameWord}},
		{"exclude", wordRule{"frame-exclude", frameWordNext("exclude"), emitFrameWord}},
		{"order", wordRule{"agg-order", (*rewriter).aggOrderNext, emitAggOrder}},
		{"ilike", wordRule{"ilike", always, emitIlike}},
		{"similar", wordRule{"similar-to", (*rewriter).similarToNext, emitSimilarTo}},
		{"similar", wordRule{"substring-similar", (*rewriter).substringSimilarNext, emitSubstringSimilar}},
		{"escape", wordRule{"substring-escape", (*rewriter).substringEscapeNext, emitSubstringWord(sawEscape, "for")}},
		{"from", wordRule{"substring-from", substringWordNext, emitSubstringFrom}},
		{"placing", wordRule{"overlay-placing", overlayWordNext(0), emitOverlayWord(sawPlacing)}},
		{"from", wordRule{"overlay-from", overlayWordNext(sawPlacing), emitOverlayWord(sawFrom)}},
		{"for", wordRule{"overlay-for", overlayWordNext(sawPlacing | sawFrom), emitOverlayWord(sawFor)}},
		{"for", wordRule{"substring-for", substringWordNext, emitSubstringFor}},
		{"for", wordRule{"locking-clause", lockClauseNext, emitLockClauses}},
		{"from", wordRule{"update-from", (*rewriter).updateFromNext, emitDMLFrom}},
		{"using", wordRule{"delete-using", (*rewriter).deleteUsingNext, emitDMLFrom}},
		{"union intersect except", wordRule{"set-operation", always, emitSetOp}},
		{"select", wordRule{"set-operation-operand", (*rewriter).setOpOperandNext, emitSetOpOperand}},
		{"values", wordRule{"values-rows", (*rewriter).valuesQueryNext, emitValuesRows}},
		{"filter", wordRule{"agg-filter", (*rewriter).aggFilterNext, emitAggFilter}},
		{"escape", wordRule{"similar-escape", (*rewriter).similarEscapeNext, emitSimilarEscape}},
		{"escape", wordRule{"ilike-escape", (*rewriter).ilikeEscapeNext, emitIlikeEscape}},
		{"precision", wordRule{"double-precision", func(r *rewriter) bool { return r.lastWord == "double" }, emitNothing}},
		{"bytea", wordRule{"bytea", always, emitAs("longblob")}},
		{"limit", wordRule{"limit-all", followedBy("all"), emitLimitAll}},
		{"limit", wordRule{"limit-after-offset", func(r *rewriter) bool { return r.offsetOpen && r.offsetDepth == r.depth }, func(r *rewriter, _ string) error { return r.emitLimit("") }}},
		{"fetch", wordRule{"fetch-first", (*rewriter).fetchNext, emitFetch}},
		{"row rows", wordRule{"fetch-rows-only", rowsOnlyNext, emitRowsOnly}},
		{"row rows", wordRule{"offset-rows", (*rewriter).offsetRowsNext, emitNothing}},
		{"offset", wordRule{"offset-alone", func(r *rewriter) bool { return !r.limitedHere() }, emitOffset}},
		{"dual", wordRule{"dual", (*rewriter).inFromList, emitDual}},
		{"variadic", wordRule{"variadic", variadicNext, emitVariadic}},
		// vitess parses MySQL's REGEXP_* calls into nodes of MySQL's arguments; quoted, the
		// names are ordinary functions (PostgreSQL 15's, funcs_regex.go).
		{"regexp_replace regexp_instr regexp_substr regexp_like", wordRule{"regexp-function", functionCallNext, emitQuotedWord}},
		// substr, ltrim and rtrim: vitess reads them as MySQL's SUBSTRING and one-argument
		// trims; quoted, they are PostgreSQL's functions (named substr, ltrim(s, chars), ...).
		{"substr ltrim rtrim", wordRule{"string-function", functionCallNext, emitQuotedWord}},
		// float8(x), float4(x): vitess reads the words as MySQL's types (typefuncs.go)
		{"float8 float4", wordRule{"type-function", functionCallNext, emitQuotedWord}},
		// Keywords of vitess that PostgreSQL reads as names outside the places below: quoted
		// there, they are names (a column called key, rank or partition).
		{"key", wordRule{"key-name", keyNameNext, emitNameWord}},
		// PostgreSQL's SQL-value keywords that vitess reads as column names: written as calls
		// (which the converter reads as ast.SQLValue; current_schema as the call it is).
		{"session_user current_role current_catalog current_schema", wordRule{"sql-value-keyword", func(r *rewriter) bool {
			return !r.nextIs("(") && !r.nextIs(".") && !r.prev.IsPunct(".") && !r.prev.Is("as")
		}, emitSQLValueCall}},
		{"rank dense_rank row_number percent_rank cume_dist ntile lag lead first_value last_value nth_value",
			wordRule{"window-function-name", func(r *rewriter) bool { return !r.nextIs("(") }, emitNameWord}},
		{"rank dense_rank row_number percent_rank cume_dist ntile lag lead first_value last_value nth_value",
			wordRule{"window-call-without-over", windowCallWithoutOver, emitNameWord}},
		{"row_number rank dense_rank percent_rank cume_dist", wordRule{"window-call-arguments", windowCallArguments, emitMarkerAgg}},
		{"partition", wordRule{"partition-name", func(r *rewriter) bool { return !r.followedBy("by") }, emitNameWord}},
		{"match", wordRule{"match-name", func(r *rewriter) bool {
			return !r.followedBy("full") && !r.followedBy("simple") && !r.followedBy("partial")
		}, emitNameWord}},
		{"row", wordRule{"row-short", (*rewriter).shortRowNext, emitShortRow}},
		{"grouping", wordRule{"grouping-sets", (*rewriter).groupingSetsNext, emitGroupingSets}},
		{"distinct all", wordRule{"group-by-quantifier", (*rewriter).groupByQuantifierNext, emitGroupByQuantifier}},
		{"grouping", wordRule{"grouping", nextIs("("), emitGrouping}},
		{"rollup cube", wordRule{"rollup-cube", (*rewriter).rollupNext, emitRollup}},
		{"distinct", wordRule{"distinct-on", (*rewriter).distinctOnNext, emitDistinctOn}},
		{"materialized not", wordRule{"cte-materialized", (*rewriter).cteMaterializedNext, emitCTEMaterialized}},
		{"temp", wordRule{"temp-table", func(r *rewriter) bool { return len(r.words) == 1 && r.words[0] == "create" && r.followedBy("table") }, emitAs("temporary")}},
		{"local global", wordRule{"temp-scope", tempScopeNext, emitNothing}},
		{"on", wordRule{"on-commit", (*rewriter).onCommitNext, emitOnCommit}},
		{"only", wordRule{"only-table", (*rewriter).onlyTableNext, emitOnlyTable}},
	}...) {
		for _, w := range strings.Fields(rule.words) {
			wordRules[w] = append(wordRules[w], rule.wordRule)
		}
	}
}

func always(*rewriter) bool { return true }

func nextIs(p string) func(*rewriter) bool { return func(r *rewriter) bool { return r.nextIs(p) } }

func followedBy(words ...string) func(*rewriter) bool {
	return func(r *rewriter) bool { return r.followedBy(words...) }
}

// keep records w as the statement's next word, written.
func (r *rewriter) keep(w string) {
	r.words = append(r.words, w)
	r.lastWord = w
}

// word rewrites an unquoted word (wordRewrite), then notes where an expression begins or a
// postfix IS predicate ends (dialect_postfix.go).
func (r *rewriter) word(t lexer.Token) error {
	betweenAnd := t.Value == "and" && r.chain.like[r.depth] == 2
	if r.chain.like[r.depth] == 2 && (t.Value == "collate" || t.Value == "at" && r.followedBy("time", "zone")) {
		return nearError(t.Value) // BETWEEN's lower bound is PostgreSQL's b_expr, which has neither
	}
	afterIs := r.chain.afterIs && (r.prev.Is("is") || r.prev.Is("not")) // not IS DISTINCT FROM's operand
	if err := r.joinCondition(t.Value); err != nil {
		return err
	}
	words := len(r.words)
	if err := r.wordRewrite(t); err != nil || r.labelled {
		r.labelled = false // a column label (dialect_labels.go) starts and ends nothing
		return err
	}
	if len(r.words) > words && r.lastWord == "join" {
		r.joinWord()
	}
	r.boundaryWord(t.Value, betweenAnd, afterIs)
	switch t.Value {
	case "null", "true", "false", "unknown":
		if afterIs {
			r.endPostfix(false)
		}
	}
	return nil
}

// wordRewrite rewrites an unquoted word: the state it changes, then the first rule that
// matches, or the word itself.
func (r *rewriter) wordRewrite(t lexer.Token) error {
	w := t.Value
	label := r.labelPosition() // before the word's state changes (FETCH ends the select list)
	r.setOpWord(w)
	r.dmlFromWord(w)
	r.groupByWord(w)
	r.selectListWord(w)
	if w == "order" && r.windowParen() && r.followedBy("by") {
		r.parens[len(r.parens)-1].windowOrder = true
	}
	if len(r.valuesRows) > 0 && r.valuesRowsAt() == r.depth+1 {
		r.valuesRows = r.valuesRows[:len(r.valuesRows)-1] // a word after a VALUES list's rows ends it
	}
	switch {
	case w == "select":
		r.noteSelect()
		r.setClause("select")
		r.setLimited(false)
	case w == "from" && r.clause() == "select":
		r.setClause("from")
	case fromClauseEnds[w]:
		r.setClause("")
	}
	if w == "from" || w == "join" {
		r.markSep()
	} else if w == "lateral" && r.sepAt == r.ntok-1 {
		r.markSep() // LATERAL f(x): still a function in FROM
		r.sepLateral = true
	}
	if w == "on" && r.fullJoinAt == r.depth {
		r.fullJoinAt = -1 // the FULL JOIN has its ON: a later USING is another join's
	}
	if w == "limit" {
		r.setClause("limit") // where MySQL's LIMIT offset, count would have its comma
		r.setLimited(true)
	}
	if err := r.chain.word(w, r.depth); err != nil {
		return err
	}
	r.patternWord(w)
	if done, err := r.columnState(w); done || err != nil {
		return err
	}
	if r.namedArg() {
		return r.emitNamedArg(w)
	}
	if label {
		if done, err := r.bareLabel(t); done || err != nil {
			return err
		}
	}
	for _, rule := range wordRules[w] {
		if rule.match(r) {
			if err := rule.emit(r, w); err != nil {
				return err
			}
			r.openPattern(w)
			return nil
		}
	}
	if withinGroupCallNext(r, w) { // any other function called with WITHIN GROUP
		if err := emitMarkerAgg(r, w); err != nil {
			return err
		}
		r.openPattern(w)
		return nil
	}
	r.plainWord(w)
	r.openPattern(w)
	return nil
}

// keyNameNext: KEY is a keyword after PRIMARY and FOREIGN (and in FOR [NO] KEY locks), a name
// elsewhere.
func keyNameNext(r *rewriter) bool {
	switch r.lastWord {
	case "primary", "foreign", "for", "no":
		return false
	}
	return true
}

// emitSQLValueCall writes a SQL-value keyword as a call without arguments.
func emitSQLValueCall(r *rewriter, w string) error {
	r.startOperand()
	r.b.WriteString("`" + w + "`()")
	r.keep(w)
	return nil
}

// emitNameWord writes w as a quoted identifier: an operand, like a plain word's.
func emitNameWord(r *rewriter, w string) error {
	if !r.prev.IsPunct(".") {
		r.startOperand()
	}
	r.b.WriteString("`" + w + "`")
	r.keep(w)
	return nil
}

// plainWord writes w as a word with no rule: folded, quoted when vitess would read it as a
// MySQL keyword.
func (r *rewriter) plainWord(w string) {
	if !r.prev.IsPunct(".") {
		r.startOperand()
	}
	r.b.WriteString(quotedWord(w))
	r.keep(w)
}

// INSERT: MySQL's INSERT without INTO, and its empty column list and row, are refused.
func emitInsert(r *rewriter, w string) error {
	if !r.followedBy("into") {
		return r.syntaxErrorAt(r.peek(0))
	}
	n := 2 // INTO name
	for r.peek(n).IsPunct(".") {
		n += 2 // schema.table
	}
	if r.peek(n).Is("as") {
		n += 2
	}
	if r.peek(n).IsPunct("(") && r.peek(n+1).IsPunct(")") {
		return r.syntaxErrorAt(r.peek(n + 1))
	}
	r.plainWord(w)
	return nil
}

// defaultValuesNext: INSERT INTO t DEFAULT VALUES, after the table (and its alias), not
// after a column list (PostgreSQL's grammar has none there).
func defaultValuesNext(r *rewriter) bool {
	return r.depth == 0 && len(r.words) > 0 && r.words[0] == "insert" && r.followedBy("values") &&
		(r.prev.Kind == lexer.Ident || r.prev.Kind == lexer.QuotedIdent)
}

// emitDefaultValues writes DEFAULT VALUES as vitess's empty column list and row: the row is
// every column's default (bindInsert).
func emitDefaultValues(r *rewriter, _ string) error {
	r.b.WriteString("() values ()")
	r.skip(1)
	r.keep("values")
	return nil
}

// ARRAY[a, b] → drove_array_of(a, b)
func emitArrayBrackets(r *rewriter, _ string) error {
	r.startOperand()
	r.b.WriteString("drove_array_of(")
	r.skip(1)
	r.brackets = append(r.brackets, -1)
	r.saveStarts()
	r.lastWord = ""
	return nil
}

func (r *rewriter) arraySubquery() bool { return r.nextIs("(") && r.peek(1).Is("select") }

// ARRAY(SELECT ...) → drove_array((SELECT ...)): vitess has no ARRAY constructor; the binder
// reads the function as one.
func emitArraySubquery(r *rewriter, _ string) error {
	r.skip(1)
	r.startOperand()
	r.pushParen(true)
	r.depth++
	r.arrays = append(r.arrays, r.depth)
	r.b.WriteString("drove_array((")
	r.lastWord = ""
	return nil
}

func (r *rewriter) anyArray() bool {
	return r.nextIs("(") && !startsQuery(r.peek(1)) && r.prev.Kind == lexer.Op && (comparisons[r.prev.Value] || nonBooleanOps[r.prev.Value])
}

// startsQuery: t is the first word of a query in parentheses (PostgreSQL's
// select_with_parens), so x op ANY (t ...) is a subquery, not an array: SELECT, WITH, VALUES
// and TABLE, as x op ANY (WITH c AS (...) SELECT ...) in with.sql.
func startsQuery(t lexer.Token) bool {
	return t.Is("select") || t.Is("with") || t.Is("values") || t.Is("table")
}

// nonBooleanOps are the operators none of whose PostgreSQL forms yields a boolean, which
// x op ANY (array) requires (make_scalar_array_op: 42809).
var nonBooleanOps = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "^": true, "||": true}

// x op ANY (array) → x op ANY (SELECT drove_unnest(array)), which vitess parses; not unnest,
// which a user may write in such a subquery with another meaning for a NULL array (arrays.go).
func emitAnyArray(r *rewriter, w string) error {
	if nonBooleanOps[r.prev.Value] {
		return Errorf("42809", "op ANY/ALL (array) requires operator to yield boolean")
	}
	r.b.WriteString(w + " (select drove_unnest(")
	r.skip(1)
	r.parens = append(r.parens, openParen{start: r.b.Len(), close: ")"})
	r.depth++
	r.lastWord = ""
	return nil
}

// insertAliasNext: INSERT INTO t AS alias, which vitess does not parse.
func (r *rewriter) insertAliasNext() bool {
	w := r.words
	return r.depth == 0 && len(w) >= 3 && w[0] == "insert" && w[1] == "into" && r.insertAlias == "" &&
		!slices.Contains(w, "values") && !slices.Contains(w, "select")
}

func emitInsertAlias(r *rewriter, _ string) error {
	t := r.peek(0)
	if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		return Errorf("42601", "syntax error at or near \"as\"")
	}
	r.insertAlias = t.Value
	r.skip(1)
	r.lastWord = ""
	return nil
}

// columnLabelNext: a word after AS in a select (or RETURNING) list, where PostgreSQL takes
// any keyword, reserved included, as the column's name (its grammar's ColLabel).
func (r *rewriter) columnLabelNext() bool {
	return (r.clause() == "select" || r.returningAt >= 0 && r.depth == 0) && r.peek(0).Kind == lexer.Ident
}

// bareLabelNext: the word may be a select list's (or RETURNING's) column label without AS,
// after an item's expression (SELECT 1 symmetric).
func (r *rewriter) bareLabelNext() bool {
	if r.clause() != "select" && (r.returningAt < 0 || r.depth != 0) {
		return false
	}
	switch p := r.prev; p.Kind {
	case lexer.Ident: // a name, or a keyword that ends an expression
		return isOperandWord(p.Value) && p.Value != "returning" || slices.Contains([]string{"null", "true", "false", "end"}, p.Value)
	case lexer.Punct: // not DISTINCT ON (...)'s, which the select list follows
		d := r.distinctOn
		return p.Value == ")" && (d.state != distinctOnCut || d.depth != r.depth || strings.TrimSpace(r.b.String()[d.at:]) != "") || p.Value == "]"
	case lexer.Op, lexer.EOF, lexer.Other:
		return false
	}
	return true // a literal, a quoted name or a parameter
}

// emitColumnLabel writes AS and the word after it as the quoted identifier it names, as
// AS "select" is written: vitess takes no keyword there, and the word starts nothing.
func emitColumnLabel(r *rewriter, w string) error {
	r.b.WriteString(w + " ")
	r.keep(w)
	t := r.peek(0)
	r.skip(1)
	t.Kind = lexer.QuotedIdent
	return r.quotedIdent(t)
}

// tableQueryNext: TABLE t where a query starts (a statement's first word, after "(", a set
// operation or a CREATE's AS), which is SELECT * FROM t.
func (r *rewriter) tableQueryNext() bool {
	if r.peek(0).Kind != lexer.Ident && r.peek(0).Kind != lexer.QuotedIdent {
		return false
	}
	switch {
	case len(r.words) == 0, r.prev.IsPunct("("):
		return true
	}
	n := len(r.words)
	if n == 0 || r.prev.Kind != lexer.Ident {
		return false
	}
	if r.lastWord == "as" && r.words[0] == "create" {
		return true // CREATE TABLE|VIEW ... AS TABLE t
	}
	switch last := r.words[n-1]; last {
	case "union", "intersect", "except": // the set operation's rule took its ALL or DISTINCT
		return r.prev.Is(last) || r.prev.Is("all") || r.prev.Is("distinct")
	}
	return false
}

// emitTableQuery writes TABLE as SELECT * FROM, each word read as if written.
func emitTableQuery(r *rewriter, _ string) error {
	at := r.prev.End
	if err := r.wordRewrite(lexer.Token{Kind: lexer.Ident, Value: "select", Pos: at, End: at}); err != nil {
		return err
	}
	r.b.WriteString(" * ")
	return r.wordRewrite(lexer.Token{Kind: lexer.Ident, Value: "from", Pos: at, End: at})
}

func (r *rewriter) inCast() bool { return len(r.casts) > 0 && r.casts[len(r.casts)-1] == r.depth }

// CAST(x AS t) → ((x) COLLATE '\0::t'), like x::t; see writeCast.
func emitCast(r *rewriter, _ string) error {
	r.startOperand()
	r.pushParen(true)
	r.b.WriteString("((")
	r.skip(1)
	r.depth++
	r.casts = append(r.casts, r.depth)
	r.lastWord = ""
	return nil
}

func emitCastAs(r *rewriter, _ string) error {
	name, n, err := r.typeName()
	if err != nil {
		return err
	}
	r.skip(n)
	r.b.WriteByte(')')
	writeCast(&r.b, name)
	r.casts = r.casts[:len(r.casts)-1]
	r.lastWord = ""
	return nil
}

// vitess's null-safe <=> is IS NOT DISTINCT FROM (user text cannot spell <=>: see
// passedOperators); IS DISTINCT FROM is <=> with a marker operand in between, read back by
// the binder.
func emitNotDistinct(r *rewriter, _ string) error {
	r.b.WriteString("<=>")
	r.skip(3)
	r.lastWord = ""
	return nil
}

func emitDistinct(r *rewriter, _ string) error {
	r.b.WriteString("<=> " + markerLiteral(distinctMarker) + " <=>")
	r.skip(2)
	r.lastWord = ""
	return nil
}

// OPERATOR(pg_catalog.op): the operator itself.
func emitOperator(r *rewriter, _ string) error {
	n := 1
	if r.peek(1).Is("pg_catalog") && r.peek(2).IsPunct(".") {
		n = 3
	}
	op := r.peek(n)
	if op.Kind != lexer.Op || !r.peek(n+1).IsPunct(")") {
		text := ""
		for k := n; !r.peek(k).IsPunct(")"); k++ {
			if r.peek(k).Kind == lexer.EOF {
				return Errorf("42601", "syntax error at or near \"operator\"")
			}
			text += r.peek(k).Text(r.q)
		}
		return unsupported("OPERATOR(%s)", text)
	}
	r.skip(n + 2)
	r.prev = op // a comparison, for any-array
	r.lastWord = ""
	switch op.Value {
	case "~", "~*", "!~", "!~*":
		return r.regexOp(op.Value)
	case "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%":
		r.b.WriteString(" " + op.Value + " ")
		return nil
	}
	return unsupported("OPERATOR(%s)", op.Value)
}

// noopCollation returns how many tokens after COLLATE name a collation drove compares by
// anyway (default, C and POSIX, possibly pg_catalog-qualified), or 0 for any other.
func (r *rewriter) noopCollation() int {
	n := 0
	if r.peek(0).Is("pg_catalog") && r.peek(1).IsPunct(".") {
		n = 2
	}
	switch t := r.peek(n); {
	case t.Is("default"):
		return n + 1
	case t.Kind == lexer.QuotedIdent && (strings.EqualFold(t.Value, "default") || strings.EqualFold(t.Value, "C") ||
		strings.EqualFold(t.Value, "POSIX")):
		return n + 1
	}
	return 0
}

// The default and the C collations are how drove compares text anyway.
func emitNoopCollation(r *rewriter, _ string) error {
	r.skip(r.noopCollation())
	r.lastWord = ""
	return nil
}

// shortRowNext: ROW(x) or ROW(), which vitess reads as x or refuses.
func (r *rewriter) shortRowNext() bool {
	if !r.nextIs("(") {
		return false
	}
	if r.shortRows == nil {
		r.shortRows = shortRowParens(r.q, r.pos)
	}
	return r.shortRows[r.peek(0).Pos]
}

// shortRowParens finds, in one pass over q from pos (just after a ROW), the "(" of every ROW(
// whose list has fewer than two elements (no comma of its own), so that nested ROWs cost no
// rescan.
func shortRowParens(q string, pos int) map[int]bool {
	type group struct {
		at     int
		row    bool
		commas int
	}
	short := map[int]bool{}
	var stack []group
	afterRow := true
	for {
		t, err := lexer.At(q, pos)
		if err != nil || t.Kind == lexer.EOF {
			return short
		}
		pos = t.End
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			stack = append(stack, group{at: t.Pos, row: afterRow && t.Value == "("})
		case (t.IsPunct(")") || t.IsPunct("]")) && len(stack) > 0:
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if g.row && g.commas == 0 {
				short[g.at] = true
			}
		case t.IsPunct(",") && len(stack) > 0:
			stack[len(stack)-1].commas++
		}
		afterRow = t.Is("row")
	}
}

// ROW(x), ROW() → drove_row(x), drove_row(): the binder reads it as a record (rowElems).
func emitShortRow(r *rewriter, _ string) error {
	r.startOperand()
	r.b.WriteString(rowFunc)
	r.keep(rowFunc)
	return nil
}

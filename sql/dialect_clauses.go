package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// The dialect pass's rules for clauses: joins, ORDER BY, RETURNING, ON CONFLICT, FROM (see
// wordRules).

func fullJoinNext(r *rewriter) bool { return r.followedBy("join") || r.followedBy("outer", "join") }

// FULL [OUTER] JOIN → STRAIGHT_JOIN: vitess has no FULL JOIN; its STRAIGHT_JOIN, which
// PostgreSQL lacks (user text's straight_join is written quoted), takes an ON condition and
// stands for it.
func emitFullJoin(r *rewriter, _ string) error {
	n := 1
	if r.followedBy("outer") {
		n = 2
	}
	r.skip(n)
	natural := r.lastWord == "natural" // takes no ON or USING
	if natural {
		// vitess has no NATURAL STRAIGHT_JOIN: the word goes, and a marker ON condition
		// after the right item stands for it (endNaturalJoin).
		out := strings.TrimRight(r.b.String(), " ")
		r.b.truncate(len(out) - len("natural"))
		r.naturals = append(r.naturals, r.depth)
	}
	r.b.WriteString("straight_join")
	r.keep("join")
	r.markSep() // a function in FROM may follow
	if !natural {
		r.fullJoinAt = r.depth
	}
	return nil
}

// NATURAL INNER JOIN → NATURAL JOIN: vitess has no NATURAL INNER JOIN (join.sql).
func naturalInnerNext(r *rewriter) bool { return r.lastWord == "natural" && r.followedBy("join") }

// endsFromItem are the words that end a FROM item (a join's right item) at its depth.
var endsFromItem = map[string]bool{"join": true, "left": true, "right": true, "full": true, "inner": true,
	"cross": true, "natural": true, "on": true, "using": true, "where": true, "group": true, "having": true,
	"window": true, "order": true, "limit": true, "offset": true, "fetch": true, "for": true, "union": true,
	"intersect": true, "except": true, "returning": true}

// endNaturalJoin writes a NATURAL FULL JOIN's ON marker before token t when t ends its right
// item: a word of endsFromItem, a comma, ')' or ';' at the join's depth, or the end. A join
// in the right item's parentheses is deeper; a later one at the same depth starts at such a
// word, after this one ended.
func (r *rewriter) endNaturalJoin(t lexer.Token) {
	if len(r.naturals) == 0 || r.naturals[len(r.naturals)-1] != r.depth {
		return
	}
	switch {
	case t.Kind == lexer.EOF, t.Kind == lexer.Punct && (t.Value == "," || t.Value == ")" || t.Value == ";"),
		t.Kind == lexer.Ident && endsFromItem[strings.ToLower(t.Value)]:
		if !strings.HasSuffix(r.b.String(), " ") {
			r.b.WriteByte(' ')
		}
		r.b.WriteString("on " + markerLiteral(naturalMarker))
		if t.Kind != lexer.EOF && !t.IsPunct(")") && !t.IsPunct(",") && !t.IsPunct(";") {
			r.b.WriteByte(' ')
		}
		r.naturals = r.naturals[:len(r.naturals)-1]
	}
}

func (r *rewriter) fullJoinUsing() bool { return r.fullJoinAt == r.depth && r.nextIs("(") }

// STRAIGHT_JOIN takes only ON: a FULL JOIN's USING (cols) travels as ON and a marker string.
func emitUsing(r *rewriter, _ string) error {
	cols, n, err := r.nameList()
	if err != nil {
		return err // at the token that is no name, comma or ')'
	}
	for k, c := range cols {
		if c == "" || strings.ContainsAny(c, "',") {
			// A name the marker cannot carry: a syntax error at it, where PostgreSQL's
			// would be 42703 (see docs/sql.md).
			return r.syntaxErrorAt(r.peek(1 + 2*k))
		}
	}
	r.b.WriteString("on " + markerLiteral(usingMarker+strings.ReplaceAll(strings.Join(cols, ","), `\`, `\\`)))
	r.skip(n)
	r.fullJoinAt = -1
	r.lastWord = ""
	return nil
}

// nameList reads "(name, ...)" from the next tokens: the names and how many tokens it took.
func (r *rewriter) nameList() ([]string, int, error) {
	var names []string
	n := 1
	for {
		t, sep := r.peek(n), r.peek(n+1)
		if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
			return nil, 0, r.syntaxErrorAt(t)
		}
		names = append(names, t.Value)
		n += 2
		switch {
		case sep.IsPunct(")"):
			return names, n, nil
		case !sep.IsPunct(","):
			return nil, 0, r.syntaxErrorAt(sep)
		}
	}
}

func nullsOrderNext(r *rewriter) bool {
	return (r.followedBy("first") || r.followedBy("last")) && r.orderBySeen()
}

// orderBySeen reports whether the statement so far has an ORDER BY: NULLS FIRST/LAST
// elsewhere is PostgreSQL's syntax error at NULLS (where vitess would read an alias).
func (r *rewriter) orderBySeen() bool {
	for i := 0; i+1 < len(r.words); i++ {
		if r.words[i] == "order" && r.words[i+1] == "by" {
			return true
		}
	}
	return false
}

// orderUsingNext: ORDER BY x USING < (or >), PostgreSQL's spelling of ASC (DESC) with the
// type's default ordering operator.
func orderUsingNext(r *rewriter) bool {
	next := r.peek(0)
	return next.Kind == lexer.Op && (next.Value == "<" || next.Value == ">") && r.orderBySeen() &&
		(len(r.words) == 0 || r.words[0] != "create")
}

func emitOrderUsing(r *rewriter, _ string) error {
	if r.peek(0).Value == "<" {
		r.b.WriteString(" asc")
	} else {
		r.b.WriteString(" desc")
	}
	r.skip(1)
	r.lastWord = ""
	return nil
}

// NULLS FIRST/LAST: vitess has none. A string constant cannot be an ORDER BY term in
// PostgreSQL, so one that follows the term carries it.
func emitNullsOrder(r *rewriter, _ string) error {
	r.b.WriteString(", " + markerLiteral(nullsMarker+r.peek(0).Value))
	r.skip(1)
	// The marker stands alone as an ORDER BY term: what would make it an operand is
	// PostgreSQL's syntax error there (x NULLS LAST % 0).
	switch next := r.peek(0); next.Kind {
	case lexer.Op, lexer.Integer, lexer.Numeric, lexer.String, lexer.Param, lexer.QuotedIdent:
		return r.syntaxErrorAt(next)
	default:
		if next.IsPunct("(") || next.IsPunct("[") || next.IsPunct(".") || next.IsPunct("::") {
			return r.syntaxErrorAt(next)
		}
	}
	r.lastWord = ""
	return nil
}

func (r *rewriter) returningStarts() bool {
	return r.depth == 0 && len(r.words) > 0 && r.returningAt < 0 &&
		(r.words[0] == "insert" || r.words[0] == "update" || r.words[0] == "delete")
}

// RETURNING: vitess has none; the list is cut off here and bound by the statement's plan
// (see Statement.returning).
func emitReturning(r *rewriter, w string) error {
	r.returningAt = r.b.Len()
	r.keep(w)
	return nil
}

func (r *rewriter) onConflictNext() bool {
	return r.depth == 0 && len(r.words) > 0 && r.words[0] == "insert" && r.followedBy("conflict")
}

// ON CONFLICT [(cols)] DO NOTHING is removed, DO UPDATE SET becomes vitess's ON DUPLICATE KEY
// UPDATE (user text's "duplicate" is written quoted); both are recorded in piece.conflict.
func emitOnConflict(r *rewriter, _ string) error {
	r.skip(1)
	c := &conflictClause{}
	switch {
	case r.nextIs("("):
		target, n, err := r.nameList()
		if err != nil {
			if c.targetExprs, n = conflictExprTarget(r); n == 0 {
				return err
			}
		}
		c.target = target
		r.skip(n)
		if r.followedBy("where") {
			c.targetWhere = r.skipInferenceWhere()
		}
	case r.followedBy("on", "constraint"):
		t := r.peek(2)
		if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
			return r.syntaxErrorAt(t)
		}
		c.constraint = t.Value
		r.skip(3)
	}
	switch {
	case r.followedBy("do", "nothing"):
		r.skip(2)
	case r.followedBy("do", "update", "set"):
		c.update = true
		r.skip(3)
		r.b.WriteString("on duplicate key update")
		r.chain.assignments(r.depth)
	case r.followedBy("do"):
		return r.syntaxErrorAt(r.peek(1)) // PostgreSQL's: DO takes NOTHING or UPDATE SET
	default:
		return r.syntaxErrorAt(r.peek(0))
	}
	r.onConflict = c
	r.lastWord = ""
	return nil
}

// conflictExprTarget reads an ON CONFLICT target that is no list of names, as (lower(name),
// id): its elements' text, and the tokens it takes (0: not a target, the syntax error).
// conflictArbiters matches the elements with the parts of computed unique indexes.
func conflictExprTarget(r *rewriter) ([]string, int) {
	depth, start := 0, r.peek(1).Pos
	var elems []string
	for n := 0; ; n++ {
		switch t := r.peek(n); {
		case t.Kind == lexer.EOF:
			return nil, 0
		case t.IsPunct("("):
			depth++
		case t.IsPunct(",") && depth == 1:
			elems = append(elems, strings.TrimSpace(r.q[start:t.Pos]))
			start = t.End
		case t.IsPunct(")"):
			if depth--; depth == 0 {
				elems = append(elems, strings.TrimSpace(r.q[start:t.Pos]))
				if slices.Contains(elems, "") {
					return nil, 0
				}
				return elems, n + 1
			}
		}
	}
}

// skipInferenceWhere drops an ON CONFLICT target's WHERE index_predicate, up to DO: it lets
// partial unique indexes be inferred, and any index that is not partial is inferred whatever
// it says, as PostgreSQL's infer_arbiter_indexes; drove's unique indexes are all such.
// Not done: the predicate's columns are not checked (PostgreSQL's 42703 for a missing one).
// It returns the predicate's text.
func (r *rewriter) skipInferenceWhere() string {
	depth, n := 0, 1
	start := r.peek(1).Pos
	for ; ; n++ {
		t := r.peek(n)
		if t.Kind == lexer.EOF || depth == 0 && t.Is("do") {
			break
		}
		if t.IsPunct("(") {
			depth++
		} else if t.IsPunct(")") {
			depth--
		}
	}
	text := r.q[start:r.peek(n).Pos]
	r.skip(n)
	return strings.TrimSpace(text)
}

// UPSERT INTO is HerdDB's: an INSERT that replaces the row with its key.
func emitUpsert(r *rewriter, _ string) error {
	r.b.WriteString("insert")
	r.onConflict = &conflictClause{replace: true}
	r.keep("insert")
	return nil
}

func emitGroupConcat(*rewriter, string) error {
	return Errorf("42883", "function group_concat does not exist")
}

// ILIKE: vitess has none; REGEXP, which PostgreSQL lacks (user text's regexp is written
// quoted), stands for it.
func emitIlike(r *rewriter, w string) error {
	r.ilike = &ilikeMark{at: r.b.Len(), depth: r.depth, words: len(r.words)}
	r.b.WriteString("regexp")
	r.keep(w)
	return nil
}

// emitNothing drops the word: "double precision" is vitess's "double".
func emitNothing(r *rewriter, w string) error {
	r.lastWord = w
	return nil
}

// emitAs writes the word as text, which vitess reads as PostgreSQL reads the word.
func emitAs(text string) func(*rewriter, string) error {
	return func(r *rewriter, w string) error {
		r.b.WriteString(text)
		r.keep(w)
		return nil
	}
}

// emitQuotedWord writes the word as a quoted identifier.
func emitQuotedWord(r *rewriter, w string) error {
	r.b.WriteString("`" + w + "`")
	r.keep(w)
	return nil
}

// noLimit is the LIMIT that stands for none: OFFSET alone.
const noLimit = "9223372036854775807"

// OFFSET n → LIMIT <max> OFFSET n: PostgreSQL allows OFFSET without LIMIT; MySQL does not.
func emitOffset(r *rewriter, w string) error {
	r.offsetOpen, r.offsetAt, r.offsetDepth = true, r.b.Len(), r.depth
	r.b.WriteString("limit " + noLimit + " offset")
	r.keep(w)
	return nil
}

// offsetRowsNext: OFFSET n ROW[S] is OFFSET n.
func (r *rewriter) offsetRowsNext() bool {
	return len(r.words) > 0 && r.words[len(r.words)-1] == "offset"
}

// fetchNext: FETCH FIRST | NEXT in a query (not the cursor statement FETCH).
func (r *rewriter) fetchNext() bool {
	return len(r.words) > 0 && (r.followedBy("first") || r.followedBy("next"))
}

// FETCH FIRST | NEXT [n] ROW[S] ONLY → LIMIT n (1 without n); the ROW[S] ONLY after an n is
// emitRowsOnly's.
func emitFetch(r *rewriter, _ string) error {
	r.skip(1)
	r.setLimited(true) // an OFFSET after it is not alone: FETCH FIRST 2 ROWS ONLY OFFSET 1 is LIMIT 2 OFFSET 1
	if r.followedBy("row") || r.followedBy("rows") {
		r.skip(1)
		ties, err := r.rowsOnly()
		if err != nil {
			return err
		}
		if err := r.emitLimit(" 1"); err != nil {
			return err
		}
		r.withTies(ties)
		return nil
	}
	return r.emitLimit("")
}

// rowsOnly consumes the ONLY or WITH TIES that ends FETCH FIRST n ROWS.
func (r *rewriter) rowsOnly() (ties bool, err error) {
	switch {
	case r.followedBy("only"):
		r.skip(1)
		return false, nil
	case r.followedBy("with", "ties"):
		r.skip(2)
		return true, nil
	}
	return false, r.syntaxErrorAt(r.peek(0))
}

// withTies marks the count just written as WITH TIES's: n COLLATE '\0ties', which the
// converter reads back as ast.Select.WithTies (FETCH FIRST's count is a c_expr or a signed
// number, which COLLATE takes whole).
func (r *rewriter) withTies(ties bool) {
	if ties {
		r.b.WriteString(" collate " + markerLiteral(tiesMarker))
	}
}

// ROW[S] ONLY (or WITH TIES) ends FETCH FIRST n: nothing is written for it.
func rowsOnlyNext(r *rewriter) bool { return r.followedBy("only") || r.followedBy("with", "ties") }

func emitRowsOnly(r *rewriter, w string) error {
	r.lastWord = w
	ties, err := r.rowsOnly()
	r.withTies(ties)
	return err
}

// LIMIT ALL is LIMIT NULL, as PostgreSQL's grammar reads it (a NULL constant): no limit,
// but a LIMIT still, which a recursive WITH query refuses (0A000), unlike no LIMIT at all.
func emitLimitAll(r *rewriter, _ string) error {
	r.skip(1)
	return r.emitLimit(" null")
}

// emitLimit writes LIMIT and count (the count comes next in the text when it is ""). After
// an OFFSET m that had no LIMIT it makes MySQL's LIMIT m, count of what that wrote.
func (r *rewriter) emitLimit(count string) error {
	r.setClause("limit")
	if r.offsetOpen && r.offsetDepth == r.depth {
		r.offsetOpen = false
		cur := r.b.String()
		rewrite := "limit" + strings.TrimRight(cur[r.offsetAt+len("limit "+noLimit+" offset"):], " \t\r\n") + " ," + count
		r.b.truncate(r.offsetAt)
		r.rewound(r.offsetAt)
		r.b.WriteString(rewrite)
	} else {
		r.b.WriteString("limit" + count)
	}
	r.keep("limit")
	if count != "" {
		r.lastWord = ""
	}
	return nil
}

func (r *rewriter) inFromList() bool { return r.clause() == "from" || r.lastWord == "join" }

// dual in FROM is a table, not vitess's implicit FROM dual: see userDual.
func emitDual(r *rewriter, w string) error {
	r.b.WriteString("`" + userDual + "`")
	r.keep(w)
	return nil
}

// notFunctionNames are the words a parenthesis follows without making a call of them.
var notFunctionNames = map[string]bool{}

// fromClauseEnds are the words after which a FROM list has ended.
var fromClauseEnds = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`all and any array as between by case check conflict default distinct else
		except exists filter from group having in intersect into is join key lateral like limit not offset on only
		or order over partition primary range recursive references regexp returning rows select set some table then
		union unique using values when where window with within`) {
		notFunctionNames[w] = true
	}
	for _, w := range strings.Fields(`where group having order limit offset union intersect except window fetch for
		returning on`) {
		fromClauseEnds[w] = true
	}
}

// fromFunctionAlias reads the alias after a function in FROM (the tokens after its closing
// parenthesis) and finishes its rewrite: " as `c`) as `a`".
func (r *rewriter) fromFunctionAlias(fn string) error {
	alias, col := fn, ""
	n := 0
	if r.peek(0).Is("as") {
		n = 1
	}
	// WITH ORDINALITY adds a column counting the function's rows: see ordinalityFunc.
	ord, ordCol := false, "ordinality"
	if r.peek(n).Is("with") && r.peek(n+1).Is("ordinality") {
		ord, n = true, n+2
		if r.peek(n).Is("as") {
			n++
		}
	}
	t := r.peek(n)
	if w := t.Value; t.Kind == lexer.Ident && !notFunctionNames[w] && !fromClauseEnds[w] && !joinWords[w] {
		alias, n = w, n+1
		if r.nextAt(n, "(") {
			switch cols := r.peek(n + 1); {
			case cols.Kind == lexer.Ident && r.nextAt(n+2, ")"):
				col, n = cols.Value, n+3
			case ord && cols.Kind == lexer.Ident && r.nextAt(n+2, ",") && r.peek(n+3).Kind == lexer.Ident && r.nextAt(n+4, ")"):
				col, ordCol, n = cols.Value, r.peek(n+3).Value, n+5
			case ord && cols.Kind == lexer.Ident && r.nextAt(n+2, ",") && r.peek(n+3).Kind == lexer.Ident && r.nextAt(n+4, ","):
				k := 3
				for r.peek(n+2*k-1).Kind == lexer.Ident && r.nextAt(n+2*k, ",") {
					k++
				}
				return Errorf("42P10", "table %q has 2 columns available but %d columns specified", alias, k)
			case cols.Kind == lexer.Ident && r.nextAt(n+2, ","):
				k := 2
				for r.peek(n+2*k-1).Kind == lexer.Ident && r.nextAt(n+2*k, ",") {
					k++
				}
				return Errorf("42P10", "table %q has 1 columns available but %d columns specified", alias, k)
			default:
				return r.syntaxErrorAt(cols)
			}
		}
	}
	if col == "" {
		col = alias
		if out := outColumnOf[fn]; out != "" {
			col = out // named for its OUT parameter, whatever the table's alias
		}
	}
	for _, name := range []string{alias, col, ordCol} {
		if name == "" || !isIdentStart(rune(name[0])) || strings.IndexFunc(name, func(r rune) bool { return !isIdentPart(r) }) >= 0 {
			return nearError(name)
		}
	}
	r.skip(n)
	if outColumnOf[fn] != "" && !ord {
		// The table's name used as a value stands for the column's value, not a record.
		col = scalarOutMarker + col
	}
	if ord {
		r.b.WriteString(" as `" + col + "`, " + ordinalityFunc + "() as `" + ordCol + "`) as `" + alias + "`")
		return nil
	}
	r.b.WriteString(" as `" + col + "`) as `" + alias + "`")
	return nil
}

// outColumnOf names the one OUT parameter of a set-returning function, the name of its
// column in FROM when no alias gives another.
var outColumnOf = map[string]string{"pg_partition_ancestors": "relid", "jsonb_array_elements": "value", "jsonb_array_elements_text": "value",
	"json_array_elements": "value", "json_array_elements_text": "value"}

// recordFunctionColumns are the OUT columns of the functions returning records that may be
// called in FROM, where PostgreSQL makes each a column.
var recordFunctionColumns = map[string][]string{"jsonb_each": {"key", "value"}, "jsonb_each_text": {"key", "value"},
	"json_each": {"key", "value"}, "json_each_text": {"key", "value"}}

// fromRecordFunction finishes a function returning records in FROM, f(args) [AS] a[(c1, c2)]:
// (SELECT drove_field(f(args), 'c1') AS c1, ... ) AS a. The calls run in lockstep (srf.go),
// so each row's fields come from one record.
func (r *rewriter) fromRecordFunction(fn string, start int, cols []string) error {
	alias, names, n := fn, append([]string{}, cols...), 0
	if r.peek(0).Is("as") {
		n = 1
	}
	if t := r.peek(n); t.Kind == lexer.Ident && !notFunctionNames[t.Value] && !fromClauseEnds[t.Value] && !joinWords[t.Value] {
		alias, n = t.Value, n+1
		if r.nextAt(n, "(") {
			n++
			for k := 0; ; k++ {
				c := r.peek(n)
				if c.Kind != lexer.Ident && c.Kind != lexer.QuotedIdent {
					return r.syntaxErrorAt(c)
				}
				if k >= len(names) {
					for r.nextAt(n+1, ",") {
						k, n = k+1, n+2
					}
					return Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, len(names), k+1)
				}
				names[k], n = c.Value, n+1
				if r.nextAt(n, ")") {
					n++
					break
				}
				if !r.nextAt(n, ",") {
					return r.syntaxErrorAt(r.peek(n))
				}
				n++
			}
		}
	}
	for _, name := range append([]string{alias}, names...) {
		if strings.ContainsAny(name, "`\x00") {
			return nearError(name)
		}
	}
	r.skip(n)
	cur := r.b.String()
	call := strings.TrimPrefix(cur[start:], "(select ")
	r.b.Reset()
	r.b.WriteString(cur[:start])
	r.b.WriteString("(select ")
	for i, c := range cols {
		if i > 0 {
			r.b.WriteString(", ")
		}
		r.b.WriteString("drove_field(" + call + ", '" + c + "') as `" + names[i] + "`")
	}
	r.b.WriteString(") as `" + alias + "`")
	return nil
}

// nextAt reports whether the n-th token ahead is the punctuation p.
func (r *rewriter) nextAt(n int, p string) bool { return r.peek(n).IsPunct(p) }

// joinWords start a join after a FROM element.
var joinWords = map[string]bool{"left": true, "right": true, "full": true, "inner": true, "cross": true, "natural": true}

// onlyTableNext matches ONLY before a table's name where PostgreSQL reads a relation_expr: in
// FROM and JOIN, after UPDATE, DELETE FROM, ALTER TABLE [IF EXISTS] and LOCK [TABLE]. ONLY
// leaves out the table's inheritance children; drove has no inheritance, so ONLY t is t.
func (r *rewriter) onlyTableNext() bool {
	if n := r.peek(0); n.Kind != lexer.Ident && n.Kind != lexer.QuotedIdent {
		return false
	}
	first := ""
	if len(r.words) > 0 {
		first = r.words[0]
	}
	switch {
	case r.prev.Is("from"), r.prev.Is("join"), r.prev.Is("update"):
		return true
	case r.prev.IsPunct(","): // ONLY is reserved: ", ONLY name" is only a FROM list's item
		return true
	case r.prev.Is("table"), r.prev.Is("exists"):
		return first == "alter" || first == "lock"
	case r.prev.Is("lock"):
		return first == "lock"
	}
	return false
}

// emitOnlyTable writes nothing: the word is gone, and the pass's state is as if it never
// was (the table's name that follows is read as it would be without it).
func emitOnlyTable(*rewriter, string) error { return nil }

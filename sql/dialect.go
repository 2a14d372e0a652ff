package sql

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/lexer"
)

// The dialect pass rewrites PostgreSQL text into the MySQL dialect vitess parses, token by
// token, and splits a query string into statements. It knows strings, quoted identifiers,
// comments and a handful of words; it does not parse.
//
//	"Name"            → `Name`       quoted identifier, case kept
//	Name              → name         unquoted identifiers and keywords fold to lower case
//	'it''s a \ path'  → 'it''s a \\ path'  backslash is literal in standard strings
//	double precision  → double
//	bytea             → longblob     (mapped back to bytea by the binder)
//	OFFSET n          → LIMIT <max> OFFSET n when there is no LIMIT
//	-- and /* */      → removed (PostgreSQL block comments nest)
//	$1                → :p1          vitess's bind variable
//	a || b            → a | b        (vitess would read || as OR)
//	x::t, CAST(x AS t) → x COLLATE '\0::t'  a cast, at the precedence of PostgreSQL's ::
//	FULL [OUTER] JOIN → straight_join
//	ILIKE             → regexp
//	x NULLS FIRST     → x, '\0nulls first'  (read back by orderKeys)
//	... RETURNING list → cut off into piece.returning
//	ON CONFLICT (k) DO UPDATE SET → on duplicate key update  (DO NOTHING: removed; both
//	                    recorded in piece.conflict)
//	UPSERT INTO       → insert into, recorded in piece.conflict
//
// Every marker string starts with NUL (\0 to vitess), which user text cannot hold, and every
// MySQL construct standing for a PostgreSQL one is one user text cannot spell: see pgcheck.go.

// piece is one statement of a query string after the dialect pass.
type piece struct {
	sql       string // rewritten for vitess
	orig      string // the statement's PostgreSQL text, which sql/lexer reads
	first     string // first word, lower case, for statements handled before vitess
	words     []string
	returning string // the rewritten list after INSERT/UPDATE/DELETE ... RETURNING
	conflict  *conflictClause
	alias     string // INSERT INTO t AS alias, which vitess does not parse
}

// conflictClause is INSERT's ON CONFLICT (or UPSERT): what to do with a row whose key exists.
type conflictClause struct {
	target  []string // the conflict target's columns; empty when not given
	update  bool     // DO UPDATE SET ..., which follows as ON DUPLICATE KEY UPDATE
	replace bool     // UPSERT: the new row replaces the old
}

// scanOnConflict reads "[(cols)] DO NOTHING" or "[(cols)] DO UPDATE SET" after ON CONFLICT;
// for DO UPDATE it stops before the assignments.
func scanOnConflict(q string, i int) (int, *conflictClause, error) {
	c := &conflictClause{}
	if nextNonSpace(q, i) == '(' {
		open := strings.IndexByte(q[i:], '(') + i
		end := strings.IndexByte(q[open:], ')')
		if end < 0 {
			return 0, nil, Errorf("42601", "syntax error: unterminated ON CONFLICT target")
		}
		for _, col := range strings.Split(q[open+1:open+end], ",") {
			col = strings.TrimSpace(col)
			if strings.HasPrefix(col, `"`) && strings.HasSuffix(col, `"`) && len(col) > 1 {
				col = col[1 : len(col)-1]
			} else {
				col = strings.ToLower(col)
			}
			c.target = append(c.target, col)
		}
		i = open + end + 1
	}
	switch {
	case followedBy(q, i, "do", "nothing"):
		return skipWords(q, i, 2), c, nil
	case followedBy(q, i, "do", "update", "set"):
		c.update = true
		return skipWords(q, i, 3), c, nil
	case followedBy(q, i, "on", "constraint"):
		return 0, nil, unsupported("ON CONFLICT ON CONSTRAINT")
	}
	return 0, nil, Errorf("42601", "syntax error in ON CONFLICT: expected DO NOTHING or DO UPDATE SET")
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitAndRewrite returns the statements of q, rewritten, skipping empty ones.
func splitAndRewrite(q string) ([]piece, error) {
	if strings.IndexByte(q, 0) >= 0 {
		// Marker strings start with NUL (pgcheck.go); PostgreSQL refuses it in text too.
		return nil, Errorf("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")
	}
	var out []piece
	var b strings.Builder
	var words []string
	returningAt := -1 // where RETURNING starts in b
	var onConflict *conflictClause
	insertAlias := ""
	fullJoinAt := -1 // the parenthesis depth of a FULL JOIN waiting for its ON or USING
	stmtStart := 0   // where the current statement begins in q
	flush := func(end int) {
		orig := strings.TrimSpace(q[stmtStart:end])
		stmtStart = end + 1
		text, ret := b.String(), ""
		if returningAt >= 0 {
			text, ret = text[:returningAt], strings.TrimSpace(text[returningAt:])
			returningAt = -1
		}
		s := strings.TrimSpace(text)
		if s != "" {
			p := piece{sql: s, orig: orig, words: words, returning: ret, conflict: onConflict, alias: insertAlias}
			if len(words) > 0 {
				p.first = words[0]
			}
			out = append(out, p)
		}
		b.Reset()
		words = nil
		onConflict = nil
		insertAlias = ""
	}
	lastWord := ""
	// In CREATE TABLE, where a column definition is: 1 when a column name comes next, 2 when
	// its type does (PostgreSQL's type names are rewritten there, and only there).
	colState := 0
	// regexMarker is written after the pattern of a regular-expression match (see regexOp).
	regexMarker := ""
	depth := 0       // parentheses
	var casts []int  // depth inside each open CAST(
	var arrays []int // depth inside each open ARRAY(
	// The rewrites of subscripts, field selections and functions in FROM wrap an operand
	// already written: operandStart is where in b the last complete operand (an identifier
	// chain, a call, a parenthesized group, a subscript) begins.
	operandStart := 0
	var parens []openParen      // one per open parenthesis
	var brackets []int          // where each open subscript's operand begins (-1: ARRAY[...])
	clauses := map[int]string{} // per depth: "select" after SELECT, "from" inside its FROM
	inserts := 0                // each copies the output so far: bounded, so no statement costs quadratic time
	insertAt := func(pos int, text string) error {
		if inserts++; inserts > maxOperandRewrites {
			return Errorf("54001", "statement too complex: more than %d subscripts, field selections and functions in FROM", maxOperandRewrites)
		}
		cur := b.String()
		b.Reset()
		b.WriteString(cur[:pos])
		b.WriteString(text)
		b.WriteString(cur[pos:])
		if returningAt > pos {
			returningAt += len(text)
		}
		return nil
	}
	pushParen := func(call bool) {
		p := openParen{start: b.Len()}
		if call {
			p.start = operandStart
		}
		parens = append(parens, p)
	}
	chain := newOpChain() // see opChain
	for i := 0; i < len(q); {
		if depth > maxDepth {
			return nil, tooDeep() // see depth.go
		}
		c := q[i]
		chain.punct(c, depth)
		switch {
		case c == ';':
			if len(brackets) > 0 {
				return nil, Errorf("42601", "syntax error at or near \";\"")
			}
			parens = parens[:0]
			clear(clauses)
			flush(i)
			lastWord = ""
			colState = 0
			i++
		case c == '\'' || ((c == 'e' || c == 'E') && i+1 < len(q) && q[i+1] == '\'' && !prevIsIdent(q, i)):
			// sql/lexer reads the literal with PostgreSQL's rules (E'' escapes, continuation
			// past a newline); vitess gets it as one literal of the decoded value.
			t, err := lexer.At(q, i)
			if err != nil {
				return nil, lexError(err)
			}
			b.WriteString(vitessString(t.Value))
			end := t.End
			// vitess joins adjacent literals also on one line, which PostgreSQL refuses.
			if next, more, err := stringContinuation(q, end); err != nil || more {
				if err == nil {
					err = Errorf("42601", "syntax error at or near \"%s\"", q[next:next+1])
				}
				return nil, err
			}
			if regexMarker != "" {
				b.WriteString(" collate " + markerLiteral(regexMarker))
				regexMarker = ""
			}
			i = end
			lastWord = ""
		case c == '"':
			j := i + 1
			var id strings.Builder
			for {
				if j >= len(q) {
					return nil, Errorf("42601", "unterminated quoted identifier at or near %q", q[i:])
				}
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						id.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				id.WriteByte(q[j])
				j++
			}
			if id.Len() == 0 {
				return nil, Errorf("42601", "zero-length delimited identifier at or near \"\"\"\"")
			}
			name := lexer.TruncateName(id.String()) // as PostgreSQL does, and sql/lexer
			if internalFunctions[name] && nextNonSpace(q, j+1) == '(' {
				return nil, Errorf("42883", "function %s does not exist", name)
			}
			if prevNonSpace(q, i) != '.' {
				operandStart = b.Len()
			}
			b.WriteByte('`')
			if name == "dual" && (clauses[depth] == "from" || lastWord == "join") {
				b.WriteString(userDual) // see userDual
			} else {
				b.WriteString(strings.ReplaceAll(name, "`", "``"))
			}
			b.WriteByte('`')
			// Kept quoted: a quoted identifier is never the keyword it spells ("checkpoint").
			words = append(words, `"`+name+`"`)
			lastWord = ""
			if colState == 1 {
				colState = 2
			} else {
				colState = 0
			}
			i = j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			for i < len(q) && q[i] != '\n' {
				i++
			}
			b.WriteByte(' ')
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			depth := 0
			for i < len(q) {
				if q[i] == '/' && i+1 < len(q) && q[i+1] == '*' {
					depth++
					i += 2
				} else if q[i] == '*' && i+1 < len(q) && q[i+1] == '/' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
			if depth != 0 {
				return nil, Errorf("42601", "unterminated /* comment")
			}
			b.WriteByte(' ')
		case c == '|' && i+1 < len(q) && q[i+1] == '|':
			// vitess reads || as OR. Its | (bitwise or) sits where PostgreSQL puts || among
			// the operators: below + and -, above comparisons. The binder reads | as ||.
			if err := chain.op("||", depth); err != nil {
				return nil, err
			}
			b.WriteString(" | ")
			lastWord = ""
			i += 2
		case c == '|':
			return nil, Errorf("0A000", "the bitwise operator | is not supported yet")
		case c == '~' || c == '!' && i+1 < len(q) && q[i+1] == '~':
			op := "~"
			if c == '!' {
				op = "!~"
			}
			if i+len(op) < len(q) && q[i+len(op)] == '*' {
				op += "*"
			}
			marker, err := regexOp(&b, op, q, i+len(op))
			if err != nil {
				return nil, err
			}
			regexMarker = marker
			lastWord = ""
			i += len(op)
		case c == '(':
			call := lastWord != "" && !notFunctionNames[lastWord]
			pushParen(call)
			parens[len(parens)-1].stringAgg = lastWord == "group_concat" && strings.HasSuffix(b.String(), "group_concat")
			if call && clauses[depth] == "from" && afterFromSeparator(b.String()[:operandStart]) {
				// A function in FROM: f(args) [AS] a[(c)] → (SELECT f(args) AS c) AS a, which
				// is how PostgreSQL names its rows' column (the alias, else the function).
				if err := insertAt(operandStart, "(select "); err != nil {
					return nil, err
				}
				parens[len(parens)-1].fromFunc = lastWord
			}
			depth++
			b.WriteByte(c)
			lastWord = ""
			colState = 0
			if depth == 1 && isCreateTable(words) {
				colState = 1
			}
			i++
		case c == ',' && len(parens) > 0 && parens[len(parens)-1].stringAgg:
			// string_agg(x, 'd') → group_concat(x separator 'd'): MySQL's aggregate, whose
			// delimiter must be a string constant.
			b.WriteString(" separator ")
			parens[len(parens)-1].stringAgg = false
			lastWord = ""
			i++
		case c == ',' && clauses[depth] == "limit":
			return nil, Errorf("42601", "LIMIT #,# syntax is not supported")
		case c == ',' && depth == 1 && isCreateTable(words):
			b.WriteByte(c)
			lastWord = ""
			colState = 1
			i++
		case c == ')':
			if len(arrays) > 0 && arrays[len(arrays)-1] == depth {
				b.WriteString("))") // closes the subquery and drove_array(
				arrays = arrays[:len(arrays)-1]
			} else {
				b.WriteByte(c)
			}
			delete(clauses, depth)
			depth--
			lastWord = ""
			i++
			if len(parens) > 0 {
				p := parens[len(parens)-1]
				parens = parens[:len(parens)-1]
				operandStart = p.start
				b.WriteString(p.close)
				if p.fromFunc != "" {
					end, text, err := fromFunctionAlias(q, i, p.fromFunc)
					if err != nil {
						return nil, err
					}
					b.WriteString(text)
					i = end
				}
			}
		case c == '[':
			// x[i] → drove_subscript(x, i); ARRAY[...] was rewritten where the word was read.
			if isCreateTable(words) || len(words) > 0 && words[0] == "alter" {
				return nil, unsupported("array column types")
			}
			if p := prevNonSpace(q, i); !(p == ')' || p == ']' || p == '"' || isIdentPart(rune(p))) || notFunctionNames[lastWord] {
				return nil, Errorf("42601", "syntax error at or near \"[\"")
			}
			if err := insertAt(operandStart, "drove_subscript("); err != nil {
				return nil, err
			}
			b.WriteString(", ")
			brackets = append(brackets, operandStart)
			lastWord = ""
			i++
		case c == ']':
			if len(brackets) == 0 {
				return nil, Errorf("42601", "syntax error at or near \"]\"")
			}
			b.WriteByte(')')
			if start := brackets[len(brackets)-1]; start >= 0 {
				operandStart = start
			}
			brackets = brackets[:len(brackets)-1]
			lastWord = ""
			i++
		case c == '.' && prevNonSpace(q, i) == ')':
			// (x).field → drove_field((x), 'field')
			name, end := nextWord(q, i+1)
			if nextNonSpace(q, i+1) == '"' {
				j := strings.IndexByte(q[i+2:], '"')
				if j < 0 {
					return nil, Errorf("42601", "unterminated quoted identifier at or near %q", q[i+1:])
				}
				name, end = q[i+2:i+2+j], i+3+j
			}
			if name == "" || strings.ContainsAny(name, "'\\") {
				return nil, unsupported("selecting %q from a composite value", strings.TrimSpace(q[i+1:min(len(q), i+10)]))
			}
			if err := insertAt(operandStart, "drove_field("); err != nil {
				return nil, err
			}
			b.WriteString(", '" + name + "')")
			lastWord = ""
			i = end
		case c == '$' && !prevIsIdent(q, i) && !(i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9'):
			// $tag$ ... $tag$, PostgreSQL's dollar-quoted string; nothing else starts with $.
			end, lit, err := scanDollarString(q, i)
			if err != nil {
				return nil, err
			}
			b.WriteString(lit)
			if regexMarker != "" {
				b.WriteString(" collate " + markerLiteral(regexMarker))
				regexMarker = ""
			}
			i = end
			lastWord = ""
		case c == '$' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			t, err := lexer.At(q, i) // $n, and $1abc is trailing junk
			if err != nil {
				return nil, lexError(err)
			}
			j := t.End
			b.WriteString(":p" + t.Value) // vitess's bind variable syntax
			if regexMarker != "" {
				b.WriteString(" collate " + markerLiteral(regexMarker))
				regexMarker = ""
			}
			lastWord = ""
			i = j
		case c == ':' && i+1 < len(q) && q[i+1] == ':':
			end, name, err := scanTypeName(q, i+2)
			if err != nil {
				return nil, err
			}
			writeCast(&b, name)
			lastWord = ""
			i = end
		case c == '`':
			return nil, Errorf("42601", "syntax error at or near \"`\"")
		case strings.IndexByte(opChars, c) >= 0:
			// Read as PostgreSQL reads operators; only those vitess reads alike pass.
			op, end, err := scanOperator(q, i)
			if err != nil {
				return nil, err
			}
			if !passedOperators[op] {
				return nil, operatorError(op)
			}
			if err := chain.op(op, depth); err != nil {
				return nil, err
			}
			b.WriteString(op)
			lastWord = ""
			i = end
		case c == ':':
			return nil, colonError(q, i, len(brackets) > 0, depth > 0)
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			end, err := scanNumber(q, i)
			if err != nil {
				return nil, err
			}
			b.WriteString(q[i:end])
			lastWord = ""
			i = end
		default:
			r, size := utf8.DecodeRuneInString(q[i:])
			if isIdentStart(r) {
				j := i
				for j < len(q) {
					r, size := utf8.DecodeRuneInString(q[j:])
					if !isIdentPart(r) {
						break
					}
					j += size
				}
				w := lexer.FoldIdent(q[i:j]) // as PostgreSQL: ASCII only, 63 bytes at most
				wordStart := i
				i = j
				switch {
				case w == "select":
					clauses[depth] = "select"
				case w == "from" && clauses[depth] == "select":
					clauses[depth] = "from"
				case fromClauseEnds[w]:
					delete(clauses, depth)
				}
				if w == "limit" {
					clauses[depth] = "limit" // where MySQL's LIMIT offset, count would have its comma
				}
				if err := refuseWord(w, q, i, words, depth); err != nil {
					return nil, err
				}
				chain.word(w, depth)
				switch colState {
				case 1:
					colState = 2
					if tableConstraintWords[w] {
						colState = 0
					}
				case 2:
					colState = 0
					if typ, end, ok, err := columnTypeName(w, q, i); err != nil {
						return nil, err
					} else if ok {
						b.WriteString(typ)
						words = append(words, w)
						lastWord = w
						i = end
						continue
					}
				}
				switch {
				case w == "array" && nextNonSpace(q, i) == '[':
					// ARRAY[a, b] → drove_array_of(a, b)
					operandStart = b.Len()
					b.WriteString("drove_array_of(")
					i = strings.IndexByte(q[i:], '[') + i + 1
					brackets = append(brackets, -1)
					lastWord = ""
					continue
				case (w == "any" || w == "some" || w == "all") && nextNonSpace(q, i) == '(' &&
					!followedBy(q, strings.IndexByte(q[i:], '(')+i+1, "select") && endsWithOperator(b.String()):
					// x op ANY (array) → x op ANY (SELECT unnest(array)), which vitess parses.
					b.WriteString(w + " (select unnest(")
					i = strings.IndexByte(q[i:], '(') + i + 1
					parens = append(parens, openParen{start: b.Len(), close: ")"})
					depth++
					lastWord = ""
					continue
				case w == "array" && nextNonSpace(q, i) == '(' && followedBy(q, strings.IndexByte(q[i:], '(')+i+1, "select"):
					// ARRAY(SELECT ...) → drove_array((SELECT ...)): vitess has no ARRAY
					// constructor; the binder reads the function as one.
					i = strings.IndexByte(q[i:], '(') + i + 1
					operandStart = b.Len()
					pushParen(true)
					depth++
					arrays = append(arrays, depth)
					b.WriteString("drove_array((")
					lastWord = ""
					continue
				case w == "as" && depth == 0 && len(words) >= 3 && words[0] == "insert" && words[1] == "into" &&
					insertAlias == "" && !slices.Contains(words, "values") && !slices.Contains(words, "select"):
					alias, end := nextWord(q, i)
					if nextNonSpace(q, i) == '"' {
						alias, end = quotedAlias(q, i)
					}
					if alias == "" {
						return nil, Errorf("42601", "syntax error at or near \"as\"")
					}
					insertAlias, i = alias, end
					lastWord = ""
					continue
				case w == "is" && followedBy(q, i, "not", "distinct", "from"):
					// vitess's null-safe <=> is IS NOT DISTINCT FROM; IS DISTINCT FROM is
					// <=> with a marker operand in between, read back by the binder.
					b.WriteString("<=>")
					i = skipWords(q, i, 3)
					lastWord = ""
					continue
				case w == "is" && followedBy(q, i, "distinct", "from"):
					b.WriteString("<=> " + markerLiteral(distinctMarker) + " <=>")
					i = skipWords(q, i, 2)
					lastWord = ""
					continue
				case w == "operator" && nextNonSpace(q, i) == '(':
					// OPERATOR(pg_catalog.op): the operator itself.
					open := strings.IndexByte(q[i:], '(') + i
					end := strings.IndexByte(q[open:], ')')
					if end < 0 {
						return nil, Errorf("42601", "syntax error at or near \"operator\"")
					}
					op := strings.TrimSpace(q[open+1 : open+end])
					op = strings.TrimPrefix(op, "pg_catalog.")
					i = open + end + 1
					switch op {
					case "~", "~*", "!~", "!~*":
						marker, err := regexOp(&b, op, q, i)
						if err != nil {
							return nil, err
						}
						regexMarker = marker
					case "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%":
						b.WriteString(" " + op + " ")
					default:
						return nil, unsupported("OPERATOR(%s)", op)
					}
					lastWord = ""
					continue
				case w == "collate" && skipsCollation(q, i) > 0:
					// The default and the C collations are how drove compares text anyway.
					i = skipsCollation(q, i)
					lastWord = ""
					continue
				case w == "with" && depth == 0 && isCreateTable(words) && nextNonSpace(q, i) == '(':
					// Storage parameters: fillfactor is accepted (pages are written full and
					// never updated in place, so it has nothing to change); others are refused.
					end, err := skipStorageParams(q, i)
					if err != nil {
						return nil, err
					}
					i = end
					lastWord = ""
					continue
				case w == "generated" && (followedBy(q, i, "always", "as", "identity") || followedBy(q, i, "by", "default", "as", "identity")):
					// An identity column is a serial one here; see columnTypeName.
					n := 3
					if followedBy(q, i, "by") {
						n = 4
					}
					i = skipWords(q, i, n)
					if nextNonSpace(q, i) == '(' {
						return nil, unsupported("identity column options")
					}
					b.WriteString("auto_increment")
					words = append(words, "auto_increment")
					lastWord = ""
					continue
				case w == "cast" && nextNonSpace(q, i) == '(':
					// CAST(x AS t) → ((x) COLLATE '::t'), like x::t; see writeCast.
					operandStart = b.Len()
					pushParen(true)
					b.WriteString("((")
					i = strings.IndexByte(q[i:], '(') + i + 1
					depth++
					casts = append(casts, depth)
					lastWord = ""
					continue
				case w == "as" && len(casts) > 0 && casts[len(casts)-1] == depth:
					end, name, err := scanTypeName(q, i)
					if err != nil {
						return nil, err
					}
					b.WriteByte(')')
					writeCast(&b, name)
					casts = casts[:len(casts)-1]
					i = end
					lastWord = ""
					continue
				case w == "full" && (followedBy(q, i, "join") || followedBy(q, i, "outer", "join")):
					// vitess has no FULL JOIN; its STRAIGHT_JOIN, which PostgreSQL lacks,
					// takes an ON condition and stands for it.
					n := 1
					if followedBy(q, i, "outer", "join") {
						n = 2
					}
					i = skipWords(q, i, n)
					b.WriteString("straight_join")
					words = append(words, "join")
					lastWord = "join"
					fullJoinAt = depth
					continue
				case w == "using" && fullJoinAt == depth && nextNonSpace(q, i) == '(':
					// STRAIGHT_JOIN takes only ON: USING (cols) travels as a marker string.
					open := strings.IndexByte(q[i:], '(') + i
					end := strings.IndexByte(q[open:], ')')
					if end < 0 {
						return nil, Errorf("42601", "syntax error: unterminated USING list")
					}
					var cols []string
					for _, c := range strings.Split(q[open+1:open+end], ",") {
						c = strings.TrimSpace(c)
						if strings.HasPrefix(c, `"`) && strings.HasSuffix(c, `"`) && len(c) > 1 {
							c = strings.ReplaceAll(c[1:len(c)-1], `""`, `"`)
						} else {
							c = strings.ToLower(c)
						}
						if c == "" || strings.ContainsAny(c, "',") {
							return nil, Errorf("42601", "syntax error in USING list")
						}
						cols = append(cols, c)
					}
					b.WriteString("on " + markerLiteral(usingMarker+strings.ReplaceAll(strings.Join(cols, ","), `\`, `\\`)))
					i = open + end + 1
					fullJoinAt = -1
					lastWord = ""
					continue
				case w == "nulls" && (followedBy(q, i, "first") || followedBy(q, i, "last")):
					// vitess has no NULLS FIRST/LAST. A string constant cannot be an ORDER BY
					// term in PostgreSQL, so one that follows the term carries it.
					order, _ := nextWord(q, i)
					i = skipWords(q, i, 1)
					b.WriteString(", " + markerLiteral(nullsMarker+order))
					lastWord = ""
					continue
				case w == "returning" && depth == 0 && len(words) > 0 && returningAt < 0 &&
					(words[0] == "insert" || words[0] == "update" || words[0] == "delete"):
					// vitess has no RETURNING: the list is cut off here and bound by the
					// statement's plan (see Statement.returning).
					returningAt = b.Len()
					words = append(words, w)
					lastWord = w
					continue
				case w == "on" && depth == 0 && len(words) > 0 && words[0] == "insert" && followedBy(q, i, "conflict"):
					end, conflict, err := scanOnConflict(q, skipWords(q, i, 1))
					if err != nil {
						return nil, err
					}
					onConflict = conflict
					if conflict.update {
						// DO UPDATE SET ... is vitess's ON DUPLICATE KEY UPDATE ...
						b.WriteString("on duplicate key update")
						chain.assignments(depth)
					}
					i = end
					lastWord = ""
					continue
				case w == "upsert" && len(words) == 0:
					// HerdDB's UPSERT INTO: an INSERT that replaces the row with its key.
					b.WriteString("insert")
					onConflict = &conflictClause{replace: true}
					words = append(words, "insert")
					lastWord = "insert"
					continue
				case w == "string_agg" && nextNonSpace(q, i) == '(':
					operandStart = b.Len()
					b.WriteString("group_concat")
					w = "group_concat"
				case w == "group_concat" && nextNonSpace(q, i) == '(':
					return nil, Errorf("42883", "function group_concat does not exist")
				case w == "ilike":
					// vitess has no ILIKE; REGEXP, which PostgreSQL lacks, stands for it.
					b.WriteString("regexp")
				case w == "precision" && lastWord == "double":
					lastWord = w
					continue // "double precision" is vitess's "double"
				case w == "bytea":
					b.WriteString("longblob")
				case w == "offset" && !slices.Contains(words, "limit"):
					// PostgreSQL allows OFFSET without LIMIT; MySQL does not.
					b.WriteString("limit 9223372036854775807 offset")
				case w == "dual" && (clauses[depth] == "from" || lastWord == "join"):
					// Not vitess's implicit FROM dual: see userDual.
					b.WriteString("`" + userDual + "`")
				default:
					if prevNonSpace(q, wordStart) != '.' {
						operandStart = b.Len()
					}
					b.WriteString(quotedWord(w))
				}
				words = append(words, w)
				lastWord = w
				continue
			}
			if !unicode.IsSpace(r) {
				lastWord = ""
			}
			b.WriteString(q[i : i+size])
			i += size
		}
	}
	if len(brackets) > 0 {
		return nil, Errorf("42601", "syntax error at end of input")
	}
	flush(len(q))
	return out, nil
}

// regexOp writes a regular-expression match operator (~, ~*, !~, !~*) as vitess's REGEXP,
// whose pattern (q from i on) must be a string constant or a parameter: the returned marker,
// written after it as a collation, tells the binder which match this is (REGEXP alone is
// ILIKE's spelling).
func regexOp(b *strings.Builder, op, q string, i int) (string, error) {
	j := i
	for j < len(q) && unicode.IsSpace(rune(q[j])) {
		j++
	}
	constant := j < len(q) && (q[j] == '\'' ||
		(q[j] == 'e' || q[j] == 'E') && j+1 < len(q) && q[j+1] == '\'' ||
		q[j] == '$') // a parameter or a dollar-quoted string
	if !constant {
		return "", unsupported("a regular expression match against anything but a constant or parameter")
	}
	if strings.HasPrefix(op, "!") {
		b.WriteString(" not regexp ")
	} else {
		b.WriteString(" regexp ")
	}
	if strings.HasSuffix(op, "*") {
		return regexMarkerPrefix + "i", nil
	}
	return regexMarkerPrefix, nil
}

// usingMarker starts the string that carries a FULL JOIN's USING list.
const usingMarker = markerStart + "using:"

// distinctMarker stands between the operands of IS DISTINCT FROM (see the dialect pass).
const distinctMarker = markerStart + "distinct"

// regexMarkerPrefix marks a pattern as a regular expression (a trailing "i": case-insensitive).
const regexMarkerPrefix = markerStart + "regex"

// skipsCollation returns where a no-op COLLATE clause's collation name ends (default, C and
// POSIX, possibly quoted or pg_catalog-qualified), or 0 for any other.
func skipsCollation(q string, i int) int {
	j := i
	for j < len(q) && unicode.IsSpace(rune(q[j])) {
		j++
	}
	rest := q[j:]
	for _, name := range []string{"pg_catalog.default", `pg_catalog."default"`, `pg_catalog."C"`, `pg_catalog."POSIX"`,
		`"default"`, `"C"`, `"POSIX"`, "default"} {
		if len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
			end := j + len(name)
			if end < len(q) && isIdentPart(rune(q[end])) {
				continue
			}
			return end
		}
	}
	return 0
}

// skipStorageParams reads CREATE TABLE's WITH (name = value, ...) from q[i:], at its '(' and
// returns the position after the ')'.
func skipStorageParams(q string, i int) (int, error) {
	open := strings.IndexByte(q[i:], '(') + i
	end := strings.IndexByte(q[open:], ')')
	if end < 0 {
		return 0, Errorf("42601", "syntax error: unterminated WITH (...) storage parameters")
	}
	for _, p := range strings.Split(q[open+1:open+end], ",") {
		name, value, _ := strings.Cut(p, "=")
		name, value = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value)
		switch name {
		case "fillfactor":
			if n, err := strconv.Atoi(value); err != nil || n < 10 || n > 100 {
				return 0, Errorf("22023", "value %s out of bounds for option \"fillfactor\"", value)
			}
		default:
			return 0, unsupported("storage parameter %q", name)
		}
	}
	return open + end + 1, nil
}

func isCreateTable(words []string) bool {
	return len(words) >= 2 && words[0] == "create" && words[1] == "table"
}

// tableConstraintWords start a table constraint where a column definition could be.
var tableConstraintWords = map[string]bool{"primary": true, "constraint": true, "unique": true,
	"foreign": true, "check": true, "exclude": true, "like": true}

// columnTypeName rewrites a PostgreSQL column type that vitess does not know, starting with
// word w, whose text ends at q[i:]. ok is false when w needs no rewriting. SERIAL types become
// the integer type with AUTO_INCREMENT, which the binder reads as a serial column.
func columnTypeName(w, q string, i int) (typ string, end int, ok bool, err error) {
	switch w {
	case "int2":
		return "smallint", i, true, nil
	case "int4":
		return "int", i, true, nil
	case "int8":
		return "bigint", i, true, nil
	case "smallserial", "serial2":
		return "smallint auto_increment", i, true, nil
	case "serial", "serial4":
		return "int auto_increment", i, true, nil
	case "bigserial", "serial8":
		return "bigint auto_increment", i, true, nil
	case "character":
		if followedBy(q, i, "varying") {
			return "varchar", skipWords(q, i, 1), true, nil
		}
		return "char", i, true, nil
	case "timestamp":
		switch {
		case followedBy(q, i, "without", "time", "zone"):
			return "timestamp", skipWords(q, i, 3), true, nil
		case followedBy(q, i, "with", "time", "zone"):
			return "", 0, false, unsupported("type timestamp with time zone")
		}
	case "timestamptz":
		return "", 0, false, unsupported("type timestamp with time zone")
	case "double":
		if !followedBy(q, i, "precision") {
			return "", 0, false, Errorf("42704", "type \"double\" does not exist")
		}
	}
	if mysqlOnlyTypes[w] {
		return "", 0, false, Errorf("42704", "type %q does not exist", w)
	}
	return "", i, false, nil
}

// prevIsIdent reports whether the byte before i continues an identifier (so an 'e' there is
// part of a word like "date'", not an E” string prefix).
func prevIsIdent(q string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(q[:i])
	return isIdentPart(r)
}

// nextNonSpace returns the first byte at or after i that is not white space (0 at the end).
func nextNonSpace(q string, i int) byte {
	for ; i < len(q); i++ {
		if !unicode.IsSpace(rune(q[i])) {
			return q[i]
		}
	}
	return 0
}

// nextWord returns the identifier word starting at the first non-space at or after i, lower
// case, and the position after it ("" when there is none).
func nextWord(q string, i int) (string, int) {
	for i < len(q) && unicode.IsSpace(rune(q[i])) {
		i++
	}
	j := i
	for j < len(q) {
		r, size := utf8.DecodeRuneInString(q[j:])
		if !isIdentPart(r) || (j == i && !isIdentStart(r)) {
			break
		}
		j += size
	}
	return strings.ToLower(q[i:j]), j
}

// followedBy reports whether the words after position i are want.
func followedBy(q string, i int, want ...string) bool {
	for _, w := range want {
		var got string
		if got, i = nextWord(q, i); got != w {
			return false
		}
	}
	return true
}

func skipWords(q string, i, n int) int {
	for ; n > 0; n-- {
		_, i = nextWord(q, i)
	}
	return i
}

// scanTypeName reads the type name of a cast at q[i:]: one or more words (double precision,
// character varying, timestamp without time zone), then an optional (n) or (p, s).
func scanTypeName(q string, i int) (int, string, error) {
	w, j := nextWord(q, i)
	if w == "" {
		return 0, "", Errorf("42601", "syntax error at or near %q", strings.TrimSpace(q[i:min(len(q), i+10)]))
	}
	if w == "pg_catalog" && j < len(q) && q[j] == '.' {
		w, j = nextWord(q, j+1) // pg_catalog.text is text
	}
	name := w
	switch {
	case w == "double" && followedBy(q, j, "precision"):
		name, j = "double precision", skipWords(q, j, 1)
	case w == "character" && followedBy(q, j, "varying"):
		name, j = "varchar", skipWords(q, j, 1)
	case (w == "timestamp" || w == "time") && followedBy(q, j, "without", "time", "zone"):
		j = skipWords(q, j, 3)
	case (w == "timestamp" || w == "time") && followedBy(q, j, "with", "time", "zone"):
		name, j = w+"tz", skipWords(q, j, 3)
	}
	if nextNonSpace(q, j) == '(' {
		k := strings.IndexByte(q[j:], ')')
		if k < 0 {
			return 0, "", Errorf("42601", "syntax error: unterminated type modifier in cast to %s", name)
		}
		mod := strings.Join(strings.Fields(q[j:j+k+1]), "")
		for _, r := range mod {
			if !strings.ContainsRune("(),0123456789", r) {
				return 0, "", Errorf("42601", "syntax error at or near %q", mod)
			}
		}
		name += mod
		j += k + 1
	}
	if nextNonSpace(q, j) == '[' {
		k := strings.IndexByte(q[j:], '[') + j + 1
		if nextNonSpace(q, k) != ']' {
			return 0, "", unsupported("array types with dimensions")
		}
		name += "[]"
		j = strings.IndexByte(q[k:], ']') + k + 1
	}
	return j, name, nil
}

// writeCast writes the marker the binder reads as a cast to type name.
func writeCast(b *strings.Builder, name string) {
	b.WriteString(" collate ")
	b.WriteString(markerLiteral(castMarker + name))
	b.WriteString(" ")
}

// nullsMarker starts the string constant that carries NULLS FIRST/LAST as an ORDER BY term.
const nullsMarker = markerStart + "nulls "

// maxOperandRewrites bounds the rewrites that wrap an operand already written in one query.
const maxOperandRewrites = 10000

// openParen is an open parenthesis of the dialect pass.
type openParen struct {
	start    int    // where in the output its operand begins: the function name of a call
	close    string // written after its closing parenthesis
	fromFunc string // the function, when this is the argument list of a function in FROM
	// stringAgg marks string_agg's argument list, whose comma is GROUP_CONCAT's SEPARATOR.
	stringAgg bool
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

// afterFromSeparator reports whether the output ends with what precedes a FROM element:
// FROM, JOIN or a comma.
func afterFromSeparator(out string) bool {
	out = strings.TrimRightFunc(out, unicode.IsSpace)
	if strings.HasSuffix(out, ",") {
		return true
	}
	i := strings.LastIndexFunc(out, func(r rune) bool { return !isIdentPart(r) })
	w := strings.ToLower(out[i+1:])
	return w == "from" || w == "join" || w == "straight_join"
}

// endsWithOperator reports whether the output ends with a comparison operator.
func endsWithOperator(out string) bool {
	out = strings.TrimRightFunc(out, unicode.IsSpace)
	return out != "" && strings.ContainsRune("=<>", rune(out[len(out)-1]))
}

// fromFunctionAlias reads the alias after a function in FROM (q[i:] follows its closing
// parenthesis) and returns the text that finishes its rewrite: " as c) as a".
func fromFunctionAlias(q string, i int, fn string) (int, string, error) {
	alias, col := fn, ""
	j := i
	w, k := nextWord(q, j)
	if w == "as" {
		j = k
		w, k = nextWord(q, j)
	}
	if w == "with" && followedBy(q, k, "ordinality") {
		return 0, "", unsupported("WITH ORDINALITY")
	}
	if w != "" && !notFunctionNames[w] && !fromClauseEnds[w] && w != "left" && w != "right" && w != "full" &&
		w != "inner" && w != "cross" && w != "natural" {
		alias, j = w, k
		if nextNonSpace(q, j) == '(' {
			open := strings.IndexByte(q[j:], '(') + j
			end := strings.IndexByte(q[open:], ')')
			if end < 0 {
				return 0, "", Errorf("42601", "syntax error: unterminated column alias list")
			}
			cols := strings.Split(q[open+1:open+end], ",")
			if len(cols) != 1 {
				return 0, "", Errorf("42601", "too many column aliases specified for function %s", fn)
			}
			col, j = strings.ToLower(strings.TrimSpace(cols[0])), open+end+1
		}
	}
	if col == "" {
		col = alias
	}
	for _, name := range []string{alias, col} {
		if name == "" || !isIdentStart(rune(name[0])) || strings.IndexFunc(name, func(r rune) bool { return !isIdentPart(r) }) >= 0 {
			return 0, "", Errorf("42601", "syntax error at or near %q", name)
		}
	}
	return j, " as `" + col + "`) as `" + alias + "`", nil
}

// prevNonSpace is the last byte before q[i] that is not white space (0 at the start).
func prevNonSpace(q string, i int) byte {
	for i--; i >= 0; i-- {
		if !unicode.IsSpace(rune(q[i])) {
			return q[i]
		}
	}
	return 0
}

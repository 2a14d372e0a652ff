package sql

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// Queries are read by sql/parser (sql/DESIGN.md, step 4): a query string is split at its ';'
// tokens by sql/lexer, and each statement that begins as a query (SELECT, VALUES, TABLE,
// WITH, a parenthesized query) is parsed into an ast.Select the Statement holds, which the
// binder binds (no dialect pass, no vitess); a query the parser does not hold is its 0A000.
// The statements no tree reader takes yet go through the dialect pass and vitess (parseOld).

// parseStatements parses query into its statements: the queries with sql/parser, the other
// statements through the dialect pass, each on its own text.
func parseStatements(query string, interrupted func() error) ([]*Statement, error) {
	if strings.IndexByte(query, 0) >= 0 || !utf8.ValidString(query) {
		return parseOld(query, interrupted) // the dialect pass refuses it as PostgreSQL does
	}
	if oneNonQuery(query) {
		return parseOld(query, interrupted) // what the loop below decides, without lexing twice
	}
	toks, err := lexer.Lex(query)
	if err != nil {
		return nil, lexErrorIn(err, query)
	}
	spans := statementSpans(toks)
	sts := make([]*Statement, 0, len(spans))
	var old []int // the statements of spans left to the dialect pass
	for i, sp := range spans {
		if err := interrupted(); err != nil {
			return nil, err // a cancelled string of many statements stops between them
		}
		st, err := parseQuerySpan(query, toks[sp.from:sp.to])
		if err != nil {
			// PostgreSQL reports the string's first syntax error: one in a statement before
			// this query comes first.
			if before := parseOldSpans(query, toks, spans, old, sts, interrupted); before != nil {
				return nil, before
			}
			return nil, err
		}
		if st == nil {
			old = append(old, i)
		}
		sts = append(sts, st)
	}
	if len(old) == len(spans) {
		return parseOld(query, interrupted) // no query: the string as before
	}
	if err := parseOldSpans(query, toks, spans, old, sts, interrupted); err != nil {
		return nil, err
	}
	return sts, nil
}

// parseOldSpans parses the statements of spans at the indexes old through the dialect pass
// and vitess, into sts.
func parseOldSpans(query string, toks []lexer.Token, spans []span, old []int, sts []*Statement, interrupted func() error) error {
	for _, i := range old {
		if err := interrupted(); err != nil {
			return err
		}
		sp := spans[i]
		st, err := parseOldSpan(query, toks[sp.from].Pos, toks[sp.to-1].End)
		if err != nil {
			return err
		}
		sts[i] = st
	}
	return nil
}

// span is one statement's tokens, toks[from:to], with its ';' if it has one.
type span struct{ from, to int }

// statementSpans splits a query string's tokens at its ';' tokens; empty statements are
// dropped, as PostgreSQL's grammar drops them.
func statementSpans(toks []lexer.Token) []span {
	var out []span
	from := 0
	for i, t := range toks {
		if !t.IsPunct(";") {
			continue
		}
		if i > from {
			out = append(out, span{from, i + 1})
		}
		from = i + 1
	}
	if from < len(toks) {
		out = append(out, span{from, len(toks)})
	}
	return out
}

// parseQuerySpan parses one statement's tokens with sql/parser when they begin a query; nil
// (and no error) when the statement is another kind, for the dialect pass. A query the parser
// does not hold (0A000) keeps that error: only the tree runs queries. A statement beginning
// with WITH that writes (WITH ... INSERT, UPDATE or DELETE, or a data-modifying WITH query)
// is cte_modify.go's.
func parseQuerySpan(query string, toks []lexer.Token) (*Statement, error) {
	t := toks[0]
	if !(t.IsPunct("(") || t.Is("select") || t.Is("values") || t.Is("table") || t.Is("with")) {
		return parseDMLSpan(query, toks) // dml_tree.go
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		return nil, parserError(err, query) // 0A000 too: only the tree runs queries
	}
	return queryStatement(query, toks, stmt)
}

// queryStatement is the Statement of a statement beginning as a query that the parser read
// from toks; nil for one the dialect pass runs (SELECT INTO).
func queryStatement(query string, toks []lexer.Token, stmt ast.Stmt) (*Statement, error) {
	sel, ok := stmt.(*ast.Select)
	switch {
	case ok && sel.Into != nil:
		return selectIntoOfTree(sel, query, toks) // SELECT INTO (ctas_tree.go), after a data-modifying WITH too
	case !ok || holdsModifyingWith(stmt):
		if selectsInto(stmt) {
			return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
		}
		st := treeStatement(query, toks, stmt)
		st.modWith = true
		return st, nil
	case selectsInto(sel):
		return selectIntoOfTree(sel, query, toks) // a set operation's first query's INTO, or 42601
	}
	st := treeStatement(query, toks, nil)
	st.query = sel
	return st, nil
}

// treeStatement is the Statement of a statement sql/parser read from toks: a writing one
// (dml) or, with dml nil, a query the caller sets.
func treeStatement(query string, toks []lexer.Token, dml ast.Stmt) *Statement {
	t, end := toks[0], toks[len(toks)-1]
	if end.IsPunct(";") && len(toks) > 1 {
		end = toks[len(toks)-2]
	}
	first := "select"
	if t.Kind == lexer.Ident {
		first = t.Value
	}
	return &Statement{first: first, dml: dml, src: query, srcAt: t.Pos, srcEnd: end.End}
}

// selectsInto reports whether a statement has an INTO clause (SELECT INTO, CREATE TABLE AS's
// statement) anywhere, which the dialect pass's path runs or refuses.
func selectsInto(n ast.Node) bool {
	into := false
	ast.Walk(n, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); !into && ok && s.Into != nil {
			into = true
		}
		return !into
	})
	return into
}

// parserError is an error of sql/parser as an *Error with its position in the query string.
func parserError(err error, query string) error {
	var pe *pgparser.Error
	if !errors.As(err, &pe) {
		return err
	}
	e := &Error{Code: pe.Code, Message: pe.Error(), Hint: pe.Hint}
	if !pe.NoPosition {
		e.Position = pe.Position(query)
	}
	return e
}

// parseOld parses a whole query string through the dialect pass and vitess.
func parseOld(query string, interrupted func() error) ([]*Statement, error) {
	pieces, err := splitAndRewrite(dropCallAll(query))
	if err != nil {
		return nil, err
	}
	sts := make([]*Statement, 0, len(pieces))
	for _, p := range pieces {
		if err := interrupted(); err != nil {
			return nil, err
		}
		st, err := parse(p)
		if err != nil {
			return nil, err
		}
		sts = append(sts, st)
	}
	return sts, nil
}

// parseOldSpan parses the statement at query[from:to] through the dialect pass and vitess,
// its errors placed in query.
func parseOldSpan(query string, from, to int) (*Statement, error) {
	text := query[from:to]
	d := dropCallAll(text)
	pieces, err := splitAndRewrite(d)
	if err != nil {
		return nil, shiftError(err, query, from, d == text)
	}
	if len(pieces) != 1 {
		return nil, Errorf("42601", "syntax error at or near \";\"")
	}
	// The statement is parsed on its own text (its errors are placed there and moved to
	// the whole string), and keeps its place in the whole string for the binder's errors.
	st, err := parse(pieces[0])
	if err != nil {
		return nil, shiftError(err, query, from, d == text)
	}
	if d == text && st.src == text {
		st.src, st.srcAt, st.srcEnd = query, st.srcAt+from, st.srcEnd+from
	}
	return st, nil
}

// shiftError moves the position of an error found in the statement text at query[from:]
// (when shift says its positions are the text's) to the query string's.
func shiftError(err error, query string, from int, shift bool) error {
	var e *Error
	if shift && errors.As(err, &e) && e.Position > 0 {
		e.Position += utf8.RuneCountInString(query[:from])
	}
	return err
}

// queryTree is the tree of a query statement to bind: the parsed one the first time, then a
// fresh parse of the statement's text, as binding may annotate the tree it binds (an
// inferred cast) and a re-bind (a table changed) must start from the text as written.
func (st *Statement) queryTree() *ast.Select {
	if !st.queryUsed {
		st.queryUsed = true
		return st.query
	}
	if q, err := pgparser.ParseSelect(st.src[st.srcAt:st.srcEnd]); err == nil {
		return q
	}
	return st.query
}

// oneNonQuery reports, without lexing, that query is one statement that does not start as a
// query (no semicolon but trailing ones, a first word other than parseQuerySpan's): the
// dialect pass reads it whole, as parseStatements would decide after lexing. It keeps the
// simple protocol's INSERT and UPDATE from being lexed once more than before queries moved to
// sql/parser (4 KB and 5 allocations each). A leading comment or parenthesis takes the lexer.
func oneNonQuery(query string) bool {
	body := strings.TrimRight(query, " \t\n\r\f;")
	if strings.IndexByte(body, ';') >= 0 {
		return false
	}
	body = strings.TrimLeft(body, " \t\n\r\f")
	end := 0
	for end < len(body) && (body[end]|0x20 >= 'a' && body[end]|0x20 <= 'z') {
		end++
	}
	if end == 0 || (end < len(body) && !strings.ContainsRune(" \t\n\r\f", rune(body[end]))) {
		return false
	}
	switch w := strings.ToLower(body[:end]); w {
	case "select", "values", "table", "with", "explain":
		return false
	default:
		return !treeDMLWords[w] && !treeDDLWords[w] && !treeUtilityWords[w] && !treeCommandWords[w]
	}
}

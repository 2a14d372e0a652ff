package sql

import (
	"math"
	"strconv"

	"github.com/drovedb/drove/sql/lexer"
)

// DECLARE, FETCH, MOVE and CLOSE, parsed from sql/lexer's tokens (vitess has no cursor
// statements). The grammar is PostgreSQL 15's (gram.y's DeclareCursorStmt, FetchStmt,
// ClosePortalStmt).

// cursorStmt is one parsed cursor statement.
type cursorStmt struct {
	verb string // "declare", "fetch", "move" or "close"
	name string // "" with CLOSE ALL

	// DECLARE's options and query (PostgreSQL text).
	binary, scroll, noScroll, hold bool
	query, text                    string
	queryFirst                     string // the query's first word, as written

	// FETCH's and MOVE's direction and count (fetchAll for ALL).
	dir   fetchDir
	count int64
	// cols are the cursor's columns when a FETCH was prepared (extended protocol's Describe).
	cols []Column
}

// fetchDir is PostgreSQL's FetchDirection.
type fetchDir int

const (
	fetchForward fetchDir = iota
	fetchBackward
	fetchAbsolute
	fetchRelative
)

// fetchAll is PostgreSQL's FETCH_ALL (LONG_MAX): every remaining row.
const fetchAll = math.MaxInt64

func isCursorStmt(words []string) bool {
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "declare", "fetch", "move", "close":
		return true
	}
	return false
}

func parseCursorStmt(text string) (*cursorStmt, error) {
	toks, err := lexSQL(text)
	if err != nil {
		return nil, err
	}
	st := &cursorStmt{verb: toks[0].Value, text: text}
	if len(toks) == 1 {
		return nil, tokenSyntaxError(text, toks, 1)
	}
	switch st.verb {
	case "declare":
		return st, st.parseDeclare(text, toks)
	case "close":
		if len(toks) != 2 || !isName(toks[1]) {
			return nil, tokenSyntaxError(text, toks, min(len(toks), 2))
		}
		if toks[1].Kind == lexer.Ident && toks[1].Value == "all" {
			return st, nil
		}
		st.name = toks[1].Value
		return st, nil
	}
	return st, st.parseFetch(text, toks)
}

func isName(t lexer.Token) bool { return t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent }

// parseDeclare reads DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [NO SCROLL | SCROLL]
// CURSOR [WITH HOLD | WITHOUT HOLD] FOR query, the options in any order, as gram.y allows.
func (st *cursorStmt) parseDeclare(text string, toks []lexer.Token) error {
	if len(toks) < 2 || !isName(toks[1]) {
		return tokenSyntaxError(text, toks, 1)
	}
	st.name = toks[1].Value
	i := 2
	for ; i < len(toks) && !toks[i].Is("cursor"); i++ {
		switch t := toks[i]; {
		case t.Is("binary"):
			st.binary = true
		case t.Is("scroll"):
			st.scroll = true
		case t.Is("no") && i+1 < len(toks) && toks[i+1].Is("scroll"):
			st.noScroll = true
			i++
		case t.Is("insensitive"), t.Is("asensitive"):
		default:
			return tokenSyntaxError(text, toks, i)
		}
	}
	i++
	switch {
	case i+1 < len(toks) && toks[i].Is("with") && toks[i+1].Is("hold"):
		st.hold = true
		i += 2
	case i+1 < len(toks) && toks[i].Is("without") && toks[i+1].Is("hold"):
		i += 2
	}
	if i >= len(toks) || !toks[i].Is("for") {
		return tokenSyntaxError(text, toks, i)
	}
	if i+1 >= len(toks) {
		return tokenSyntaxError(text, toks, i+1)
	}
	if st.scroll && st.noScroll {
		return Errorf("42P11", "cannot specify both SCROLL and NO SCROLL")
	}
	st.query, st.queryFirst = text[toks[i+1].Pos:], toks[i+1].Text(text)
	return nil
}

// parseFetch reads FETCH's and MOVE's direction, an optional FROM or IN, and the cursor.
func (st *cursorStmt) parseFetch(text string, toks []lexer.Token) error {
	last := len(toks) - 1
	if !isName(toks[last]) {
		return tokenSyntaxError(text, toks, last)
	}
	st.name = toks[last].Value
	dir := toks[1:last]
	if n := len(dir); n > 0 && (dir[n-1].Is("from") || dir[n-1].Is("in")) {
		dir = dir[:n-1]
	}
	st.dir, st.count = fetchForward, 1
	// PostgreSQL reads a name where it expected a count as the cursor's (FETCH FORWARD x
	// FROM c), so its error is at the token after it.
	bad := func(k int) error {
		if isName(dir[k]) {
			k++
		}
		return tokenSyntaxError(text, toks, 1+k)
	}
	if len(dir) == 0 {
		return nil
	}
	first := dir[0]
	switch {
	case first.Is("next") && len(dir) == 1:
	case first.Is("prior") && len(dir) == 1:
		st.dir = fetchBackward
	case first.Is("first") && len(dir) == 1:
		st.dir = fetchAbsolute
	case first.Is("last") && len(dir) == 1:
		st.dir, st.count = fetchAbsolute, -1
	case first.Is("all") && len(dir) == 1:
		st.count = fetchAll
	case first.Is("absolute"), first.Is("relative"):
		st.dir = fetchAbsolute
		if first.Is("relative") {
			st.dir = fetchRelative
		}
		n, ok := signedCount(dir[1:])
		if !ok {
			return bad(1)
		}
		st.count = n
	case first.Is("forward"), first.Is("backward"):
		if first.Is("backward") {
			st.dir = fetchBackward
		}
		switch {
		case len(dir) == 1:
		case len(dir) == 2 && dir[1].Is("all"):
			st.count = fetchAll
		default:
			n, ok := signedCount(dir[1:])
			if !ok {
				return bad(1)
			}
			st.count = n
		}
	default:
		n, ok := signedCount(dir)
		if !ok {
			return bad(0)
		}
		st.count = n
	}
	return nil
}

// signedCount reads gram.y's SignedIconst: an integer, perhaps after a sign.
func signedCount(toks []lexer.Token) (int64, bool) {
	neg := false
	if len(toks) == 2 && (toks[0].IsPunct("-") || toks[0].IsPunct("+")) {
		neg, toks = toks[0].IsPunct("-"), toks[1:]
	}
	if len(toks) != 1 || toks[0].Kind != lexer.Integer {
		return 0, false
	}
	n, err := strconv.ParseInt(toks[0].Value, 10, 32)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

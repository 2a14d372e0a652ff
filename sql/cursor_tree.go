package sql

import (
	"math"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// DECLARE, FETCH, MOVE and CLOSE, read by sql/parser (command_tree.go) with PostgreSQL 15's
// grammar (gram.y's DeclareCursorStmt, FetchStmt, ClosePortalStmt).

// cursorStmt is one cursor statement of the tree.
type cursorStmt struct {
	verb string // "declare", "fetch", "move" or "close"
	name string // "" with CLOSE ALL

	// DECLARE's options, its query and its text.
	binary, scroll, noScroll, hold bool
	asensitive, insensitive        bool
	inner                          *innerStmt
	text                           string

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

// declareOfTree is the DECLARE the parser read from toks.
func declareOfTree(n *ast.Declare, query string, toks []lexer.Token) (*cursorStmt, error) {
	cs := &cursorStmt{verb: "declare", name: n.Name, binary: n.Binary, scroll: n.Scroll, noScroll: n.NoScroll,
		hold: n.Hold, asensitive: n.Asensitive, insensitive: n.Insensitive, text: spanText(query, toks)}
	var err error
	cs.inner, err = innerOfTree(n.Query, query, toks)
	return cs, err
}

// fetchOfTree is the FETCH or MOVE the parser read.
func fetchOfTree(n *ast.Fetch) *cursorStmt {
	cs := &cursorStmt{verb: "fetch", name: n.Cursor, dir: fetchDir(n.Direction) /* the same order */, count: n.Count}
	if n.Move {
		cs.verb = "move"
	}
	if n.All {
		cs.count = fetchAll
	}
	return cs
}

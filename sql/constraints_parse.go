package sql

import (
	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// CHECK, UNIQUE and FOREIGN KEY constraints of ALTER TABLE ADD [COLUMN | CONSTRAINT] are read
// from the PostgreSQL text before vitess sees it: vitess parses neither column-level CHECK,
// REFERENCES nor CONSTRAINT name. They are returned as conDefs, the form CREATE TABLE's
// (create_tree.go, from sql/parser's tree) takes too.

// conDef is one constraint as written.
type conDef struct {
	name     string // "" when unnamed
	kind     types.ConstraintKind
	column   string   // the column a column constraint was written on; "" for a table constraint
	cols     []string // UNIQUE's and FOREIGN KEY's columns
	check    string   // CHECK's expression, PostgreSQL text
	refQual  string   // the referenced table's qualifier, if any
	refTable string
	refCols  []string // empty: the referenced table's primary key
	onDelete types.RefAction
	onUpdate types.RefAction
	// deferrable and deferred: DEFERRABLE and INITIALLY DEFERRED (UNIQUE, FOREIGN KEY).
	deferrable, deferred bool
	matchFull            bool     // FOREIGN KEY ... MATCH FULL
	nnd                  bool     // UNIQUE NULLS NOT DISTINCT
	include              []string // UNIQUE's INCLUDE columns
	// notValid: NOT VALID (CHECK, FOREIGN KEY), which only ALTER TABLE ADD CONSTRAINT heeds
	// (a new table has no rows to skip).
	notValid bool
}

// conParser walks tokens of one statement's text.
type conParser struct {
	src  string
	toks []lexer.Token
	pos  int
}

func (p *conParser) done() bool { return p.pos >= len(p.toks) }

func (p *conParser) peekAt(n int, w string) bool {
	return p.pos+n < len(p.toks) && (p.toks[p.pos+n].Is(w) || p.toks[p.pos+n].IsPunct(w))
}

func (p *conParser) accept(words ...string) bool {
	for i, w := range words {
		if !p.peekAt(i, w) {
			return false
		}
	}
	p.pos += len(words)
	return true
}

// syntaxError is at the token the parser stopped at (the end of its text when none is
// left); parse writes PostgreSQL's message for that place. A message naming the token alone
// would be found only if Go's quoting left the token as written (not "\x7f").
func (p *conParser) syntaxError() error {
	return errorAt(Errorf("42601", "syntax error"), p.src2pos(p.pos))
}

func (p *conParser) name() (string, error) {
	if p.done() || p.toks[p.pos].Kind != lexer.Ident && p.toks[p.pos].Kind != lexer.QuotedIdent {
		return "", p.syntaxError()
	}
	p.pos++
	return p.toks[p.pos-1].Value, nil
}

// src2pos is where token i starts in the text (the end of the text past the last token).
func (p *conParser) src2pos(i int) int {
	if i < len(p.toks) {
		return p.toks[i].Pos
	}
	return len(p.src)
}

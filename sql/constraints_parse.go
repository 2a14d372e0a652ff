package sql

import (
	"strings"

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
	matchFull            bool // FOREIGN KEY ... MATCH FULL
	nnd                  bool // UNIQUE NULLS NOT DISTINCT
	// notValid: NOT VALID (CHECK, FOREIGN KEY), which only ALTER TABLE ADD CONSTRAINT heeds
	// (a new table has no rows to skip).
	notValid bool
}

// conParser walks tokens of one statement's text.
type conParser struct {
	src   string
	toks  []lexer.Token
	pos   int
	table string // the table a column definition is of, for its errors
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

// nameList reads ( name, ... ).
func (p *conParser) nameList() ([]string, error) {
	return parenNames(p.accept, p.name, p.syntaxError)
}

// parenNames reads ( name, ... ) for a statement parser given its accept, name and
// syntaxError: the column lists of constraints, views and new tables.
func parenNames(accept func(...string) bool, name func() (string, error), syntaxError func() error) ([]string, error) {
	if !accept("(") {
		return nil, syntaxError()
	}
	var out []string
	for {
		n, err := name()
		if err != nil {
			return nil, err
		}
		out = append(out, n)
		if !accept(",") {
			break
		}
	}
	if !accept(")") {
		return nil, syntaxError()
	}
	return out, nil
}

// group skips a parenthesized group, returning the text inside it.
func (p *conParser) group() (string, error) {
	if !p.peekAt(0, "(") {
		return "", p.syntaxError()
	}
	start := p.toks[p.pos].End
	depth := 0
	for ; !p.done(); p.pos++ {
		switch t := p.toks[p.pos]; {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			if depth--; depth == 0 {
				p.pos++
				return p.src[start:t.Pos], nil
			}
		}
	}
	return "", p.syntaxError()
}

// refAction reads a referential action after ON DELETE / ON UPDATE.
func (p *conParser) refAction() (types.RefAction, error) {
	switch {
	case p.accept("no", "action"):
		return types.RefNoAction, nil
	case p.accept("restrict"):
		return types.RefRestrict, nil
	case p.accept("cascade"):
		return types.RefCascade, nil
	case p.accept("set", "null"):
		if p.peekAt(0, "(") {
			return 0, unsupported("SET NULL with a column list")
		}
		return types.RefSetNull, nil
	case p.accept("set", "default"):
		if p.peekAt(0, "(") {
			return 0, unsupported("SET DEFAULT with a column list")
		}
		return types.RefSetDefault, nil
	}
	return 0, p.syntaxError()
}

// references reads REFERENCES table [(cols)] [MATCH SIMPLE | FULL] [ON DELETE a] [ON UPDATE a].
func (p *conParser) references(d *conDef) error {
	var err error
	if d.refTable, err = p.name(); err != nil {
		return err
	}
	if p.accept(".") { // public.t
		d.refQual = d.refTable
		if d.refTable, err = p.name(); err != nil {
			return err
		}
	}
	if p.peekAt(0, "(") {
		if d.refCols, err = p.nameList(); err != nil {
			return err
		}
	}
	d.onDelete, d.onUpdate = types.RefNoAction, types.RefNoAction
	for {
		switch {
		case p.accept("match", "simple"):
		case p.accept("match", "full"):
			d.matchFull = true
		case p.peekAt(0, "match") && p.peekAt(1, "partial"):
			return errorAt(Errorf("0A000", "MATCH PARTIAL not yet implemented"), p.src2pos(p.pos))
		case p.accept("match"):
			return p.syntaxError()
		case p.accept("on", "delete"):
			if d.onDelete, err = p.refAction(); err != nil {
				return err
			}
		case p.accept("on", "update"):
			if d.onUpdate, err = p.refAction(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// timing reads a constraint's [NOT] DEFERRABLE and INITIALLY {DEFERRED | IMMEDIATE}, in
// either order, with PostgreSQL's errors for a column constraint (each clause once, none on
// CHECK) and for a table constraint (no conflicting clauses, CHECK not deferrable), and
// reads NOT VALID, and refuses NO INHERIT, which drove does not have.
func (p *conParser) timing(d *conDef) error {
	var seenDeferrable, seenInitially, notDeferrable, immediate bool
	start := p.pos
	for {
		at := p.pos
		switch {
		case p.accept("not", "deferrable"), p.accept("deferrable"), p.accept("initially", "deferred"), p.accept("initially", "immediate"):
			clause := strings.ToUpper(p.src[p.toks[at].Pos:p.toks[p.pos-1].End])
			isInitially := p.toks[at].Is("initially")
			if d.column != "" {
				if d.kind == types.ConstraintCheck {
					return errorAt(Errorf("42601", "misplaced %s clause", clause), p.src2pos(at))
				}
				if isInitially && seenInitially {
					return errorAt(Errorf("42601", "multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed"), p.src2pos(at))
				}
				if !isInitially && seenDeferrable {
					return errorAt(Errorf("42601", "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed"), p.src2pos(at))
				}
			}
			if isInitially {
				deferred := p.toks[at+1].Is("deferred")
				if seenInitially && deferred != d.deferred || deferred && immediate {
					return errorAt(Errorf("42601", "conflicting constraint properties"), p.src2pos(at))
				}
				seenInitially, d.deferred, immediate = true, deferred, !deferred
			} else {
				not := p.toks[at].Is("not")
				if seenDeferrable && not != notDeferrable {
					return errorAt(Errorf("42601", "conflicting constraint properties"), p.src2pos(at))
				}
				seenDeferrable, notDeferrable, d.deferrable = true, not, !not
			}
		case p.peekAt(0, "not") && p.peekAt(1, "valid"):
			if p.pos++; d.column != "" { // a column constraint has no NOT VALID
				return p.syntaxError()
			}
			p.pos++
			if d.kind == types.ConstraintUnique {
				return Errorf("0A000", "UNIQUE constraints cannot be marked NOT VALID")
			}
			d.notValid = true
		case p.peekAt(0, "no") && p.peekAt(1, "inherit"):
			return unsupported("NO INHERIT constraints")
		default:
			if d.deferred && notDeferrable {
				return errorAt(Errorf("42601", "constraint declared INITIALLY DEFERRED must be DEFERRABLE"), p.src2pos(start))
			}
			d.deferrable = d.deferrable || d.deferred
			if d.deferrable && d.kind == types.ConstraintCheck {
				return Errorf("0A000", "CHECK constraints cannot be marked DEFERRABLE")
			}
			return nil
		}
	}
}

// keptTiming judges a timing clause left in the text vitess reads (after NOT NULL, DEFAULT
// or PRIMARY KEY, which this parser does not cut out): on a primary key a deferrable one is
// refused (drove keeps rows by their primary key, so two rows cannot have one key even for a
// moment) and an immediate one, the default, is dropped; elsewhere it is misplaced, as in
// PostgreSQL. It returns how many tokens the clause has (0: none at p).
func (p *conParser) keptTiming(afterKey bool) (int, error) {
	n := 0
	switch {
	case p.peekAt(0, "not") && p.peekAt(1, "deferrable"), p.peekAt(0, "initially") && (p.peekAt(1, "deferred") || p.peekAt(1, "immediate")):
		n = 2
	case p.peekAt(0, "deferrable"):
		n = 1
	default:
		return 0, nil
	}
	deferrable := n == 1 || p.toks[p.pos+1].Is("deferred")
	switch {
	case afterKey && deferrable:
		return 0, unsupported("DEFERRABLE primary keys")
	case afterKey:
		return n, nil
	}
	clause := strings.ToUpper(p.src[p.toks[p.pos].Pos:p.toks[p.pos+n-1].End])
	return 0, errorAt(Errorf("42601", "misplaced %s clause", clause), p.src2pos(p.pos))
}

// uniqueNulls reads a unique key's NULLS [NOT] DISTINCT (PostgreSQL 15) with the parser's
// accept, and reports NULLS NOT DISTINCT (a NULL equals a NULL; the key's index is then a
// computed one, index_computed.go). NULLS DISTINCT is what a unique key does anyway.
func uniqueNulls(accept func(...string) bool) bool {
	if accept("nulls", "not", "distinct") {
		return true
	}
	accept("nulls", "distinct")
	return false
}

// tableConstraint reads a table constraint after its optional CONSTRAINT name: CHECK (...),
// UNIQUE (cols) or FOREIGN KEY (cols) REFERENCES ...; ok is false at anything else (PRIMARY
// KEY, which the caller leaves to vitess).
func (p *conParser) tableConstraint(name string) (d conDef, ok bool, err error) {
	d.name = name
	switch {
	case p.accept("check"):
		d.kind = types.ConstraintCheck
		d.check, err = p.group()
	case p.accept("unique"):
		d.kind = types.ConstraintUnique
		d.nnd = uniqueNulls(p.accept)
		d.cols, err = p.nameList()
		if err == nil && (p.peekAt(0, "include") || p.peekAt(0, "with") || p.peekAt(0, "using")) {
			err = unsupported("index options of a UNIQUE constraint")
		}
	case p.accept("foreign", "key"):
		d.kind = types.ConstraintForeign
		if d.cols, err = p.nameList(); err == nil {
			if !p.accept("references") {
				return d, false, p.syntaxError()
			}
			err = p.references(&d)
		}
	case p.peekAt(0, "exclude"):
		return d, false, unsupported("EXCLUDE constraints")
	default:
		return d, false, nil
	}
	if err == nil {
		err = p.timing(&d)
	}
	return d, err == nil, err
}

// columnConstraints reads the rest of a column definition at p (after its name), cutting the
// constraint clauses out; it returns the text kept and the constraints.
func (p *conParser) columnConstraints(column string, end int) (string, []conDef, error) {
	var kept strings.Builder
	var defs []conDef
	from := p.toks[p.pos].Pos
	depth := 0
	afterKey, hasDefault := false, false
	for p.pos < end {
		t := p.toks[p.pos]
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is("default") && t.Kind == lexer.Ident && !(p.pos > 0 && (p.toks[p.pos-1].Is("by") || p.toks[p.pos-1].Is("set"))):
			if hasDefault { // vitess keeps the last one
				return "", nil, errorAt(Errorf("42601", "multiple default values specified for column %q of table %q", column, p.table), t.Pos)
			}
			hasDefault = true
		}
		if depth == 0 {
			n, err := p.keptTiming(afterKey)
			if err != nil {
				return "", nil, err
			}
			if n > 0 { // PRIMARY KEY NOT DEFERRABLE: the default, cut out
				kept.WriteString(p.src[from:t.Pos])
				p.pos += n
				from = p.src2pos(p.pos)
				continue
			}
		}
		afterKey = depth == 0 && t.Is("key") && p.pos > 0 && p.toks[p.pos-1].Is("primary")
		if depth > 0 || t.Kind != lexer.Ident || !(t.Is("constraint") || t.Is("check") || t.Is("unique") || t.Is("references")) {
			p.pos++
			continue
		}
		kept.WriteString(p.src[from:t.Pos])
		name := ""
		if p.accept("constraint") {
			var err error
			if name, err = p.name(); err != nil {
				return "", nil, err
			}
		}
		d := conDef{name: name, column: column}
		var err error
		switch {
		case p.accept("check"):
			d.kind = types.ConstraintCheck
			d.check, err = p.group()
		case p.accept("unique"):
			d.kind, d.cols = types.ConstraintUnique, []string{column}
			d.nnd = uniqueNulls(p.accept)
		case p.accept("references"):
			d.kind, d.cols = types.ConstraintForeign, []string{column}
			err = p.references(&d)
		default:
			// CONSTRAINT name NOT NULL / NULL / DEFAULT / PRIMARY KEY: the name is not kept
			// (PostgreSQL 15 does not catalog NOT NULL either; the key is always t_pkey).
			from = p.toks[p.pos].Pos
			continue
		}
		if err == nil {
			err = p.timing(&d)
		}
		if err != nil {
			return "", nil, err
		}
		defs = append(defs, d)
		from = p.src2pos(p.pos)
	}
	kept.WriteString(p.src[from:p.src2pos(end)])
	return kept.String(), defs, nil
}

// src2pos is where token i starts in the text (the end of the text past the last token).
func (p *conParser) src2pos(i int) int {
	if i < len(p.toks) {
		return p.toks[i].Pos
	}
	return len(p.src)
}

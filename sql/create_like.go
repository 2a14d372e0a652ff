package sql

import (
	"context"
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// CREATE TABLE t (LIKE s [INCLUDING | EXCLUDING option ...], ...) copies s's columns where the
// LIKE element stands, as PostgreSQL's transformTableLikeClause: names, types and NOT NULL
// always; DEFAULTs, CHECK constraints, the primary key, UNIQUE constraints and indexes,
// identity and generation only when included. Which columns s has is known when the
// statement runs, not when it is parsed (and cached), so the LIKE elements are written out
// as column definitions then and the statement is parsed and run again: one code path
// creates every table.

// likeOpt is one INCLUDING/EXCLUDING option (CopyOption's bits in PostgreSQL).
type likeOpt uint16

const (
	likeComments likeOpt = 1 << iota
	likeCompression
	likeConstraints
	likeDefaults
	likeGenerated
	likeIdentity
	likeIndexes
	likeStatistics
	likeStorage
	likeAll likeOpt = 1<<iota - 1
)

var likeOptions = map[string]likeOpt{"comments": likeComments, "compression": likeCompression,
	"constraints": likeConstraints, "defaults": likeDefaults, "generated": likeGenerated,
	"identity": likeIdentity, "indexes": likeIndexes, "statistics": likeStatistics,
	"storage": likeStorage, "all": likeAll}

// createLike is a CREATE TABLE with LIKE elements.
type createLike struct {
	text  string // the statement
	table string // the new table's name as written
	likes []likeElem
}

// likeElem is one LIKE element: bytes [from, to) of the text.
type likeElem struct {
	from, to   int
	qual, name string
	opts       likeOpt
}

// parseCreateLike finds the LIKE elements of CREATE TABLE's column list; nil when it has none.
func parseCreateLike(q string) (*createLike, error) {
	toks, err := lexSQL(q)
	if err != nil {
		return nil, err
	}
	open := slices.IndexFunc(toks, func(t lexer.Token) bool { return t.IsPunct("(") })
	if open < 3 {
		return nil, nil
	}
	cl := &createLike{text: q, table: q[toks[open-1].Pos:toks[open-1].End]}
	if open >= 5 && toks[open-2].IsPunct(".") {
		cl.table = q[toks[open-3].Pos:toks[open-1].End]
	}
	p := &conParser{src: q, toks: toks}
	depth := 0
	for i := open; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		}
		if depth != 1 || !(toks[i-1].IsPunct("(") || toks[i-1].IsPunct(",")) || !t.Is("like") || t.Kind != lexer.Ident {
			continue
		}
		p.pos = i + 1
		el, err := p.likeElem()
		if err != nil {
			return nil, err
		}
		if p.done() || !(p.toks[p.pos].IsPunct(",") || p.toks[p.pos].IsPunct(")")) {
			return nil, p.syntaxError()
		}
		el.from, el.to = t.Pos, p.toks[p.pos].Pos
		cl.likes = append(cl.likes, el)
		i = p.pos - 1
	}
	if len(cl.likes) == 0 {
		return nil, nil
	}
	return cl, nil
}

// likeElem reads LIKE's source table and options.
func (p *conParser) likeElem() (likeElem, error) {
	var el likeElem
	var err error
	if el.name, err = p.name(); err != nil {
		return el, err
	}
	if p.accept(".") {
		el.qual = el.name
		if el.name, err = p.name(); err != nil {
			return el, err
		}
	}
	for {
		including := p.accept("including")
		if !including && !p.accept("excluding") {
			return el, nil
		}
		if p.done() {
			return el, p.syntaxError()
		}
		o, ok := likeOptions[p.toks[p.pos].Value]
		if !ok || p.toks[p.pos].Kind != lexer.Ident {
			return el, p.syntaxError()
		}
		p.pos++
		if including {
			el.opts |= o
		} else {
			el.opts &^= o
		}
	}
}

// execCreateLike writes the LIKE elements out and runs the CREATE TABLE, then the CREATE
// INDEX statements of the indexes INCLUDING INDEXES copies.
func (s *Session) execCreateLike(ctx context.Context, cl *createLike, out Output) error {
	var b strings.Builder
	var after []string
	at := 0
	for _, el := range cl.likes {
		name, err := s.tableName(sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(el.qual), Name: sqlparser.NewIdentifierCS(el.name)})
		if err != nil {
			return err
		}
		src, ok := s.ts.Schema(name)
		if !ok {
			for _, v := range s.viewSchemas() {
				if v.Name == name {
					src, ok = v, true
				}
			}
		}
		if !ok {
			return relationMissing(el.name)
		}
		elems, idx := likeColumns(src, el.opts, cl.table)
		b.WriteString(cl.text[at:el.from])
		b.WriteString(strings.Join(elems, ", "))
		at = el.to
		after = append(after, idx...)
	}
	b.WriteString(cl.text[at:])
	st, err := s.prepare(b.String(), nil)
	if err != nil {
		return err
	}
	if st.likeCreate != nil {
		return Errorf("42601", "syntax error in CREATE TABLE")
	}
	if err := s.run(ctx, st, nil, out, false); err != nil {
		return err
	}
	for _, q := range after {
		ist, err := s.prepare(q, nil)
		if err != nil {
			return err
		}
		if err := s.run(ctx, ist, nil, discardComplete{out}, false); err != nil {
			return err
		}
	}
	return nil
}

// discardComplete is an Output whose statement's completion is not the client's (the
// CREATE INDEX statements a CREATE TABLE ... LIKE runs after it).
type discardComplete struct{ Output }

func (discardComplete) Complete(string) error { return nil }

// likeColumns are the table elements LIKE src writes (its columns, then the constraints
// opts copies) and the CREATE INDEX statements of its indexes on table.
func likeColumns(src *types.Schema, opts likeOpt, table string) (elems, indexes []string) {
	for _, c := range src.Columns {
		if c.Hidden {
			continue
		}
		d := quoteIdent(c.Name) + " " + formatType(int64(columnTypeOID(c)), int64(c.Typmod()))
		switch {
		case c.Identity == types.IdentityAlways && opts&likeIdentity != 0:
			d += " GENERATED ALWAYS AS IDENTITY"
		case c.Identity != 0 && opts&likeIdentity != 0:
			d += " GENERATED BY DEFAULT AS IDENTITY"
		case c.Generated != "" && opts&likeGenerated != 0:
			d += " GENERATED ALWAYS AS (" + defaultText(c.Generated) + ") STORED"
		case c.Identity == 0 && c.Generated == "" && c.Default != "" && opts&likeDefaults != 0:
			d += " DEFAULT " + defaultText(c.Default)
		}
		if c.NotNull {
			d += " NOT NULL"
		}
		elems = append(elems, d)
	}
	cols := func(ix []int) string {
		names := make([]string, len(ix))
		for i, k := range ix {
			names[i] = quoteIdent(src.Columns[k].Name)
		}
		return "(" + strings.Join(names, ", ") + ")"
	}
	if opts&likeConstraints != 0 {
		for _, c := range src.Constraints {
			if c.Kind == types.ConstraintCheck {
				elems = append(elems, "CONSTRAINT "+quoteIdent(c.Name)+" CHECK ("+defaultText(c.Check)+")")
			}
		}
	}
	if opts&likeIndexes == 0 {
		return elems, nil
	}
	if !hiddenKey(src) {
		elems = append(elems, "PRIMARY KEY "+cols(src.PK))
	}
	backing := map[string]bool{}
	for _, c := range src.Constraints {
		if c.Kind == types.ConstraintUnique {
			elems = append(elems, "UNIQUE "+cols(c.Columns))
			backing[c.Index] = true
		}
	}
	for _, ix := range src.Indexes {
		if backing[ix.Name] {
			continue
		}
		q := "CREATE INDEX ON " + table
		if ix.Unique {
			q = "CREATE UNIQUE INDEX ON " + table
		}
		if ix.Hash {
			q += " USING hash"
		}
		indexes = append(indexes, q+" "+cols(ix.Columns))
	}
	return elems, indexes
}

// quoteIdent is name as a quoted identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

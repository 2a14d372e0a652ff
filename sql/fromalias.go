package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// A table's column aliases in FROM, t [AS] x (a, b), which vitess parses only after a derived
// table. The dialect pass writes them as an index hint whose first name is a marker,
// `t as x use index (`\0cols`, a, b)`, and checkPostgres moves them into the
// AliasedTableExpr's Columns (restoreAliasColumns) before anything else reads the tree: no
// user text reaches vitess as an index hint (PostgreSQL has none), so the marker is never
// the user's. bindTable renames the table's first columns by them.

// aliasColsMarker is the first "index" of the hint carrying a table's column aliases.
const aliasColsMarker = markerStart + "cols"

// markSep records a FROM, JOIN or comma of a FROM list: the items after it start here.
func (r *rewriter) markSep() {
	r.sepAt, r.sepPos, r.sepLateral = r.ntok, r.pos, false
}

// aliasColumnList handles the "(" after a FROM item's alias: name [AS] alias (cols). done
// is false when the parenthesis is anything else.
func (r *rewriter) aliasColumnList() (done bool, err error) {
	if n := r.ntok - 1 - r.sepAt; n < 2 || n > 5 || r.sepPos <= r.stmtStart || r.sepPos > r.pos ||
		r.prev.Kind != lexer.Ident && r.prev.Kind != lexer.QuotedIdent {
		return false, nil
	}
	toks, err := lexSQL(r.q[r.sepPos:r.prev.End])
	if err != nil || !tableAndAlias(toks) {
		return false, nil
	}
	var cols []string
	n := 0
	for {
		t := r.peek(n)
		if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
			return true, r.syntaxErrorAt(t)
		}
		cols, n = append(cols, t.Value), n+1
		if r.nextAt(n, ")") {
			break
		}
		if !r.nextAt(n, ",") {
			return true, r.syntaxErrorAt(r.peek(n))
		}
		n++
	}
	if r.pos-1 == r.prev.End { // no gap was written before the "("
		r.b.WriteByte(' ')
	}
	r.skip(n + 1)
	r.b.WriteString("use index (`" + aliasColsMarker + "`")
	for _, c := range cols {
		r.b.WriteString(", `" + strings.ReplaceAll(c, "`", "``") + "`")
	}
	r.b.WriteString(")")
	r.lastWord = ""
	return true, nil
}

// tableAndAlias reports whether toks are a table's name and its alias: name [. name] [AS]
// alias, none of them a keyword that would make them something else.
func tableAndAlias(toks []lexer.Token) bool {
	word := func(t lexer.Token) bool {
		if t.Kind == lexer.QuotedIdent {
			return true
		}
		v := t.Value
		if v == "key" || v == "partition" { // names where the dialect pass quotes them (key-name, partition-name)
			return t.Kind == lexer.Ident
		}
		return t.Kind == lexer.Ident && !notFunctionNames[v] && !fromClauseEnds[v] && !joinWords[v] && v != "only" && v != "tablesample"
	}
	if len(toks) > 3 && toks[1].IsPunct(".") && word(toks[0]) {
		toks = toks[2:] // schema.name
	}
	switch len(toks) {
	case 2:
		return word(toks[0]) && word(toks[1])
	case 3:
		return word(toks[0]) && toks[1].Is("as") && word(toks[2])
	}
	return false
}

// restoreAliasColumns moves the column aliases the dialect pass wrote as an index hint into
// ate.Columns.
func restoreAliasColumns(ate *sqlparser.AliasedTableExpr) {
	if len(ate.Hints) != 1 || len(ate.Hints[0].Indexes) == 0 || ate.Hints[0].Indexes[0].String() != aliasColsMarker {
		return
	}
	for _, c := range ate.Hints[0].Indexes[1:] {
		ate.Columns = append(ate.Columns, c)
	}
	ate.Hints = nil
}

// renameColumns renames a table's first visible columns (cols, its scope's) by names, as
// PostgreSQL's alias column list: more names than columns is 42P10.
func renameColumns(cols []scopeCol, alias string, names []string) error {
	if len(names) == 0 {
		return nil
	}
	visible := 0
	for _, c := range cols {
		if !c.rowID && !c.hidden && !c.unseen {
			visible++
		}
	}
	if len(names) > visible {
		return Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, visible, len(names))
	}
	k := 0
	for i := range cols {
		if k < len(names) && !cols[i].rowID && !cols[i].hidden && !cols[i].unseen {
			cols[i].name = names[k]
			k++
		}
	}
	return nil
}

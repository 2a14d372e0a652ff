package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// UPDATE's multiple-column assignments, PostgreSQL's `SET (a, b) = (1, 2)`, `= ROW(...)` and
// `= (SELECT x, y ...)` (also in ON CONFLICT DO UPDATE SET). vitess's SET item is one column,
// so the dialect pass writes the column list as one marker column, `\0rowset\0a\0b`, and the
// source after it as it is; bindSets expands the item into one assignment per column: a
// row's fields, or the fields of the subquery's one row, run once per updated row (more than
// one row is 21000, none makes every column NULL), as PostgreSQL's MULTIEXPR subplan.

const rowSetMarker = "\x00rowset"

// multiSetItem rewrites `(a, b) =` at the start of a SET item: the "(" just read follows SET
// or a comma of the SET list of an UPDATE or an ON CONFLICT DO UPDATE.
func (r *rewriter) multiSetItem() (bool, error) {
	if r.depth != 0 || len(r.words) == 0 || r.returningAt >= 0 || !(r.prev.Is("set") || r.prev.IsPunct(",")) ||
		!(r.words[0] == "update" || r.words[0] == "insert" && r.onConflict != nil) {
		return false, nil
	}
	var cols []string
	n := 0
	for {
		t := r.peek(n)
		if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
			return false, nil
		}
		cols, n = append(cols, t.Value), n+1
		if r.nextAt(n, ")") && r.peek(n+1).IsPunct("=") {
			break
		}
		if !r.nextAt(n, ",") {
			return false, nil
		}
		n++
	}
	r.skip(n + 1) // the names and ")"; "=" is read next
	r.b.WriteString("`" + rowSetMarker)
	for _, c := range cols {
		r.b.WriteString("\x00" + strings.ReplaceAll(c, "`", "``"))
	}
	r.b.WriteString("`")
	r.lastWord = ""
	return true, nil
}

// rowSetColumns are the columns of a multiple-column SET item's marker; nil for a plain item.
func rowSetColumns(ue *sqlparser.UpdateExpr) []string {
	name := ue.Name.Name.String()
	if !strings.HasPrefix(name, rowSetMarker+"\x00") {
		return nil
	}
	return strings.Split(name[len(rowSetMarker)+1:], "\x00")
}

func notRowSource() error {
	return Errorf("0A000", "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression")
}

// rowSetFields are the expressions reading a SET item's subquery's fields. An uncorrelated
// subquery runs once per execution of the statement, as PostgreSQL's InitPlan, its row kept in
// the execution (subqOnce), so every row reads the same values (one nextval() for UPDATE t SET
// (a, b) = (SELECT nextval('s'), 0)). A correlated one runs at the first evaluation for a row
// (the first column's, as SET's expressions run in order) into a buffer the others read: the
// one state of a compiled expression an evaluation still writes (DESIGN.md).
func rowSetFields(sp *subplan) []*expr {
	n, site := len(sp.cols), new(subqSite)
	run := func(row []types.Value) ([]types.Value, error) {
		vals := make([]types.Value, n)
		return vals, sp.loadRow(row, vals)
	}
	vals := make([]types.Value, n) // a correlated subquery's row for the current outer row
	out := make([]*expr, n)
	for i, c := range sp.cols {
		out[i] = &expr{typ: c.Type, unknown: c.unknown, eval: func(row []types.Value) (types.Value, error) {
			if !sp.correlated {
				vs, err := subqOnce(sp, site, row, run)
				if err != nil {
					return types.Value{}, err
				}
				return vs[i], nil
			}
			if i == 0 {
				if err := sp.loadRow(row, vals); err != nil {
					return types.Value{}, err
				}
			}
			return vals[i], nil
		}}
	}
	return out
}

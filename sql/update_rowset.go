package sql

import (
	"slices"
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

// fieldOf is expandSetItems' fields[k], nil when it returned none.
func fieldOf(fields []*expr, k int) *expr {
	if fields == nil {
		return nil
	}
	return fields[k]
}

// isRowSet says whether a SET item is a multiple-column one, (a, b) = ....
func isRowSet(ue *sqlparser.UpdateExpr) bool {
	return strings.HasPrefix(ue.Name.Name.String(), rowSetMarker+"\x00")
}

// rowSetColumns are the columns of a multiple-column SET item's marker; nil for a plain item.
func rowSetColumns(ue *sqlparser.UpdateExpr) []string {
	name := ue.Name.Name.String()
	if !strings.HasPrefix(name, rowSetMarker+"\x00") {
		return nil
	}
	return strings.Split(name[len(rowSetMarker)+1:], "\x00")
}

// rowSetSources compiles a multiple-column SET item's source into one expression per column.
func rowSetSources(ue *sqlparser.UpdateExpr, n int, sc *scope) ([]sqlparser.Expr, *subplan, error) {
	var elems []sqlparser.Expr
	switch src := ue.Expr.(type) {
	case sqlparser.ValTuple:
		elems = expandRowStars(src, sc)
	case *sqlparser.FuncExpr:
		if !strings.EqualFold(src.Name.String(), "row") && src.Name.String() != rowFunc {
			return nil, nil, notRowSource()
		}
		elems = expandRowStars(src.Exprs, sc)
	case *sqlparser.Subquery:
		q, err := queryTree(src.Select)
		if err != nil {
			return nil, nil, err
		}
		sp, err := compileSubquery(q, sc)
		if err != nil {
			return nil, nil, err
		}
		if len(sp.cols) != n {
			return nil, nil, Errorf("42601", "number of columns does not match number of values")
		}
		return nil, sp, nil
	default:
		return nil, nil, notRowSource()
	}
	if len(elems) != n {
		return nil, nil, Errorf("42601", "number of columns does not match number of values")
	}
	return elems, nil, nil
}

// expandRowStars writes each t.* of a ROW(...) source as t's columns, as PostgreSQL expands
// a whole-row reference among a row constructor's fields: SET (a, b) = ROW(v.*). A t.* that
// names no table in scope is left for compile to refuse.
func expandRowStars(elems []sqlparser.Expr, sc *scope) []sqlparser.Expr {
	out := make([]sqlparser.Expr, 0, len(elems))
	for _, e := range elems {
		c, ok := e.(*sqlparser.ColName)
		if !ok || c.Name.String() != wholeRowMarker {
			out = append(out, e)
			continue
		}
		n := len(out)
		for _, col := range sc.cols {
			if col.table == c.Qualifier.Name.String() && !col.rowID && !col.hidden {
				out = append(out, &sqlparser.ColName{Qualifier: c.Qualifier, Name: sqlparser.NewIdentifierCI(col.name)})
			}
		}
		if len(out) == n {
			out = append(out, e)
		}
	}
	return out
}

func notRowSource() error {
	return Errorf("0A000", "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression")
}

// rowSetFields are the expressions reading a SET item's subquery's fields: the first
// evaluation for a row (the first column's, as SET's expressions run in order) runs it.
func rowSetFields(sp *subplan) []*expr {
	vals := make([]types.Value, len(sp.cols))
	load := sp.rowLoader(vals)
	out := make([]*expr, len(sp.cols))
	for i, c := range sp.cols {
		i := i
		out[i] = &expr{typ: c.Type, unknown: c.unknown, eval: func(row []types.Value) (types.Value, error) {
			if i == 0 {
				if err := load(row); err != nil {
					return types.Value{}, err
				}
			}
			return vals[i], nil
		}}
	}
	return out
}

// expandSetItems flattens a SET list's multiple-column items into one item per column;
// fields[k] is the expression of item k when it reads a subquery's field (nil: compile the
// item's own expression).
func expandSetItems(exprs sqlparser.UpdateExprs, sc *scope) ([]*sqlparser.UpdateExpr, []*expr, error) {
	if !slices.ContainsFunc(exprs, isRowSet) {
		return exprs, nil, nil // the usual SET list: nothing to flatten, nothing allocated
	}
	items := make([]*sqlparser.UpdateExpr, 0, len(exprs))
	var fields []*expr
	for _, item := range exprs {
		cols := rowSetColumns(item)
		if cols == nil {
			items = append(items, item)
			fields = append(fields, nil)
			continue
		}
		elems, sp, err := rowSetSources(item, len(cols), sc)
		if err != nil {
			return nil, nil, err
		}
		var fx []*expr
		if sp != nil {
			fx = rowSetFields(sp)
		}
		for k, c := range cols {
			ue := &sqlparser.UpdateExpr{Name: &sqlparser.ColName{Name: sqlparser.NewIdentifierCI(c)}}
			if elems != nil {
				ue.Expr = elems[k]
			}
			items = append(items, ue)
			if fx != nil {
				fields = append(fields, fx[k])
			} else {
				fields = append(fields, nil)
			}
		}
	}
	return items, fields, nil
}

package sql

import (
	"slices"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// checkViewsOnAlter refuses an ALTER TABLE that would break a view reading the table. A
// view keeps its query as text (tablespace/view.go), not PostgreSQL's parse tree, so what
// PostgreSQL follows (a renamed table or column) would leave the view naming something
// gone: drove refuses those (0A000). Dropping a column or changing its type is refused as
// PostgreSQL refuses it (2BP01, 0A000). Whether a view uses a column is read from its
// query's tokens: the column's name as an identifier, or a select list's `*`.
func (s *Session) checkViewsOnAlter(table string, old, next *types.Schema, sources []int) error {
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	for _, v := range views {
		if !containsString(v.Deps, table) {
			continue
		}
		if next.Name != table {
			return unsupported("renaming a table views depend on (view %s reads %s)", v.Name, table)
		}
		toks, err := lexSQL(v.Query)
		if err != nil {
			return err
		}
		had, recorded := v.Tables[table]
		for oi, oc := range old.Columns {
			if oc.Hidden || !usesColumn(toks, oc.Name) || (recorded && !slices.Contains(had, oc.Name)) {
				continue // a column added after the view was made is not its (hideNewColumns)
			}
			ni := -1
			for i, src := range sources {
				if src == oi {
					ni = i
				}
			}
			switch {
			case ni < 0:
				return &Error{Code: "2BP01", Message: "cannot drop column " + oc.Name + " of table " + table + " because other objects depend on it",
					Detail: "view " + v.Name + " depends on column " + oc.Name + " of table " + table,
					Hint:   "Use DROP ... CASCADE to drop the dependent objects too."}
			case next.Columns[ni].Name != oc.Name:
				return unsupported("renaming a column views depend on (view %s reads %s.%s)", v.Name, table, oc.Name)
			case next.Columns[ni].Type != oc.Type || next.Columns[ni].Length != oc.Length || next.Columns[ni].Fixed != oc.Fixed:
				return &Error{Code: "0A000", Message: "cannot alter type of a column used by a view or rule",
					Detail: "rule _RETURN on view " + v.Name + " depends on column \"" + oc.Name + "\""}
			}
		}
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// usesColumn reports whether a view's query tokens may read column name: the name as an
// identifier, or a `*` of a select list (SELECT *, t.*), which read every column then.
func usesColumn(toks []lexer.Token, name string) bool {
	for i, t := range toks {
		if (t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent) && t.Value == name {
			return true
		}
		if t.IsPunct("*") && i > 0 {
			p := toks[i-1]
			if p.IsPunct(",") || p.IsPunct(".") || p.Is("select") || p.Is("distinct") || p.Is("all") {
				return true
			}
		}
	}
	return false
}

package sql

import (
	"context"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW and CREATE MATERIALIZED VIEW are read by
// sql/parser (ddl_tree.go routes them): the tree checks the statement, and the view keeps its
// query as the statement's own PostgreSQL text between AS and the closing clauses, as views
// always stored it (tablespace/view.go), which the session binds anew on each use.

// viewStmtOfTree is the viewStmt a CREATE [MATERIALIZED] VIEW of the tree runs as; toks are the
// statement's tokens in src.
// The name's schema is checked when it runs (createdViewName).
func viewStmtOfTree(n *ast.CreateView, src string, toks []lexer.Token) *viewStmt {
	name := n.Name.Name
	st := &viewStmt{verb: "create", names: []string{name}, replace: n.Replace, cols: n.Columns, temp: n.Temp,
		check: strings.ToLower(n.CheckOption), materialized: n.Materialized, noData: n.NoData, ifNotExists: n.IfNotExists}
	st.query = viewQueryText(src, toks, n)
	if n.Recursive {
		st.query = recursiveViewQuery(name, st.cols, st.query)
	}
	return st
}

// execCreateView runs a CREATE [MATERIALIZED] VIEW of the tree; a view created in pg_temp
// is a temporary view (view_temp.go), as PostgreSQL's RangeVarAdjustRelationPersistence
// makes it.
func (s *Session) execCreateView(ctx context.Context, n *ast.CreateView, st *viewStmt, out Output) error {
	temp, err := s.createdViewSchema(n)
	if err != nil {
		return err
	}
	st.temp = st.temp || temp
	return s.execViewStmt(ctx, st, out)
}

// createdViewSchema checks the schema a view is created in and reports whether it is
// pg_temp: public (or the tablespace's name) is drove's one schema; pg_catalog is
// PostgreSQL's 42501 (42P07 for a system relation's name), TEMP outside pg_temp 42P16;
// another schema is 3F000, or drove's 0A000 for one it has but does not create views in.
func (s *Session) createdViewSchema(n *ast.CreateView) (bool, error) {
	q := n.Name.Schema
	if q == "" && !n.Temp {
		var err error
		if q, err = s.creationSchema(); err != nil {
			return false, err
		}
	}
	switch {
	case q == "pg_temp" && !n.Materialized:
		return true, nil
	case n.Temp && q != "":
		return false, Errorf("42P16", "cannot create temporary relation in non-temporary schema")
	case q == "" || q == "public" || q == s.ts.Name():
		return false, nil
	case q == "pg_catalog" && systemTables[q+"."+n.Name.Name] != nil:
		return false, Errorf("42P07", "relation %q already exists", n.Name.Name)
	case q == "pg_catalog":
		return false, catalogCreateError(n.Name.Name)
	case !s.knownSchema(q):
		return false, schemaMissing(q)
	}
	return false, Errorf("0A000", "cross-schema reference %s.%s is not supported", q, n.Name.Name)
}

// viewQueryText is the source text of a CREATE VIEW's query: from after its AS to before
// WITH [NO] DATA or WITH [LOCAL|CASCADED] CHECK OPTION (toks parsed into n, so they hold
// them exactly when n does).
func viewQueryText(src string, toks []lexer.Token, n *ast.CreateView) string {
	if k := len(toks); k > 0 && toks[k-1].IsPunct(";") {
		toks = toks[:k-1]
	}
	from, depth := len(toks), 0
	for i, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is("as"):
			from = i + 1
		}
		if from < len(toks) {
			break
		}
	}
	end := len(toks)
	last := func(words ...string) bool {
		if end-len(words) < from {
			return false
		}
		for i, w := range words {
			if !toks[end-len(words)+i].Is(w) {
				return false
			}
		}
		return true
	}
	switch {
	case n.Materialized && last("with", "no", "data"):
		end -= 3
	case n.Materialized && last("with", "data"):
		end -= 2
	case n.CheckOption != "" && (last("with", "local", "check", "option") || last("with", "cascaded", "check", "option")):
		end -= 4
	case n.CheckOption != "" && last("with", "check", "option"):
		end -= 3
	}
	if end <= from {
		return ""
	}
	return src[toks[from].Pos:toks[end-1].End]
}

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

// execCreateView runs a CREATE [MATERIALIZED] VIEW of the tree.
func (s *Session) execCreateView(ctx context.Context, n *ast.CreateView, st *viewStmt, out Output) error {
	if _, err := s.createdViewName(n); err != nil {
		return err
	}
	return s.execViewStmt(ctx, st, out)
}

// createdViewName is the name a view is created under: public. (or the tablespace's name)
// comes off; another schema is PostgreSQL's 3F000, or drove's 0A000 for one it has but does
// not create views in.
func (s *Session) createdViewName(n *ast.CreateView) (string, error) {
	switch q := n.Name.Schema; {
	case q == "" || q == "public" || q == s.ts.Name():
		return n.Name.Name, nil
	case !s.knownSchema(q):
		return "", schemaMissing(q)
	}
	return "", Errorf("0A000", "cross-schema reference %s.%s is not supported", n.Name.Schema, n.Name.Name)
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

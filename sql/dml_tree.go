package sql

import (
	"errors"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// The writing statements sql/parser reads and the binder binds from its tree (sql/DESIGN.md,
// step 4): DELETE, INSERT (insert_tree.go) and UPDATE (update_tree.go). A statement of a kind
// not listed here, or one holding a data-modifying WITH or SELECT INTO, takes the dialect pass
// and vitess.

// treeDMLWords are the first words of the statement kinds bound from sql/parser's tree.
var treeDMLWords = map[string]bool{"delete": true, "insert": true, "upsert": true, "update": true}

// parseDMLSpan parses one statement's tokens with sql/parser when it is a writing statement
// of a kind bound from the tree; nil (and no error) otherwise, for the dialect pass.
func parseDMLSpan(query string, toks []lexer.Token) (*Statement, error) {
	t := toks[0]
	if t.Is("explain") {
		return parseExplainSpan(query, toks) // explain_tree.go
	}
	if t.Kind != lexer.Ident || !treeDMLWords[t.Value] {
		return parseDDLSpan(query, toks) // drop_tree.go
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		var pe *pgparser.Error
		if errors.As(err, &pe) && pe.Code == "0A000" {
			return nil, nil // not in sql/ast yet: the dialect pass reads it
		}
		return nil, parserError(err, query)
	}
	if !treeBindable(stmt) {
		return nil, nil
	}
	end := toks[len(toks)-1]
	if end.IsPunct(";") && len(toks) > 1 {
		end = toks[len(toks)-2]
	}
	return &Statement{first: t.Value, dml: stmt, src: query, srcAt: t.Pos, srcEnd: end.End}, nil
}

// treeBindable reports whether the binder binds a writing statement from sql/parser's tree:
// its parts hold no data-modifying WITH and no SELECT INTO.
func treeBindable(stmt ast.Stmt) bool {
	if n, ok := stmt.(*ast.Insert); ok {
		return insertTreeBindable(n) // insert_tree.go
	}
	if u, ok := stmt.(*ast.Update); ok {
		return updateTreeBindable(u) // update_tree.go
	}
	d, ok := stmt.(*ast.Delete)
	if !ok || d.With != nil {
		return false
	}
	parts := &ast.Select{Targets: d.Returning, From: d.Using, Where: d.Where}
	return !modifiesInWith(parts) && !selectsInto(parts)
}

// dmlTree is the tree of a writing statement to bind: the parsed one the first time, then a
// fresh parse of its text (queryTree's reasons).
func (st *Statement) dmlTree() ast.Stmt {
	if !st.dmlUsed {
		st.dmlUsed = true
		return st.dml
	}
	if sts, err := pgparser.Parse(st.src[st.srcAt:st.srcEnd]); err == nil && len(sts) == 1 {
		return sts[0]
	}
	return st.dml
}

// bindDMLTree binds a writing statement sql/parser read.
func (s *Session) bindDMLTree(st *Statement, ps *params) (*plan, error) {
	ps.checks = nil
	switch n := st.dmlTree().(type) {
	case *ast.Delete:
		d, err := s.deleteThroughViews(n, ps)
		if err != nil {
			return nil, err
		}
		return s.bindDelete(d, ps)
	case *ast.Insert:
		return s.bindInsertTree(n, ps) // insert_tree.go
	case *ast.Update:
		u, err := s.updateThroughViews(n, ps) // view_update_tree.go
		if err != nil {
			return nil, err
		}
		return s.bindUpdateTree(u, ps)
	}
	return nil, Errorf("XX000", "statement %T is not bound from the tree", st.dml)
}

// deleteFromVitess converts a DELETE of vitess's tree (a part of a data-modifying WITH, which
// cte_modify.go reads from the dialect pass's statement) as the binder converts.
func deleteFromVitess(st *sqlparser.Delete, retList *sqlparser.SelectExprs) (*ast.Delete, error) {
	if len(st.Targets) > 0 || len(st.Partitions) > 0 || st.Ignore {
		return nil, unsupported("this form of DELETE")
	}
	if st.With != nil || len(st.OrderBy) > 0 || st.Limit != nil {
		return nil, unsupported("WITH, ORDER BY and LIMIT in UPDATE/DELETE")
	}
	from, err := fromListTree(st.TableExprs)
	if err != nil {
		return nil, err
	}
	t, ok := from[0].(*ast.Table)
	if !ok {
		return nil, unsupported("joins")
	}
	d := &ast.Delete{Table: t, Using: from[1:]}
	if len(d.Using) == 0 {
		d.Using = nil
	}
	if d.Where, err = whereTree(st.Where); err != nil {
		return nil, err
	}
	d.Returning, err = returningTree(retList)
	return d, err
}

package sql

import (
	"errors"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// The writing statements sql/parser reads and the binder binds from its tree (sql/DESIGN.md,
// step 4): DELETE, INSERT (insert_tree.go) and UPDATE (update_tree.go), alone or with a WITH
// (cte_modify.go). A statement of a kind not listed here, or one holding SELECT INTO, takes
// the dialect pass and vitess.

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
		return parseDDLSpan(query, toks) // ddl_tree.go
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		var pe *pgparser.Error
		if errors.As(err, &pe) && pe.Code == "0A000" {
			return nil, nil // not in sql/ast yet: the dialect pass reads it
		}
		return nil, parserError(err, query)
	}
	return dmlStatement(query, toks, stmt), nil
}

// dmlStatement is the Statement of a writing statement the parser read from toks; nil for one
// holding SELECT INTO, which the dialect pass refuses.
func dmlStatement(query string, toks []lexer.Token, stmt ast.Stmt) *Statement {
	if selectsInto(stmt) {
		return nil
	}
	st := treeStatement(query, toks, stmt)
	st.modWith = holdsModifyingWith(stmt) // a data-modifying WITH query below it, for its error
	return st
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

// bindDMLTree binds a writing statement sql/parser read, or a statement holding a
// data-modifying WITH (cte_modify.go).
func (s *Session) bindDMLTree(st *Statement, ps *params) (*plan, error) {
	if st.modWith {
		return s.bindModifyingWith(st.dmlTree(), ps)
	}
	return s.bindWriteTree(st.dmlTree(), ps)
}

// bindWriteTree binds an INSERT, UPDATE or DELETE without WITH.
func (s *Session) bindWriteTree(n ast.Stmt, ps *params) (*plan, error) {
	ps.checks = nil
	switch n := n.(type) {
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
	return nil, Errorf("XX000", "statement %T is not bound from the tree", n)
}

// deleteFromVitess converts a DELETE of vitess's tree (one sql/parser refuses with 0A000,
// which the dialect pass reads) as the binder converts.
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

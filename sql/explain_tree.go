package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// EXPLAIN [ANALYZE] [VERBOSE] | (options) statement is read by sql/parser (ast.ExplainStmt)
// and bound from its tree: the options are checked when it is parsed, as the dialect pass
// checked them; the explained statement is a query, INSERT, UPDATE or DELETE, or the query
// of CREATE TABLE AS, SELECT INTO, CREATE MATERIALIZED VIEW and DECLARE, which PostgreSQL's
// EXPLAIN plans without making the table or cursor. Each binding after the first parses
// the statement's tokens again (queryTree's reasons).

// explainStmt is a parsed EXPLAIN.
type explainStmt struct {
	opts  explainOpts
	tree  *ast.ExplainStmt
	used  bool // tree was bound once
	query string
	toks  []lexer.Token
}

// parseExplainSpan parses EXPLAIN [options] <statement>'s tokens (toks[0] is EXPLAIN) with
// sql/parser into the Statement bindExplain binds.
func parseExplainSpan(query string, toks []lexer.Token) (*Statement, error) {
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		return nil, parserError(err, query)
	}
	tree, ok := stmt.(*ast.ExplainStmt)
	if !ok {
		return nil, Errorf("XX000", "EXPLAIN parsed as %T", stmt)
	}
	e := &explainStmt{tree: tree, query: query, toks: toks}
	if e.opts, err = checkExplainOptions(tree.Options, query, toks); err != nil {
		return nil, err
	}
	if _, err := e.target(tree.Stmt); err != nil {
		return nil, err
	}
	st := treeStatement(query, toks, nil)
	st.explain = e
	return st, nil
}

// explainTree is the tree to bind: the parsed one the first time, then a fresh parse.
func (e *explainStmt) explainTree() (*ast.ExplainStmt, error) {
	if !e.used {
		e.used = true
		return e.tree, nil
	}
	stmt, err := pgparser.ParseTokens(e.query, e.toks)
	if err != nil {
		return nil, parserError(err, e.query)
	}
	return stmt.(*ast.ExplainStmt), nil
}

// target is the statement EXPLAIN plans for the explained statement n: a query (*ast.Select)
// or a writing statement. A statement that makes a table or cursor from a query is planned
// as its query, as PostgreSQL's ExplainOneUtility does; under ANALYZE PostgreSQL makes the
// table too, which drove does not do (0A000).
func (e *explainStmt) target(n ast.Stmt) (ast.Stmt, error) {
	var q *ast.Select
	switch n := n.(type) {
	case *ast.Select:
		if !selectsInto(n) {
			if holdsModifyingWith(n) {
				return nil, unsupported("EXPLAIN of a data-modifying WITH")
			}
			return n, nil
		}
		if _, err := selectIntoOfTree(n, e.query, e.toks); err != nil {
			return nil, err // an INTO PostgreSQL refuses
		}
		firstSelect(n).Into = nil
		q = n
	case *ast.Insert, *ast.Update, *ast.Delete:
		if selectsInto(n) {
			return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
		}
		return n, nil
	case *ast.Declare: // ANALYZE runs the query; no cursor is made
		return n.Query, nil
	case *ast.CreateTable:
		q = n.Query
	case *ast.CreateView:
		q = n.Query
	case *ast.Execute: // bindExplain's, which knows the session's prepared statements
		return n, nil
	default: // REFRESH MATERIALIZED VIEW: PostgreSQL's "Utility statements have no plan structure"
		return nil, unsupported("EXPLAIN of REFRESH MATERIALIZED VIEW")
	}
	if selectsInto(q) {
		return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
	}
	if e.opts.analyze {
		return nil, unsupported("EXPLAIN ANALYZE of CREATE TABLE AS (it would make the table)")
	}
	return q, nil
}

// explainedTreeDML binds the writing statement n of the EXPLAIN e.
func (s *Session) explainedTreeDML(e *explainStmt, n ast.Stmt, ps *params) (*explainDML, error) {
	st := treeStatement(e.query, e.toks, n)
	st.first, st.modWith = "", holdsModifyingWith(n)
	d := &explainDML{st: st}
	switch n := n.(type) {
	case *ast.Insert:
		d.verb, d.table = "Insert", treeTableLabel(n.Table)
	case *ast.Update:
		d.verb, d.table = "Update", treeTableLabel(n.Table)
	case *ast.Delete:
		d.verb, d.table = "Delete", treeTableLabel(n.Table)
	}
	st.first = strings.ToLower(d.verb)
	return d, s.bindExplained(d, ps)
}

// treeTableLabel is dmlTableLabel for a table of sql/parser's tree.
func treeTableLabel(t *ast.Table) string {
	if t.Alias != nil && t.Alias.Name != "" && t.Alias.Name != t.Name {
		return t.Name + " " + t.Alias.Name
	}
	return t.Name
}

// conflictExplain is what PostgreSQL's EXPLAIN shows of an INSERT's ON CONFLICT under its
// Insert line: the action, the arbiter indexes (none without a conflict target) and DO
// UPDATE's WHERE.
type conflictExplain struct {
	resolution string // UPDATE or NOTHING
	arbiters   []string
	filter     ast.Expr
}

// conflictExplainOf is an INSERT's ON CONFLICT as EXPLAIN shows it, nil without one (an
// UPSERT's replacement of a row with its key is drove's own, and PostgreSQL has no line for it).
func conflictExplainOf(oc *ast.OnConflict, bt *boundTable, ins *inserter) *conflictExplain {
	if oc == nil {
		return nil
	}
	ce := &conflictExplain{resolution: "NOTHING", filter: oc.UpdateWhere}
	if oc.Update {
		ce.resolution = "UPDATE"
	}
	if oc.Columns == nil && oc.Constraint == "" {
		return ce
	}
	if len(ins.arbiters) == 0 { // conflictArbiters: the primary key
		ce.arbiters = []string{pkeyName(bt.schema)}
	}
	for _, ix := range ins.arbiters {
		ce.arbiters = append(ce.arbiters, ix.Name)
	}
	return ce
}

// explain adds the ON CONFLICT lines to the Insert line's details.
func (ce *conflictExplain) explain(ex *explainer) {
	ex.detail("Conflict Resolution: %s", ce.resolution)
	if len(ce.arbiters) > 0 {
		ex.detail("Conflict Arbiter Indexes: %s", strings.Join(ce.arbiters, ", "))
	}
	if ce.filter != nil {
		ex.detail("Conflict Filter: %s", treeText(ce.filter))
	}
}

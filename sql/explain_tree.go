package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// EXPLAIN of a writing statement sql/parser reads: the statement after EXPLAIN's options goes
// through the routing a statement of its own takes (parseDMLSpan), so an INSERT, UPDATE or
// DELETE the binder binds from sql/parser's tree (INSERT ... DEFAULT VALUES, ON CONFLICT,
// RETURNING, UPDATE ... FROM, which the dialect pass and vitess do not read) is explained from
// that tree. Any other EXPLAIN, and one whose options are wrong (the dialect pass reports
// them), takes the dialect pass as before (bindExplain, explain_dml.go).

// parseExplainSpan parses EXPLAIN [options] <statement>'s tokens (toks[0] is EXPLAIN): a
// Statement whose explain is the inner statement when that is a writing statement parsed from
// the tree; nil (and no error) otherwise, for the dialect pass.
func parseExplainSpan(query string, toks []lexer.Token) (*Statement, error) {
	end := toks[len(toks)-1].End
	peek := func(k int) lexer.Token {
		if k+1 < len(toks) {
			return toks[k+1]
		}
		return lexer.Token{Kind: lexer.EOF, Pos: end, End: end}
	}
	opts, n, err := readExplainOptions(peek, query)
	if err != nil {
		return nil, nil
	}
	if _, err := checkExplainOptions(opts); err != nil {
		return nil, nil
	}
	inner := toks[1+n:]
	if len(inner) == 0 || inner[0].Kind != lexer.Ident || !treeDMLWords[inner[0].Value] {
		return nil, nil
	}
	st, err := parseDMLSpan(query, inner)
	if err != nil || st == nil {
		return nil, err
	}
	return &Statement{first: "explain", explain: st, src: query, srcAt: toks[0].Pos, srcEnd: st.srcEnd}, nil
}

// explainedTreeDML binds the writing statement of a Statement parseExplainSpan made.
func (s *Session) explainedTreeDML(st *Statement, ps *params) (*explainDML, error) {
	d := &explainDML{st: st}
	switch n := st.dml.(type) {
	case *ast.Insert:
		d.verb, d.table = "Insert", treeTableLabel(n.Table)
	case *ast.Update:
		d.verb, d.table = "Update", treeTableLabel(n.Table)
	case *ast.Delete:
		d.verb, d.table = "Delete", treeTableLabel(n.Table)
	}
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

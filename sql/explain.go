package sql

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// explainer renders a plan tree the way PostgreSQL's EXPLAIN lays it out: one line per
// operator, its conditions indented under it, inputs after "->".
type explainer struct {
	lines []string
	depth int
}

func (ex *explainer) indent() string {
	if ex.depth == 0 {
		return ""
	}
	return strings.Repeat(" ", 6*(ex.depth-1)+2) + "->  "
}

func (ex *explainer) line(format string, args ...any) {
	ex.lines = append(ex.lines, ex.indent()+fmt.Sprintf(format, args...))
}

func (ex *explainer) detail(format string, args ...any) {
	pad := 2
	if ex.depth > 0 {
		pad = 6*ex.depth + 2
	}
	ex.lines = append(ex.lines, strings.Repeat(" ", pad)+fmt.Sprintf(format, args...))
}

func (ex *explainer) child(n node) {
	ex.depth++
	n.explain(ex)
	ex.depth--
}

// treeText is how a plan shows an expression of the binder's tree: as PostgreSQL's EXPLAIN
// deparses it (sql/ast's Explain style: every operator in parentheses, LIKE as ~~, BETWEEN as
// its comparisons, IN as = ANY). The parts the binder keeps in vitess's form (ast.Foreign, a
// SubLink's Query) are converted for printing as the printer reaches them.
func treeText(x ast.Expr) string {
	return ast.Printer{Style: ast.Explain, Resolve: printable}.Print(x)
}

// printable is the tree for printing of a binder tree's foreign node; what does not convert
// shows as vitess prints it.
func printable(e ast.Expr) ast.Expr {
	c := &converter{}
	switch e := e.(type) {
	case *ast.Foreign:
		if n, ok := e.Node.(sqlparser.Expr); ok {
			if x, err := c.expr(n); err == nil {
				return x
			}
			return &ast.SQLValue{Name: pgString(n), Precision: -1}
		}
	case *ast.SubLink:
		return e
	}
	return &ast.SQLValue{Name: "?", Precision: -1}
}

// scanText is how a scan shows its filter: as PostgreSQL shows a scan's conditions, its
// table's columns without their qualifier (an enclosing query's keep theirs, and so do a
// subquery's own). The binder's tree is left as it was: the qualifiers cut for printing are
// put back.
func scanText(x ast.Expr, alias string) string {
	type cut struct {
		ref   *ast.ColumnRef
		names []string
	}
	var cuts []cut
	visit := func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			return false // its columns are its own query's
		case *ast.ColumnRef:
			if k := len(n.Names); k >= 2 && !n.Star && n.Names[k-2] == alias {
				cuts = append(cuts, cut{n, n.Names})
				n.Names = n.Names[k-1:]
			}
		}
		return true
	}
	ast.Walk(x, visit)
	text := ast.Printer{Style: ast.Explain, Resolve: func(e ast.Expr) ast.Expr {
		r := printable(e)
		ast.Walk(r, visit)
		return r
	}}.Print(x)
	for _, c := range cuts {
		c.ref.Names = c.names
	}
	return text
}

// andText is conditions shown as one: PostgreSQL's AND list in parentheses.
func andText(conds []string) string {
	if len(conds) == 1 {
		return conds[0]
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}

// bindExplain plans EXPLAIN <query>: the plan of the query, as rows of text.
func (s *Session) bindExplain(stmt *Statement, st *sqlparser.ExplainStmt, ps *params) (*plan, error) {
	if st.Type != sqlparser.EmptyType && st.Type != sqlparser.TreeType && st.Type != sqlparser.TraditionalType {
		return nil, unsupported("EXPLAIN options")
	}
	var root node
	var err error
	switch q := st.Statement.(type) {
	case sqlparser.TableStatement:
		var t *ast.Select
		if t, err = explainQueryTree(stmt, q); err == nil {
			root, _, err = s.bindQuery(t, ps, nil)
		}
	default:
		return nil, unsupported("EXPLAIN of %s", strings.ToUpper(firstWord(pgString(q))))
	}
	if err != nil {
		return nil, err
	}
	ex := &explainer{}
	root.explain(ex)
	return &plan{
		cols: []Column{{Name: "QUERY PLAN", Type: types.Text}},
		run: func(_ context.Context, _ *tablespace.Txn, out Output) error {
			for _, l := range ex.lines {
				if err := out.Row([]types.Value{types.NewText(l)}); err != nil {
					return err
				}
			}
			return out.Complete("EXPLAIN")
		},
	}, nil
}

// explainQueryTree is the tree of EXPLAIN's query: sql/parser's reading of the statement's
// text (the dialect pass read the statement, EXPLAIN without options), the converter's of
// vitess's query where the parser does not hold it (0A000).
func explainQueryTree(st *Statement, q sqlparser.TableStatement) (*ast.Select, error) {
	if st.src != "" && st.srcEnd <= len(st.src) {
		text := st.src[st.srcAt:st.srcEnd]
		stmts, err := pgparser.Parse(text)
		var pe *pgparser.Error
		if err != nil && (!errors.As(err, &pe) || pe.Code != "0A000") {
			return nil, parserError(err, text)
		}
		if ex, ok := oneStmt(stmts).(*ast.ExplainStmt); ok && len(ex.Options) == 0 {
			if sel, ok := ex.Stmt.(*ast.Select); ok {
				return sel, nil
			}
		}
	}
	return queryTree(q)
}

// oneStmt is the one statement of stmts, nil when there is not exactly one.
func oneStmt(stmts []ast.Stmt) ast.Stmt {
	if len(stmts) != 1 {
		return nil
	}
	return stmts[0]
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

package sql

import (
	"context"
	"fmt"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

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

// exprText is how a plan shows an expression.
func exprText(e sqlparser.Expr) string {
	return pgString(e)
}

// bindExplain plans EXPLAIN <query>: the plan of the query, as rows of text.
func (s *Session) bindExplain(st *sqlparser.ExplainStmt, ps *params) (*plan, error) {
	if st.Type != sqlparser.EmptyType && st.Type != sqlparser.TreeType && st.Type != sqlparser.TraditionalType {
		return nil, unsupported("EXPLAIN options")
	}
	var root node
	var err error
	switch q := st.Statement.(type) {
	case sqlparser.TableStatement:
		root, _, err = s.bindQuery(q, ps, nil)
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

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

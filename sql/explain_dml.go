package sql

import (
	"context"
	"time"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// EXPLAIN of INSERT, UPDATE and DELETE: PostgreSQL's ModifyTable line (Insert on t). The
// statement is bound as it is on its own, from its text after EXPLAIN's options; ANALYZE runs
// it in the statement's transaction, so its writes stay unless that transaction rolls back,
// as in PostgreSQL. drove's writing statements run as one step, not a tree of plan nodes:
// the line shows as its input the node the statement reads its rows with (plan.explainIn:
// the UPDATE's or DELETE's scan, the INSERT's query, Result or Values Scan); that node is
// not counted under ANALYZE (the statement runs it itself), so it shows no actual counts.

// explainDML is the writing statement an EXPLAIN shows.
type explainDML struct {
	verb, table string
	p           *plan
	st          *Statement
	stats       nodeStats
	timing      bool
}

// dmlNode is the writing statement's line in the explainer's tree.
type dmlNode struct{ d *explainDML }

func (n *dmlNode) open(*execCtx) (rowIter, error) { return &sliceIter{}, nil }
func (n *dmlNode) explain(ex *explainer) {
	ex.line("%s on %s", n.d.verb, n.d.table)
	if ce := n.d.p.explainConflict; ce != nil {
		ce.explain(ex) // explain_tree.go
	}
	in := n.d.p.explainIn.node()
	if in == nil {
		return
	}
	was := ex.uncounted
	ex.uncounted = true
	ex.child(in)
	ex.uncounted = was
}

// bindExplained binds the writing statement d explains, d.st.
func (s *Session) bindExplained(d *explainDML, ps *params) error {
	var err error
	if d.p, err = s.bindStatement(d.st, ps); err != nil {
		return err
	}
	if d.p == nil {
		return unsupported("EXPLAIN of this statement")
	}
	return nil
}

// run executes the statement, counting the rows it returns (RETURNING's).
func (d *explainDML) run(ctx context.Context, s *Session, tx *tablespace.Txn) error {
	if s.set.readOnly {
		if err := d.st.CheckReadOnly(); err != nil && !s.writesOnlyTemp(d.st) {
			return err
		}
	}
	start := time.Now()
	out := &countOutput{}
	err := d.p.run(ctx, tx, out)
	d.stats = nodeStats{loops: 1, rows: out.rows, timing: d.timing}
	el := time.Since(start)
	d.stats.startup, d.stats.total = el, el
	return err
}

func (d *explainDML) explain(ex *explainer) {
	d.timing = ex.opts.timing
	d.stats.timing = d.timing
	ex.root(&dmlNode{d: d})
}

// countOutput counts the rows of a statement run for EXPLAIN ANALYZE and drops them.
type countOutput struct{ rows int64 }

func (c *countOutput) Columns([]Column) error  { return nil }
func (c *countOutput) Row([]types.Value) error { c.rows++; return nil }
func (c *countOutput) Complete(string) error   { return nil }

package ast

// walkDML walks INSERT, UPDATE and DELETE: WITH, the target, the source rows, the
// assignments, the conditions and RETURNING, in the order the text shows them.
func walkDML(n Node, visit func(Node) bool) {
	switch n := n.(type) {
	case *Insert:
		walkWith(n.With, visit)
		Walk(n.Table, visit)
		Walk(n.Query, visit)
		if c := n.OnConflict; c != nil {
			for _, e := range c.Columns {
				Walk(e.Expr, visit)
			}
			walkOpt(c.Where, visit)
			walkSet(c.Set, visit)
			walkOpt(c.UpdateWhere, visit)
		}
		walkTargets(n.Returning, visit)
	case *Update:
		walkWith(n.With, visit)
		Walk(n.Table, visit)
		walkSet(n.Set, visit)
		for _, f := range n.From {
			Walk(f, visit)
		}
		walkOpt(n.Where, visit)
		walkTargets(n.Returning, visit)
	case *Delete:
		walkWith(n.With, visit)
		Walk(n.Table, visit)
		for _, f := range n.Using {
			Walk(f, visit)
		}
		walkOpt(n.Where, visit)
		walkTargets(n.Returning, visit)
	}
}

func walkWith(w *With, visit func(Node) bool) {
	if w == nil {
		return
	}
	for _, c := range w.CTEs {
		if c.Stmt != nil {
			Walk(c.Stmt, visit)
		} else {
			Walk(c.Query, visit)
		}
	}
}

func walkOpt(e Expr, visit func(Node) bool) {
	if e != nil {
		Walk(e, visit)
	}
}

func walkSet(list []SetClause, visit func(Node) bool) {
	for _, c := range list {
		Walk(c.Value, visit)
	}
}

func walkTargets(list []Target, visit func(Node) bool) {
	for _, t := range list {
		Walk(t.Expr, visit)
	}
}

package ast

// Walk calls visit for n and, while visit returns true, for each node below it, depth
// first in the order the text shows them. A SubLink's query is walked too.
func Walk(n Node, visit func(Node) bool) {
	if s, ok := n.(*Select); n == nil || ok && s == nil || !visit(n) {
		return
	}
	w := func(children ...Node) {
		for _, c := range children {
			if c != nil {
				Walk(c, visit)
			}
		}
	}
	switch n := n.(type) {
	case *UnaryOp:
		w(n.Expr)
	case *BinaryOp:
		w(n.Left, n.Right)
	case *BoolOp:
		walkExprs(n.Args, visit)
	case *FuncCall:
		walkExprs(n.Args, visit)
		walkSort(n.OrderBy, visit)
		w(n.Filter)
		if n.Over != nil {
			walkWindow(n.Over, visit)
		}
	case *Extract:
		w(n.Expr)
	case *Case:
		w(n.Arg)
		for _, c := range n.Whens {
			w(c.Cond, c.Result)
		}
		w(n.Else)
	case *Cast:
		w(n.Expr)
	case *Collate:
		w(n.Expr)
	case *In:
		w(n.Expr)
		walkExprs(n.List, visit)
	case *SubLink:
		w(n.Left)
		Walk(n.Select, visit)
	case *AnyAll:
		w(n.Left, n.Array)
	case *NullTest:
		w(n.Expr)
	case *BoolTest:
		w(n.Expr)
	case *DistinctFrom:
		w(n.Left, n.Right)
	case *Between:
		w(n.Expr, n.Lo, n.Hi)
	case *Like:
		w(n.Expr, n.Pattern, n.Escape)
	case *Array:
		walkExprs(n.Elems, visit)
	case *Row:
		walkExprs(n.Fields, visit)
	case *Subscript:
		w(n.Expr, n.Index)
		if n.Upper != nil {
			w(n.Upper)
		}
	case *Field:
		w(n.Expr)
	case *AtTimeZone:
		w(n.Expr, n.Zone)
	case *NamedArg:
		w(n.Value)
	case *GroupingSet:
		walkExprs(n.Content, visit)
	case *GroupingFunc:
		walkExprs(n.Args, visit)
	case *Select:
		walkSelect(n, visit)
	case *SubqueryFrom, *FuncFrom, *Join:
		walkFrom(n, visit)
	case *Insert, *Update, *Delete:
		walkDML(n, visit)
	}
}

func walkExprs(list []Expr, visit func(Node) bool) {
	for _, e := range list {
		Walk(e, visit)
	}
}

func walkSort(keys []SortBy, visit func(Node) bool) {
	for _, k := range keys {
		Walk(k.Expr, visit)
	}
}

func walkWindow(win *Window, visit func(Node) bool) {
	walkExprs(win.PartitionBy, visit)
	walkSort(win.OrderBy, visit)
	if f := win.Frame; f != nil {
		for _, b := range []*FrameBound{f.Start, f.End} {
			if b != nil && b.Offset != nil {
				Walk(b.Offset, visit)
			}
		}
	}
}

func walkSelect(s *Select, visit func(Node) bool) {
	if s.With != nil {
		walkWith(s.With, visit)
	}
	walkExprs(s.DistinctOn, visit)
	for _, t := range s.Targets {
		Walk(t.Expr, visit)
	}
	for _, f := range s.From {
		Walk(f, visit)
	}
	if s.Where != nil {
		Walk(s.Where, visit)
	}
	walkExprs(s.GroupBy, visit)
	if s.Having != nil {
		Walk(s.Having, visit)
	}
	for i := range s.Windows {
		walkWindow(&s.Windows[i].Spec, visit)
	}
	for _, row := range s.Values {
		walkExprs(row, visit)
	}
	if s.Left != nil {
		Walk(s.Left, visit)
		Walk(s.Right, visit)
	}
	walkSort(s.OrderBy, visit)
	if s.Limit != nil {
		Walk(s.Limit, visit)
	}
	if s.Offset != nil {
		Walk(s.Offset, visit)
	}
}

// walkFrom visits a FROM item's parts.
func walkFrom(n Node, visit func(Node) bool) {
	switch n := n.(type) {
	case *SubqueryFrom:
		Walk(n.Select, visit)
	case *FuncFrom:
		for _, f := range n.Funcs {
			Walk(f.Call, visit)
		}
	case *Join:
		for _, x := range []Node{n.Left, n.Right} {
			Walk(x, visit)
		}
		if n.On != nil {
			Walk(n.On, visit)
		}
	}
}

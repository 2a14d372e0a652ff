package sql

import "strings"

// Unparenthesized operator chains for TestExprDifferential (expr_differential_test.go): every
// other form of the generator parenthesizes its operators, so the chains are what checks
// that drove groups a OP b OP c as PostgreSQL does (its precedence levels, left to right).
// A chain's type is its node's whatever the grouping: the operands of each operator are of
// types that give the same result type under any grouping, or fail under both systems alike.

// intChainOps are the integer operators a chain draws from, several precedence levels.
var intChainOps = []string{"+", "-", "*", "/", "%", "&", "|", "#", "<<", ">>"}

// genChain makes an unparenthesized chain of type t (int, bigint, text or boolean), or nil.
func (g *egen) genChain(t etype, d int) *enode {
	switch t {
	case tInt, tBig:
		return g.intChain(t, d)
	case tText:
		if g.r.IntN(2) == 0 { // text || a number chain: || is below + and *
			form, kids := g.chainOf(tInt, d)
			return g.node(t, "(%s || "+form+")", append([]*enode{g.gen(tText, d)}, kids...)...)
		}
		n := 2 + g.r.IntN(3)
		return g.node(t, "("+strings.Repeat(" || %s", n)[4:]+")", g.kids(tText, n, d)...)
	case tBool:
		return g.boolChain(d)
	}
	return nil
}

func (g *egen) kids(t etype, n, d int) []*enode {
	out := make([]*enode, n)
	for i := range out {
		out[i] = g.gen(t, d)
	}
	return out
}

// intChain is a chain of integer operators, parenthesized once around the whole.
func (g *egen) intChain(t etype, d int) *enode {
	form, kids := g.chainOf(t, d)
	return g.node(t, "("+form+")", kids...)
}

// chainOf is a chain's form and operands: operands of type t, a shift's count a small
// integer, sometimes a prefix - or ~.
func (g *egen) chainOf(t etype, d int) (string, []*enode) {
	var b strings.Builder
	kids := []*enode{g.gen(t, d)}
	b.WriteString(g.pick("", "", "", "- ", "~ ") + "%s")
	for range 1 + g.r.IntN(3) {
		op := intChainOps[g.r.IntN(len(intChainOps))]
		b.WriteString(" " + strings.ReplaceAll(op, "%", "%%") + " " + g.pick("", "", "", "- ", "~ ") + "%s")
		if op == "<<" || op == ">>" {
			kids = append(kids, g.smallInt())
		} else {
			kids = append(kids, g.gen(t, d))
		}
	}
	return b.String(), kids
}

// boolChain is a chain of AND, OR, NOT, comparisons of integer chains, LIKE with a ||
// pattern and IS tests, unparenthesized.
func (g *egen) boolChain(d int) *enode {
	var b strings.Builder
	var kids []*enode
	for i := range 2 + g.r.IntN(3) {
		if i > 0 {
			b.WriteString(g.pick(" AND ", " OR "))
		}
		if g.r.IntN(4) == 0 {
			b.WriteString("NOT ")
		}
		switch g.r.IntN(5) {
		case 0, 1:
			t := g.pickType(tInt, tBig)
			l, lk := g.chainOf(t, d)
			r, rk := g.chainOf(t, d)
			b.WriteString(l + " " + g.pick("=", "<>", "<", "<=", ">", ">=") + " " + r)
			kids = append(append(kids, lk...), rk...)
		case 2:
			b.WriteString("%s " + g.pick("LIKE", "NOT LIKE") + " %s || %s")
			kids = append(kids, g.gen(tText, d), g.gen(tText, d), g.leafOf(tText))
		case 3:
			b.WriteString("%s" + g.pick(" IS TRUE", " IS NOT FALSE", " IS NULL", " IS NOT NULL"))
			kids = append(kids, g.gen(tBool, d))
		default:
			b.WriteString("%s")
			kids = append(kids, g.gen(tBool, d))
		}
	}
	return g.node(tBool, "("+b.String()+")", kids...)
}

package sql

import "vitess.io/vitess/go/vt/sqlparser"

// BETWEEN [A]SYMMETRIC. vitess's BETWEEN has neither word: ASYMMETRIC (the default meaning)
// is dropped, and SYMMETRIC is dropped and marks the lower bound, written `lo |
// '\0symmetric'` before BETWEEN's AND. | is the loosest operator of vitess's bound (bit_expr)
// and associates left, so the marker is always the bound's outermost right operand, and the
// converter (betweenBounds) takes it off; the string starts with NUL, which no user text
// holds.

// symmetricOpen is a BETWEEN SYMMETRIC waiting for its AND.
type symmetricOpen struct {
	depth int // the parenthesis depth of the BETWEEN
	cases int // the CASEs (and brackets) open there: an AND inside one is not BETWEEN's
}

// betweenOptionNext: SYMMETRIC or ASYMMETRIC right after BETWEEN.
func betweenOptionNext(r *rewriter) bool { return r.lastWord == "between" }

func emitBetweenOption(r *rewriter, w string) error {
	if w == "symmetric" {
		r.symmetric = append(r.symmetric, symmetricOpen{depth: r.depth, cases: len(r.savedStarts)})
	}
	r.lastWord = w
	return nil
}

// symmetricAndNext: the AND of the last BETWEEN SYMMETRIC.
func (r *rewriter) symmetricAndNext() bool {
	n := len(r.symmetric)
	return n > 0 && r.symmetric[n-1].depth == r.depth && r.symmetric[n-1].cases == len(r.savedStarts)
}

func emitSymmetricAnd(r *rewriter, w string) error {
	r.symmetric = r.symmetric[:len(r.symmetric)-1]
	r.b.WriteString("| " + markerLiteral(symmetricMarker) + " ")
	r.plainWord(w)
	return nil
}

// betweenBounds returns e's lower bound without the SYMMETRIC marker, and whether it had it.
func betweenBounds(e *sqlparser.BetweenExpr) (lo sqlparser.Expr, symmetric bool) {
	if b, ok := e.From.(*sqlparser.BinaryExpr); ok && b.Operator == sqlparser.BitOrOp {
		if l, ok := b.Right.(*sqlparser.Literal); ok && l.Type == sqlparser.StrVal && l.Val == symmetricMarker {
			return b.Left, true
		}
	}
	return e.From, false
}

package sql

// INTERSECT and EXCEPT: vitess parses only UNION. The dialect pass writes each as UNION
// [ALL] and marks the operator on the query to its right: the first SELECT (or VALUES) after
// it gets the comment /*drove:intersect*/ or /*drove:except*/, which vitess keeps in that
// SELECT's Comments. That SELECT is the leftmost query of the operator's right operand, and
// for every UNION node of the tree there is exactly one such query, so the converter's
// setOpOf (astconv_select.go) reads each node's operator back. User text cannot spell the
// comment: the pass turns every comment of the text into a space.
//
// INTERSECT binds tighter than UNION and EXCEPT, where vitess's UNION chain is left-deep:
// an INTERSECT after a UNION or EXCEPT at the same depth wraps its left operand — from just
// after that UNION/EXCEPT — and what follows in parentheses, closed at the next UNION or
// EXCEPT, ORDER BY, LIMIT, OFFSET, FETCH or RETURNING of that depth, its closing parenthesis
// or the end of the statement.

import "github.com/drovedb/drove/sql/lexer"

// setOpLevel is the state of the set operations at one parenthesis depth.
type setOpLevel struct {
	operandAt int  // where in the output the operand after the last UNION/EXCEPT begins; 0: none
	open      bool // a parenthesis was inserted at operandAt and is not closed yet
}

// setOpMarkers are the comments that mark a UNION as another set operation.
const (
	intersectMarker = "/*drove:intersect*/"
	exceptMarker    = "/*drove:except*/"
)

// setOpGroupEnds are the words that end an INTERSECT group at their depth.
var setOpGroupEnds = map[string]bool{"order": true, "limit": true, "offset": true, "fetch": true, "returning": true}

// setOpLevelAt returns the state of depth d, growing the list. After an unmatched ")" the
// depth is negative: the statement is a syntax error vitess reports at its place, and the
// level is a scratch one.
func (r *rewriter) setOpLevelAt(d int) *setOpLevel {
	if d < 0 {
		return &setOpLevel{}
	}
	for len(r.setops) <= d {
		r.setops = append(r.setops, setOpLevel{})
	}
	return &r.setops[d]
}

// closeSetOpGroup writes the parenthesis that closes an INTERSECT group open at depth d.
func (r *rewriter) closeSetOpGroup(d int) {
	if d < 0 || d >= len(r.setops) {
		return
	}
	if l := &r.setops[d]; l.open {
		r.b.WriteString(") ")
		l.open = false
	}
}

// resetSetOpLevel forgets depth d's set operations (a parenthesis opened or closed there).
func (r *rewriter) resetSetOpLevel(d int) {
	if d >= 0 && d < len(r.setops) {
		r.setops[d] = setOpLevel{}
	}
}

// setOpWord is called for every word: one that ends an INTERSECT group closes it.
func (r *rewriter) setOpWord(w string) {
	if setOpGroupEnds[w] {
		r.closeSetOpGroup(r.depth)
		r.resetSetOpLevel(r.depth)
	}
}

// emitSetOp writes UNION, INTERSECT or EXCEPT with its ALL or DISTINCT as vitess's UNION.
func emitSetOp(r *rewriter, w string) error {
	l := r.setOpLevelAt(r.depth)
	if w == "intersect" {
		if l.operandAt > 0 && !l.open {
			if err := r.insertAt(l.operandAt, "("); err != nil {
				return err
			}
			l = r.setOpLevelAt(r.depth)
			l.open = true
		}
	} else {
		r.closeSetOpGroup(r.depth)
	}
	r.b.WriteString("union")
	r.keep(w)
	switch {
	case r.peek(0).Is("all"):
		r.b.WriteString(" all")
		r.skip(1)
	case r.peek(0).Is("distinct"):
		r.skip(1)
	}
	r.lastWord = ""
	switch w {
	case "intersect":
		r.setOpMarker = intersectMarker
	case "except":
		r.setOpMarker = exceptMarker
	}
	if w != "intersect" {
		l = r.setOpLevelAt(r.depth)
		l.operandAt = r.b.Len()
	}
	// The marker goes on the next SELECT or VALUES, which must be the right operand's first.
	k := 0
	for r.peek(k).IsPunct("(") {
		k++
	}
	if t := r.peek(k); r.setOpMarker != "" && t.Kind == lexer.Ident && !t.Is("select") && !t.Is("values") {
		return unsupported("%s followed by anything but SELECT or VALUES", w)
	}
	return nil
}

// setOpOperandNext reports whether a SELECT is the right operand of INTERSECT or EXCEPT.
func (r *rewriter) setOpOperandNext() bool { return r.setOpMarker != "" }

// emitSetOpOperand writes SELECT with the pending marker.
func emitSetOpOperand(r *rewriter, w string) error {
	r.startOperand()
	r.b.WriteString("select " + r.takeSetOpMarker())
	if r.emptySelectList() {
		r.b.WriteString(" " + noTargetsMarker + " 1")
	}
	r.keep(w)
	return nil
}

// takeSetOpMarker returns the pending marker, and clears it.
func (r *rewriter) takeSetOpMarker() string {
	m := r.setOpMarker
	r.setOpMarker = ""
	return m
}

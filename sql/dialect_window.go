package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// The window-frame rules. vitess's frame takes ROWS and RANGE only, an offset only as a
// literal (or MySQL's INTERVAL expr unit), and no EXCLUDE; PostgreSQL's takes GROUPS, any
// expression as an offset (2::int8, '1 year'::interval, (SELECT ...) + 1, a function's
// argument) and EXCLUDE CURRENT ROW | GROUP | TIES | NO OTHERS. In a window specification
// (the parenthesis after OVER, or after AS in WINDOW), the frame is written as vitess reads
// it, with what vitess cannot hold carried to the converter (astconv_funcs.go):
//   - each offset: expr PRECEDING → interval (expr) microsecond preceding; a MICROSECOND
//     unit is none PostgreSQL's grammar has there, so the converter reads it as the offset;
//   - GROUPS and EXCLUDE: the frame's mode is written ROWS and an ORDER BY key marker
//     '\0frame:groups:ties' is added after the specification's ORDER BY keys (or as its ORDER
//     BY), which the converter takes off; the EXCLUDE words are not written.

// frameMarker starts the ORDER BY term that carries a frame's GROUPS mode and EXCLUDE.
const frameMarker = markerStart + "frame:"

// frameOffsetUnit is the interval unit an offset expression is written with.
const frameOffsetUnit = "microsecond"

// frameRewrite is the frame being written: the depth of its window specification's
// parenthesis, whether its BETWEEN was read, and whether an offset's "interval (" is open.
type frameRewrite struct {
	depth         int
	between, open bool
}

// windowParen reports whether the innermost open parenthesis is a window specification's.
func (r *rewriter) windowParen() bool {
	return len(r.parens) > 0 && r.parens[len(r.parens)-1].window
}

// frameModeNext: ROWS, RANGE or GROUPS starting a frame clause, not a column or window name
// (PARTITION BY groups, OVER (range)).
func frameModeNext(r *rewriter) bool {
	if !r.windowParen() || r.frame != nil || r.prev.Is("by") || r.prev.IsPunct(",") || r.prev.Kind == lexer.Op {
		return false
	}
	next := r.peek(0)
	return !(next.IsPunct(")") || next.IsPunct(".") || next.Is("partition") || next.Is("order") || next.Kind == lexer.EOF)
}

// emitFrameMode writes the frame's mode (GROUPS as ROWS), after the marker of its GROUPS and
// EXCLUDE when it has either, and opens its first bound.
func emitFrameMode(r *rewriter, w string) error {
	exclude := ""
	depth := 0
	for k := 0; ; k++ {
		t := r.peek(k)
		if t.Kind == lexer.EOF || t.IsPunct(";") || depth == 0 && t.IsPunct(")") {
			break
		}
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is("exclude"):
			switch {
			case r.peek(k+1).Is("current") && r.peek(k+2).Is("row"):
				exclude = "current row"
			case r.peek(k + 1).Is("group"), r.peek(k + 1).Is("ties"):
				exclude = r.peek(k + 1).Value
			}
		}
	}
	if w == "groups" || exclude != "" {
		sep := "order by "
		if r.parens[len(r.parens)-1].windowOrder {
			sep = ", "
		}
		r.b.WriteString(sep + markerLiteral(frameMarker+w+":"+exclude) + " ")
	}
	if w == "groups" {
		w = "rows"
	}
	r.b.WriteString(w)
	r.keep(w)
	r.frame = &frameRewrite{depth: r.depth}
	if !r.followedBy("between") {
		r.openFrameOffset()
	}
	return nil
}

// openFrameOffset starts a bound: an offset's expression is written in "interval (".
func (r *rewriter) openFrameOffset() {
	if r.followedBy("current", "row") || r.followedBy("unbounded", "preceding") || r.followedBy("unbounded", "following") {
		return
	}
	r.b.WriteString(" interval (")
	r.frame.open = true
	r.lastWord = ""
}

// frameWordNext: the frame's BETWEEN, its AND, or the PRECEDING/FOLLOWING ending an offset.
func frameWordNext(w string) func(r *rewriter) bool {
	return func(r *rewriter) bool {
		f := r.frame
		if f == nil || r.depth != f.depth {
			return false
		}
		switch w {
		case "between":
			return !f.between && !f.open
		case "and":
			return f.between && !f.open
		case "exclude":
			return !f.open
		}
		return f.open // preceding, following
	}
}

// emitFrameWord writes BETWEEN and AND each followed by the next bound's opening, closes an
// offset before its PRECEDING or FOLLOWING, and drops EXCLUDE (carried by the marker).
func emitFrameWord(r *rewriter, w string) error {
	switch w {
	case "between", "and":
		r.b.WriteString(w)
		r.frame.between = true
		r.keep(w)
		r.openFrameOffset()
	case "preceding", "following":
		r.b.WriteString(") " + frameOffsetUnit + " " + w)
		r.frame.open = false
		r.keep(w)
	case "exclude":
		n := 1
		switch {
		case r.followedBy("current", "row"), r.followedBy("no", "others"):
			n = 2
		case r.followedBy("group"), r.followedBy("ties"):
		default:
			return r.syntaxErrorAt(r.peek(0))
		}
		r.skip(n)
		r.lastWord = ""
	}
	return nil
}

// frameMarkerKey reads a frame marker's mode and EXCLUDE (as ast.Frame spells them).
func frameMarkerKey(s string) (mode, exclude string, ok bool) {
	rest, ok := strings.CutPrefix(s, frameMarker)
	if !ok {
		return "", "", false
	}
	mode, exclude, _ = strings.Cut(rest, ":")
	return strings.ToUpper(mode), strings.ToUpper(exclude), true
}

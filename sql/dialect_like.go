package sql

import "github.com/drovedb/drove/sql/lexer"

// ILIKE ... ESCAPE: the ilike rule writes ILIKE as REGEXP, after which vitess takes no
// ESCAPE. An ESCAPE that follows the pattern of an ILIKE (same depth, no LIKE or ILIKE
// word since) turns that REGEXP back into LIKE and marks its escape character with
// ` COLLATE '\0ilike'`, which compileLike reads as "case-insensitive". The marker starts
// with NUL, so no user text spells it.

// ilikeMark is where an ILIKE was written.
type ilikeMark struct {
	at, depth int // its "regexp" in the output, and the parenthesis depth
	words     int // len(r.words) before it
}

// ilikeEscapeNext reports whether this ESCAPE is the last ILIKE's.
func (r *rewriter) ilikeEscapeNext() bool {
	m := r.ilike
	if m == nil || m.depth != r.depth || m.words >= len(r.words) || r.words[m.words] != "ilike" {
		return false
	}
	for _, w := range r.words[m.words+1:] {
		if w == "like" || w == "ilike" || w == "escape" {
			return false
		}
	}
	return true
}

func emitIlikeEscape(r *rewriter, w string) error {
	if k := r.peek(0).Kind; k != lexer.String && k != lexer.Param {
		return unsupported("ILIKE ... ESCAPE with anything but a constant or parameter")
	}
	out := r.b.String()
	r.b.Reset()
	r.b.WriteString(out[:r.ilike.at] + "like  " + out[r.ilike.at+len("regexp"):])
	r.ilike = nil
	r.b.WriteString("escape")
	r.keep(w)
	r.regexMarker = ilikeEscapeMarker
	return nil
}

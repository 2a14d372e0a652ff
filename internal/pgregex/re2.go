package pgregex

import (
	"fmt"
	"strings"
)

// RE2 is the pattern's language in Go regexp (RE2) syntax, for asking only whether a match
// exists: that depends on the language alone, not on which match PostgreSQL's rules pick,
// so RE2's answer is PostgreSQL's. ok is false when RE2 cannot express the language: a back
// reference, a lookaround constraint, \m or \M.
func (re *Regexp) RE2() (string, bool) {
	if re.backref || len(re.looks) > 0 {
		return "", false
	}
	var b strings.Builder
	if !renderRE2(&b, exprOf(re.tree)) {
		return "", false
	}
	return b.String(), true
}

func renderRE2(b *strings.Builder, e *expr) bool {
	switch e.k {
	case eEmpty:
		b.WriteString("(?:)")
	case eSet:
		renderSet(b, e.set)
	case eAssert:
		switch e.assert {
		case aBOS:
			b.WriteString(`\A`)
		case aEOS:
			b.WriteString(`\z`)
		case aBOL:
			b.WriteString(`(?m:^)`)
		case aEOL:
			b.WriteString(`(?m:$)`)
		case aWordB:
			b.WriteString(`\b`)
		case aNotWordB:
			b.WriteString(`\B`)
		default:
			return false
		}
	case eLook:
		return false
	case eCat, eAlt:
		b.WriteString("(?:")
		for k, s := range e.subs {
			if k > 0 && e.k == eAlt {
				b.WriteByte('|')
			}
			if !renderRE2(b, s) {
				return false
			}
		}
		b.WriteByte(')')
	case eRep:
		b.WriteString("(?:")
		if !renderRE2(b, e.subs[0]) {
			return false
		}
		b.WriteByte(')')
		switch {
		case e.max == inf:
			fmt.Fprintf(b, "{%d,}", e.min)
		default:
			fmt.Fprintf(b, "{%d,%d}", e.min, e.max)
		}
	}
	return true
}

func renderSet(b *strings.Builder, s *charSet) {
	if len(s.ranges) == 0 {
		if s.neg {
			b.WriteString(`[\x00-\x{10FFFF}]`)
		} else {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
		}
		return
	}
	b.WriteByte('[')
	if s.neg {
		b.WriteByte('^')
	}
	for k := 0; k < len(s.ranges); k += 2 {
		fmt.Fprintf(b, `\x{%x}-\x{%x}`, s.ranges[k], s.ranges[k+1])
	}
	b.WriteByte(']')
}

package sql

import (
	"strings"
	"unicode/utf8"
)

// likeEscape rewrites a LIKE pattern written with ESCAPE esc into the backslash form like
// reads, as PostgreSQL's like_escape does: an empty esc means no escape character (every
// backslash is doubled, so it matches itself); esc must otherwise be one character (22025).
func likeEscape(p, esc string) (string, error) {
	if esc == "" {
		return strings.ReplaceAll(p, `\`, `\\`), nil
	}
	e, n := utf8.DecodeRuneInString(esc)
	if n != len(esc) {
		return "", &Error{Code: "22025", Message: "invalid escape string", Hint: "Escape string must be empty or one character."}
	}
	if e == '\\' {
		return p, nil
	}
	var b strings.Builder
	afterEscape := false
	for _, c := range p {
		switch {
		case c == e && !afterEscape:
			b.WriteByte('\\')
			afterEscape = true
			continue
		case c == '\\':
			b.WriteByte('\\')
			if !afterEscape {
				b.WriteByte('\\')
			}
		default:
			b.WriteRune(c)
		}
		afterEscape = false
	}
	return b.String(), nil
}

// likeInputs lists a LIKE's operands for folding: the ESCAPE too when there is one.
func likeInputs(a, b, esc *expr) []*expr {
	if esc == nil {
		return []*expr{a, b}
	}
	return []*expr{a, b, esc}
}

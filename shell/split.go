package shell

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// Splitter accumulates input and cuts it into statements at semicolons that are not inside
// a string, a quoted identifier or a comment.
type Splitter struct {
	buf strings.Builder
}

// Add appends text and returns the statements it completed (without their semicolons,
// trimmed, empty ones dropped).
func (s *Splitter) Add(text string) []string {
	s.buf.WriteString(text)
	all := s.buf.String()
	var out []string
	start := 0
	for i := 0; i < len(all); {
		switch c := all[i]; {
		case c == '\'' || c == '"':
			i = skipQuoted(all, i, c, c == '\'' && i > 0 && (all[i-1] == 'e' || all[i-1] == 'E') && !identBefore(all, i-1))
		case c == '-' && i+1 < len(all) && all[i+1] == '-':
			for i < len(all) && all[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(all) && all[i+1] == '*':
			i = skipComment(all, i)
		case c == ';':
			if st := strings.TrimSpace(all[start:i]); st != "" {
				out = append(out, st)
			}
			i++
			start = i
		default:
			i++
		}
	}
	rest := all[start:]
	s.buf.Reset()
	if strings.TrimSpace(rest) != "" {
		s.buf.WriteString(rest)
	}
	return out
}

// Pending is the unfinished statement, "" when there is none.
func (s *Splitter) Pending() string { return strings.TrimSpace(s.buf.String()) }

// Reset drops the unfinished statement.
func (s *Splitter) Reset() { s.buf.Reset() }

// Split cuts a whole script into statements; a last statement without a semicolon counts.
func Split(script string) []string {
	var s Splitter
	out := s.Add(script)
	if p := s.Pending(); p != "" {
		out = append(out, p)
	}
	return out
}

// skipQuoted returns the index after the quoted text starting at i. A doubled quote is an
// escaped quote; in E” strings so is a backslash-escaped one. An unterminated quote runs to
// the end (the statement is then still pending).
func skipQuoted(s string, i int, q byte, backslashes bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslashes && s[j] == '\\':
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s) + 1
}

// skipComment returns the index after the (nestable) block comment starting at i, or
// len(s)+1 while it does not end.
func skipComment(s string, i int) int {
	if e := lexer.CommentEnd(s, i); e >= 0 {
		return e
	}
	return len(s) + 1
}

func identBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

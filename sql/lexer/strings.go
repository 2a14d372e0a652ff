package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// quoted lexes a '...' constant whose opening quote is at q (after any prefix at start):
// with escapes, E” backslash escapes; for kind String, ” is a quote. Strings separated by
// whitespace holding a newline continue one another.
func (l *Lexer) quoted(start, q int, kind Kind, escapes bool) (Token, error) {
	s := l.src
	if j := strings.IndexByte(s[q+1:], '\''); j >= 0 {
		// Most constants hold no escape, doubled quote or continuation: their value is a slice.
		end := q + 1 + j + 1
		body := s[q+1 : end-1]
		if (end >= len(s) || s[end] != '\'') && !(escapes && strings.IndexByte(body, '\\') >= 0) {
			if _, cont := continuation(s, end); !cont {
				return Token{Kind: kind, Pos: start, End: end, Value: body}, nil
			}
		}
	}
	var b strings.Builder
	nonASCII := false
	i := q + 1
	for {
		end, err := segment(s, i, kind == String, escapes, &b, &nonASCII)
		if err != nil {
			return Token{}, err
		}
		if end < 0 {
			return Token{}, syntaxError("unterminated quoted string", start, s[start:])
		}
		i = end
		j, ok := continuation(s, i)
		if !ok {
			break
		}
		i = j + 1
	}
	v := b.String()
	if nonASCII {
		if err := checkEncoding(v, start); err != nil {
			return Token{}, err
		}
	}
	return Token{Kind: kind, Pos: start, End: i, Value: v}, nil
}

// segment decodes the body of one quoted segment from i into b and returns the offset past
// its closing quote, or -1 if the text ends first.
func segment(s string, i int, doubled, escapes bool, b *strings.Builder, nonASCII *bool) (int, error) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\'' && doubled && i+1 < len(s) && s[i+1] == '\'':
			b.WriteByte('\'')
			i += 2
		case c == '\'':
			return i + 1, nil
		case escapes && c == '\\' && i+1 < len(s):
			n, err := escape(s, i, b, nonASCII)
			if err != nil {
				return 0, err
			}
			i = n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return -1, nil
}

// continuation reports whether a quote continues the string that ended at i: whitespace
// with a newline (and -- comments) between them. It returns the continuing quote's offset.
func continuation(s string, i int) (int, bool) {
	newline := false
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n' || c == '\r':
			newline = true
			i++
		case isSpace(c):
			i++
		case strings.HasPrefix(s[i:], "--"):
			i = lineEnd(s, i)
		case c == '\'' && newline:
			return i, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// escape decodes the E” escape at s[i] == '\\' into b and returns the offset after it.
func escape(s string, i int, b *strings.Builder, nonASCII *bool) (int, error) {
	c := s[i+1]
	switch {
	case c == 'u' || c == 'U':
		return unicodeEscape(s, i, b)
	case c >= '0' && c <= '7':
		v, j := 0, i+1
		for ; j < len(s) && j < i+4 && s[j] >= '0' && s[j] <= '7'; j++ {
			v = v*8 + int(s[j]-'0')
		}
		writeRawByte(b, byte(v), nonASCII)
		return j, nil
	case c == 'x' && i+2 < len(s) && hexVal(s[i+2]) >= 0:
		v, j := 0, i+2
		for ; j < len(s) && j < i+4 && hexVal(s[j]) >= 0; j++ {
			v = v*16 + hexVal(s[j])
		}
		writeRawByte(b, byte(v), nonASCII)
		return j, nil
	}
	switch c {
	case 'b':
		c = '\b'
	case 'f':
		c = '\f'
	case 'n':
		c = '\n'
	case 'r':
		c = '\r'
	case 't':
		c = '\t'
	}
	b.WriteByte(c)
	return i + 2, nil
}

func writeRawByte(b *strings.Builder, c byte, nonASCII *bool) {
	if c == 0 || c >= 0x80 {
		*nonASCII = true
	}
	b.WriteByte(c)
}

// unicodeEscape decodes \uXXXX or \UXXXXXXXX at s[i], with a following low surrogate when
// it is a high one.
func unicodeEscape(s string, i int, b *strings.Builder) (int, error) {
	r, n, ok := hexRun(s, i)
	if !ok {
		return 0, &Error{Code: "22025", Message: "invalid Unicode escape", Pos: i,
			Hint: `Unicode escapes must be \uXXXX or \UXXXXXXXX.`}
	}
	j := i + n
	switch {
	case r >= 0xD800 && r <= 0xDBFF:
		lo, m, ok := hexRun(s, j)
		if j >= len(s) {
			return 0, &Error{Code: "42601", Message: "invalid Unicode surrogate pair", AtEnd: true, Pos: j}
		}
		if s[j] != '\\' || !ok || lo < 0xDC00 || lo > 0xDFFF {
			near := s[j : j+1]
			if s[j] == '\\' && ok {
				near = s[j : j+m]
			}
			return 0, syntaxError("invalid Unicode surrogate pair", j, near)
		}
		r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
		j += m
	case r >= 0xDC00 && r <= 0xDFFF:
		return 0, syntaxError("invalid Unicode surrogate pair", i, s[i:j])
	case r == 0 || r > 0x10FFFF:
		return 0, syntaxError("invalid Unicode escape value", i, s[i:j])
	}
	b.WriteRune(rune(r))
	return j, nil
}

// hexRun reads \u and 4 hex digits or \U and 8 at s[i].
func hexRun(s string, i int) (int, int, bool) {
	if i+1 >= len(s) || s[i] != '\\' {
		return 0, 0, false
	}
	n := 4
	switch s[i+1] {
	case 'u':
	case 'U':
		n = 8
	default:
		return 0, 0, false
	}
	if i+2+n > len(s) {
		return 0, 0, false
	}
	v := 0
	for _, c := range []byte(s[i+2 : i+2+n]) {
		h := hexVal(c)
		if h < 0 {
			return 0, 0, false
		}
		v = v*16 + h
	}
	return v, 2 + n, true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// checkEncoding refuses a decoded string that is not UTF-8 or holds a NUL, as PostgreSQL's
// encoding check does.
func checkEncoding(v string, pos int) error {
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRuneInString(v[i:])
		if r == 0 || r == utf8.RuneError && n <= 1 {
			return &Error{Code: "22021", Pos: pos,
				Message: fmt.Sprintf("invalid byte sequence for encoding \"UTF8\": 0x%02x", v[i])}
		}
		i += n
	}
	return nil
}

// quotedIdent lexes "..." whose opening quote is at q.
func (l *Lexer) quotedIdent(start, q int) (Token, error) {
	s := l.src
	var b strings.Builder
	i := q + 1
	for ; ; i++ {
		if i >= len(s) {
			return Token{}, syntaxError("unterminated quoted identifier", start, s[start:])
		}
		if s[i] == '"' {
			if i+1 < len(s) && s[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		b.WriteByte(s[i])
	}
	i++
	if b.Len() == 0 {
		return Token{}, syntaxError("zero-length delimited identifier", start, s[start:i])
	}
	return Token{Kind: QuotedIdent, Pos: start, End: i, Value: TruncateName(b.String())}, nil
}

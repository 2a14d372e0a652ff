package jsonpath

import (
	"strings"
	"unicode/utf8"
)

// The scanner follows PostgreSQL 15's jsonpath_scan.l: unquoted words run until a blank, a
// special character or a double quote; keywords are case-insensitive except null, true and
// false; a number followed by a word character is "trailing junk". Each token keeps the text
// PostgreSQL's error messages quote (flex's yytext), which for an unquoted word ended by a
// special character is empty, so those errors say "at end of jsonpath input" as PostgreSQL's do.

type tokKind uint8

const (
	tEOF tokKind = iota
	tChar
	tAnd
	tOr
	tNot
	tAnyPath // **
	tLess
	tLessEq
	tEqual
	tNotEqual
	tGreaterEq
	tGreater
	tString
	tVariable
	tNumeric
	tInt
	tIdent
	tKeyword
)

type token struct {
	kind tokKind
	ch   byte   // tChar
	val  string // string value, variable name, number text, word, keyword (lower case)
	text string // what an error at this token quotes; "" means "at end of jsonpath input"
}

var keywords = map[string]bool{
	"is": true, "to": true, "abs": true, "lax": true, "flag": true, "last": true, "size": true,
	"type": true, "with": true, "floor": true, "double": true, "exists": true, "starts": true,
	"strict": true, "ceiling": true, "unknown": true, "datetime": true, "keyvalue": true,
	"like_regex": true,
}

var twoCharOps = map[string]tokKind{"&&": tAnd, "||": tOr, "**": tAnyPath, "<=": tLessEq, "==": tEqual,
	"<>": tNotEqual, "!=": tNotEqual, ">=": tGreaterEq}

func isSpecial(c byte) bool { return strings.IndexByte("?%$.[]{}()|&!=<>@#,*:-+/", c) >= 0 }
func isBlank(c byte) bool   { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// isAny is flex's {any}: a byte that can be part of an unquoted word.
func isAny(c byte) bool { return !isSpecial(c) && !isBlank(c) && c != '\\' && c != '"' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

type lexer struct {
	s string
	i int
}

func syntaxAt(msg, text string) *Error {
	if text == "" {
		return &Error{Code: "42601", Msg: msg + " at end of jsonpath input"}
	}
	return &Error{Code: "42601", Msg: msg + ` at or near "` + text + `" of jsonpath input`}
}

func (l *lexer) next() (token, error) {
	for {
		for l.i < len(l.s) && isBlank(l.s[l.i]) {
			l.i++
		}
		if strings.HasPrefix(l.s[l.i:], "/*") {
			if err := l.comment(); err != nil {
				return token{}, err
			}
			continue
		}
		break
	}
	if l.i >= len(l.s) {
		return token{kind: tEOF}, nil
	}
	s, i := l.s, l.i
	c := s[i]
	if i+1 < len(s) {
		two := s[i : i+2]
		if k, ok := twoCharOps[two]; ok {
			l.i += 2
			return token{kind: k, text: two}, nil
		}
	}
	switch {
	case c == '!':
		l.i++
		return token{kind: tNot, text: "!"}, nil
	case c == '<':
		l.i++
		return token{kind: tLess, text: "<"}, nil
	case c == '>':
		l.i++
		return token{kind: tGreater, text: ">"}, nil
	case c == '$' && i+1 < len(s) && s[i+1] == '"':
		l.i += 2
		v, err := l.quoted()
		return token{kind: tVariable, val: v, text: `"`}, err
	case c == '$' && i+1 < len(s) && isAny(s[i+1]):
		j := i + 1
		for j < len(s) && isAny(s[j]) {
			j++
		}
		l.i = j
		return token{kind: tVariable, val: s[i+1 : j], text: s[i:j]}, nil
	case c == '.' && i+1 < len(s) && isDigit(s[i+1]), isDigit(c):
		return l.number()
	case isSpecial(c):
		l.i++
		return token{kind: tChar, ch: c, text: string(c)}, nil
	case c == '"':
		l.i++
		v, err := l.quoted()
		return token{kind: tString, val: v, text: `"`}, err
	}
	return l.word()
}

func (l *lexer) comment() error {
	end := strings.Index(l.s[l.i+2:], "*/")
	if end < 0 {
		return syntaxAt("unexpected end of comment", "")
	}
	l.i += 2 + end + 2
	return nil
}

// number scans decinteger, decimal and real, and the junk and failure forms around them.
func (l *lexer) number() (token, error) {
	s, i := l.s, l.i
	j := i
	isInt := true
	if s[j] == '0' {
		j++
	} else if isDigit(s[j]) {
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j < len(s) && s[j] == '.' && (j > i || j+1 < len(s) && isDigit(s[j+1])) {
		isInt = false
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
			if k >= len(s) || !isDigit(s[k]) {
				return token{}, syntaxAt("invalid numeric literal", s[i:k])
			}
		}
		if k < len(s) && isDigit(s[k]) {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			isInt = false
			j = k
		}
	}
	junk := j < len(s) && isAny(s[j])
	// flex takes the longest match: a run of word bytes longer than the number (and its
	// junk byte) is an unquoted word, as 0x42 is in PostgreSQL 15.
	w := i
	for w < len(s) && isAny(s[w]) {
		w++
	}
	end := j
	if junk {
		end++
	}
	if w > end {
		return l.word()
	}
	if junk {
		_, n := utf8.DecodeRuneInString(s[j:])
		return token{}, syntaxAt("trailing junk after numeric literal", s[i:j+n])
	}
	l.i = j
	kind := tNumeric
	if isInt {
		kind = tInt
	}
	return token{kind: kind, val: s[i:j], text: s[i:j]}, nil
}

// word scans an unquoted word: an identifier or a keyword.
func (l *lexer) word() (token, error) {
	var b strings.Builder
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case c == '\\':
			if err := l.escape(&b); err != nil {
				return token{}, err
			}
			continue
		case isAny(c):
			b.WriteByte(c)
			l.i++
			continue
		}
		break
	}
	text := ""
	if l.i < len(l.s) && isBlank(l.s[l.i]) {
		j := l.i
		for j < len(l.s) && isBlank(l.s[j]) {
			j++
		}
		text = l.s[l.i:j]
		l.i = j
	} else if strings.HasPrefix(l.s[l.i:], "/*") {
		// flex's scanner starts the comment and never returns the word: it is lost.
		if err := l.comment(); err != nil {
			return token{}, err
		}
		return l.next()
	}
	w := b.String()
	lw := strings.ToLower(w)
	if keywords[lw] || w == "null" || w == "true" || w == "false" {
		return token{kind: tKeyword, val: lw, text: text}, nil
	}
	return token{kind: tIdent, val: w, text: text}, nil
}

// quoted scans the rest of a double-quoted string (the opening quote consumed).
func (l *lexer) quoted() (string, error) {
	var b strings.Builder
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch c {
		case '"':
			l.i++
			return b.String(), nil
		case '\\':
			if err := l.escape(&b); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	return "", syntaxAt("unexpected end of quoted string", "")
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

// escape decodes one backslash sequence (or a run of \u escapes, so surrogate pairs join).
func (l *lexer) escape(b *strings.Builder) error {
	s, i := l.s, l.i
	if i+1 >= len(s) {
		return syntaxAt("unexpected end after backslash", `\`)
	}
	switch c := s[i+1]; c {
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'v':
		b.WriteByte('\v')
	case 'x':
		if i+3 < len(s) && hexVal(s[i+2]) >= 0 && hexVal(s[i+3]) >= 0 {
			ch := hexVal(s[i+2])<<4 | hexVal(s[i+3])
			if ch == 0 {
				return nullEscape()
			}
			b.WriteRune(rune(ch))
			l.i += 4
			return nil
		}
		j := i + 2
		if j < len(s) && hexVal(s[j]) >= 0 {
			j++
		}
		return syntaxAt("invalid hex character sequence", s[i:j])
	case 'u':
		return l.unicode(b)
	default:
		_, n := utf8.DecodeRuneInString(s[i+1:])
		b.WriteString(s[i+1 : i+1+n])
		l.i += 1 + n
		return nil
	}
	l.i += 2
	return nil
}

func nullEscape() *Error {
	return &Error{Code: "22P05", Msg: "unsupported Unicode escape sequence", Detail: `\u0000 cannot be converted to text.`}
}

func surrogateError(detail string) *Error {
	return &Error{Code: "22P02", Msg: "invalid input syntax for type jsonpath", Detail: detail}
}

// unicode decodes a run of \uXXXX and \u{X...} escapes, as parseUnicode does.
func (l *lexer) unicode(b *strings.Builder) error {
	s := l.s
	start := l.i
	hi := -1
	for l.i+1 < len(s) && s[l.i] == '\\' && s[l.i+1] == 'u' {
		j := l.i + 2
		ch := 0
		if j < len(s) && s[j] == '{' {
			k := j + 1
			for k < len(s) && k-j-1 < 6 && hexVal(s[k]) >= 0 {
				ch = ch<<4 | hexVal(s[k])
				k++
			}
			if k == j+1 || k >= len(s) || s[k] != '}' {
				return syntaxAt("invalid unicode sequence", s[start:k])
			}
			l.i = k + 1
		} else {
			k := j
			for k < len(s) && k-j < 4 && hexVal(s[k]) >= 0 {
				ch = ch<<4 | hexVal(s[k])
				k++
			}
			if k-j < 4 {
				return syntaxAt("invalid unicode sequence", s[start:k])
			}
			l.i = k
		}
		switch {
		case ch >= 0xd800 && ch <= 0xdbff:
			if hi != -1 {
				return surrogateError("Unicode high surrogate must not follow a high surrogate.")
			}
			hi = (ch & 0x3ff) << 10
			continue
		case ch >= 0xdc00 && ch <= 0xdfff:
			if hi == -1 {
				return surrogateError("Unicode low surrogate must follow a high surrogate.")
			}
			ch = 0x10000 + hi + ch&0x3ff
			hi = -1
		case hi != -1:
			return surrogateError("Unicode low surrogate must follow a high surrogate.")
		}
		if ch == 0 {
			return nullEscape()
		}
		if ch > utf8.MaxRune {
			return surrogateError("Unicode escape value could not be translated to the server's encoding UTF8.")
		}
		b.WriteRune(rune(ch))
	}
	if hi != -1 {
		return surrogateError("Unicode low surrogate must follow a high surrogate.")
	}
	return nil
}

package lexer

import "strings"

// NameMax is the longest identifier in bytes, NAMEDATALEN-1; longer ones are truncated.
const NameMax = 63

// Lexer reads the tokens of one text in order.
type Lexer struct {
	src string
	pos int
}

// New returns a Lexer over src.
func New(src string) *Lexer { return &Lexer{src: src} }

// Lex returns all the tokens of src, without the final EOF.
func Lex(src string) ([]Token, error) {
	l := New(src)
	// A guess that usually avoids regrowing; tokens average more than 3 bytes of text (an
	// INSERT ... VALUES list of numbers, under 4).
	toks := make([]Token, 0, min(len(src)/3+1, 256))
	for {
		t, err := l.Next()
		if err != nil {
			return nil, err
		}
		if t.Kind == EOF {
			return toks, nil
		}
		toks = append(toks, t)
	}
}

// At lexes the one token that starts at src[pos], for a scanner that walks the text itself
// (the dialect pass). Whitespace or a comment at pos is skipped, as Next skips it.
func At(src string, pos int) (Token, error) {
	l := &Lexer{src: src, pos: pos}
	return l.Next()
}

// Offset is where the next token's search begins.
func (l *Lexer) Offset() int { return l.pos }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentCont(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isOpChar(c byte) bool { return strings.IndexByte("~!@#^&|`?+-*/%<>=", c) >= 0 }

// skipSpace skips whitespace and comments; an unterminated /* comment is an error.
func (l *Lexer) skipSpace() error {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case strings.HasPrefix(l.src[l.pos:], "--"):
			l.pos = lineEnd(l.src, l.pos)
		case strings.HasPrefix(l.src[l.pos:], "/*"):
			end := CommentEnd(l.src, l.pos)
			if end < 0 {
				return syntaxError("unterminated /* comment", l.pos, l.src[l.pos:])
			}
			l.pos = end
		default:
			return nil
		}
	}
	return nil
}

// lineEnd returns the offset of the newline ending the -- comment at i, or len(s).
func lineEnd(s string, i int) int {
	if j := strings.IndexAny(s[i:], "\n\r"); j >= 0 {
		return i + j
	}
	return len(s)
}

// CommentEnd returns the offset just past the (nested) /* comment at i, or -1 if it does not
// end.
func CommentEnd(s string, i int) int {
	depth := 0
	for i < len(s)-1 {
		switch {
		case s[i] == '/' && s[i+1] == '*':
			depth++
			i += 2
		case s[i] == '*' && s[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return -1
}

// Next returns the next token, or one of kind EOF at the end of the text.
func (l *Lexer) Next() (Token, error) {
	if err := l.skipSpace(); err != nil {
		return Token{}, err
	}
	start := l.pos
	if start >= len(l.src) {
		return Token{Kind: EOF, Pos: start, End: start}, nil
	}
	c := l.src[start]
	var t Token
	var err error
	switch {
	case c == '\'':
		t, err = l.quoted(start, start, String, false)
	case c == '"':
		t, err = l.quotedIdent(start, start)
	case c == '$':
		t, err = l.dollar(start)
	case isDigit(c) || c == '.' && start+1 < len(l.src) && isDigit(l.src[start+1]):
		t, err = l.number(start)
	case isIdentStart(c):
		t, err = l.word(start)
	case c == ':' || c == '.':
		t = l.colonDot(start)
	case strings.IndexByte(",()[];", c) >= 0:
		t = Token{Kind: Punct, Pos: start, End: start + 1, Value: l.src[start : start+1]}
	case isOpChar(c):
		t, err = l.operator(start)
	default:
		t = Token{Kind: Other, Pos: start, End: start + 1, Value: l.src[start : start+1]}
	}
	if err != nil {
		return Token{}, err
	}
	l.pos = t.End
	return t, nil
}

func (l *Lexer) colonDot(start int) Token {
	two := l.src[start:min(start+2, len(l.src))]
	if two == "::" || two == ":=" || two == ".." {
		return Token{Kind: Punct, Pos: start, End: start + 2, Value: two}
	}
	return Token{Kind: Punct, Pos: start, End: start + 1, Value: l.src[start : start+1]}
}

// word lexes an identifier or keyword, or the prefixed strings E”, B”, X”, N”, U&”
// and U&"".
func (l *Lexer) word(start int) (Token, error) {
	s := l.src
	if start+1 < len(s) && s[start+1] == '\'' {
		switch s[start] | 0x20 {
		case 'e':
			return l.quoted(start, start+1, String, true)
		case 'b':
			return l.quoted(start, start+1, BitString, false)
		case 'x':
			return l.quoted(start, start+1, HexString, false)
		case 'n':
			return l.quoted(start, start+1, String, false)
		}
	}
	if s[start]|0x20 == 'u' && start+2 < len(s) && s[start+1] == '&' && (s[start+2] == '\'' || s[start+2] == '"') {
		return l.unicode(start)
	}
	end := start + 1
	for end < len(s) && isIdentCont(s[end]) {
		end++
	}
	return Token{Kind: Ident, Pos: start, End: end, Value: FoldIdent(s[start:end])}, nil
}

// FoldIdent lower-cases ASCII letters (PostgreSQL leaves other letters alone in UTF-8) and
// truncates to NameMax bytes.
func FoldIdent(w string) string {
	w = TruncateName(w)
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			if kw, ok := lowerKeyword(w); ok {
				return kw
			}
			b := []byte(w) // byte by byte: the text need not be valid UTF-8
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// TruncateName cuts a name to NameMax bytes without splitting a UTF-8 character.
func TruncateName(w string) string {
	if len(w) <= NameMax {
		return w
	}
	n := NameMax
	for n > 0 && w[n]&0xC0 == 0x80 {
		n--
	}
	return w[:n]
}

// number lexes an integer or numeric constant, refusing trailing identifier characters.
func (l *Lexer) number(start int) (Token, error) {
	s := l.src
	i := start
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	kind := Integer
	if i < len(s) && s[i] == '.' && !(i+1 < len(s) && s[i+1] == '.') {
		kind = Numeric
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		switch {
		case j < len(s) && isDigit(s[j]):
			kind = Numeric
			for i = j; i < len(s) && isDigit(s[i]); i++ {
			}
		case j > i+1: // 1e+ : PostgreSQL's realfail
			return Token{}, syntaxError("trailing junk after numeric literal", start, s[start:j])
		}
	}
	if i < len(s) && isIdentStart(s[i]) {
		return Token{}, syntaxError("trailing junk after numeric literal", start, s[start:identEnd(s, i)])
	}
	return Token{Kind: kind, Pos: start, End: i, Value: s[start:i]}, nil
}

func identEnd(s string, i int) int {
	for i < len(s) && isIdentCont(s[i]) {
		i++
	}
	return i
}

// dollar lexes $n or a dollar-quoted string; a lone $ is an Other token.
func (l *Lexer) dollar(start int) (Token, error) {
	s := l.src
	i := start + 1
	if i < len(s) && isDigit(s[i]) {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i < len(s) && isIdentStart(s[i]) {
			return Token{}, syntaxError("trailing junk after parameter", start, s[start:identEnd(s, i)])
		}
		return Token{Kind: Param, Pos: start, End: i, Value: s[start+1 : i]}, nil
	}
	if i < len(s) && isIdentStart(s[i]) {
		for i < len(s) && (isIdentStart(s[i]) || isDigit(s[i])) {
			i++
		}
	}
	if i >= len(s) || s[i] != '$' {
		return Token{Kind: Other, Pos: start, End: start + 1, Value: "$"}, nil
	}
	delim := s[start : i+1]
	j := strings.Index(s[i+1:], delim)
	if j < 0 {
		return Token{}, syntaxError("unterminated dollar-quoted string", start, s[start:])
	}
	body := i + 1
	return Token{Kind: String, Pos: start, End: body + j + len(delim), Value: s[body : body+j]}, nil
}

// operator lexes a run of operator characters by PostgreSQL's rules.
func (l *Lexer) operator(start int) (Token, error) {
	s := l.src
	end := start
	for end < len(s) && isOpChar(s[end]) {
		end++
	}
	op := s[start:end]
	if k := strings.Index(op, "--"); k > 0 {
		op = op[:k]
	}
	if k := strings.Index(op, "/*"); k > 0 {
		op = op[:k]
	}
	if len(op) > 1 && (op[len(op)-1] == '+' || op[len(op)-1] == '-') && !strings.ContainsAny(op, "~!@#^&|`?%") {
		for len(op) > 1 && (op[len(op)-1] == '+' || op[len(op)-1] == '-') {
			op = op[:len(op)-1]
		}
	}
	if len(op) >= NameMax+1 {
		return Token{}, syntaxError("operator too long", start, op)
	}
	return Token{Kind: Op, Pos: start, End: start + len(op), Value: op}, nil
}

package lexer

import "strings"

// unicode lexes U&'...' or U&"..." at start, with an optional UESCAPE 'c' after it.
func (l *Lexer) unicode(start int) (Token, error) {
	var t Token
	var err error
	if l.src[start+2] == '\'' {
		t, err = l.quoted(start, start+2, String, false)
	} else {
		t, err = l.quotedIdent(start, start+2)
	}
	if err != nil {
		return Token{}, err
	}
	esc, end, err := l.uescape(t.End)
	if err != nil {
		return Token{}, err
	}
	v, err := unescapeUnicode(t.Value, esc, start+3) // PostgreSQL counts from after U&'
	if err != nil {
		return Token{}, err
	}
	if t.Kind == QuotedIdent {
		if v == "" {
			return Token{}, syntaxError("zero-length delimited identifier", start, l.src[start:t.End])
		}
		v = TruncateName(v)
	}
	t.Value, t.End = v, end
	return t, nil
}

// uescape reads an optional UESCAPE 'c' from i and returns the escape character and where
// the token ends.
func (l *Lexer) uescape(i int) (byte, int, error) {
	save := l.pos
	defer func() { l.pos = save }()
	l.pos = i
	kw, err := l.Next()
	if err != nil || !kw.Is("uescape") {
		return '\\', i, nil
	}
	str, err := l.Next()
	if err != nil {
		return 0, 0, err
	}
	if str.Kind != String || l.src[str.Pos] != '\'' {
		near := str.Text(l.src)
		e := syntaxError("UESCAPE must be followed by a simple string literal", str.Pos, near)
		e.AtEnd = str.Kind == EOF
		return 0, 0, e
	}
	c := str.Value
	if len(c) != 1 || hexVal(c[0]) >= 0 || strings.IndexByte("+'\" \t\n\r\f", c[0]) >= 0 {
		return 0, 0, syntaxError("invalid Unicode escape character", str.Pos, str.Text(l.src))
	}
	return c[0], str.End, nil
}

// unescapeUnicode decodes the escapes of a U& literal's value: esc esc is esc, esc and 4
// hex digits or esc + and 6 are a code point (UTF-16 surrogate pairs joined). An error's
// position is base plus the escape's offset in v, as PostgreSQL computes it.
func unescapeUnicode(v string, esc byte, base int) (string, error) {
	if strings.IndexByte(v, esc) < 0 {
		return v, nil
	}
	var b strings.Builder
	pending := 0 // a high surrogate waiting for its pair
	for i := 0; i < len(v); {
		pos := base + i
		if v[i] != esc {
			if pending != 0 {
				return "", syntaxError("invalid Unicode surrogate pair", pos, "")
			}
			b.WriteByte(v[i])
			i++
			continue
		}
		if i+1 < len(v) && v[i+1] == esc {
			b.WriteByte(esc)
			i += 2
			continue
		}
		r, n := uHex(v, i+1)
		if n == 0 {
			return "", &Error{Code: "42601", Message: "invalid Unicode escape", Pos: pos,
				Hint: `Unicode escapes must be \XXXX or \+XXXXXX.`}
		}
		i += 1 + n
		switch {
		case pending != 0 && (r < 0xDC00 || r > 0xDFFF), pending == 0 && r >= 0xDC00 && r <= 0xDFFF:
			return "", syntaxError("invalid Unicode surrogate pair", pos, "")
		case pending != 0:
			b.WriteRune(rune(0x10000 + (pending-0xD800)<<10 + (r - 0xDC00)))
			pending = 0
		case r >= 0xD800 && r <= 0xDBFF:
			pending = r
		case r == 0 || r > 0x10FFFF:
			return "", syntaxError("invalid Unicode escape value", pos, "")
		default:
			b.WriteRune(rune(r))
		}
	}
	if pending != 0 {
		return "", syntaxError("invalid Unicode surrogate pair", base+len(v), "")
	}
	return b.String(), nil
}

// uHex reads XXXX or +XXXXXX at v[i]; n is 0 when neither is there.
func uHex(v string, i int) (r, n int) {
	digits := 4
	if i < len(v) && v[i] == '+' {
		digits, i, n = 6, i+1, 1
	}
	if i+digits > len(v) {
		return 0, 0
	}
	for _, c := range []byte(v[i : i+digits]) {
		h := hexVal(c)
		if h < 0 {
			return 0, 0
		}
		r = r*16 + h
	}
	return r, n + digits
}

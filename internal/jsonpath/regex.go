package jsonpath

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"strings"
)

// compileRegex compiles a like_regex pattern with its flags (jspConvertRegexFlags): i is
// case-insensitive, s lets . match a newline, m makes ^ and $ match at lines, q quotes the
// pattern and x is refused. Patterns are Go's RE2 syntax, as drove's ~ operator takes them.
func compileRegex(pattern string, flags uint8) (*regexp.Regexp, error) {
	prefix := ""
	if flags&flagI != 0 {
		prefix += "(?i)"
	}
	if flags&flagQ != 0 {
		pattern = regexp.QuoteMeta(pattern)
	} else {
		if flags&flagS != 0 {
			prefix += "(?s)"
		}
		if flags&flagM != 0 {
			prefix += "(?m)"
		}
		if flags&flagX != 0 {
			return nil, &Error{Code: "0A000", Msg: `XQuery "x" flag (expanded regular expressions) is not implemented`}
		}
	}
	re, err := regexp.Compile(prefix + translateEscapes(pattern))
	if err != nil {
		return nil, &Error{Code: "2201B", Msg: "invalid regular expression: " + regexMessage(err)}
	}
	return re, nil
}

// regexMessage words the common pattern errors as PostgreSQL's regex library does.
func regexMessage(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		switch se.Code {
		case syntax.ErrMissingParen, syntax.ErrUnexpectedParen:
			return "parentheses () not balanced"
		case syntax.ErrMissingBracket:
			return "brackets [] not balanced"
		case syntax.ErrMissingRepeatArgument, syntax.ErrInvalidRepeatOp:
			return "quantifier operand invalid"
		case syntax.ErrTrailingBackslash:
			return "invalid escape \\ sequence"
		case syntax.ErrInvalidCharRange:
			return "invalid character range"
		case syntax.ErrInvalidRepeatSize:
			return "invalid repetition count(s)"
		}
	}
	return err.Error()
}

// translateEscapes rewrites the escapes where PostgreSQL's regular expressions and RE2
// differ: \b is a backspace and \B a backslash in PostgreSQL, \y and \Y its word
// boundaries.
func translateEscapes(p string) string {
	if !strings.ContainsRune(p, '\\') {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' || i+1 >= len(p) {
			b.WriteByte(p[i])
			continue
		}
		i++
		switch p[i] {
		case 'b':
			b.WriteString(`\x08`)
		case 'B':
			b.WriteString(`\\`)
		case 'y':
			b.WriteString(`\b`)
		case 'Y':
			b.WriteString(`\B`)
		default:
			b.WriteByte('\\')
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

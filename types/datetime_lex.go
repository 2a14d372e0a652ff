package types

import "strings"

// The tokenizer of PostgreSQL's datetime input (ParseDateTime in datetime.c), so that
// timestamp and date accept exactly the strings PostgreSQL 15 does.

type fieldType uint8

const (
	fNumber  fieldType = iota // digits, maybe with a '.' (a year, a day, 20240102, 101500.5)
	fDate                     // digits or a month name joined by '-', '/' or '.' (2024-01-02); a zone name
	fTime                     // hh:mm[:ss[.frac]]
	fTZ                       // +hh[:mm[:ss]], -hhmm
	fString                   // a word: month, weekday, am, bc, epoch, a zone
	fSpecial                  // a signed word: -infinity
)

type dtField struct {
	typ  fieldType
	text string // lower-cased
	orig string // as written (zone names are looked up case-sensitively)
}

// maxDateFields bounds the fields of one input, as PostgreSQL's MAXDATEFIELDS does.
const maxDateFields = 25

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isDigit(c) && !isAlpha(c)
}

// lexDateTime splits s into fields, appended to fields (a buffer the caller reuses); ok
// is false where PostgreSQL reports a bad format.
func lexDateTime(s string, fields []dtField) ([]dtField, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		var typ fieldType
		switch {
		case isSpace(c):
			i++
			continue
		case isDigit(c):
			i, typ = lexNumber(s, i)
		case c == '.':
			i, typ = skipDigits(s, i+1), fNumber
		case isAlpha(c):
			i, typ = lexWord(s, i)
		case c == '+' || c == '-':
			var ok bool
			if i, typ, ok = lexSigned(s, i); !ok {
				return nil, false
			}
		case isPunct(c):
			i++ // other punctuation only separates fields
			continue
		default:
			return nil, false
		}
		if len(fields) == maxDateFields {
			return nil, false
		}
		orig := s[start:i]
		if typ == fTZ || typ == fSpecial { // the sign and the rest, without the blanks between
			orig = orig[:1] + strings.TrimLeft(orig[1:], " \t\n\r\f\v")
		}
		fields = append(fields, dtField{typ: typ, text: strings.ToLower(orig), orig: orig})
	}
	return fields, true
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// lexNumber reads a field starting with a digit: a time, a date or a number.
func lexNumber(s string, i int) (int, fieldType) {
	i = skipDigits(s, i)
	if i == len(s) {
		return i, fNumber
	}
	switch delim := s[i]; {
	case delim == ':':
		for i < len(s) && (isDigit(s[i]) || s[i] == ':' || s[i] == '.') {
			i++
		}
		return i, fTime
	case delim == '-' || delim == '/' || delim == '.':
		i++
		if i < len(s) && isDigit(s[i]) {
			typ := fDate
			if delim == '.' {
				typ = fNumber
			}
			i = skipDigits(s, i)
			if i < len(s) && s[i] == delim { // a three-field date needs matching delimiters
				typ = fDate
				for i < len(s) && (isDigit(s[i]) || s[i] == delim) {
					i++
				}
			}
			return i, typ
		}
		for i < len(s) && (isDigit(s[i]) || isAlpha(s[i]) || s[i] == delim) { // 02-jan-2024
			i++
		}
		return i, fDate
	}
	return i, fNumber
}

// lexWord reads a field starting with a letter. Running into '-', '/' or '.' it is a date
// (jan-02-2024) or a zone name (America/New_York); into a digit or '+', a zone name unless
// it is a keyword.
func lexWord(s string, i int) (int, fieldType) {
	start := i
	for i < len(s) && isAlpha(s[i]) {
		i++
	}
	if i == len(s) {
		return i, fString
	}
	switch n := s[i]; {
	case n == '-' || n == '/' || n == '.':
	case n == '+' || isDigit(n):
		if _, kw := dateKeywords[strings.ToLower(s[start:i])]; kw {
			return i, fString
		}
	default:
		return i, fString
	}
	for i++; i < len(s) && (isDigit(s[i]) || isAlpha(s[i]) || strings.IndexByte("+-/_.:", s[i]) >= 0); i++ {
	}
	return i, fDate
}

// lexSigned reads a field starting with a sign: a zone offset or -infinity.
func lexSigned(s string, i int) (int, fieldType, bool) {
	i++
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	switch {
	case i < len(s) && isDigit(s[i]):
		for i < len(s) && (isDigit(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == '-') {
			i++
		}
		return i, fTZ, true
	case i < len(s) && isAlpha(s[i]):
		for i < len(s) && isAlpha(s[i]) {
			i++
		}
		return i, fSpecial, true
	}
	return i, 0, false
}

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
	i := 0
	digits := func() {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	for i < len(s) {
		c := s[i]
		if isSpace(c) {
			i++
			continue
		}
		start := i
		var typ fieldType
		switch {
		case isDigit(c):
			digits()
			typ = fNumber
			if i < len(s) && s[i] == ':' {
				typ = fTime
				for i < len(s) && (isDigit(s[i]) || s[i] == ':' || s[i] == '.') {
					i++
				}
			} else if i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.') {
				delim := s[i]
				i++
				if i < len(s) && isDigit(s[i]) {
					if delim != '.' {
						typ = fDate
					}
					digits()
					if i < len(s) && s[i] == delim { // a three-field date needs matching delimiters
						typ = fDate
						for i < len(s) && (isDigit(s[i]) || s[i] == delim) {
							i++
						}
					}
				} else {
					typ = fDate // an embedded month name: 02-jan-2024
					for i < len(s) && (isDigit(s[i]) || isAlpha(s[i]) || s[i] == delim) {
						i++
					}
				}
			}
		case c == '.':
			i++
			digits()
			typ = fNumber
		case isAlpha(c):
			for i < len(s) && isAlpha(s[i]) {
				i++
			}
			typ = fString
			// A word running into '-', '/' or '.' is a date (jan-02-2024) or a zone name
			// (America/New_York); into a digit or '+', a zone name unless it is a keyword.
			isDate := false
			if i < len(s) {
				switch n := s[i]; {
				case n == '-' || n == '/' || n == '.':
					isDate = true
				case n == '+' || isDigit(n):
					_, kw := dateKeywords[strings.ToLower(s[start:i])]
					isDate = !kw
				}
			}
			if isDate {
				typ = fDate
				for i++; i < len(s) && (isDigit(s[i]) || isAlpha(s[i]) || strings.IndexByte("+-/_.:", s[i]) >= 0); i++ {
				}
			}
		case c == '+' || c == '-':
			i++
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			switch {
			case i < len(s) && isDigit(s[i]):
				typ = fTZ
				for i < len(s) && (isDigit(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == '-') {
					i++
				}
			case i < len(s) && isAlpha(s[i]):
				typ = fSpecial
				for i < len(s) && isAlpha(s[i]) {
					i++
				}
			default:
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

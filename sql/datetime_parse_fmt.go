package sql

// to_timestamp(text, format) and to_date(text, format): reading the fields a template
// names (to_char is datetime_format.go).

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// parseFormatted is to_timestamp(text, format): the fields the template names, read from s
// (numbers up to the next separator, or their width when patterns abut), as a wall clock
// in loc; a zone in the text (TZH, TZM) overrides loc.
func parseFormatted(s, tmpl string, loc *time.Location) (types.Value, error) {
	fp, err := parseFields(s, tmpl)
	if err != nil {
		return types.Value{}, err
	}
	return fp.result(loc)
}

// parseDate is to_date(text, format): the date of the fields read, time and zone ignored.
func parseDate(s, tmpl string) (types.Value, error) {
	fp, err := parseFields(s, tmpl)
	if err != nil {
		return types.Value{}, err
	}
	days, err := fp.civil()
	if e, ok := err.(*Error); ok && e.Code == "22007" {
		return types.Value{}, err
	} else if err != nil {
		return types.Value{}, Errorf("22008", "date/time field value out of range: %q", s)
	}
	return dateValue(days)
}

// parseFields reads the fields tmpl names from s.
func parseFields(s, tmpl string) (*fmtParser, error) {
	if err := checkFormatPicture(tmpl); err != nil {
		return nil, err
	}
	// Without a year the date is in 1 BC: do_to_timestamp's year starts at 0.
	fp := &fmtParser{s: s, month: 1, day: 1}
	// As DCH_from_char, the template's rest is ignored once the input is used up.
	for i := 0; i < len(tmpl) && fp.si < len(s); {
		if strings.HasPrefix(tmpl[i:], "FM") || strings.HasPrefix(tmpl[i:], "fm") {
			i += 2
			continue
		}
		fx := strings.HasPrefix(tmpl[i:], "FX")
		p := ""
		if !fx {
			p = matchPattern(tmpl[i:])
		}
		// Spaces before a field (or at the start of the input) are skipped unless in FX mode.
		if !fp.fx && !fx && (p != "" || i == 0) {
			fp.extraSkip += fp.skipSpaces()
		}
		switch {
		case fx:
			fp.fx = true
			i += 2
			continue
		case p == "":
			i = fp.literal(tmpl, i)
			continue
		}
		i += len(p)
		fp.abut = i < len(tmpl) && matchPattern(tmpl[i:]) != ""
		fp.width = 0
		ok, err := fp.field(p)
		if err != nil {
			return nil, err
		}
		if fp.short {
			return nil, &Error{Code: "22007", Message: fmt.Sprintf("source string too short for %q formatting field", p),
				Detail: fmt.Sprintf("Field requires %d characters, but only %d remain.", fp.shortWant, fp.shortHave),
				Hint:   "If your source string is not fixed-width, try using the \"FM\" modifier."}
		}
		if !ok {
			return nil, fp.invalid(p)
		}
		if !fp.fx { // and the spaces after it
			fp.extraSkip = fp.skipSpaces()
		}
	}
	return fp, nil
}

// invalid is the error for a field p could not read: for a number, as from_char_parse_int_len
// words it, the characters of its width after any spaces.
func (fp *fmtParser) invalid(p string) error {
	rest := fp.s[min(fp.si, len(fp.s)):]
	if fp.width == 0 {
		return Errorf("22007", "invalid value \"%s\" for \"%s\"", strings.TrimSpace(rest), p)
	}
	rest = strings.TrimLeft(rest, " \t\n\v\f\r")
	return &Error{Code: "22007", Message: fmt.Sprintf("invalid value \"%s\" for \"%s\"", rest[:min(fp.width, len(rest))], p),
		Detail: "Value must be an integer."}
}

// fmtParser is the state of one to_timestamp(text, format).
type fmtParser struct {
	s                                string
	si                               int  // the next byte of s
	abut                             bool // the pattern being read is followed by another
	year, month, day, hour, min, sec int
	tzOff                            int64
	pm, hour12, bc, haveTZ, tzNeg    bool
	tzh, tzm                         int
	// ms and us are MS's and US's (or FFn's) fraction, ff the n of FFn (the result's
	// precision); ssss the seconds past midnight SSSS adds; julian J's day, ddd DDD's.
	ms, us                   int64
	ff, ssss, julian, ddd    int
	haveSSSS, haveJ, haveDDD bool
	// short: a number of abutting patterns found fewer characters left than its width
	// (shortHave of shortWant).
	short                bool
	shortWant, shortHave int
	mode                 byte // 'G' Gregorian or 'I' ISO week date fields
	// fx: FX was read (fixed format: no spaces skipped, each template character takes one
	// input character); extraSkip counts the spaces skipped beyond what the template asked,
	// as DCH_from_char's extra_skip.
	fx        bool
	extraSkip int
	width     int           // the width of the number being read (0: no number)
	seen      map[*int]bool // the fields set, for "conflicting values"
}

// skipSpaces skips the input's spaces and returns how many.
func (fp *fmtParser) skipSpaces() int {
	start := fp.si
	for fp.si < len(fp.s) && isFormatSpace(fp.s[fp.si]) {
		fp.si++
	}
	return fp.si - start
}

// literal consumes the template's non-pattern character at i, as DCH_from_char does, and
// returns where the next one starts. Outside FX mode a space or separator (a printable
// ASCII character that is no letter or digit) takes one space or separator of the input,
// or none; any other character (quoted text is one each) takes one character of the input,
// unless spaces beyond the template's were skipped before it (it may be part of a field).
// In FX mode each takes exactly one character, whatever it is.
func (fp *fmtParser) literal(tmpl string, i int) int {
	c := tmpl[i]
	switch {
	case c == '"':
		for i++; i < len(tmpl) && tmpl[i] != '"'; {
			if tmpl[i] == '\\' && i+1 < len(tmpl) {
				i++
			}
			_, n := utf8.DecodeRuneInString(tmpl[i:])
			i += n
			fp.literalChar()
		}
		return i + 1
	case c == '\\' && i+1 < len(tmpl) && tmpl[i+1] == '"':
		i++
	case isFormatSpace(c) || isFormatSeparator(c):
		switch {
		case fp.si >= len(fp.s):
		case fp.fx:
			_, n := utf8.DecodeRuneInString(fp.s[fp.si:])
			fp.si += n
		default:
			fp.extraSkip--
			if isFormatSpace(fp.s[fp.si]) || isFormatSeparator(fp.s[fp.si]) {
				fp.si++
				fp.extraSkip++
			}
		}
		return i + 1
	}
	_, n := utf8.DecodeRuneInString(tmpl[i:])
	fp.literalChar()
	return i + n
}

// literalChar consumes the input a template's text character stands for.
func (fp *fmtParser) literalChar() {
	if !fp.fx && fp.extraSkip > 0 {
		fp.extraSkip--
		return
	}
	if fp.si < len(fp.s) {
		_, n := utf8.DecodeRuneInString(fp.s[fp.si:])
		fp.si += n
	}
}

// isFormatSpace is C's isspace, which DCH_from_char skips with.
func isFormatSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// isFormatSeparator is formatting.c's is_separator_char: printable ASCII, no letter or digit.
func isFormatSeparator(c byte) bool { return c > 0x20 && c < 0x7f && !isAlnum(c) }

// num reads a number after any spaces: its digits up to a non-digit, or width of them when patterns abut.
func (fp *fmtParser) num(width int) (int, bool) {
	fp.skipSpaces() // from_char_parse_int_len skips them, even in FX mode
	start := fp.si
	fp.width = width
	if fp.abut && len(fp.s)-start < width {
		fp.short, fp.shortWant, fp.shortHave = true, width, len(fp.s)-start
	}
	if fp.si < len(fp.s) && (fp.s[fp.si] == '-' || fp.s[fp.si] == '+') {
		fp.si++
	}
	for fp.si < len(fp.s) && fp.s[fp.si] >= '0' && fp.s[fp.si] <= '9' && (!fp.abut || fp.si-start < width) {
		fp.si++
	}
	v, err := strconv.Atoi(fp.s[start:fp.si])
	return v, err == nil
}

// word reads the first of names (or their first three letters) at the input, ignoring case;
// its index, or -1.
func (fp *fmtParser) word(names []string, short bool) int {
	for k, name := range names {
		if short {
			name = name[:3]
		}
		if len(fp.s)-fp.si >= len(name) && strings.EqualFold(fp.s[fp.si:fp.si+len(name)], name) {
			fp.si += len(name)
			return k
		}
	}
	return -1
}

// marker reads one of the two-letter markers (AM/PM, AD/BC, dotted or not); its first
// letter, or 0.
func (fp *fmtParser) marker(a, b string) byte {
	rest := strings.ToUpper(fp.s[fp.si:])
	for _, m := range []string{a, b, a[:1] + "." + a[1:] + ".", b[:1] + "." + b[1:] + "."} {
		if strings.HasPrefix(rest, m) {
			fp.si += len(m)
			return m[0]
		}
	}
	return 0
}

func (fp *fmtParser) field(p string) (ok bool, err error) {
	up := strings.ToUpper(p)
	if err := fp.convention(up); err != nil {
		return false, err
	}
	switch up {
	case "YYYY", "IYYY", "YYY", "IYY", "YY", "IY":
		start := fp.si
		var y int
		if y, ok = fp.num(len(up)); ok && len(up) < 4 && digitsIn(fp.s[start:fp.si]) < 4 {
			y = partialYear(y)
		}
		return ok, fp.set(&fp.year, y, p, ok)
	case "MM", "DD", "HH", "HH12", "HH24", "MI", "SS":
		dst := map[string]*int{"MM": &fp.month, "DD": &fp.day, "HH": &fp.hour, "HH12": &fp.hour,
			"HH24": &fp.hour, "MI": &fp.min, "SS": &fp.sec}[up]
		var v int
		v, ok = fp.num(2)
		fp.hour12 = fp.hour12 || up == "HH" || up == "HH12"
		return ok, fp.set(dst, v, p, ok)
	case "MS", "US", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6":
		ok = fp.fraction(up)
	case "AM", "PM", "A.M.", "P.M.":
		m := fp.marker("AM", "PM")
		ok, fp.pm = m != 0, m == 'P'
	case "AD", "BC", "A.D.", "B.C.":
		m := fp.marker("AD", "BC")
		ok, fp.bc = m != 0, m == 'B'
	case "MON", "MONTH":
		k := fp.word(monthNames, up == "MON")
		return k >= 0, fp.set(&fp.month, k+1, p, k >= 0)
	case "DY", "DAY":
		ok = fp.word(dayNames, up == "DY") >= 0
	case "TZH", "TZM":
		return fp.zone(up)
	case "SSSS", "SSSSS", "J", "DDD":
		ok = fp.count(up)
	default:
		return false, unsupported("to_timestamp pattern %s", p)
	}
	return ok, nil
}

// fraction reads MS, US or FFn: the digits are a fraction of a second, so fewer than the
// pattern's width mean tenths or hundredths (".12" by MS is 120 ms), as DCH_from_char
// scales them; FFn also rounds the result to n digits.
func (fp *fmtParser) fraction(up string) bool {
	width := 6 // the digits read when patterns abut
	switch {
	case up == "MS":
		width = 3
	case strings.HasPrefix(up, "FF"):
		width = int(up[2] - '0')
		fp.ff = width
	}
	start := fp.si
	v, ok := fp.num(width)
	if !ok {
		return false
	}
	scaled, to := int64(v), 6 // US and FFn count millionths, MS thousandths
	if up == "MS" {
		to = 3
	}
	for n := fp.si - start; n < to; n++ {
		scaled *= 10
	}
	if up == "MS" {
		fp.ms = scaled * 1000
	} else {
		fp.us = scaled
	}
	return true
}

// count reads SSSS (seconds past midnight), J (a Julian day) or DDD (the day of the year).
func (fp *fmtParser) count(up string) bool {
	v, ok := fp.num(len(up))
	if !ok {
		return false
	}
	switch up {
	case "J": // zero is no J, as do_to_timestamp's if (tmfc.j)
		fp.julian, fp.haveJ = v, v != 0
	case "DDD":
		fp.ddd, fp.haveDDD = v, v != 0
	default:
		fp.ssss, fp.haveSSSS = v, v != 0
	}
	return true
}

// civil is the date the fields name, as do_to_timestamp builds it: J's date replaces the
// year's, DD and MM then override its day and month, and DDD gives the month and day
// the template left out.
func (fp *fmtParser) civil() (int64, error) {
	y, m, d := fp.civilYear(), int64(fp.month), int64(fp.day)
	if fp.haveJ {
		t := time.Unix((int64(fp.julian)-2440588)*86400, 0).UTC()
		y, m, d = int64(t.Year()), int64(t.Month()), int64(t.Day())
		if y <= 0 {
			y-- // civilDays counts BC years from -1
		}
		if fp.seen[&fp.month] {
			m = int64(fp.month)
		}
		if fp.seen[&fp.day] {
			d = int64(fp.day)
		}
	}
	if fp.haveDDD && (m <= 1 || d <= 1) {
		if fp.year == 0 && !fp.bc && !fp.haveJ {
			return 0, Errorf("22007", "cannot calculate day of year without year information")
		}
		jan1, err := civilDays(y, 1, 1)
		if err != nil {
			return 0, err
		}
		end, err := civilDays(y+1, 1, 1)
		if y == -1 {
			end, err = civilDays(1, 1, 1)
		}
		if err != nil || fp.ddd < 1 || int64(fp.ddd) > end-jan1 {
			return 0, Errorf("22008", "date field value out of range")
		}
		t := time.Unix((jan1+int64(fp.ddd)-1)*86400, 0).UTC()
		if m <= 1 {
			m = int64(t.Month())
		}
		if d <= 1 {
			d = int64(t.Day())
		}
	}
	return civilDays(y, m, d)
}

// convention refuses a template that mixes ISO week-date fields (IYYY) with Gregorian ones
// (YYYY, MM, DD, Mon), as from_char_set_mode does.
func (fp *fmtParser) convention(up string) error {
	mode := byte(0)
	switch up {
	case "IYYY", "IYY", "IY":
		mode = 'I'
	case "YYYY", "YYY", "YY", "MM", "DD", "MON", "MONTH":
		mode = 'G'
	default:
		return nil
	}
	if fp.mode != 0 && fp.mode != mode {
		return &Error{Code: "22007", Message: "invalid combination of date conventions",
			Hint: "Do not mix Gregorian and ISO week date conventions in a formatting template."}
	}
	fp.mode = mode
	return nil
}

// zone reads TZH (a signed hour) or TZM (minutes, of the sign TZH gave): either names the
// zone of the text, as do_to_timestamp's tzsign * (tzh * 60 + tzm).
func (fp *fmtParser) zone(up string) (bool, error) {
	// A minus the template's separator took is TZH's sign when spaces were skipped before
	// it ("DD TZH" reading "02 -05"), as DCH_from_char's extra_skip check.
	neg := fp.si < len(fp.s) && fp.s[fp.si] == '-' ||
		up == "TZH" && fp.si < len(fp.s) && fp.s[fp.si] != '+' && fp.extraSkip > 0 && fp.si > 0 && fp.s[fp.si-1] == '-'
	v, ok := fp.num(2)
	if v < 0 {
		v = -v
	}
	if up == "TZH" {
		fp.tzNeg, fp.tzh = neg, v
	} else {
		fp.tzm = v
	}
	fp.haveTZ = true
	fp.tzOff = int64(fp.tzh*3600 + fp.tzm*60)
	if fp.tzNeg {
		fp.tzOff = -fp.tzOff
	}
	return ok, nil
}

// set stores a field read by pattern p, refusing a second, different value for the same
// field, as from_char_set_int does ("YYYY-MM-Mon" with two months).
func (fp *fmtParser) set(dst *int, v int, p string, ok bool) error {
	if !ok {
		return nil
	}
	if fp.seen == nil {
		fp.seen = map[*int]bool{}
	}
	if fp.seen[dst] && *dst != v {
		return &Error{Code: "22007", Message: fmt.Sprintf("conflicting values for %q field in formatting string", p),
			Detail: "This value contradicts a previous setting for the same field type."}
	}
	fp.seen[dst], *dst = true, v
	return nil
}

// civilYear is the year read as civilDays takes it (-1 is 1 BC): year 0 is 1 BC, with BC or
// without, as do_to_timestamp reads it.
func (fp *fmtParser) civilYear() int64 {
	switch {
	case fp.year == 0:
		return -1
	case fp.bc:
		return -int64(fp.year)
	}
	return int64(fp.year)
}

// partialYear is adjust_partial_year_to_2020: a year written with fewer than four digits
// is the one nearest 2020 (70-99 the 1900s, 520-999 the 1000s).
func partialYear(y int) int {
	switch {
	case y < 70:
		return y + 2000
	case y < 100:
		return y + 1900
	case y < 520:
		return y + 2000
	case y < 1000:
		return y + 1000
	}
	return y
}

func digitsIn(s string) int {
	return len(strings.TrimLeft(s, "+-"))
}

// result is the instant the fields read name.
func (fp *fmtParser) result(loc *time.Location) (types.Value, error) {
	hour, min, sec := fp.hour, fp.min, fp.sec
	if fp.haveSSSS { // SSSS sets the clock; a nonzero HH, MI or SS then overrides its field
		hour, min, sec = cmp.Or(hour, fp.ssss/3600), cmp.Or(min, fp.ssss%3600/60), cmp.Or(sec, fp.ssss%60)
	}
	switch {
	case fp.hour12 && (hour < 1 || hour > 12):
		return types.Value{}, &Error{Code: "22007", Message: fmt.Sprintf("hour \"%d\" is invalid for the 12-hour clock", hour),
			Hint: "Use the 24-hour clock, or give an hour between 1 and 12."}
	case fp.hour12 && fp.pm && hour != 12, !fp.hour12 && fp.pm && hour < 12:
		hour += 12
	case fp.hour12 && !fp.pm && hour == 12:
		hour = 0
	}
	days, err := fp.civil()
	if e, ok := err.(*Error); ok && e.Code == "22007" {
		return types.Value{}, err
	} else if err != nil { // do_to_timestamp names the input, as to_date does
		return types.Value{}, Errorf("22008", "date/time field value out of range: %q", fp.s)
	}
	usec := fp.ms + fp.us
	if hour > 23 || min > 59 || sec > 59 || usec < 0 || usec >= 1e6 { // do_to_timestamp's range check: no 24:00, no leap second
		return types.Value{}, Errorf("22008", "date/time field value out of range: %q", fp.s)
	}
	local := days*microsPerDay + ((int64(hour)*60+int64(min))*60+int64(sec))*1e6 + usec
	off := types.ZoneOffsetAt(local, loc)
	if fp.haveTZ {
		off = fp.tzOff
	}
	us := local - off*1e6
	if fp.ff > 0 { // FFn: the precision of the result, as to_timestamp's AdjustTimestampForTypmod
		us = types.RoundTimestamp(us, fp.ff)
	}
	return types.Value{T: types.Timestamptz, I: us}, nil
}

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' }

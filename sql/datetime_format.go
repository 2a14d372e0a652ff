package sql

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/types"
)

// to_char for timestamps and intervals, and to_timestamp(text, format): PostgreSQL's
// formatting.c template patterns (YYYY MM DD HH24 MI SS MS US AM Mon Month Dy Day TZ OF ...),
// with the FM prefix (no padding) and the TH/th suffix (ordinals).

// charPatterns are the template patterns, longest first where one is a prefix of another.
var charPatterns = strings.Fields(`A.D. A.M. AD AM B.C. BC CC DAY DDD DD DY Day Dy D FF1 FF2 FF3 FF4 FF5 FF6
	HH24 HH12 HH IDDD ID IW IYYY IYY IY I J MI MM MONTH MON MS Month Mon OF P.M. PM Q RM SSSSS SSSS SS TZH TZM TZ US
	WW W Y,YYY YYYY YYY YY Y a.d. a.m. ad am b.c. bc cc day ddd dd dy d ff1 ff2 ff3 ff4 ff5 ff6 hh24 hh12 hh iddd id
	iw iyyy iyy iy i j mi mm month mon ms of p.m. pm q rm sssss ssss ss tzh tzm tz us ww w y,yyy yyyy yyy yy y`)

// matchPattern is the template pattern at the start of s, or "".
func matchPattern(s string) string {
	for _, p := range charPatterns {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	dayNames   = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	romanMonth = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
)

// charFields are what to_char prints: a timestamp's wall clock or an interval's fields.
type charFields struct {
	year, month, day, hour, min, sec int
	usec                             int64
	interval                         bool
	t                                time.Time // a timestamp's date, for weekdays and weeks
	off                              int64     // zone offset, seconds east
	zone                             string    // zone abbreviation ("" for a timestamp)
	invalid                          bool      // the template names a calendar field of an interval
}

// notForInterval are the patterns PostgreSQL refuses for an interval (22007): names of
// months and days, weekdays, eras and zones, which no interval has.
var notForInterval = map[string]bool{"MONTH": true, "MON": true, "DAY": true, "DY": true, "D": true, "ID": true,
	"AD": true, "BC": true, "A.D.": true, "B.C.": true, "TZ": true, "OF": true, "TZH": true, "TZM": true}

func buildToChar(c *funcCall) (*expr, error) {
	return dtCall(c, func(a []types.Value, loc *time.Location) (types.Value, error) {
		x := a[0]
		var f charFields
		switch {
		case x.T == types.Interval:
			d := x.Interval()
			us := d.Micros
			f = charFields{year: int(d.Months / 12), month: int(d.Months % 12), day: int(d.Days), interval: true,
				hour: int(us / 3600e6), min: int(us / 60e6 % 60), sec: int(us / 1e6 % 60), usec: us % 1e6}
		case types.IsInfinite(x.I):
			return types.Value{T: types.Text, Null: true}, nil
		default:
			local := x.I
			if x.T == types.Timestamptz {
				local, f.off = types.TimestamptzLocal(x.I, loc)
				f.zone, _ = time.UnixMicro(x.I).In(loc).Zone()
			}
			w := clockOf(local)
			f.year, f.month, f.day, f.hour, f.min, f.sec, f.usec, f.t = w.year, w.month, w.day, w.hour, w.min, w.sec, w.usec, w.t
		}
		if err := checkFormatPicture(a[1].S); err != nil {
			return types.Value{}, err
		}
		out := formatChar(a[1].S, &f)
		if f.invalid {
			return types.Value{}, Errorf("22007", "invalid format specification for an interval value")
		}
		return types.NewText(out), nil
	})
}

// formatChar applies template tmpl to f.
func formatChar(tmpl string, f *charFields) string {
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		fm := false
		for {
			switch {
			case strings.HasPrefix(tmpl[i:], "FM") || strings.HasPrefix(tmpl[i:], "fm"):
				fm, i = true, i+2
				continue
			case strings.HasPrefix(tmpl[i:], "TM") || strings.HasPrefix(tmpl[i:], "tm"):
				i += 2
				continue
			}
			break
		}
		if i >= len(tmpl) {
			break
		}
		p := matchPattern(tmpl[i:])
		if p == "" {
			switch c := tmpl[i]; {
			case c == '"':
				j := i + 1
				for j < len(tmpl) && tmpl[j] != '"' {
					if tmpl[j] == '\\' && j+1 < len(tmpl) {
						j++
					}
					b.WriteByte(tmpl[j])
					j++
				}
				i = j + 1
			case c == '\\' && i+1 < len(tmpl):
				b.WriteByte(tmpl[i+1])
				i += 2
			default:
				b.WriteByte(c)
				i++
			}
			continue
		}
		i += len(p)
		f.invalid = f.invalid || f.interval && notForInterval[strings.ToUpper(p)]
		out, num := charField(p, f, fm)
		b.WriteString(out)
		if strings.HasPrefix(tmpl[i:], "TH") || strings.HasPrefix(tmpl[i:], "th") {
			if num != noNumber {
				b.WriteString(ordinal(num, tmpl[i] == 'T'))
			}
			i += 2
		}
	}
	return b.String()
}

func ordinal(n int64, upper bool) string {
	n = abs64(n) // by the last digits, as printed: -1st, -11th
	s := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			s = "st"
		case 2:
			s = "nd"
		case 3:
			s = "rd"
		}
	}
	if upper {
		return strings.ToUpper(s)
	}
	return s
}

// padSigned is n as printf's %0*d prints it: at least width characters, the sign counted,
// unless fm.
func padSigned(n int64, width int, fm bool) string {
	if n < 0 && !fm {
		return pad(n, width-1, false)
	}
	return pad(n, width, fm)
}

// pad is n with at least width digits unless fm.
func pad(n int64, width int, fm bool) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	if !fm {
		for len(s) < width {
			s = "0" + s
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// caseAs writes name in the case of pattern p: NAME, Name or name.
func caseAs(p, name string, width int, fm bool) string {
	switch {
	case p == strings.ToUpper(p):
		name = strings.ToUpper(name)
	case p == strings.ToLower(p):
		name = strings.ToLower(name)
	}
	if !fm {
		for len(name) < width {
			name += " "
		}
	}
	return name
}

// noNumber is charField's number for a pattern that prints words.
const noNumber = math.MinInt64

// charField prints one pattern; num is the number printed (for TH), noNumber for words.
func charField(p string, f *charFields, fm bool) (string, int64) {
	year := f.year
	if !f.interval && year <= 0 {
		year = 1 - year // BC years print as positive numbers
	}
	isoYear, isoWeek := 0, 0
	if !f.interval {
		isoYear, isoWeek = f.t.ISOWeek()
		if isoYear <= 0 {
			isoYear = 1 - isoYear // as year: ISO year 0 is 1 BC
		}
	}
	n := func(v int64, width int) (string, int64) { return pad(v, width, fm), v }
	switch up := strings.ToUpper(p); up {
	case "YYYY":
		return n(int64(year), 4)
	case "Y,YYY":
		return strconv.Itoa(year/1000) + "," + padSigned(int64(year%1000), 3, false), int64(year)
	case "YYY":
		return n(int64(year%1000), 3)
	case "YY":
		return n(int64(year%100), 2)
	case "Y":
		return n(int64(year%10), 1)
	case "IYYY":
		return n(int64(isoYear), 4)
	case "IYY":
		return n(int64(isoYear%1000), 3)
	case "IY":
		return n(int64(isoYear%100), 2)
	case "I":
		return n(int64(isoYear%10), 1)
	case "MM":
		return n(int64(f.month), 2)
	case "MONTH", "MON":
		if f.month < 1 {
			return "", noNumber
		}
		name := monthNames[f.month-1]
		if up == "MON" {
			return caseAs(p, name[:3], 0, true), noNumber
		}
		return caseAs(p, name, 9, fm), noNumber
	case "RM":
		return romanOf(p, f, fm), noNumber
	case "DD": // PostgreSQL's %02d: a negative day's sign takes a digit's place (-1, -12)
		return padSigned(int64(f.day), 2, fm), int64(f.day)
	case "DDD":
		if f.interval { // the span in days, months as 30 (interval_to_char's tm_yday)
			days := int64((f.year*12+f.month)*30 + f.day)
			return padSigned(days, 3, fm), days
		}
		return n(int64(f.t.YearDay()), 3)
	case "IDDD":
		return n(int64((isoWeek-1)*7+isoDow(f.t)), 3)
	case "D":
		return n(int64(f.t.Weekday())+1, 1)
	case "ID":
		return n(int64(isoDow(f.t)), 1)
	case "DAY", "DY":
		if f.interval {
			return "", noNumber
		}
		name := dayNames[f.t.Weekday()]
		if up == "DY" {
			return caseAs(p, name[:3], 0, true), noNumber
		}
		return caseAs(p, name, 9, fm), noNumber
	}
	return charTimeField(p, f, fm)
}

// charTimeField prints the time-of-day, zone and era patterns.
func charTimeField(p string, f *charFields, fm bool) (string, int64) {
	hour12 := f.hour % 12
	if hour12 == 0 { // an interval's too: a 12-hour clock has no 0
		hour12 = 12
	}
	isoWeek := 0
	if !f.interval {
		_, isoWeek = f.t.ISOWeek()
	}
	n := func(v int64, width int) (string, int64) { return pad(v, width, fm), v }
	switch up := strings.ToUpper(p); up {
	case "HH", "HH12": // %0*d, three wide for a negative interval's hours: 012, -01
		if f.hour < 0 {
			return padSigned(int64(hour12), 3, fm), int64(hour12)
		}
		return n(int64(hour12), 2)
	case "HH24":
		return n(int64(f.hour), 2)
	case "MI":
		return n(int64(f.min), 2)
	case "SS":
		return n(int64(f.sec), 2)
	case "SSSS", "SSSSS":
		return n(int64((f.hour*60+f.min)*60+f.sec), 1)
	case "MS": // %03d, FM or not: a negative interval's sign takes a digit's place (-01)
		return padSigned(f.usec/1000, 3, false), f.usec / 1000
	case "US":
		return padSigned(f.usec, 6, false), f.usec
	case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6":
		digits := int(up[2] - '0')
		v := f.usec
		for k := 6; k > digits; k-- {
			v /= 10
		}
		return padSigned(v, digits, false), v
	case "AM", "PM", "A.M.", "P.M.":
		s := "AM"
		if f.hour%24 >= 12 {
			s = "PM"
		}
		if strings.Contains(p, ".") {
			s = s[:1] + "." + s[1:] + "."
		}
		if p[0] >= 'a' {
			s = strings.ToLower(s)
		}
		return s, noNumber
	case "AD", "BC", "A.D.", "B.C.":
		s := "AD"
		if !f.interval && f.year <= 0 {
			s = "BC"
		}
		if strings.Contains(p, ".") {
			s = s[:1] + "." + s[1:] + "."
		}
		if p[0] >= 'a' {
			s = strings.ToLower(s)
		}
		return s, noNumber
	case "TZ":
		if p == "tz" {
			return strings.ToLower(f.zone), noNumber
		}
		return f.zone, noNumber
	case "OF": // 0 for a timestamp or an interval; a zone may have no abbreviation ('+02:00')
		return string(types.AppendOffset(nil, f.off)), noNumber
	case "TZH":
		sign := "+"
		if f.off < 0 {
			sign = "-"
		}
		return sign + pad(abs64(f.off)/3600, 2, false), noNumber
	case "TZM":
		return pad(abs64(f.off)/60%60, 2, false), noNumber
	case "Q":
		if f.month == 0 { // an interval's negative months count too: -2 mons is quarter 0
			return "", noNumber
		}
		return n(int64((f.month-1)/3+1), 1)
	case "WW":
		return n(int64((f.t.YearDay()-1)/7+1), 2)
	case "W":
		return n(int64((f.day-1)/7+1), 1)
	case "IW":
		return n(int64(isoWeek), 2)
	case "CC":
		cc := (f.year + 99) / 100
		if f.interval {
			cc = f.year / 100
		} else if f.year <= 0 {
			cc = -((99 - (f.year - 1)) / 100)
		}
		return n(int64(cc), 2)
	case "J":
		return n(floorDiv(f.t.Unix(), 86400)+2440588, 1) // days before 1970 round down
	}
	return p, noNumber
}

// romanOf is RM: the month in Roman numerals; an interval's whole years are XII (I when
// negative), its negative months count back from December, as PostgreSQL's.
func romanOf(p string, f *charFields, fm bool) string {
	m := f.month
	switch {
	case f.interval && m == 0 && f.year == 0, !f.interval && m < 1:
		return ""
	case f.interval && m == 0 && f.year >= 0:
		m = 12
	case f.interval && m == 0:
		m = 1
	case m < 0:
		m = 13 + m
	}
	return caseAs(p, romanMonth[m-1], 4, fm)
}

func isoDow(t time.Time) int {
	d := int(t.Weekday())
	if d == 0 {
		return 7
	}
	return d
}

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
		p := matchPattern(tmpl[i:])
		if p == "" {
			i = fp.literal(tmpl, i)
			continue
		}
		i += len(p)
		fp.abut = i < len(tmpl) && matchPattern(tmpl[i:]) != ""
		fp.skipSpaces()
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
			return nil, Errorf("22007", "invalid value \"%s\" for \"%s\"", strings.TrimSpace(s[min(fp.si, len(s)):]), p)
		}
	}
	return fp, nil
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
	mode                 byte          // 'G' Gregorian or 'I' ISO week date fields
	seen                 map[*int]bool // the fields set, for "conflicting values"
}

func (fp *fmtParser) skipSpaces() {
	for fp.si < len(fp.s) && fp.s[fp.si] == ' ' {
		fp.si++
	}
}

// literal consumes the template's non-pattern character at i and returns where the next
// one starts: a quoted string skips as many characters of the input, a space any spaces, a
// separator one non-alphanumeric character.
func (fp *fmtParser) literal(tmpl string, i int) int {
	c := tmpl[i]
	i++
	switch {
	case c == '"':
		for i < len(tmpl) && tmpl[i] != '"' {
			i++
			fp.si++
		}
		return i + 1
	case c == ' ':
		fp.skipSpaces()
	case fp.si < len(fp.s) && !isAlnum(fp.s[fp.si]):
		fp.si++
	}
	return i
}

// num reads a number: its digits up to a non-digit, or width of them when patterns abut.
func (fp *fmtParser) num(width int) (int, bool) {
	start := fp.si
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
	neg := fp.si < len(fp.s) && fp.s[fp.si] == '-'
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
	if err != nil {
		return types.Value{}, err
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

package sql

import (
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

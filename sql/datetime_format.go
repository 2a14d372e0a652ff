package sql

import (
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
}

func buildToChar(c *funcCall) (*expr, error) {
	zoned := c.args[0].typ == types.Timestamptz
	return dtCall(c, zoned, func(a []types.Value, loc *time.Location) (types.Value, error) {
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
		return types.NewText(formatChar(a[1].S, &f)), nil
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
		out, num := charField(p, f, fm)
		b.WriteString(out)
		if strings.HasPrefix(tmpl[i:], "TH") || strings.HasPrefix(tmpl[i:], "th") {
			if num >= 0 {
				b.WriteString(ordinal(num, tmpl[i] == 'T'))
			}
			i += 2
		}
	}
	return b.String()
}

func ordinal(n int64, upper bool) string {
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

// charField prints one pattern; num is the number printed (for TH), -1 for words.
func charField(p string, f *charFields, fm bool) (string, int64) {
	year := f.year
	if !f.interval && year <= 0 {
		year = 1 - year // BC years print as positive numbers
	}
	hour12 := f.hour % 12
	if hour12 == 0 && !f.interval {
		hour12 = 12
	}
	isoYear, isoWeek := 0, 0
	if !f.interval {
		isoYear, isoWeek = f.t.ISOWeek()
	}
	n := func(v int64, width int) (string, int64) { return pad(v, width, fm), v }
	switch up := strings.ToUpper(p); up {
	case "YYYY":
		return n(int64(year), 4)
	case "Y,YYY":
		return strconv.Itoa(year/1000) + "," + pad(int64(year%1000), 3, false), int64(year)
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
			return "", -1
		}
		name := monthNames[f.month-1]
		if up == "MON" {
			return caseAs(p, name[:3], 0, true), -1
		}
		return caseAs(p, name, 9, fm), -1
	case "RM":
		if f.month < 1 {
			return "", -1
		}
		return caseAs(p, romanMonth[f.month-1], 4, fm), -1
	case "DD":
		return n(int64(f.day), 2)
	case "DDD":
		if f.interval {
			return n(int64(f.day), 3)
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
			return "", -1
		}
		name := dayNames[f.t.Weekday()]
		if up == "DY" {
			return caseAs(p, name[:3], 0, true), -1
		}
		return caseAs(p, name, 9, fm), -1
	case "HH", "HH12":
		return n(int64(hour12), 2)
	case "HH24":
		return n(int64(f.hour), 2)
	case "MI":
		return n(int64(f.min), 2)
	case "SS":
		return n(int64(f.sec), 2)
	case "SSSS", "SSSSS":
		return n(int64((f.hour*60+f.min)*60+f.sec), 1)
	case "MS":
		return n(f.usec/1000, 3)
	case "US":
		return n(f.usec, 6)
	case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6":
		digits := int(up[2] - '0')
		v := f.usec
		for k := 6; k > digits; k-- {
			v /= 10
		}
		return n(v, digits)
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
		return s, -1
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
		return s, -1
	case "TZ":
		if p == "tz" {
			return strings.ToLower(f.zone), -1
		}
		return f.zone, -1
	case "OF":
		if f.zone == "" && !f.interval {
			return string(types.AppendOffset(nil, 0)), -1
		}
		return string(types.AppendOffset(nil, f.off)), -1
	case "TZH":
		sign := "+"
		if f.off < 0 {
			sign = "-"
		}
		return sign + pad(abs64(f.off)/3600, 2, false), -1
	case "TZM":
		return pad(abs64(f.off)/60%60, 2, false), -1
	case "Q":
		if f.month < 1 {
			return "", -1
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
		return n(f.t.Unix()/86400+2440588, 1)
	}
	return p, -1
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
	bad := func(msg string) (types.Value, error) { return types.Value{}, Errorf("22007", "%s", msg) }
	year, month, day, hour, min, sec := 1, 1, 1, 0, 0, 0
	var usec int64
	pm, am12, bc := false, false, false
	var tzOff int64
	haveTZ := false
	si := 0
	skipSpaces := func() {
		for si < len(s) && s[si] == ' ' {
			si++
		}
	}
	for i := 0; i < len(tmpl); {
		if strings.HasPrefix(tmpl[i:], "FM") || strings.HasPrefix(tmpl[i:], "fm") {
			i += 2
			continue
		}
		p := matchPattern(tmpl[i:])
		if p == "" {
			c := tmpl[i]
			i++
			if c == '"' {
				for i < len(tmpl) && tmpl[i] != '"' {
					i++
					si++
				}
				i++
				continue
			}
			if c == ' ' {
				skipSpaces()
				continue
			}
			// A separator in the template skips one non-alphanumeric character of the input.
			if si < len(s) && !isAlnum(s[si]) {
				si++
			}
			continue
		}
		i += len(p)
		abut := i < len(tmpl) && matchPattern(tmpl[i:]) != ""
		up := strings.ToUpper(p)
		skipSpaces()
		num := func(width int) (int, bool) {
			start := si
			if si < len(s) && (s[si] == '-' || s[si] == '+') {
				si++
			}
			for si < len(s) && s[si] >= '0' && s[si] <= '9' && (!abut || si-start < width) {
				si++
			}
			v, err := strconv.Atoi(s[start:si])
			return v, err == nil
		}
		var ok bool
		switch up {
		case "YYYY", "IYYY":
			year, ok = num(4)
		case "Y,YYY":
			var hi, lo int
			if hi, ok = num(1); ok && si < len(s) && s[si] == ',' {
				si++
				lo, ok = num(3)
			}
			year = hi*1000 + lo
		case "YYY", "IYY":
			year, ok = num(3)
			year += 2000
		case "YY", "IY":
			year, ok = num(2)
			if year < 70 {
				year += 2000
			} else {
				year += 1900
			}
		case "MM":
			month, ok = num(2)
		case "DD":
			day, ok = num(2)
		case "HH", "HH12":
			hour, ok = num(2)
			am12 = true
		case "HH24":
			hour, ok = num(2)
		case "MI":
			min, ok = num(2)
		case "SS":
			sec, ok = num(2)
		case "MS":
			var ms int
			ms, ok = num(3)
			usec = int64(ms) * 1000
		case "US":
			var us int
			us, ok = num(6)
			usec = int64(us)
		case "AM", "PM", "A.M.", "P.M.":
			rest := strings.ToUpper(s[si:])
			ok = true
			switch {
			case strings.HasPrefix(rest, "PM") || strings.HasPrefix(rest, "P.M."):
				pm = true
			case strings.HasPrefix(rest, "AM") || strings.HasPrefix(rest, "A.M."):
			default:
				ok = false
			}
			if ok {
				si += len(p)
			}
		case "AD", "BC", "A.D.", "B.C.":
			rest := strings.ToUpper(s[si:])
			ok = strings.HasPrefix(rest, "AD") || strings.HasPrefix(rest, "BC") || strings.HasPrefix(rest, "A.D.") || strings.HasPrefix(rest, "B.C.")
			bc = strings.HasPrefix(rest, "B")
			si += len(p)
		case "MON", "MONTH":
			ok = false
			for k, name := range monthNames {
				cand := name
				if up == "MON" {
					cand = name[:3]
				}
				if len(s)-si >= len(cand) && strings.EqualFold(s[si:si+len(cand)], cand) {
					month, si, ok = k+1, si+len(cand), true
					break
				}
			}
		case "DY", "DAY":
			ok = false
			for _, name := range dayNames {
				cand := name
				if up == "DY" {
					cand = name[:3]
				}
				if len(s)-si >= len(cand) && strings.EqualFold(s[si:si+len(cand)], cand) {
					si, ok = si+len(cand), true
					break
				}
			}
		case "TZH":
			var h int
			h, ok = num(2)
			tzOff, haveTZ = int64(h)*3600, true
		case "TZM":
			var m int
			m, ok = num(2)
			if tzOff < 0 {
				tzOff -= int64(m) * 60
			} else {
				tzOff += int64(m) * 60
			}
		default:
			return types.Value{}, unsupported("to_timestamp pattern %s", p)
		}
		if !ok {
			return bad("invalid value \"" + strings.TrimSpace(s[min0(si, len(s)):]) + "\" for \"" + p + "\"")
		}
	}
	if am12 {
		if hour < 1 || hour > 12 {
			return types.Value{}, Errorf("22008", "hour \"%d\" is invalid for the 12-hour clock", hour)
		}
		if pm && hour != 12 {
			hour += 12
		} else if !pm && hour == 12 {
			hour = 0
		}
	} else if pm && hour < 12 {
		hour += 12
	}
	if bc {
		year = -year
	}
	days, err := civilDays(int64(year), int64(month), int64(day))
	if err != nil {
		return types.Value{}, err
	}
	if hour > 24 || min > 59 || sec > 60 {
		return types.Value{}, Errorf("22008", "date/time field value out of range: %q", s)
	}
	local := days*microsPerDay + ((int64(hour)*60+int64(min))*60+int64(sec))*1e6 + usec
	off := types.ZoneOffsetAt(local, loc)
	if haveTZ {
		off = tzOff
	}
	return types.Value{T: types.Timestamptz, I: local - off*1e6}, nil
}

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' }

func min0(a, b int) int {
	if a < b {
		return a
	}
	return b
}

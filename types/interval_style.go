package types

import "strconv"

// IntervalStyle values, as TextStyle carries them: the zero value is PostgreSQL's default.
const (
	IntervalPostgres uint8 = iota
	IntervalPostgresVerbose
	IntervalSQLStandard
	IntervalISO8601
)

// IntervalStyles names the IntervalStyle values by their setting's spelling.
var IntervalStyles = map[string]uint8{"postgres": IntervalPostgres, "postgres_verbose": IntervalPostgresVerbose,
	"sql_standard": IntervalSQLStandard, "iso_8601": IntervalISO8601}

// itm is an interval in PostgreSQL's pg_itm fields, each truncated toward zero as
// interval2itm does (so every field has the sign of its part of the interval).
type itm struct {
	year, mon, day, hour, min, sec, usec int64
}

func intervalFields(iv IntervalValue) itm {
	t := iv.Micros
	return itm{year: int64(iv.Months / 12), mon: int64(iv.Months % 12), day: int64(iv.Days),
		hour: t / 3600e6, min: t / 60e6 % 60, sec: t / 1e6 % 60, usec: t % 1e6}
}

// AppendIntervalStyled prints iv in an IntervalStyle, as PostgreSQL's EncodeInterval.
func AppendIntervalStyled(dst []byte, iv IntervalValue, style uint8) []byte {
	switch style {
	case IntervalPostgresVerbose:
		return appendIntervalVerbose(dst, intervalFields(iv))
	case IntervalSQLStandard:
		return appendIntervalSQL(dst, intervalFields(iv))
	case IntervalISO8601:
		return appendIntervalISO(dst, intervalFields(iv))
	}
	return AppendIntervalText(dst, iv)
}

// appendSeconds is AppendSeconds: |sec| (two digits when fill) and the fraction without
// trailing zeros; the caller prints the sign.
func appendSeconds(dst []byte, sec, usec int64, fill bool) []byte {
	if sec < 0 {
		sec = -sec
	}
	if usec < 0 {
		usec = -usec
	}
	if fill {
		dst = append2u(dst, uint64(sec))
	} else {
		dst = strconv.AppendInt(dst, sec, 10)
	}
	return appendFrac(dst, usec)
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// appendIntervalSQL is IntervalStyle sql_standard: "1-2", "3 4:05:06", "-1 2:03:04", and for
// mixed signs or both year-month and day-time parts every part signed: "+1-2 -3 +4:05:06".
func appendIntervalSQL(dst []byte, f itm) []byte {
	neg := f.year < 0 || f.mon < 0 || f.day < 0 || f.hour < 0 || f.min < 0 || f.sec < 0 || f.usec < 0
	pos := f.year > 0 || f.mon > 0 || f.day > 0 || f.hour > 0 || f.min > 0 || f.sec > 0 || f.usec > 0
	yearMonth := f.year != 0 || f.mon != 0
	dayTime := f.day != 0 || f.hour != 0 || f.min != 0 || f.sec != 0 || f.usec != 0
	standard := !(neg && pos) && !(yearMonth && dayTime)
	if neg && standard {
		dst = append(dst, '-')
		f = itm{-f.year, -f.mon, -f.day, -f.hour, -f.min, -f.sec, -f.usec}
	}
	sign := func(neg bool) byte {
		if neg {
			return '-'
		}
		return '+'
	}
	switch {
	case !neg && !pos:
		return append(dst, '0')
	case !standard:
		dst = append(dst, sign(f.year < 0 || f.mon < 0))
		dst = strconv.AppendInt(dst, abs64(f.year), 10)
		dst = append(dst, '-')
		dst = strconv.AppendInt(dst, abs64(f.mon), 10)
		dst = append(dst, ' ', sign(f.day < 0))
		dst = strconv.AppendInt(dst, abs64(f.day), 10)
		dst = append(dst, ' ', sign(f.hour < 0 || f.min < 0 || f.sec < 0 || f.usec < 0))
		dst = strconv.AppendInt(dst, abs64(f.hour), 10)
		dst = append(dst, ':')
		dst = append2u(dst, uint64(abs64(f.min)))
		dst = append(dst, ':')
		return appendSeconds(dst, f.sec, f.usec, true)
	case yearMonth:
		dst = strconv.AppendInt(dst, f.year, 10)
		dst = append(dst, '-')
		return strconv.AppendInt(dst, f.mon, 10)
	case f.day != 0:
		dst = strconv.AppendInt(dst, f.day, 10)
		dst = append(dst, ' ')
	}
	dst = strconv.AppendInt(dst, f.hour, 10)
	dst = append(dst, ':')
	dst = append2u(dst, uint64(f.min))
	dst = append(dst, ':')
	return appendSeconds(dst, f.sec, f.usec, true)
}

// appendIntervalISO is IntervalStyle iso_8601: "P1Y2M3DT4H5M6.5S", "PT0S" for zero.
func appendIntervalISO(dst []byte, f itm) []byte {
	if f == (itm{}) {
		return append(dst, "PT0S"...)
	}
	dst = append(dst, 'P')
	part := func(v int64, unit byte) {
		if v != 0 {
			dst = strconv.AppendInt(dst, v, 10)
			dst = append(dst, unit)
		}
	}
	part(f.year, 'Y')
	part(f.mon, 'M')
	part(f.day, 'D')
	if f.hour != 0 || f.min != 0 || f.sec != 0 || f.usec != 0 {
		dst = append(dst, 'T')
	}
	part(f.hour, 'H')
	part(f.min, 'M')
	if f.sec != 0 || f.usec != 0 {
		if f.sec < 0 || f.usec < 0 {
			dst = append(dst, '-')
		}
		dst = appendSeconds(dst, f.sec, f.usec, false)
		dst = append(dst, 'S')
	}
	return dst
}

// appendIntervalVerbose is IntervalStyle postgres_verbose: "@ 1 year 2 mons 3 days ago", the
// first nonzero part's sign saying "ago" and the others' signs relative to it.
func appendIntervalVerbose(dst []byte, f itm) []byte {
	dst = append(dst, '@')
	zero, before := true, false
	part := func(v int64, unit string) {
		if v == 0 {
			return
		}
		if zero {
			before, v = v < 0, abs64(v)
		} else if before {
			v = -v
		}
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, v, 10)
		dst = append(dst, ' ')
		dst = append(dst, unit...)
		if v != 1 {
			dst = append(dst, 's')
		}
		zero = false
	}
	part(f.year, "year")
	part(f.mon, "mon")
	part(f.day, "day")
	part(f.hour, "hour")
	part(f.min, "min")
	if f.sec != 0 || f.usec != 0 {
		dst = append(dst, ' ')
		if f.sec < 0 || f.sec == 0 && f.usec < 0 {
			if zero {
				before = true
			} else if !before {
				dst = append(dst, '-')
			}
		} else if before {
			dst = append(dst, '-')
		}
		dst = appendSeconds(dst, f.sec, f.usec, false)
		dst = append(dst, " sec"...)
		if abs64(f.sec) != 1 || f.usec != 0 {
			dst = append(dst, 's')
		}
		zero = false
	}
	if zero {
		dst = append(dst, " 0"...)
	}
	if before {
		dst = append(dst, " ago"...)
	}
	return dst
}

// Package bytesize reads and prints memory sizes the way PostgreSQL's memory settings do
// (shared_buffers = '256MB'), also accepting the IEC spellings (256MiB) the docs use.
package bytesize

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// units maps each accepted suffix to its multiplier. As in PostgreSQL the multiplier is
// 1024 (kB is 1024 bytes) and the names are case-sensitive, so "256mb" is refused rather
// than guessed; KB and the IEC names (KiB, MiB, ...) mean the same as PostgreSQL's.
var units = map[string]int64{
	"":   1,
	"B":  1,
	"kB": 1 << 10, "KB": 1 << 10, "KiB": 1 << 10,
	"MB": 1 << 20, "MiB": 1 << 20,
	"GB": 1 << 30, "GiB": 1 << 30,
	"TB": 1 << 40, "TiB": 1 << 40,
}

// Parse reads a size such as "256MiB", "1.5 GB", "64kB" or "1048576" (bytes). A fractional
// value is rounded to the nearest byte, as PostgreSQL rounds to its base unit.
func Parse(s string) (int64, error) {
	t := strings.TrimSpace(s)
	end := 0
	for end < len(t) && (t[end] >= '0' && t[end] <= '9' || t[end] == '.') {
		end++
	}
	num, unit := t[:end], strings.TrimSpace(t[end:])
	mult, ok := units[unit]
	if !ok {
		return 0, fmt.Errorf("invalid size %q: valid units are B, kB, MB, GB, TB (or KiB, MiB, GiB, TiB)", s)
	}
	if num == "" {
		return 0, fmt.Errorf("invalid size %q: no number", s)
	}
	if n, err := strconv.ParseInt(num, 10, 64); err == nil {
		if n > math.MaxInt64/mult {
			return 0, fmt.Errorf("size %q is out of range", s)
		}
		return n * mult, nil
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	b := math.Round(f * float64(mult))
	if b >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q is out of range", s)
	}
	return int64(b), nil
}

// Format prints n with the largest binary unit that divides it exactly ("256MiB"), so the
// result reads back with Parse to the same number.
func Format(n int64) string {
	for _, u := range []struct {
		name string
		mult int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n != 0 && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.name
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

// Flag is a pflag.Value (and flag.Value) holding a size in bytes.
type Flag struct {
	p         *int64
	unlimited bool // "-1" is accepted and stored as -1: no limit
}

// NewFlag returns a flag value that stores into p, starting at def.
func NewFlag(p *int64, def int64) Flag {
	*p = def
	return Flag{p: p}
}

// NewLimitFlag is NewFlag for a limit that "-1" turns off.
func NewLimitFlag(p *int64, def int64) Flag {
	*p = def
	return Flag{p: p, unlimited: true}
}

func (f Flag) String() string {
	if f.p == nil {
		return "0B"
	}
	if f.unlimited && *f.p < 0 {
		return "-1"
	}
	return Format(*f.p)
}

// Set parses s with Parse.
func (f Flag) Set(s string) error {
	if f.unlimited && strings.TrimSpace(s) == "-1" {
		*f.p = -1
		return nil
	}
	n, err := Parse(s)
	if err != nil {
		return err
	}
	*f.p = n
	return nil
}

// Type names the flag's argument in help output.
func (f Flag) Type() string { return "size" }

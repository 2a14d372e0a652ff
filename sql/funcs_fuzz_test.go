package sql

import (
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// FuzzFormatText: format()'s specifier parser never panics, whatever the format string and
// arguments; it formats or fails with a PostgreSQL error.
func FuzzFormatText(f *testing.F) {
	for _, s := range []string{"%s %I %L %%", "%2$s %1$*3$s", "%-*s|", "%0$s", "%*2147483648$s", "%", "%z", "%10s"} {
		f.Add(s, "x", int64(3))
	}
	f.Fuzz(func(t *testing.T, format, s string, n int64) {
		args := []types.Value{types.NewText(s), types.NewInt(types.Int64, n), {T: types.Text, Null: true}}
		if _, err := formatText(format, args, time.UTC, types.TextStyle{}); err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("format(%q): %v is not a PostgreSQL error", format, err)
			}
		}
	})
}

// FuzzRegex: a pattern and flags either compile or fail with a PostgreSQL error, and every
// function's search over any text ends with matches inside the text; the seeds with a back
// reference or lookaround take pgregex's backtracking dissection, whose budget error must be PostgreSQL's too.
func FuzzRegex(f *testing.F) {
	for _, s := range []string{"b*", "a|ab", `\y\w+`, "(x)?b", "^a", "# c\n a", ".*?",
		`(a)\1`, `^(a*?)\1$`, `\m(\w+) \1\M`, `(b)?\1*`, `([[:alpha:]])\1`} {
		f.Add(s, "gi", "abc ab\nb")
		f.Add(s, "x", "")
	}
	f.Fuzz(func(t *testing.T, pattern, flags, text string) {
		re, err := compilePGRegex(pattern, flags, "regexp_matches", true)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: %v is not a PostgreSQL error", pattern, err)
			}
			return
		}
		n := 0
		err = re.eachMatch(text, 0, true, func(m []int) bool {
			if m[0] < 0 || m[1] > len(text) || m[0] > m[1] {
				t.Fatalf("match %v outside %q", m, text)
			}
			n++
			return n <= 2*len(text)+2
		})
		if _, ok := err.(*Error); err != nil && !ok {
			t.Fatalf("%q over %q: %v is not a PostgreSQL error", pattern, text, err)
		}
		if n > 2*len(text)+2 {
			t.Fatalf("%q over %q: more matches than positions", pattern, text)
		}
		regexpSplit(re, text)
	})
}

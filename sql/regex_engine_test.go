package sql

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestRegexBudget: a back-reference pattern whose dissection backtracks exponentially fails
// with 2201B once its step budget runs out instead of holding the statement.
func TestRegexBudget(t *testing.T) {
	re, err := compilePGRegex(`^((a|aa)+)+\1b$`, "", "regexp_match", false)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = re.matchString(context.TODO(), strings.Repeat("a", 60))
	if err != nil {
		if e, ok := err.(*Error); !ok || e.Code != "2201B" {
			t.Fatalf("got %v, want no match or 2201B", err)
		}
	}
	err = re.eachMatch(strings.Repeat("a", 60), 0, true, func([]int) bool { return true })
	if err != nil {
		if e, ok := err.(*Error); !ok || e.Code != "2201B" {
			t.Fatalf("eachMatch: got %v, want no match or 2201B", err)
		}
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("the matches ran %v", d)
	}
}

// TestRegexRE2Only: a test for a match runs on RE2 exactly when RE2 has the pattern's
// language (no back reference, lookaround, \m or \M; \1 in brackets, an escaped backslash
// and flag q are no back references).
func TestRegexRE2Only(t *testing.T) {
	for pattern, want := range map[string]bool{
		`(a)\1`: false, `a\\1`: true, `[\d1]`: true, `x*?`: true, `(a)(b)\2`: false,
		`a(?=b)`: false, `(?<!a)b`: false, `\mfoo\M`: false, `\yfoo\Y`: true, `^a$`: true,
	} {
		re, err := compilePGRegex(pattern, "", "regexp_match", false)
		if err != nil {
			t.Fatalf("%s: %v", pattern, err)
		}
		if got := re.re != nil; got != want {
			t.Errorf("%s: RE2 %v, want %v", pattern, got, want)
		}
	}
	re, err := compilePGRegex(`(a)\1`, "q", "regexp_match", false)
	if err != nil || re.re == nil || !re.re.MatchString(`(a)\1`) {
		t.Errorf("flag q: %v %v", re, err)
	}
}

// BenchmarkRegexTable is a regular expression over the 10,000 rows of a table: ~ on RE2
// (a pattern RE2 can express), ~ on pgregex (a back reference), and regexp_match's groups.
func BenchmarkRegexTable(b *testing.B) {
	s := benchSession(b, 10000)
	ctx := context.Background()
	for name, q := range map[string]string{
		"tilde":         `SELECT count(*) FROM t WHERE v ~ 'e [0-9]*7$'`,
		"tilde-backref": `SELECT count(*) FROM t WHERE v ~ '(\d)\1'`,
		"regexp_match":  `SELECT count(regexp_match(v, '(\d+?)(\d*)')) FROM t`,
	} {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				if err := s.Exec(ctx, q, discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

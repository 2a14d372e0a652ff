package sql

import (
	"strings"
	"testing"
	"time"
)

// TestBackrefTimeout: a back-reference pattern that backtracks exponentially fails with
// 2201B once its match time runs out instead of holding the statement.
func TestBackrefTimeout(t *testing.T) {
	defer func(d time.Duration) { backrefMatchTimeout = d }(backrefMatchTimeout)
	backrefMatchTimeout = 50 * time.Millisecond
	re, err := compilePGRegex(`^((a|aa)+)+\1b$`, "", "regexp_match", false)
	if err != nil {
		t.Fatal(err)
	}
	if re.bre == nil {
		t.Fatal("a back reference did not take the regexp2 path")
	}
	start := time.Now()
	_, err = re.matchString(strings.Repeat("a", 60))
	if e, ok := err.(*Error); !ok || e.Code != "2201B" {
		t.Fatalf("got %v, want 2201B", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the match ran %v past its 50ms limit", d)
	}
	err = re.eachMatch(strings.Repeat("a", 60), 0, true, func([]int) bool { return true })
	if e, ok := err.(*Error); !ok || e.Code != "2201B" {
		t.Fatalf("eachMatch: got %v, want 2201B", err)
	}
}

// TestBackrefOnlyOnRegexp2: only a pattern with a back reference leaves RE2 (\1 in brackets,
// an escaped backslash before a digit and flag q are not back references).
func TestBackrefOnlyOnRegexp2(t *testing.T) {
	for pattern, want := range map[string]bool{
		`(a)\1`: true, `a\\1`: false, `[\d1]`: false, `x*`: false, `(a)(b)\2`: true,
		`[[:alpha:]](.)\1`: true,
	} {
		re, err := compilePGRegex(pattern, "", "regexp_match", false)
		if err != nil {
			t.Fatalf("%s: %v", pattern, err)
		}
		if got := re.bre != nil; got != want {
			t.Errorf("%s: regexp2 %v, want %v", pattern, got, want)
		}
	}
	re, err := compilePGRegex(`(a)\1`, "q", "regexp_match", false)
	if err != nil || re.bre != nil || !re.re.MatchString(`(a)\1`) {
		t.Errorf("flag q: %v %v", re, err)
	}
}

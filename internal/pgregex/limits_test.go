package pgregex

import "testing"

// TestLimits: a pattern too big to compile is regcomp's "too complex", as in PostgreSQL.
func TestLimits(t *testing.T) {
	for _, p := range []string{"((a{255}){255}){255}", string(make([]byte, 0)) + repeatString("(", 600) + "a" + repeatString(")", 600)} {
		if _, err := Compile(p, Flags{}); err == nil || err.Error() != msgTooBig {
			t.Errorf("%.30s: %v, want %s", p, err, msgTooBig)
		}
	}
}

func repeatString(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

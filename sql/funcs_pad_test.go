package sql

import (
	"runtime"
	"testing"
)

// lpad and rpad allocate about their result once: the fuzzer's lpad('a', 268431455) took
// 1.6 GB and 21 s when the padding was built rune by rune.
func TestPadAllocates(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, q := range []string{"SELECT length(lpad('a', 10000000, 'xé'))", "SELECT length(rpad('é', 10000000))"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		out := execOK(t, s, q).lines
		runtime.ReadMemStats(&after)
		if len(out) == 0 || out[0] != "10000000" {
			t.Errorf("%s: %v", q, out)
		}
		// The result is 10-15 MB of text; the rune-by-rune padding took 40 MB more.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 35<<20 {
			t.Errorf("%s allocated %d MB", q, alloc>>20)
		}
	}
}

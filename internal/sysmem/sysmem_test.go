package sysmem

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if got := memTotal(write("meminfo", "MemFree: 5 kB\nMemTotal:       24683584 kB\n")); got != 24683584<<10 {
		t.Errorf("memTotal %d", got)
	}
	if got := memTotal(write("bad", "MemTotal: x kB\n")); got != 0 {
		t.Errorf("memTotal of garbage %d, want 0", got)
	}
	for s, want := range map[string]int64{"max\n": 0, "9223372036854771712\n": 0, "2147483648\n": 2 << 30, "": 0} {
		if got := cgroupLimit(write("limit", s)); got != want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", s, got, want)
		}
	}
	if Total() < 0 {
		t.Error("negative total")
	}
}

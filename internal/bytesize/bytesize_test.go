package bytesize

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr string
	}{
		{in: "1048576", want: 1 << 20},
		{in: "0", want: 0},
		{in: "512B", want: 512},
		{in: "64kB", want: 64 << 10},
		{in: "64KB", want: 64 << 10},
		{in: "64KiB", want: 64 << 10},
		{in: "256MB", want: 256 << 20},
		{in: "256MiB", want: 256 << 20},
		{in: " 256 MiB ", want: 256 << 20},
		{in: "2GB", want: 2 << 30},
		{in: "2GiB", want: 2 << 30},
		{in: "1TB", want: 1 << 40},
		{in: "1TiB", want: 1 << 40},
		{in: "1.5GB", want: 3 << 29},
		{in: "0.5kB", want: 512},
		{in: "256mb", wantErr: "valid units"},
		{in: "256M", wantErr: "valid units"},
		{in: "256 bytes", wantErr: "valid units"},
		{in: "MB", wantErr: "no number"},
		{in: "", wantErr: "no number"},
		{in: "-1MB", wantErr: "valid units"},
		{in: "1.2.3MB", wantErr: "invalid size"},
		{in: "9999999TB", wantErr: "out of range"},
		{in: "99999999999999999999", wantErr: "out of range"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse(%q) = %d, %v; want error %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatReadsBack(t *testing.T) {
	for _, n := range []int64{0, 1, 1000, 1 << 10, 256 << 20, 3 << 29, 1<<40 + 1, 5 << 40} {
		s := Format(n)
		got, err := Parse(s)
		if err != nil || got != n {
			t.Errorf("Parse(Format(%d) = %q) = %d, %v", n, s, got, err)
		}
	}
	if got := Format(256 << 20); got != "256MiB" {
		t.Errorf("Format(256 MiB) = %q", got)
	}
}

func TestLimitFlag(t *testing.T) {
	var plain, limit int64
	if err := NewFlag(&plain, 1).Set("-1"); err == nil {
		t.Errorf("a size flag took -1 (as %d)", plain)
	}
	f := NewLimitFlag(&limit, 1)
	for _, tc := range []struct {
		in   string
		want int64
	}{{"-1", -1}, {"2MiB", 2 << 20}, {" -1 ", -1}} {
		if err := f.Set(tc.in); err != nil || limit != tc.want {
			t.Errorf("Set(%q) = %d, %v; want %d", tc.in, limit, err, tc.want)
		}
	}
	if err := f.Set("-2"); err == nil {
		t.Errorf("a limit flag took -2")
	}
	if f.Set("-1"); f.String() != "-1" {
		t.Errorf("String() = %q after -1", f.String())
	}
}

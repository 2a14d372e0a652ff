package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestRelaxSysmon: the server's start gives the runtime's sysmon thread its timer slack, and
// says so (or why not) in its debug log.
func TestRelaxSysmon(t *testing.T) {
	var buf bytes.Buffer
	relaxSysmon(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if strings.Contains(buf.String(), "not set") {
		t.Skip("not settable here:", buf.String())
	}
	m := regexp.MustCompile(`thread=(\d+)`).FindStringSubmatch(buf.String())
	if m == nil {
		t.Fatalf("log %q names no thread", buf.String())
	}
	p := fmt.Sprintf("/proc/%s/timerslack_ns", m[1])
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.WriteFile(p, []byte("0"), 0) }() // 0: back to the default
	if got, want := strings.TrimSpace(string(b)), fmt.Sprint(sysmonSlack.Nanoseconds()); got != want {
		t.Fatalf("sysmon's slack %s, want %s", got, want)
	}
}

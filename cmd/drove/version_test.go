package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionString(t *testing.T) {
	vcs := func(rev, modified string, main string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Version: main}}
		if rev != "" {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: "vcs.revision", Value: rev})
		}
		if modified != "" {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: "vcs.modified", Value: modified})
		}
		return bi
	}
	tests := []struct {
		name            string
		version, commit string
		bi              *debug.BuildInfo
		want            string
	}{
		{"nothing known", "", "", nil, "dev"},
		{"devel build without vcs", "", "", vcs("", "", "(devel)"), "dev"},
		{"stamped", "v1.2.3", "abc123", vcs("fff", "true", "(devel)"), "v1.2.3 (commit abc123)"},
		{"stamped version only, vcs commit", "v1.2.3", "", vcs("fff", "false", "(devel)"), "v1.2.3 (commit fff)"},
		{"go build in a clean checkout", "", "", vcs("0123abcd", "false", "(devel)"), "dev (commit 0123abcd)"},
		{"go build with local changes", "", "", vcs("0123abcd", "true", "(devel)"), "dev (commit 0123abcd, modified)"},
		{"go install module@version", "", "", vcs("", "", "v0.4.0"), "v0.4.0"},
	}
	for _, tt := range tests {
		if got := versionString(tt.version, tt.commit, tt.bi); got != tt.want {
			t.Errorf("%s: versionString = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionCommandAndFlag(t *testing.T) {
	want := "drove " + versionString(version, commit, readBuildInfo()) + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		root := rootCmd()
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetArgs(args)
		if err := root.Execute(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if out.String() != want {
			t.Errorf("drove %v printed %q, want %q", args, out.String(), want)
		}
	}
}

// TestBuiltBinaryVersion builds the binary both ways: `make build` stamps what it is given,
// and a plain `go build` in a git checkout reports the checkout's commit.
func TestBuiltBinaryVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "drove")
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if _, err := exec.LookPath("make"); err == nil {
		run("make", "-s", "-C", "../..", "build", "OUT="+bin, "VERSION=v9.9.9-test", "COMMIT=c0ffee")
		if got := run(bin, "--version"); got != "drove v9.9.9-test (commit c0ffee)\n" {
			t.Errorf("make build: drove --version = %q", got)
		}
	}
	// The toolchain finds the repository only where .git is a directory (not in a git
	// worktree), and some environments set GOFLAGS=-buildvcs=false: ask for it explicitly.
	if fi, err := os.Stat("../../.git"); err != nil || !fi.IsDir() {
		t.Skip("../../.git is not a directory (a git worktree?): go build cannot stamp vcs.revision")
	}
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".").CombinedOutput(); err != nil {
		if strings.Contains(string(out), "error obtaining VCS status") { // e.g. git refuses a checkout owned by another user
			t.Skipf("the toolchain cannot read the repository: %s", out)
		}
		t.Fatalf("go build: %v\n%s", err, out)
	}
	got := run(bin, "version")
	// Go 1.24+ also derives a pseudo-version (v0.0.0-<time>-<sha>) from a clean checkout.
	if !strings.HasPrefix(got, "drove ") || !strings.Contains(got, "(commit "+strings.TrimSpace(string(head))) {
		t.Errorf("go build: drove version = %q, want the commit %s", got, head)
	}
}

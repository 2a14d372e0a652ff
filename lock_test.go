package drove_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/drovedb/drove"
)

// TestSecondProcessIsRefused: a directory one process has open is refused to another with
// the holder's process id. The test binary runs itself as the second process.
func TestSecondProcessIsRefused(t *testing.T) {
	if dir := os.Getenv("DROVE_LOCK_TEST_DIR"); dir != "" {
		_, err := drove.Open(dir, drove.WithLogger(quietLogger()))
		fmt.Printf("open: %v\n", err)
		os.Exit(0)
	}
	dir := t.TempDir()
	db, err := drove.Open(dir, drove.WithLogger(quietLogger()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcessIsRefused$")
	cmd.Env = append(os.Environ(), "DROVE_LOCK_TEST_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("second process: %v\n%s", err, out)
	}
	if want := fmt.Sprintf("locked by process %d", os.Getpid()); !strings.Contains(string(out), want) {
		t.Fatalf("second process said %q, want %q", out, want)
	}
}

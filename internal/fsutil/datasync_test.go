package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestDataSync: DataSync syncs an open file (preallocated or growing) and reports a closed
// one's failure as a *os.PathError naming the file, as os.File.Sync does.
func TestDataSync(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(f *os.File) error
		closed  bool
	}{
		{"appended", func(f *os.File) error { _, err := f.Write([]byte("entry")); return err }, false},
		{"preallocated", func(f *os.File) error {
			if err := f.Truncate(1 << 16); err != nil {
				return err
			}
			_, err := f.WriteAt([]byte("entry"), 100)
			return err
		}, false},
		{"closed", func(f *os.File) error { return f.Close() }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Create(filepath.Join(t.TempDir(), "seg"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := tc.prepare(f); err != nil {
				t.Fatal(err)
			}
			err = DataSync(f)
			var pe *os.PathError
			switch {
			case tc.closed && !errors.As(err, &pe):
				t.Fatalf("sync of a closed file: %v, want a *os.PathError", err)
			case !tc.closed && err != nil:
				t.Fatal(err)
			}
		})
	}
}

package backup

import (
	"bytes"
	"testing"

	"github.com/drovedb/drove/checkpoint"
)

// verifyingSink checks pages as a Store would, without the disk.
type verifyingSink struct{}

func (verifyingSink) ImportPage(id uint64, data []byte) error { return checkpoint.VerifyPage(id, data) }
func (verifyingSink) SyncPages() error                        { return nil }

// FuzzRead feeds arbitrary bytes to Read, the parser a restore runs on an uploaded file: it
// must refuse what is not a backup, never panic, and name only pages of the manifest.
func FuzzRead(f *testing.F) {
	f.Add(archive(f))
	f.Add([]byte{})
	f.Add([]byte("\x28\xb5\x2f\xfd"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, m, err := Read(bytes.NewReader(data), verifyingSink{})
		if err == nil && m == nil {
			t.Fatal("no error and no manifest")
		}
	})
}

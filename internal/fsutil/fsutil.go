package fsutil

import (
	"os"
	"path/filepath"
)

// WriteFileSync replaces path with data durably: written to a temporary file beside it,
// fsynced, renamed into place, and the directory fsynced. A crash leaves the old content or
// the new, never a mix. The file is readable by all (WriteSecretSync: by the owner only).
func WriteFileSync(path string, data []byte) error { return writeSync(path, data, 0o644) }

// WriteSecretSync is WriteFileSync for a file only its owner may read (password verifiers).
func WriteSecretSync(path string, data []byte) error { return writeSync(path, data, 0o600) }

func writeSync(path string, data []byte, perm os.FileMode) error {
	tmp := path + ".tmp"
	if err := SyncedWrite(tmp, data, perm); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// SyncedWrite writes data to path (created or truncated) and fsyncs it, without a rename or
// a directory sync: for callers that rename several files into place and sync their
// directory once (a checkpoint's pages).
func SyncedWrite(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// SyncDir makes renames and new files in dir durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

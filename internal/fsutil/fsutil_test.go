package fsutil

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileSyncReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	for _, content := range []string{"one", "two, longer", ""} {
		if err := WriteFileSync(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q, %v; want %q", got, err, content)
		}
		if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
			t.Fatalf("temporary file left behind: %v", err)
		}
	}
	if err := WriteFileSync(filepath.Join(t.TempDir(), "missing", "f"), nil); err == nil {
		t.Fatal("writing into a missing directory succeeded")
	}
}

func TestWriteSecretSyncIsOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret")
	if err := WriteSecretSync(path, []byte("x")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		t.Fatalf("secret file mode %v: readable beyond its owner", perm)
	}
}

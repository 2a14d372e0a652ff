package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Required() {
		t.Fatal("an empty store requires passwords")
	}
	if err := s.SetPassword("drove", "pässwörd"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassword("app", "other"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassword("app", ""); err == nil {
		t.Fatal("an empty password was accepted")
	}
	reopened, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		user, password string
		want           bool
	}{
		{"drove", "pässwörd", true},
		{"drove", "password", false},
		{"app", "other", true},
		{"nobody", "other", false},
	}
	for _, c := range checks {
		if got := reopened.Matches(c.user, c.password); got != c.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", c.user, c.password, got, c.want)
		}
	}
	if !reopened.Required() || strings.Join(reopened.Users(), ",") != "app,drove" {
		t.Fatalf("reopened store: required %v, users %v", reopened.Required(), reopened.Users())
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), "pässwörd") || strings.Contains(string(b), "other") {
		t.Fatal("the users file holds a password")
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("users file mode %v, want 0600", st.Mode().Perm())
	}
}

func TestOpenRefusesDamagedFile(t *testing.T) {
	for name, body := range map[string]string{
		"not json":      "{",
		"short key":     `{"drove": {"salt": "c2FsdA==", "iterations": 4096, "stored_key": "AA==", "server_key": "AA=="}}`,
		"no iterations": `{"drove": {"salt": "c2FsdA==", "iterations": 0}}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "users.json")
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := Open(path); err == nil {
				t.Fatal("a damaged users file was accepted")
			}
		})
	}
}

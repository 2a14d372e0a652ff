package auth

import (
	"encoding/base64"
	"errors"
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

func TestCreateAlterDrop(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "users.json"))
	if err != nil {
		t.Fatal(err)
	}
	// A verifier in PostgreSQL's text form, made with the SCRAM library from a known password.
	salt := []byte("0123456789abcdef")
	v, err := newVerifier("from-a-client", salt, 4096)
	if err != nil {
		t.Fatal(err)
	}
	b64 := base64.StdEncoding.EncodeToString
	text := "SCRAM-SHA-256$4096:" + b64(salt) + "$" + b64(v.StoredKey) + ":" + b64(v.ServerKey)

	steps := []struct {
		name string
		do   func() error
		want error // nil, or the error expected (matched with errors.Is, or any error for errAny)
	}{
		{"create", func() error { return s.Create("app", "first", false) }, nil},
		{"create again", func() error { return s.Create("app", "second", false) }, ErrUserExists},
		{"alter", func() error { return s.Alter("app", ptr("second"), nil) }, nil},
		{"alter a missing user", func() error { return s.Alter("ghost", ptr("x"), nil) }, ErrNoUser},
		{"create with a verifier", func() error { return s.Create("hashed", text, false) }, nil},
		{"a malformed verifier", func() error { return s.Create("bad", "SCRAM-SHA-256$4096:abc$x:y", false) }, errAny},
		{"an md5 hash", func() error { return s.Create("md5user", "md5"+strings.Repeat("0", 32), false) }, errAny},
		{"drop", func() error { return s.Drop("app") }, nil},
		{"drop again", func() error { return s.Drop("app") }, ErrNoUser},
	}
	for _, st := range steps {
		err := st.do()
		switch {
		case st.want == errAny && err == nil:
			t.Errorf("%s: accepted", st.name)
		case st.want != errAny && !errors.Is(err, st.want):
			t.Errorf("%s: got %v, want %v", st.name, err, st.want)
		}
	}
	if !s.Matches("hashed", "from-a-client") {
		t.Error("the user created from a verifier does not match its password")
	}
	if got := strings.Join(s.Users(), ","); got != "hashed" {
		t.Errorf("users = %s, want hashed", got)
	}
}

var errAny = errors.New("any error")

func ptr[T any](v T) *T { return &v }

// TestSuperuserFlag: the flag is kept with the user across password changes and reopening,
// and only ALTER with a flag changes it.
func TestSuperuserFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		do     func() error
		user   string
		super  bool
		reopen bool
	}{
		{"created a superuser", func() error { return s.Create("root", "pw", true) }, "root", true, false},
		{"created without", func() error { return s.Create("app", "pw", false) }, "app", false, false},
		{"kept on reopening", func() error { return nil }, "root", true, true},
		{"a new password keeps it", func() error { return s.Alter("root", ptr("new"), nil) }, "root", true, true},
		{"SetPassword keeps it", func() error { return s.SetPassword("root", "newer") }, "root", true, false},
		{"granted", func() error { return s.Alter("app", nil, ptr(true)) }, "app", true, true},
		{"revoked with a password", func() error { return s.Alter("app", ptr("x"), ptr(false)) }, "app", false, true},
		{"unknown users are not", func() error { return nil }, "ghost", false, false},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.reopen {
			if s, err = Open(path); err != nil {
				t.Fatal(err)
			}
		}
		if got := s.Superuser(st.user); got != st.super {
			t.Errorf("%s: Superuser(%s) = %v", st.name, st.user, got)
		}
	}
	if !s.Matches("root", "newer") || !s.Matches("app", "x") {
		t.Error("passwords not kept")
	}
}

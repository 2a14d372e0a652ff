package auth

import (
	"path/filepath"
	"testing"
)

func TestEntriesRoundTrip(t *testing.T) {
	file, err := Open(filepath.Join(t.TempDir(), "users.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := file.Create("alice", "secret", true); err != nil {
		t.Fatal(err)
	}
	if err := file.Create("bob", "hunter2", false); err != nil {
		t.Fatal(err)
	}
	mem := NewMemory()
	if mem.Required() {
		t.Fatal("an empty memory store requires passwords")
	}
	if err := mem.Replace(file.Entries()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		user, password string
		match, super   bool
	}{
		{"alice", "secret", true, true},
		{"alice", "wrong", false, true},
		{"bob", "hunter2", true, false},
		{"carol", "x", false, false},
	} {
		if got := mem.Matches(tc.user, tc.password); got != tc.match {
			t.Errorf("Matches(%s, %s) = %v, want %v", tc.user, tc.password, got, tc.match)
		}
		if got := mem.Superuser(tc.user); got != tc.super {
			t.Errorf("Superuser(%s) = %v, want %v", tc.user, got, tc.super)
		}
	}
	text, err := Verifier("pw")
	if err != nil {
		t.Fatal(err)
	}
	again, err := Verifier(text)
	if err != nil || again != text {
		t.Fatalf("a verifier given as the password is kept as it is: %q, %v", again, err)
	}
	if err := mem.Replace([]Entry{{Name: "x", Verifier: "SCRAM-SHA-256$bad"}}); err == nil {
		t.Fatal("a malformed verifier was accepted")
	}
	if !mem.Matches("alice", "secret") {
		t.Fatal("a failed Replace changed the store")
	}
	if _, err := Verifier(""); err == nil {
		t.Fatal("an empty password made a verifier")
	}
}

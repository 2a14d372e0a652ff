package auth

import (
	"encoding/base64"
	"fmt"
	"sort"
)

// In a cluster the users live in the metadata group's catalog, not in a file: a node keeps a
// Store in memory (NewMemory), replaces its content whenever the catalog changes (Replace),
// and turns passwords into verifier text (Verifier) for the catalog to hold. Entries reads a
// file store's users once, to move them into the catalog.

// Entry is one user as the catalog keeps it: the verifier in PostgreSQL's text form.
type Entry struct {
	Name      string
	Verifier  string // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
	Superuser bool
}

// NewMemory returns an empty store that is never written to a file: Replace fills it.
func NewMemory() *Store { return &Store{users: make(map[string]verifier)} }

// Verifier makes the verifier text of a password, or checks and returns one given already as
// a SCRAM-SHA-256 verifier (what psql's \password sends).
func Verifier(password string) (string, error) {
	v, err := verifierFor(password)
	if err != nil {
		return "", err
	}
	return v.text(), nil
}

func (v verifier) text() string {
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", v.Iters, b64(v.Salt), b64(v.StoredKey), b64(v.ServerKey))
}

// Entries lists the users with their verifiers, sorted by name.
func (s *Store) Entries() []Entry {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Entry, 0, len(s.users))
	for name, v := range s.users {
		out = append(out, Entry{Name: name, Verifier: v.text(), Superuser: v.Superuser})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Replace makes entries the store's whole content, in memory only. An entry whose verifier
// does not parse is an error and changes nothing.
func (s *Store) Replace(entries []Entry) error {
	next := make(map[string]verifier, len(entries))
	for _, e := range entries {
		v, err := parseVerifier(e.Verifier)
		if err != nil {
			return fmt.Errorf("auth: user %q: %w", e.Name, err)
		}
		v.Superuser = e.Superuser
		next[e.Name] = v
	}
	s.mu.Lock()
	s.users = next
	s.mu.Unlock()
	return nil
}

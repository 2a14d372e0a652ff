package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/drovedb/drove/internal/fsutil"

	"github.com/xdg-go/scram"
)

// Iterations is the PBKDF2 iteration count of new verifiers, PostgreSQL's default.
const Iterations = 4096

type verifier struct {
	Salt      []byte `json:"salt"`
	Iters     int    `json:"iterations"`
	StoredKey []byte `json:"stored_key"`
	ServerKey []byte `json:"server_key"`
	// Superuser may manage users and tablespaces. A file written before the flag existed
	// reads as false: those users are not superusers until ALTER USER ... SUPERUSER.
	Superuser bool `json:"superuser,omitempty"`
}

// Store is the set of password users, kept in one file.
type Store struct {
	path  string
	mu    sync.RWMutex
	users map[string]verifier
}

// Open reads the users file at path; a missing file is an empty store.
func Open(path string) (*Store, error) {
	s := &Store{path: path, users: make(map[string]verifier)}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &s.users); err != nil {
		return nil, fmt.Errorf("auth: %s: %w", path, err)
	}
	for name, v := range s.users {
		if len(v.Salt) == 0 || v.Iters < 1 || len(v.StoredKey) != 32 || len(v.ServerKey) != 32 {
			return nil, fmt.Errorf("auth: %s: damaged verifier for user %q", path, name)
		}
	}
	return s, nil
}

func newVerifier(password string, salt []byte, iters int) (verifier, error) {
	c, err := scram.SHA256.NewClient("", password, "")
	if err != nil {
		return verifier{}, fmt.Errorf("auth: password: %w", err)
	}
	creds, err := c.GetStoredCredentialsWithError(scram.KeyFactors{Salt: string(salt), Iters: iters})
	if err != nil {
		return verifier{}, err
	}
	return verifier{Salt: salt, Iters: iters, StoredKey: creds.StoredKey, ServerKey: creds.ServerKey}, nil
}

// Errors of Create, Alter and Drop.
var (
	ErrUserExists = errors.New("auth: user exists")
	ErrNoUser     = errors.New("auth: no such user")
	// ErrBadPassword wraps the reason a password (or verifier) cannot be stored.
	ErrBadPassword = errors.New("auth: unusable password")
)

// SetPassword gives user a new password (creating the user), durably; a superuser stays one.
func (s *Store) SetPassword(user, password string) error {
	v, err := verifierFor(password)
	if err != nil {
		return err
	}
	return s.update(func(users map[string]verifier) error {
		v.Superuser = users[user].Superuser
		users[user] = v
		return nil
	})
}

// Create adds a user with a password, or a SCRAM-SHA-256 verifier in PostgreSQL's text form
// (what psql's \password and drivers send instead of the password itself).
func (s *Store) Create(user, password string, superuser bool) error {
	v, err := verifierFor(password)
	if err != nil {
		return err
	}
	v.Superuser = superuser
	return s.update(func(users map[string]verifier) error {
		if _, ok := users[user]; ok {
			return ErrUserExists
		}
		users[user] = v
		return nil
	})
}

// Alter changes an existing user's password (or verifier) and superuser flag; nil leaves
// either as it is.
func (s *Store) Alter(user string, password *string, superuser *bool) error {
	var v verifier
	if password != nil {
		var err error
		if v, err = verifierFor(*password); err != nil {
			return err
		}
	}
	return s.update(func(users map[string]verifier) error {
		old, ok := users[user]
		if !ok {
			return ErrNoUser
		}
		if password == nil {
			v = old
		} else {
			v.Superuser = old.Superuser
		}
		if superuser != nil {
			v.Superuser = *superuser
		}
		users[user] = v
		return nil
	})
}

// Superuser reports whether user is a password user with the superuser flag.
func (s *Store) Superuser(user string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.users[user].Superuser
}

// Drop removes a user.
func (s *Store) Drop(user string) error {
	return s.update(func(users map[string]verifier) error {
		if _, ok := users[user]; !ok {
			return ErrNoUser
		}
		delete(users, user)
		return nil
	})
}

// update applies change to a copy of the users and makes it durable before it takes effect.
func (s *Store) update(change func(map[string]verifier) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := make(map[string]verifier, len(s.users)+1)
	for k, v := range s.users {
		next[k] = v
	}
	if err := change(next); err != nil {
		return err
	}
	if err := s.write(next); err != nil {
		return err
	}
	s.users = next
	return nil
}

// verifierFor makes a verifier of a password, or parses one given as
// SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey> (base64), as PostgreSQL does.
func verifierFor(password string) (verifier, error) {
	switch {
	case password == "":
		return verifier{}, fmt.Errorf("%w: it is empty", ErrBadPassword)
	case strings.HasPrefix(password, "SCRAM-SHA-256$"):
		return parseVerifier(password)
	case len(password) == 35 && strings.HasPrefix(password, "md5"):
		return verifier{}, fmt.Errorf("%w: MD5 password hashes are not supported; give the password or a SCRAM-SHA-256 verifier", ErrBadPassword)
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	return newVerifier(password, salt, Iterations)
}

func parseVerifier(text string) (verifier, error) {
	bad := fmt.Errorf("%w: malformed SCRAM-SHA-256 verifier", ErrBadPassword)
	rest := strings.TrimPrefix(text, "SCRAM-SHA-256$")
	params, keys, ok := strings.Cut(rest, "$")
	if !ok {
		return verifier{}, bad
	}
	iters, salt64, ok1 := strings.Cut(params, ":")
	stored64, server64, ok2 := strings.Cut(keys, ":")
	n, err := strconv.Atoi(iters)
	if !ok1 || !ok2 || err != nil || n < 1 {
		return verifier{}, bad
	}
	var v verifier
	v.Iters = n
	for _, f := range []struct {
		dst *[]byte
		src string
	}{{&v.Salt, salt64}, {&v.StoredKey, stored64}, {&v.ServerKey, server64}} {
		if *f.dst, err = base64.StdEncoding.DecodeString(f.src); err != nil {
			return verifier{}, bad
		}
	}
	if len(v.Salt) == 0 || len(v.StoredKey) != 32 || len(v.ServerKey) != 32 {
		return verifier{}, bad
	}
	return v, nil
}

// Matches reports whether password is user's current password.
func (s *Store) Matches(user, password string) bool {
	s.mu.RLock()
	v, ok := s.users[user]
	s.mu.RUnlock()
	if !ok {
		return false
	}
	w, err := newVerifier(password, v.Salt, v.Iters)
	return err == nil && subtle.ConstantTimeCompare(w.StoredKey, v.StoredKey) == 1
}

// Credentials returns user's verifier for a SCRAM exchange; false if the user has none.
func (s *Store) Credentials(user string) (scram.StoredCredentials, bool) {
	s.mu.RLock()
	v, ok := s.users[user]
	s.mu.RUnlock()
	if !ok {
		return scram.StoredCredentials{}, false
	}
	return scram.StoredCredentials{KeyFactors: scram.KeyFactors{Salt: string(v.Salt), Iters: v.Iters},
		StoredKey: v.StoredKey, ServerKey: v.ServerKey}, true
}

// Required reports whether any user has a password: then every connection must give one.
func (s *Store) Required() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.users) > 0
}

// Users lists the users, sorted.
func (s *Store) Users() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.users))
	for n := range s.users {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (s *Store) write(users map[string]verifier) error {
	b, err := json.MarshalIndent(users, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteSecretSync(s.path, b)
}

package server

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/auth"
	"github.com/drovedb/drove/pgwire"
	"github.com/drovedb/drove/sql"
)

// SuperUser is the user DROVE_PASSWORD gives a password to. It is always a superuser, with or
// without a password, as PostgreSQL's bootstrap superuser is.
const SuperUser = "drove"

// loadUsers opens the node's password users and applies Config.Password.
func (s *Server) loadUsers() error {
	users, err := auth.Open(filepath.Join(s.cfg.DataDir, "users.json"))
	if err != nil {
		return err
	}
	s.users = users
	if pw := s.cfg.Password; pw != "" && !users.Matches(SuperUser, pw) {
		if err := users.SetPassword(SuperUser, pw); err != nil {
			return err
		}
		s.log.Info("password set", "user", SuperUser)
	}
	return nil
}

// Authenticate implements pgwire.Backend: trust until some user has a password (or with
// TrustNetwork), SCRAM-SHA-256 for everyone after.
func (s *Server) Authenticate(user string) (*scram.StoredCredentials, error) {
	if s.cfg.TrustNetwork || !s.users.Required() {
		return nil, nil
	}
	creds, ok := s.users.Credentials(user)
	if !ok {
		return nil, pgwire.ErrUnknownUser
	}
	return &creds, nil
}

// CreateUser implements sql.Node.
func (s *Server) CreateUser(_ context.Context, name string, opts sql.UserOptions) error {
	super := opts.Superuser != nil && *opts.Superuser
	return s.userError(name, s.users.Create(name, *opts.Password, super), "created", "superuser", super)
}

// AlterUser implements sql.Node.
func (s *Server) AlterUser(_ context.Context, name string, opts sql.UserOptions) error {
	if name == SuperUser && opts.Superuser != nil && !*opts.Superuser {
		return &sql.Error{Code: "0A000", Message: "permission denied to alter role",
			Detail: fmt.Sprintf("The bootstrap superuser %q must have the SUPERUSER attribute.", SuperUser)}
	}
	return s.userError(name, s.users.Alter(name, opts.Password, opts.Superuser), "altered",
		"password_changed", opts.Password != nil, "superuser", s.users.Superuser(name))
}

// Superuser implements sql.Node: the user "drove", and users created or altered WITH
// SUPERUSER.
func (s *Server) Superuser(user string) bool { return user == SuperUser || s.users.Superuser(user) }

// DropUser implements sql.Node. The superuser's password, while --password sets it, comes back
// at the next start.
func (s *Server) DropUser(_ context.Context, name string) error {
	return s.userError(name, s.users.Drop(name), "dropped")
}

// userError maps the users store's errors to PostgreSQL's, and logs a change.
func (s *Server) userError(name string, err error, done string, attrs ...any) error {
	switch {
	case err == nil:
		s.log.Info("user "+done, append([]any{"user", name}, attrs...)...)
		return nil
	case errors.Is(err, auth.ErrUserExists):
		return sql.Errorf("42710", "role %q already exists", name)
	case errors.Is(err, auth.ErrNoUser):
		return sql.Errorf("42704", "role %q does not exist", name)
	case errors.Is(err, auth.ErrBadPassword):
		return sql.Errorf("22023", "%s", strings.TrimPrefix(err.Error(), "auth: "))
	}
	return err
}

// Users implements sql.Node.
func (s *Server) Users() []string { return s.users.Users() }

package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/auth"
	"github.com/drovedb/drove/pgwire"
	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/sql"
)

// SuperUser is the user DROVE_PASSWORD gives a password to. It is always a superuser, with or
// without a password, as PostgreSQL's bootstrap superuser is.
const SuperUser = "drove"

// applyPassword gives the superuser Config.Password in the catalog, unless it has it already
// (every restart with DROVE_PASSWORD set would otherwise write a new verifier).
func (s *Server) applyPassword() error {
	pw := s.cfg.Password
	if pw == "" || s.users.Matches(SuperUser, pw) {
		return nil
	}
	text, err := auth.Verifier(pw)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), joinTimeout)
	defer cancel()
	super := s.users.Superuser(SuperUser)
	if err := s.meta.PutUser(ctx, meta.User{Name: SuperUser, Verifier: text, Superuser: super}); err != nil {
		return fmt.Errorf("setting the password of %q: %w", SuperUser, err)
	}
	s.syncUsers(s.meta.Catalog())
	s.log.Info("password set", "user", SuperUser)
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

// CreateUser implements sql.Node: the user goes into the catalog, so every node knows it.
func (s *Server) CreateUser(ctx context.Context, name string, opts sql.UserOptions) error {
	text, err := auth.Verifier(*opts.Password)
	if err != nil {
		return s.userError(name, err, "")
	}
	super := opts.Superuser != nil && *opts.Superuser
	err = s.meta.CreateUser(ctx, meta.User{Name: name, Verifier: text, Superuser: super})
	return s.userError(name, err, "created", "superuser", super)
}

// AlterUser implements sql.Node.
func (s *Server) AlterUser(ctx context.Context, name string, opts sql.UserOptions) error {
	if name == SuperUser && opts.Superuser != nil && !*opts.Superuser {
		return &sql.Error{Code: "0A000", Message: "permission denied to alter role",
			Detail: fmt.Sprintf("The bootstrap superuser %q must have the SUPERUSER attribute.", SuperUser)}
	}
	var text string
	if opts.Password != nil {
		var err error
		if text, err = auth.Verifier(*opts.Password); err != nil {
			return s.userError(name, err, "")
		}
	}
	err := s.meta.AlterUser(ctx, name, func(u *meta.User) error {
		if opts.Password != nil {
			u.Verifier = text
		}
		if opts.Superuser != nil {
			u.Superuser = *opts.Superuser
		}
		return nil
	})
	return s.userError(name, err, "altered", "password_changed", opts.Password != nil)
}

// Superuser implements sql.Node: the user "drove", and users created or altered WITH
// SUPERUSER.
func (s *Server) Superuser(user string) bool { return user == SuperUser || s.users.Superuser(user) }

// DropUser implements sql.Node. The superuser's password, while --password sets it, comes back
// at the next start.
func (s *Server) DropUser(ctx context.Context, name string) error {
	return s.userError(name, s.meta.DropUser(ctx, name), "dropped")
}

// userError maps the catalog's and the verifier's errors to PostgreSQL's; after a change
// it refreshes this node's users from the catalog (the change is applied here when the
// catalog call returns) and logs it.
func (s *Server) userError(name string, err error, done string, attrs ...any) error {
	switch {
	case err == nil:
		s.syncUsers(s.meta.Catalog())
		s.log.Info("user "+done, append([]any{"user", name}, attrs...)...)
		return nil
	case errors.Is(err, auth.ErrBadPassword):
		return sql.Errorf("22023", "%s", strings.TrimPrefix(err.Error(), "auth: "))
	}
	return metaError(err, fmt.Sprintf("role %q", name))
}

// Users implements sql.Node.
func (s *Server) Users() []string { return s.users.Users() }

package server

import (
	"path/filepath"

	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/auth"
	"github.com/drovedb/drove/pgwire"
)

// SuperUser is the user DROVE_PASSWORD gives a password to.
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

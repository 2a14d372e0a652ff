package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestPasswordAuthentication: DROVE_PASSWORD makes every connection prove the password with
// SCRAM, lets the server listen beyond loopback, and persists across restarts.
func TestPasswordAuthentication(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	start := func(password string) *Server {
		t.Helper()
		cfg := quietConfig(dir, "0.0.0.0:0")
		cfg.Password = password
		s, err := Start(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	connect := func(s *Server, user, password string) error {
		cfg, err := pgconn.ParseConfig(fmt.Sprintf("postgres://127.0.0.1:%d/drove?sslmode=disable", s.PGAddr().(*net.TCPAddr).Port))
		if err != nil {
			t.Fatal(err)
		}
		cfg.User, cfg.Password = user, password
		c, err := pgconn.ConnectConfig(ctx, cfg)
		if err == nil {
			c.Close(ctx)
		}
		return err
	}
	check := func(s *Server, user, password, wantCode string) {
		t.Helper()
		err := connect(s, user, password)
		var pgErr *pgconn.PgError
		switch {
		case wantCode == "" && err != nil:
			t.Fatalf("%s/%s: %v", user, password, err)
		case wantCode != "" && (!errors.As(err, &pgErr) || pgErr.Code != wantCode):
			t.Fatalf("%s/%s: got %v, want SQLSTATE %s", user, password, err, wantCode)
		}
	}

	s := start("s3cret")
	check(s, "drove", "s3cret", "")
	check(s, "drove", "wrong", "28P01")
	check(s, "drove", "", "28P01")
	check(s, "nobody", "s3cret", "28P01")
	s.Close()

	s = start("") // the password is kept in the data directory
	check(s, "drove", "s3cret", "")
	check(s, "drove", "", "28P01")
	s.Close()

	s = start("n3w")
	check(s, "drove", "n3w", "")
	check(s, "drove", "s3cret", "28P01")
	s.Close()
}

package server

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func quietConfig(dir, addr string) Config {
	return Config{DataDir: dir, PGAddr: addr, CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)}
}

func TestListenAddressMustBeLoopback(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:0", true},
		{"localhost:0", true},
		{"[::1]:0", true},
		{"0.0.0.0:5433", false},
		{":5433", false},
		{"192.0.2.1:5433", false},
		{"no-port", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			s, err := Start(quietConfig(t.TempDir(), c.addr))
			if c.ok {
				if err != nil {
					if strings.Contains(err.Error(), "cannot assign") { // no IPv6 here
						t.Skip(err)
					}
					t.Fatal(err)
				}
				s.Close()
				return
			}
			if err == nil {
				s.Close()
				t.Fatalf("started on %s without password authentication", c.addr)
			}
		})
	}
}

func TestDataDirectoryIsLocked(t *testing.T) {
	dir := t.TempDir()
	a, err := Start(quietConfig(dir, ""))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := Start(quietConfig(dir, "")); err == nil {
		b.Close()
		t.Fatal("a second server opened a data directory in use")
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := Start(quietConfig(dir, ""))
	if err != nil {
		t.Fatalf("directory not released by Close: %v", err)
	}
	b.Close()
}

func TestDatabaseNameSelectsTablespace(t *testing.T) {
	s, err := Start(quietConfig(t.TempDir(), "127.0.0.1:0"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	base := "postgres://drove@" + s.PGAddr().String() + "/"
	c, err := pgconn.Connect(ctx, base+"drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	_, err = pgconn.Connect(ctx, base+"elsewhere?sslmode=disable")
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "3D000" {
		t.Fatalf("unknown database: %v, want 3D000", err)
	}
}

func TestTrustNetworkAllowsAnyAddress(t *testing.T) {
	cfg := quietConfig(t.TempDir(), "0.0.0.0:0")
	cfg.TrustNetwork = true
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

package pgwire

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestSCRAM authenticates real pgx connections with SCRAM-SHA-256.
func TestSCRAM(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name          string
		passwordsOnly bool
		user, pass    string
		wantCode      string // "" for a successful connection
	}{
		{"right password", false, "alice", "wonderland", ""},
		{"wrong password", false, "alice", "looking-glass", "28P01"},
		{"no password", false, "alice", "", "28P01"},
		{"trusted user", false, "bob", "", ""},
		{"unknown user when passwords are required", true, "mallory", "anything", "28P01"},
		{"right password when passwords are required", true, "alice", "wonderland", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, url := startServer(t, func(c *Config) { c.Backend = fakeBackend{passwordsOnly: tt.passwordsOnly} })
			cfg, err := pgconn.ParseConfig(strings.Replace(url, "drove@", tt.user+"@", 1))
			if err != nil {
				t.Fatal(err)
			}
			cfg.Password = tt.pass
			c, err := pgconn.ConnectConfig(ctx, cfg)
			if tt.wantCode == "" {
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close(ctx)
				if _, err := c.Exec(ctx, "rows").ReadAll(); err != nil {
					t.Fatalf("session after authentication: %v", err)
				}
				return
			}
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != tt.wantCode {
				t.Fatalf("got %v, want SQLSTATE %s", err, tt.wantCode)
			}
			if tt.wantCode == "28P01" && pgErr.Message != `password authentication failed for user "`+tt.user+`"` {
				t.Fatalf("message %q", pgErr.Message)
			}
		})
	}
}

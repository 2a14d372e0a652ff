package pgwire

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestStartup(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	cases := []struct {
		name, url, code string
	}{
		{"plain", url, ""},
		{"ssl requested, refused, goes on in the clear", url[:len(url)-len("disable")] + "prefer", ""},
		{"unknown database", url[:len(url)-len("/drove?sslmode=disable")] + "/nope?sslmode=disable", "3D000"},
		{"startup parameter refused by the session", url + "&application_name=refuse", "22023"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pgconn.Connect(ctx, tc.url)
			if tc.code != "" {
				var pgErr *pgconn.PgError
				if !errors.As(err, &pgErr) || pgErr.Code != tc.code {
					t.Fatalf("got %v, want SQLSTATE %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			// What the session's Start returns is what the client is told.
			for param, want := range map[string]string{"server_version": "15.0", "application_name": ""} {
				if got := c.ParameterStatus(param); got != want {
					t.Errorf("%s = %q, want %q", param, got, want)
				}
			}
			if c.PID() == 0 || len(c.SecretKey()) == 0 {
				t.Error("no BackendKeyData")
			}
		})
	}
}

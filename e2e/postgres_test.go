package e2e

import (
	"context"
	"net/url"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// postgresAsDrove starts a throwaway PostgreSQL 15 with drove's default user and database
// (superuser drove, database drove) and returns their URL, so a test can run the same
// statements on both servers and compare.
func postgresAsDrove(t *testing.T) *url.URL {
	t.Helper()
	pgURL := pgtest.Start(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, pgURL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	for _, q := range []string{"CREATE ROLE drove SUPERUSER LOGIN", "CREATE DATABASE drove OWNER drove"} {
		if _, err := admin.Exec(ctx, q).ReadAll(); err != nil {
			t.Fatal(err)
		}
	}
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatal(err)
	}
	u.User, u.Path = url.User("drove"), "/drove"
	return u
}

package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestUsersManagedInSQL: CREATE/ALTER/DROP USER change who can log in, at once and across a
// restart, with PostgreSQL's errors for what cannot be done.
func TestUsersManagedInSQL(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	cfg := quietConfig(dir, "127.0.0.1:0")
	cfg.Password = "admin-pw"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	login := func(user, password string) (*pgconn.PgConn, error) {
		pc, err := pgconn.ParseConfig(fmt.Sprintf("postgres://127.0.0.1:%d/drove?sslmode=disable", s.PGAddr().(*net.TCPAddr).Port))
		if err != nil {
			t.Fatal(err)
		}
		pc.User, pc.Password = user, password
		return pgconn.ConnectConfig(ctx, pc)
	}
	admin, err := login("drove", "admin-pw")
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)

	steps := []struct {
		sql, code string
		// then, after the statement: user/password pairs that must (or must not) log in
		canLogin, cannotLogin [][2]string
	}{
		{sql: "CREATE USER app WITH PASSWORD 'app-pw'", canLogin: [][2]string{{"app", "app-pw"}},
			cannotLogin: [][2]string{{"app", "wrong"}}},
		{sql: "CREATE USER app WITH PASSWORD 'again'", code: "42710"},
		{sql: `CREATE ROLE "Mixed" LOGIN SUPERUSER PASSWORD 'm-pw'`, canLogin: [][2]string{{"Mixed", "m-pw"}}},
		{sql: "ALTER USER app WITH PASSWORD 'new-pw'", canLogin: [][2]string{{"app", "new-pw"}},
			cannotLogin: [][2]string{{"app", "app-pw"}}},
		{sql: "ALTER USER ghost PASSWORD 'x'", code: "42704"},
		{sql: "CREATE USER nopw", code: "0A000"},
		{sql: "CREATE USER limited WITH NOLOGIN PASSWORD 'x'", code: "0A000"},
		{sql: "CREATE USER creator WITH CREATEDB PASSWORD 'x'", code: "0A000"},
		{sql: "CREATE USER pg_admin PASSWORD 'x'", code: "42939"},
		{sql: "CREATE USER bad PASSWORD 'SCRAM-SHA-256$4096:abc$x:y'", code: "22023"},
		{sql: "BEGIN; CREATE USER intx PASSWORD 'x'", code: "25001"},
		{sql: "ROLLBACK"},
		{sql: "DROP USER drove", code: "55006"},
		{sql: "DROP USER ghost", code: "42704"},
		{sql: `DROP USER IF EXISTS ghost, "Mixed"`, cannotLogin: [][2]string{{"Mixed", "m-pw"}}},
	}
	for _, st := range steps {
		if _, code := exec(t, admin, st.sql); code != st.code {
			t.Fatalf("%s: got SQLSTATE %q, want %q", st.sql, code, st.code)
		}
		for _, up := range st.canLogin {
			c, err := login(up[0], up[1])
			if err != nil {
				t.Fatalf("after %s: %s cannot log in: %v", st.sql, up[0], err)
			}
			c.Close(ctx)
		}
		for _, up := range st.cannotLogin {
			var pgErr *pgconn.PgError
			if _, err := login(up[0], up[1]); !errors.As(err, &pgErr) || pgErr.Code != "28P01" {
				t.Fatalf("after %s: %s/%s: got %v, want 28P01", st.sql, up[0], up[1], err)
			}
		}
	}

	s.Close()
	if s, err = Start(cfg); err != nil {
		t.Fatal(err)
	}
	if c, err := login("app", "new-pw"); err != nil {
		t.Fatalf("after a restart: %v", err)
	} else {
		c.Close(ctx)
	}
}

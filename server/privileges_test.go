package server

import (
	"context"
	"fmt"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestOnlySuperusersManage: users and tablespaces are managed by superusers (drove, and
// users created or altered WITH SUPERUSER); anyone else gets 42501 but may change their own
// password. The flag is kept across a restart and shown in pg_roles, pg_user and
// is_superuser.
func TestOnlySuperusersManage(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	cfg := quietConfig(dir, "127.0.0.1:0")
	cfg.Password = "admin-pw"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	login := func(user, password string) *pgconn.PgConn {
		t.Helper()
		pc, err := pgconn.ParseConfig(fmt.Sprintf("postgres://127.0.0.1:%d/drove?sslmode=disable", s.PGAddr().(*net.TCPAddr).Port))
		if err != nil {
			t.Fatal(err)
		}
		pc.User, pc.Password = user, password
		c, err := pgconn.ConnectConfig(ctx, pc)
		if err != nil {
			t.Fatalf("%s cannot log in: %v", user, err)
		}
		t.Cleanup(func() { c.Close(ctx) })
		return c
	}
	admin := login("drove", "admin-pw")
	for _, q := range []string{
		"CREATE USER app WITH PASSWORD 'app-pw'",
		"CREATE USER boss WITH SUPERUSER CREATEDB CREATEROLE PASSWORD 'boss-pw'",
		"CREATE USER other WITH NOSUPERUSER PASSWORD 'other-pw'",
	} {
		if _, code := exec(t, admin, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	app, boss := login("app", "app-pw"), login("boss", "boss-pw")

	steps := []struct {
		who  *pgconn.PgConn
		sql  string
		code string
		want string // the first value of the result, when there is one
	}{
		{app, "CREATE USER sneaky WITH PASSWORD 'x'", "42501", ""},
		{app, "CREATE USER sneaky WITH SUPERUSER PASSWORD 'x'", "42501", ""},
		{app, "ALTER USER drove WITH PASSWORD 'stolen'", "42501", ""},
		{app, "ALTER USER other PASSWORD 'x'", "42501", ""},
		{app, "ALTER USER app SUPERUSER", "42501", ""},
		{app, "ALTER USER app WITH PASSWORD 'app-pw2'", "", ""},
		{app, "DROP USER other", "42501", ""},
		{app, "DROP USER IF EXISTS ghost", "42501", ""},
		{app, "CREATE TABLESPACE 'mine'", "42501", ""},
		{app, "DROP TABLESPACE 'drove'", "42501", ""},
		{app, "DROP TABLESPACE IF EXISTS 'ghost'", "42501", ""},
		{app, "ALTER TABLESPACE 'drove', 'expectedreplicacount:1'", "42501", ""},
		{app, "DROP NODE 'ghost'", "42501", ""},
		{app, "SELECT count(*) FROM sysnodes", "", "1"}, // reading the cluster's state is everyone's
		{app, "BACKUP TABLESPACE 'drove' TO STDOUT", "42501", ""},
		{app, "CHECKPOINT", "42501", ""},
		{app, "SHOW is_superuser", "", "off"},
		{app, "SELECT rolsuper FROM pg_roles WHERE rolname = 'app'", "", "f"},
		{app, "CREATE TABLE t (id int PRIMARY KEY)", "", ""}, // tables are everyone's
		{boss, "SHOW is_superuser", "", "on"},
		{boss, "SELECT rolsuper FROM pg_roles WHERE rolname = 'boss'", "", "t"},
		{boss, "SELECT usesuper FROM pg_user WHERE usename = 'drove'", "", "t"},
		{boss, "CHECKPOINT", "", ""},
		{boss, "CREATE TABLESPACE 'bosses'", "", ""},
		{boss, "ALTER TABLESPACE 'bosses', 'leader:" + s.ID() + "'", "", ""},
		{boss, "DROP NODE IF EXISTS 'ghost'", "", ""},
		{boss, "DROP TABLESPACE 'bosses'", "", ""},
		{boss, "ALTER USER other PASSWORD 'reset'", "", ""},
		{boss, "ALTER USER app SUPERUSER", "", ""},
		{app, "CREATE USER helper WITH PASSWORD 'x'", "", ""}, // at once, in an open session
		{app, "ALTER USER app NOSUPERUSER", "", ""},
		{app, "DROP USER helper", "42501", ""},
		{boss, "ALTER USER drove NOSUPERUSER", "0A000", ""},
		{admin, "ALTER USER boss NOSUPERUSER", "", ""},
		{boss, "CREATE TABLESPACE 'bosses'", "42501", ""},
		{admin, "ALTER USER boss SUPERUSER", "", ""},
	}
	for _, st := range steps {
		rows, code := exec(t, st.who, st.sql)
		if code != st.code {
			t.Fatalf("%s: got SQLSTATE %q, want %q", st.sql, code, st.code)
		}
		if st.want != "" && rows != st.want {
			t.Fatalf("%s: got %v, want %s", st.sql, rows, st.want)
		}
	}
	login("app", "app-pw2")
	login("other", "reset")

	s.Close()
	if s, err = Start(cfg); err != nil {
		t.Fatal(err)
	}
	admin = login("drove", "admin-pw")
	rows, code := exec(t, admin, "SELECT rolname, rolsuper FROM pg_roles WHERE rolname IN ('app', 'boss', 'other', 'drove') ORDER BY rolname")
	if code != "" || rows != "app|f\nboss|t\ndrove|t\nother|f" {
		t.Fatalf("after a restart: %q %s", rows, code)
	}
}

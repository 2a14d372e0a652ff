package server

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

func startedServer(t *testing.T) *Server {
	t.Helper()
	s, err := Start(quietConfig(t.TempDir(), "127.0.0.1:0"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStartupParameters(t *testing.T) {
	s := startedServer(t)
	base := "postgres://drove@" + s.PGAddr().String() + "/drove?sslmode=disable"
	ctx := context.Background()
	cases := []struct {
		name   string
		query  string // added to the URL
		code   string // the connection is refused with it
		status map[string]string
		show   map[string]string
	}{
		{name: "defaults as PostgreSQL 15 reports them", status: map[string]string{
			"server_version": "15.0", "server_encoding": "UTF8", "client_encoding": "UTF8",
			"DateStyle": "ISO, MDY", "integer_datetimes": "on", "standard_conforming_strings": "on",
			"TimeZone": "UTC", "IntervalStyle": "postgres", "is_superuser": "on",
			"session_authorization": "drove", "application_name": "", "default_transaction_read_only": "off",
			"in_hot_standby": "off",
		}},
		{name: "settings in the startup message", query: "&application_name=loader&TimeZone=Europe/Rome",
			status: map[string]string{"application_name": "loader", "TimeZone": "Europe/Rome"}},
		{name: "options with -c", query: "&options=" + strings.ReplaceAll(url.QueryEscape("-c statement_timeout=1500 --lock-timeout=2s"), "+", "%20"),
			show: map[string]string{"statement_timeout": "1500ms", "lock_timeout": "2s"}},
		{name: "a bad value refuses the connection", query: "&TimeZone=Mars/Olympus_Mons", code: "22023"},
		{name: "an unknown setting refuses the connection", query: "&no_such_setting=1", code: "42704"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pgconn.Connect(ctx, base+tc.query)
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
			for name, want := range tc.status {
				if got := c.ParameterStatus(name); got != want {
					t.Errorf("ParameterStatus %s = %q, want %q", name, got, want)
				}
			}
			for name, want := range tc.show {
				if got, code := exec(t, c, "SHOW "+name); got != want || code != "" {
					t.Errorf("SHOW %s = %q %s, want %q", name, got, code, want)
				}
			}
			// RESET returns to the connection's start, not to the built-in default.
			for name, want := range tc.show {
				exec(t, c, "SET "+name+" = 0")
				exec(t, c, "RESET "+name)
				if got, _ := exec(t, c, "SHOW "+name); got != want {
					t.Errorf("after RESET, %s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestReportedSettingsFollowChanges(t *testing.T) {
	s := startedServer(t)
	c := connect(t, s, "drove")
	steps := []struct {
		sql, param, want string
	}{
		{"SET application_name = 'report'", "application_name", "report"},
		{"BEGIN; SET TimeZone = 'Asia/Tokyo'", "TimeZone", "Asia/Tokyo"},
		{"ROLLBACK", "TimeZone", "UTC"}, // the rollback undoes the SET, and says so
		{"SELECT set_config('application_name', 'by set_config', false)", "application_name", "by set_config"},
		{"RESET ALL", "application_name", ""},
	}
	for _, st := range steps {
		if _, code := exec(t, c, st.sql); code != "" {
			t.Fatalf("%s: %s", st.sql, code)
		}
		if got := c.ParameterStatus(st.param); got != st.want {
			t.Errorf("after %s: %s = %q, want %q", st.sql, st.param, got, st.want)
		}
	}
}

// longQuery returns a query that runs for minutes unless interrupted: a cross join of
// 20000 rows with itself, counted.
func longQuery(t *testing.T, c *pgconn.PgConn) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("CREATE TABLE big (id int PRIMARY KEY); INSERT INTO big VALUES (0)")
	for i := 1; i < 20000; i++ {
		b.WriteString(",(" + strconv.Itoa(i) + ")")
	}
	if _, code := exec(t, c, b.String()); code != "" {
		t.Fatal(code)
	}
	return "SELECT count(*) FROM big a, big b"
}

func TestStatementsAreInterrupted(t *testing.T) {
	s := startedServer(t)
	c := connect(t, s, "drove")
	q := longQuery(t, c)
	ctx := context.Background()
	cases := []struct {
		name      string
		setup     string
		interrupt func()
		message   string
	}{
		{name: "by statement_timeout", setup: "SET statement_timeout = '100ms'",
			message: "canceling statement due to statement timeout"},
		{name: "by a cancel request", setup: "SET statement_timeout = 0", interrupt: func() {
			time.Sleep(100 * time.Millisecond)
			if err := c.CancelRequest(ctx); err != nil {
				t.Error(err)
			}
		}, message: "canceling statement due to user request"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			exec(t, c, tc.setup)
			if tc.interrupt != nil {
				go tc.interrupt()
			}
			start := time.Now()
			_, err := c.Exec(ctx, q).ReadAll()
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "57014" || pgErr.Message != tc.message {
				t.Fatalf("got %v after %v, want 57014 %q", err, time.Since(start), tc.message)
			}
			if got, code := exec(t, c, "SELECT 1"); got != "1" || code != "" {
				t.Fatalf("connection unusable after the interruption: %q %s", got, code)
			}
		})
	}
}

func TestLockTimeout(t *testing.T) {
	s := startedServer(t)
	holder, waiter := connect(t, s, "drove"), connect(t, s, "drove")
	exec(t, holder, "CREATE TABLE acct (id int PRIMARY KEY, v int); INSERT INTO acct VALUES (1, 0)")
	exec(t, holder, "BEGIN; UPDATE acct SET v = 1 WHERE id = 1")
	exec(t, waiter, "SET lock_timeout = '100ms'")
	start := time.Now()
	if _, code := exec(t, waiter, "UPDATE acct SET v = 2 WHERE id = 1"); code != "55P03" {
		t.Fatalf("got %q, want 55P03", code)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Fatalf("waited %v: lock_timeout was not applied", waited)
	}
	exec(t, holder, "COMMIT")
	if _, code := exec(t, waiter, "UPDATE acct SET v = 2 WHERE id = 1"); code != "" {
		t.Fatalf("after the holder committed: %s", code)
	}
}

// A parameter that does not decode fails the Bind, and like any error inside a transaction
// it aborts the transaction.
func TestBindErrorAbortsTransaction(t *testing.T) {
	s := startedServer(t)
	c := connect(t, s, "drove")
	ctx := context.Background()
	exec(t, c, "BEGIN")
	res := c.ExecParams(ctx, "SELECT $1::int", [][]byte{[]byte("not a number")}, []uint32{23}, nil, nil).Read()
	var pgErr *pgconn.PgError
	if !errors.As(res.Err, &pgErr) || pgErr.Code != "22P02" {
		t.Fatalf("bind of a bad integer: %v, want 22P02", res.Err)
	}
	if _, code := exec(t, c, "SELECT 1"); code != "25P02" {
		t.Fatalf("after the failed bind: %q, want 25P02", code)
	}
	exec(t, c, "ROLLBACK")
	if got, code := exec(t, c, "SELECT 1"); got != "1" || code != "" {
		t.Fatalf("after ROLLBACK: %q %s", got, code)
	}
}

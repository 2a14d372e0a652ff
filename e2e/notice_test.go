package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// noticeStatements each send PostgreSQL 15 a NOTICE or WARNING (or, under
// client_min_messages = warning, none): IF [NOT] EXISTS skipping a relation, a column or a
// constraint, and transaction commands out of place.
var noticeStatements = []string{
	"CREATE TABLE t (a int)",
	"CREATE TABLE IF NOT EXISTS t (a int)",
	"CREATE TABLE IF NOT EXISTS t AS SELECT 1 AS a",
	"DROP TABLE IF EXISTS x",
	"DROP TABLE IF EXISTS x, t2",
	"DROP INDEX IF EXISTS xi",
	"CREATE INDEX ti ON t (a)",
	"CREATE INDEX IF NOT EXISTS ti ON t (a)",
	"DROP VIEW IF EXISTS xv",
	"ALTER VIEW IF EXISTS xv RENAME TO xv2",
	"DROP SEQUENCE IF EXISTS xs",
	"CREATE SEQUENCE sq",
	"CREATE SEQUENCE IF NOT EXISTS sq",
	"ALTER SEQUENCE IF EXISTS xs RESTART",
	"DROP MATERIALIZED VIEW IF EXISTS xm",
	"CREATE MATERIALIZED VIEW m AS SELECT 1 AS a",
	"CREATE MATERIALIZED VIEW IF NOT EXISTS m AS SELECT 1 AS a",
	"ALTER TABLE t DROP CONSTRAINT IF EXISTS nc",
	"ALTER TABLE t ADD COLUMN IF NOT EXISTS a int",
	"ALTER TABLE t DROP COLUMN IF EXISTS zz",
	"ALTER TABLE IF EXISTS nosuch ADD CONSTRAINT c CHECK (b > 0)",
	"CREATE TABLE u (a int)",
	"CREATE VIEW uv AS SELECT * FROM u",
	"DROP TABLE u CASCADE",
	"CREATE TABLE u (a int)",
	"CREATE VIEW uv AS SELECT * FROM u",
	"CREATE VIEW uv2 AS SELECT * FROM uv",
	"CREATE MATERIALIZED VIEW uv3 AS SELECT * FROM uv",
	"DROP TABLE u CASCADE",
	"CREATE TEMP TABLE tt (a int)",
	"CREATE TEMP TABLE IF NOT EXISTS tt (a int)",
	"BEGIN",
	"BEGIN",
	"START TRANSACTION",
	"COMMIT",
	"COMMIT",
	"ROLLBACK",
	"ABORT",
	"END",
	"SET LOCAL statement_timeout = '1s'",
	"SET client_min_messages = warning",
	"DROP TABLE IF EXISTS x",
	"COMMIT",
	"SET client_min_messages = error",
	"COMMIT",
	"RESET client_min_messages",
	"DROP TABLE IF EXISTS x",
}

// TestNoticesMatchPostgres runs noticeStatements on PostgreSQL 15 and on drove and compares
// the notices each statement sends (severity, SQLSTATE, message, detail, hint), in the simple
// protocol and, for a few, the extended one.
func TestNoticesMatchPostgres(t *testing.T) {
	u := postgresAsDrove(t)
	n := newNode(t)
	n.start()
	want := runNoticing(t, u.String())
	got := runNoticing(t, n.url())
	for i, q := range append(noticeStatements, "extended DROP", "extended CREATE", "extended COMMIT") {
		if got[i] != want[i] {
			t.Errorf("%s:\n got: %s\nwant: %s", q, got[i], want[i])
		}
	}
	all := strings.Join(want, "\n")
	if !strings.Contains(all, "NOTICE 00000 table") || !strings.Contains(all, "WARNING 25001") {
		t.Fatalf("PostgreSQL sent no notice where expected: %q", want)
	}
}

// runNoticing runs noticeStatements on a new connection to url and returns, per statement,
// the notices it sent, then the same for a few in the extended protocol.
func runNoticing(t *testing.T, connURL string) []string {
	ctx := context.Background()
	cfg, err := pgconn.ParseConfig(connURL)
	if err != nil {
		t.Fatal(err)
	}
	var cur []string
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) {
		cur = append(cur, fmt.Sprintf("%s %s %s|%s|%s", n.Severity, n.Code, n.Message, n.Detail, n.Hint))
	}
	c, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var out []string
	for _, q := range noticeStatements {
		cur = nil
		if _, err := c.Exec(ctx, q).ReadAll(); err != nil {
			cur = append(cur, "error: "+err.Error())
		}
		out = append(out, strings.Join(cur, "; "))
	}
	for _, q := range []string{"DROP TABLE IF EXISTS x", "CREATE TABLE IF NOT EXISTS t (a int)", "COMMIT"} {
		cur = nil
		if _, err := c.ExecParams(ctx, q, nil, nil, nil, nil).Close(); err != nil {
			t.Fatalf("%s (extended): %v", q, err)
		}
		out = append(out, strings.Join(cur, "; "))
	}
	return out
}

package sql

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// implicitBlockCases are query strings of several statements, run one after the other on a
// session whose table t holds (1), with the SQLSTATE each gets and the transaction status
// after it, then the rows of check. The expectations are PostgreSQL 15's (exec_simple_query:
// the statements of one string are one implicit transaction block), which
// TestImplicitBlockMatchesPostgres confirms against a real server.
var implicitBlockCases = []struct {
	name  string
	steps []implicitStep
	check string
	want  string // check's rows, joined by ","
}{
	{"an error keeps nothing of the string",
		[]implicitStep{{"INSERT INTO t VALUES (2); SELECT 1/0", "22012", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"a later statement's error rolls back an earlier write",
		[]implicitStep{{"INSERT INTO t VALUES (20); INSERT INTO t VALUES (1)", "23505", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"COMMIT in the string keeps what came before",
		[]implicitStep{{"INSERT INTO t VALUES (7); COMMIT; INSERT INTO t VALUES (8); SELECT 1/0", "22012", TxIdle}},
		"SELECT k FROM t ORDER BY k", "1,7"},
	{"ROLLBACK in the string rolls back what came before",
		[]implicitStep{{"INSERT INTO t VALUES (9); ROLLBACK; SELECT 2", "", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"BEGIN makes the block explicit, outliving the string",
		[]implicitStep{{"INSERT INTO t VALUES (10); BEGIN; INSERT INTO t VALUES (11)", "", TxActive},
			{"ROLLBACK", "", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"an explicit transaction's COMMIT, then a new block",
		[]implicitStep{{"BEGIN; INSERT INTO t VALUES (15); COMMIT; INSERT INTO t VALUES (16); SELECT 1/0", "22012", TxIdle}},
		"SELECT k FROM t ORDER BY k", "1,15"},
	{"the block commits at the string's end",
		[]implicitStep{{"INSERT INTO t VALUES (3); INSERT INTO t VALUES (4)", "", TxIdle}, {"SELECT 1/0", "22012", TxIdle}},
		"SELECT k FROM t ORDER BY k", "1,3,4"},
	{"VACUUM after a statement refuses",
		[]implicitStep{{"INSERT INTO t VALUES (5); VACUUM", "25001", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"VACUUM before a statement refuses",
		[]implicitStep{{"VACUUM; INSERT INTO t VALUES (5)", "25001", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"SAVEPOINT needs an explicit block",
		[]implicitStep{{"INSERT INTO t VALUES (12); SAVEPOINT a; SELECT 1", "25P01", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"a SET is undone with the block",
		[]implicitStep{{"SET application_name = 'x'; SELECT 1/0", "22012", TxIdle}}, "SHOW application_name", ""},
	{"a SET lasts once the block committed",
		[]implicitStep{{"SET application_name = 'x'; SELECT 1", "", TxIdle}}, "SHOW application_name", "x"},
	{"a cursor lives in the block",
		[]implicitStep{{"INSERT INTO t VALUES (6); DECLARE c CURSOR FOR SELECT k FROM t ORDER BY k DESC; FETCH 1 FROM c", "", TxIdle}},
		"SELECT k FROM t ORDER BY k", "1,6"},
	{"BEGIN with modes makes the block explicit",
		[]implicitStep{{"BEGIN ISOLATION LEVEL REPEATABLE READ; INSERT INTO t VALUES (17)", "", TxActive},
			{"SELECT 1/0", "22012", TxFailed}, {"ROLLBACK", "", TxIdle}}, "SELECT k FROM t ORDER BY k", "1"},
	{"BEGIN's modes apply to the block it makes explicit",
		[]implicitStep{{"BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1", "", TxActive}}, "SHOW transaction_isolation", "repeatable read"},
	{"START TRANSACTION after a query cannot change the level",
		[]implicitStep{{"SELECT 1; START TRANSACTION ISOLATION LEVEL REPEATABLE READ", "25001", TxIdle}}, "SHOW transaction_isolation", "read committed"},
	{"a schema change of a table the string wrote runs",
		[]implicitStep{{"INSERT INTO t VALUES (2); CREATE INDEX t_k ON t (k); INSERT INTO t VALUES (3); ALTER TABLE t ADD COLUMN c int; " +
			"INSERT INTO t VALUES (4, 5); DROP INDEX t_k", "", TxIdle}}, "SELECT k FROM t ORDER BY k", "1,2,3,4"},
	{"an error in an explicit transaction fails it",
		[]implicitStep{{"BEGIN; INSERT INTO t VALUES (13); SELECT 1/0", "22012", TxFailed}, {"COMMIT", "", TxIdle}},
		"SELECT k FROM t ORDER BY k", "1"},
}

type implicitStep struct {
	q      string
	code   string // "" for success
	status byte
}

// TestImplicitBlock: drove used to autocommit each statement of a query string, so
// `INSERT ...; SELECT 1/0` kept the row PostgreSQL rolls back.
func TestImplicitBlock(t *testing.T) {
	for _, c := range implicitBlockCases {
		t.Run(c.name, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			if _, err := s.Start(Startup{User: "drove", Database: "drove"}); err != nil {
				t.Fatal(err)
			}
			execOK(t, s, "CREATE TABLE t (k int PRIMARY KEY)")
			execOK(t, s, "INSERT INTO t VALUES (1)")
			for _, st := range c.steps {
				err := s.Exec(context.Background(), st.q, &textOutput{})
				if sqlState(err) != st.code {
					t.Fatalf("%s: %v, want SQLSTATE %q", st.q, err, st.code)
				}
				if s.TxStatus() != st.status {
					t.Fatalf("%s: status %c, want %c", st.q, s.TxStatus(), st.status)
				}
			}
			var rows []string
			for _, l := range execOK(t, s, c.check).lines {
				if !strings.HasPrefix(l, "tag: ") {
					rows = append(rows, l)
				}
			}
			if got := strings.Join(rows, ","); got != c.want {
				t.Fatalf("%s: %q, want %q", c.check, got, c.want)
			}
		})
	}
}

// TestImplicitBlockMatchesPostgres runs implicitBlockCases on PostgreSQL 15 (simple protocol,
// one Query message per step), so their expectations are its answers.
func TestImplicitBlockMatchesPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	for _, tc := range implicitBlockCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range []string{"ROLLBACK", "DISCARD ALL", "DROP TABLE IF EXISTS t", "CREATE TABLE t (k int PRIMARY KEY)", "INSERT INTO t VALUES (1)"} {
				if _, err := c.Exec(ctx, q).ReadAll(); err != nil {
					t.Fatal(err)
				}
			}
			for _, st := range tc.steps {
				_, err := c.Exec(ctx, st.q).ReadAll()
				var pe *pgconn.PgError
				code := ""
				if errors.As(err, &pe) {
					code = pe.Code
				} else if err != nil {
					t.Fatal(err)
				}
				if code != st.code {
					t.Fatalf("%s: %v, want SQLSTATE %q", st.q, err, st.code)
				}
				if status := c.TxStatus(); status != st.status {
					t.Fatalf("%s: status %c, want %c", st.q, status, st.status)
				}
			}
			res, err := c.Exec(ctx, tc.check).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, r := range res[0].Rows {
				rows = append(rows, string(r[0]))
			}
			if got := strings.Join(rows, ","); got != tc.want {
				t.Fatalf("%s: %q, want %q", tc.check, got, tc.want)
			}
		})
	}
}

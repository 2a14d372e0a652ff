package pgwire

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// A constant that fails to fold (1/0) is an error where PostgreSQL plans the statement: at
// Bind, not at Parse (which only analyses it) and not at Execute. drove used to refuse the
// Parse, so a driver that prepares saw the error one message early and a batch's replies
// came in another order.
var foldBindCases = []batchCase{
	{"Parse, Bind, Execute of SELECT 1/0 fails at Bind",
		[]pipeStep{"X SELECT 1/0", "S"}, "",
		[]string{"ParseComplete", "Error 22012", "ReadyForQuery I"}},
	{"a described SELECT 1/0 has its columns, then fails at Bind",
		[]pipeStep{"P - SELECT 1/0 AS q", "D S -", "B - -", "D P -", "E -", "S"}, "",
		[]string{"ParseComplete", "ParameterDescription", "RowDescription", "Error 22012", "ReadyForQuery I"}},
	{"over an empty table too",
		[]pipeStep{"X SELECT 1/0 FROM e", "S"}, "",
		[]string{"ParseComplete", "Error 22012", "ReadyForQuery I"}},
	{"a named statement prepares, and fails at each Bind; the batch rolls back",
		[]pipeStep{"P s1 SELECT k, 1/0 FROM e WHERE k = $1", "S",
			"X INSERT INTO e VALUES (1)", "B - s1 1", "E -", "S", "B - s1 2", "E -", "S"}, "",
		[]string{"ParseComplete", "ReadyForQuery I",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "Error 22012", "ReadyForQuery I",
			"Error 22012", "ReadyForQuery I"}},
	{"a short-circuited 1/0 is no error",
		[]pipeStep{"X SELECT 1 WHERE false AND 1/0 = 1", "X SELECT CASE WHEN false THEN 1/0 END", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete SELECT 0",
			"ParseComplete", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I"}},
	{"a parameter's value rules out the CASE arm that fails to fold: Bind plans with it (a custom plan)",
		[]pipeStep{"P - SELECT CASE WHEN $1 > 0 THEN 1/0 ELSE 0 END", "B - - 0", "E -", "S", "B - - 1", "E -", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "Error 22012", "ReadyForQuery I"}},
	{"five custom plans, then the sixth Bind plans generically and fails, and every later one",
		[]pipeStep{"P s4 SELECT CASE WHEN $1 THEN 1/0 END", "S",
			"B - s4 f", "E -", "S", "B - s4 f", "E -", "S", "B - s4 t", "E -", "S", "B - s4 f", "E -", "S",
			"B - s4 f", "E -", "S", "B - s4 f", "E -", "S", "B - s4 f", "E -", "S", "B - s4 f", "E -", "S"}, "",
		[]string{"ParseComplete", "ReadyForQuery I", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "Error 22012", "ReadyForQuery I",
			"BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "BindComplete", "DataRow", "Complete SELECT 1", "ReadyForQuery I", "Error 22012", "ReadyForQuery I", "Error 22012", "ReadyForQuery I"}},
	{"a literal that is not an integer fails at Parse",
		[]pipeStep{"P s3 SELECT 'abc'::int", "D S s3", "S"}, "",
		[]string{"Error 22P02", "ReadyForQuery I"}},
}

// TestFoldErrorAtBind runs foldBindCases on drove.
func TestFoldErrorAtBind(t *testing.T) {
	checkFoldBindCases(t, connectSessions(t))
}

// TestFoldErrorAtBindMatchesPostgres runs foldBindCases on PostgreSQL 15, which they describe.
func TestFoldErrorAtBindMatchesPostgres(t *testing.T) {
	checkFoldBindCases(t, pgtest.Connect(t))
}

func checkFoldBindCases(t *testing.T, c *pgconn.PgConn) {
	ctx := context.Background()
	if _, err := c.Exec(ctx, "CREATE TABLE e (k int PRIMARY KEY)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, fc := range foldBindCases {
		got := runPipeline(t, c, fc.steps...)
		codesOnly(got, fc.want)
		if strings.Join(got, "\n") != strings.Join(fc.want, "\n") {
			t.Errorf("%s: replies\n%s\nwant\n%s", fc.name, strings.Join(got, "\n"), strings.Join(fc.want, "\n"))
		}
		res, err := c.Exec(ctx, "SELECT count(*) FROM e").ReadAll()
		if err != nil || string(res[0].Rows[0][0]) != "0" {
			t.Errorf("%s: e has rows (%v), want none", fc.name, err)
		}
	}
}

package pgwire

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/internal/pgtest"
)

// The extended protocol's implicit transaction (batch.go): every Execute from one Sync to the
// next, outside a transaction block, is one transaction committed at Sync. Each case is a raw
// pipeline of messages sent to drove and to PostgreSQL 15; both must answer alike and keep
// the same rows. drove used to autocommit each Execute, so a failing statement left the
// earlier ones of its batch in place.

// pipeStep is one message of a pipeline: "X sql" (Parse, Bind and Execute of the unnamed
// statement), "P name sql", "B portal statement param...", "E portal [max rows]", "D S name",
// "C P name" (Close), "S".
type pipeStep = string

// runPipeline sends steps and returns the replies as one line each, up to the ReadyForQuery
// of the last Sync.
func runPipeline(t *testing.T, c *pgconn.PgConn, steps ...pipeStep) []string {
	t.Helper()
	fe := c.Frontend()
	syncs := 0
	for _, s := range steps {
		op, rest, _ := strings.Cut(s, " ")
		f := strings.Fields(rest)
		switch op {
		case "X":
			fe.Send(&pgproto3.Parse{Query: rest})
			fe.Send(&pgproto3.Bind{})
			fe.Send(&pgproto3.Execute{})
		case "P":
			name, q, _ := strings.Cut(rest, " ")
			fe.Send(&pgproto3.Parse{Name: strings.Trim(name, "-"), Query: q})
		case "B":
			var params [][]byte
			for _, p := range f[2:] {
				params = append(params, []byte(p))
			}
			fe.Send(&pgproto3.Bind{DestinationPortal: strings.Trim(f[0], "-"), PreparedStatement: strings.Trim(f[1], "-"), Parameters: params})
		case "E":
			e := &pgproto3.Execute{Portal: strings.Trim(f[0], "-")}
			if len(f) > 1 {
				n, err := strconv.ParseUint(f[1], 10, 32)
				if err != nil {
					t.Fatalf("bad step %q", s)
				}
				e.MaxRows = uint32(n)
			}
			fe.Send(e)
		case "C":
			fe.Send(&pgproto3.Close{ObjectType: f[0][0], Name: strings.Trim(f[1], "-")})
		case "D":
			fe.Send(&pgproto3.Describe{ObjectType: f[0][0], Name: strings.Trim(f[1], "-")})
		case "S":
			fe.Send(&pgproto3.Sync{})
			syncs++
		default:
			t.Fatalf("bad step %q", s)
		}
	}
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for syncs > 0 {
		msg, err := c.ReceiveMessage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		switch m := msg.(type) {
		case *pgproto3.ReadyForQuery:
			got = append(got, "ReadyForQuery "+string(m.TxStatus))
			syncs--
		case *pgproto3.ErrorResponse:
			got = append(got, "Error "+m.Code)
		case *pgproto3.NoticeResponse:
			got = append(got, "Notice "+m.Code+" "+m.Message)
		case *pgproto3.CommandComplete:
			got = append(got, "Complete "+string(m.CommandTag))
		case *pgproto3.ParameterStatus:
		default:
			got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3."))
		}
	}
	return got
}

// rowsOf returns the keys of table t, in order, as one string.
func rowsOf(t *testing.T, c *pgconn.PgConn) string {
	t.Helper()
	res, err := c.Exec(context.Background(), "SELECT coalesce(string_agg(k::text, ',' ORDER BY k), '') FROM t").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return string(res[0].Rows[0][0])
}

// batchCase is a pipeline, the rows of t it must leave, and the replies it must get.
type batchCase struct {
	name  string
	steps []pipeStep
	rows  string
	want  []string
}

var batchCases = []batchCase{
	{"two INSERTs and a failing statement keep nothing",
		[]pipeStep{"X INSERT INTO t VALUES (1)", "X INSERT INTO t VALUES (2)", "X INSERT INTO t VALUES (1)", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Error 23505", "ReadyForQuery I"}},
	{"two Syncs are two transactions",
		[]pipeStep{"X INSERT INTO t VALUES (1)", "S", "X INSERT INTO t VALUES (2)", "X INSERT INTO t VALUES (1)", "S"}, "1",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505", "ReadyForQuery I"}},
	{"COMMIT in a batch commits what came before",
		[]pipeStep{"X INSERT INTO t VALUES (3)", "X COMMIT", "X INSERT INTO t VALUES (4)", "X INSERT INTO t VALUES (3)", "S"}, "3",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Notice 25P01 there is no transaction in progress", "Complete COMMIT",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505", "ReadyForQuery I"}},
	{"ROLLBACK in a batch rolls back what came before",
		[]pipeStep{"X INSERT INTO t VALUES (5)", "X ROLLBACK", "X INSERT INTO t VALUES (6)", "S"}, "6",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Notice 25P01 there is no transaction in progress", "Complete ROLLBACK",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"BEGIN in a batch makes it an explicit transaction that ROLLBACK ends",
		[]pipeStep{"X INSERT INTO t VALUES (7)", "X BEGIN", "X INSERT INTO t VALUES (8)", "S", "X ROLLBACK", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete BEGIN",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery T",
			"ParseComplete", "BindComplete", "Complete ROLLBACK", "ReadyForQuery I"}},
	{"BEGIN, COMMIT and more in one batch",
		[]pipeStep{"X BEGIN", "X INSERT INTO t VALUES (9)", "X COMMIT", "X INSERT INTO t VALUES (10)", "X INSERT INTO t VALUES (9)", "S"}, "9",
		[]string{"ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Complete COMMIT", "ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Error 23505", "ReadyForQuery I"}},
	{"a batch that only describes",
		[]pipeStep{"P - SELECT k FROM t WHERE k = $1", "D S -", "S"}, "",
		[]string{"ParseComplete", "ParameterDescription", "RowDescription", "ReadyForQuery I"}},
	{"a Bind error rolls back the batch",
		[]pipeStep{"X INSERT INTO t VALUES (11)", "P s1 SELECT $1::int", "B - s1 abc", "E -", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "Error 22P02", "ReadyForQuery I"}},
	{"VACUUM runs first in a batch, not after another statement",
		[]pipeStep{"X VACUUM t", "X INSERT INTO t VALUES (12)", "X INSERT INTO t VALUES (12)", "S",
			"X INSERT INTO t VALUES (13)", "X VACUUM t", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete VACUUM", "ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"ParseComplete", "BindComplete", "Error 23505", "ReadyForQuery I",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25001", "ReadyForQuery I"}},
	{"SAVEPOINT is refused in a batch",
		[]pipeStep{"X INSERT INTO t VALUES (14)", "X SAVEPOINT a", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25P01", "ReadyForQuery I"}},
	{"a deferred constraint fails the commit at Sync",
		[]pipeStep{"X INSERT INTO d VALUES (1)", "X INSERT INTO d VALUES (1)", "S", "X INSERT INTO d VALUES (2), (2)", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete INSERT 0 1",
			"Error 23505", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete INSERT 0 2", "Error 23505", "ReadyForQuery I"}},
	// A suspended portal's query, stopped by its Close or dropped at Sync, ends without
	// error: drove rolled the batch back then, losing writes the client saw complete.
	{"a portal suspended at Sync keeps the batch's writes",
		[]pipeStep{"X INSERT INTO t VALUES (15), (16)", "P s2 SELECT k FROM t ORDER BY k", "B p s2", "E p 1", "S"}, "15,16",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 2", "ParseComplete", "BindComplete",
			"DataRow", "PortalSuspended", "ReadyForQuery I"}},
	{"a suspended portal closed in a batch keeps its writes",
		[]pipeStep{"X INSERT INTO t VALUES (17)", "B p s2", "E p 1", "C P p", "X INSERT INTO t VALUES (18)", "S"}, "17,18",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "BindComplete",
			"DataRow", "PortalSuspended", "CloseComplete", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"a portal suspended first in its batch, then a write",
		[]pipeStep{"X INSERT INTO t VALUES (19)", "S", "B p s2", "E p 1", "X INSERT INTO t VALUES (20)", "S"}, "19,20",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I",
			"BindComplete", "DataRow", "PortalSuspended", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
}

// TestExtendedBatchIsOneTransaction runs batchCases on drove.
func TestExtendedBatchIsOneTransaction(t *testing.T) {
	c := connectSessions(t)
	checkBatchCases(t, c, batchCases)
}

// TestExtendedBatchMatchesPostgres runs batchCases on PostgreSQL 15, which they describe.
func TestExtendedBatchMatchesPostgres(t *testing.T) {
	checkBatchCases(t, pgtest.Connect(t), batchCases)
}

func checkBatchCases(t *testing.T, c *pgconn.PgConn, cases []batchCase) {
	ctx := context.Background()
	if _, err := c.Exec(ctx, "CREATE TABLE t (k int PRIMARY KEY); CREATE TABLE d (k int, CONSTRAINT du UNIQUE (k) DEFERRABLE INITIALLY DEFERRED)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, bc := range cases {
		if _, err := c.Exec(ctx, "DELETE FROM t; DELETE FROM d").ReadAll(); err != nil {
			t.Fatal(err)
		}
		got := runPipeline(t, c, bc.steps...)
		if strings.Join(got, "\n") != strings.Join(bc.want, "\n") {
			t.Errorf("%s: replies\n%s\nwant\n%s", bc.name, strings.Join(got, "\n"), strings.Join(bc.want, "\n"))
		}
		if rows := rowsOf(t, c); rows != bc.rows {
			t.Errorf("%s: rows %q, want %q", bc.name, rows, bc.rows)
		}
		if res, err := c.Exec(ctx, "SELECT count(*) FROM d").ReadAll(); err != nil || string(res[0].Rows[0][0]) != "0" {
			t.Errorf("%s: d has rows (%v), want none", bc.name, err) // its INSERTs all fail at commit
		}
	}
}

package pgwire

import (
	"context"
	"fmt"
	"os"
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
// "C P name" (Close), "S", "CD data" (CopyData), "CC" (CopyDone), "CF" (CopyFail), "SI" (a Sync the server ignores), "Q sql" (a simple Query, which ends with ReadyForQuery as a Sync).
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
		case "SI": // a Sync sent during COPY FROM STDIN, which the server ignores
			fe.Send(&pgproto3.Sync{})
		case "CD": // CopyData: rest with \n for newlines
			fe.Send(&pgproto3.CopyData{Data: []byte(strings.ReplaceAll(rest, `\n`, "\n"))})
		case "CC":
			fe.Send(&pgproto3.CopyDone{})
		case "CF":
			fe.Send(&pgproto3.CopyFail{Message: "stop"})
		case "Q":
			fe.Send(&pgproto3.Query{String: rest})
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
			got = append(got, "Error "+m.Code+" "+m.Message)
		case *pgproto3.NoticeResponse:
			got = append(got, "Notice "+m.Code+" "+m.Message)
		case *pgproto3.CommandComplete:
			got = append(got, "Complete "+string(m.CommandTag))
		case *pgproto3.CopyData:
			got = append(got, "CopyData "+strings.TrimSuffix(string(m.Data), "\n"))
		case *pgproto3.ParameterStatus:
		default:
			got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", m), "*pgproto3."))
		}
	}
	return got
}

// codesOnly cuts the messages off got's errors where want names only the error's code.
func codesOnly(got, want []string) {
	for i := range min(len(got), len(want)) {
		if len(want[i]) == len("Error XXXXX") && strings.HasPrefix(want[i], "Error ") {
			got[i] = got[i][:min(len(got[i]), len(want[i]))]
		}
	}
}

// rowsOf returns the keys of table t, in order, as one string.
func rowsOf(t *testing.T, c *pgconn.PgConn) string {
	t.Helper()
	res, err := c.Exec(context.Background(), "SELECT coalesce(string_agg(k::text, ',' ORDER BY k), '') FROM t").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || len(res[0].Rows) != 1 {
		t.Fatalf("reading t: %d results, the protocol is out of step", len(res)) // a case's replies were not all read
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
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I"}},
	{"two Syncs are two transactions",
		[]pipeStep{"X INSERT INTO t VALUES (1)", "S", "X INSERT INTO t VALUES (2)", "X INSERT INTO t VALUES (1)", "S"}, "1",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I"}},
	{"COMMIT in a batch commits what came before",
		[]pipeStep{"X INSERT INTO t VALUES (3)", "X COMMIT", "X INSERT INTO t VALUES (4)", "X INSERT INTO t VALUES (3)", "S"}, "3",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Notice 25P01 there is no transaction in progress", "Complete COMMIT", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I"}},
	{"ROLLBACK in a batch rolls back what came before",
		[]pipeStep{"X INSERT INTO t VALUES (5)", "X ROLLBACK", "X INSERT INTO t VALUES (6)", "S"}, "6",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Notice 25P01 there is no transaction in progress", "Complete ROLLBACK", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"BEGIN in a batch makes it an explicit transaction that ROLLBACK ends",
		[]pipeStep{"X INSERT INTO t VALUES (7)", "X BEGIN", "X INSERT INTO t VALUES (8)", "S", "X ROLLBACK", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery T", "ParseComplete", "BindComplete", "Complete ROLLBACK", "ReadyForQuery I"}},
	{"BEGIN, COMMIT and more in one batch",
		[]pipeStep{"X BEGIN", "X INSERT INTO t VALUES (9)", "X COMMIT", "X INSERT INTO t VALUES (10)", "X INSERT INTO t VALUES (9)", "S"}, "9",
		[]string{"ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete COMMIT", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I"}},
	{"a batch that only describes",
		[]pipeStep{"P - SELECT k FROM t WHERE k = $1", "D S -", "S"}, "",
		[]string{"ParseComplete", "ParameterDescription", "RowDescription", "ReadyForQuery I"}},
	{"a Bind error rolls back the batch",
		[]pipeStep{"X INSERT INTO t VALUES (11)", "P s1 SELECT $1::int", "B - s1 abc", "E -", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "Error 22P02 invalid input syntax for type integer: \"abc\"", "ReadyForQuery I"}},
	{"VACUUM runs first in a batch, not after another statement",
		[]pipeStep{"X VACUUM t", "X INSERT INTO t VALUES (12)", "X INSERT INTO t VALUES (12)", "S",
			"X INSERT INTO t VALUES (13)", "X VACUUM t", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete VACUUM", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25001 VACUUM cannot be executed within a pipeline", "ReadyForQuery I"}},
	{"SAVEPOINT is refused in a batch",
		[]pipeStep{"X INSERT INTO t VALUES (14)", "X SAVEPOINT a", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25P01 SAVEPOINT can only be used in transaction blocks", "ReadyForQuery I"}},
	{"a deferred constraint fails the commit at Sync",
		[]pipeStep{"X INSERT INTO d VALUES (1)", "X INSERT INTO d VALUES (1)", "S", "X INSERT INTO d VALUES (2), (2)", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "Error 23505 duplicate key value violates unique constraint \"du\"", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete INSERT 0 2", "Error 23505 duplicate key value violates unique constraint \"du\"", "ReadyForQuery I"}},
	// A suspended portal's query, stopped by its Close or dropped at Sync, ends without
	// error: drove rolled the batch back then, losing writes the client saw complete.
	{"a portal suspended at Sync keeps the batch's writes",
		[]pipeStep{"X INSERT INTO t VALUES (15), (16)", "P s2 SELECT k FROM t ORDER BY k", "B p s2", "E p 1", "S"}, "15,16",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 2", "ParseComplete", "BindComplete", "DataRow", "PortalSuspended", "ReadyForQuery I"}},
	{"a suspended portal closed in a batch keeps its writes",
		[]pipeStep{"X INSERT INTO t VALUES (17)", "B p s2", "E p 1", "C P p", "X INSERT INTO t VALUES (18)", "S"}, "17,18",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "BindComplete", "DataRow", "PortalSuspended", "CloseComplete", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"a portal suspended first in its batch, then a write",
		[]pipeStep{"X INSERT INTO t VALUES (19)", "S", "B p s2", "E p 1", "X INSERT INTO t VALUES (20)", "S"}, "19,20",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I", "BindComplete", "DataRow", "PortalSuspended", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
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
		if os.Getenv("DROVE_PRINT_WANT") != "" { // to record a case's replies from PostgreSQL
			fmt.Printf("%s\n%#v\n%q\n", bc.name, got, rowsOf(t, c))
		}
		codesOnly(got, bc.want)
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

// batchBlockCases are statements that refuse or need a transaction block, COPY, and DDL of
// a table an open portal reads, in batches and query strings.
var batchBlockCases = []batchCase{
	{"two VACUUMs in a batch", []pipeStep{"X VACUUM t", "X VACUUM t", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete VACUUM", "ParseComplete", "BindComplete", "Error 25001 VACUUM cannot be executed within a pipeline", "ReadyForQuery I"}},
	{"VACUUM; VACUUM in a query string", []pipeStep{"Q VACUUM t; VACUUM t"}, "",
		[]string{"Error 25001 VACUUM cannot run inside a transaction block", "ReadyForQuery I"}},
	{"DISCARD ALL twice in a batch", []pipeStep{"X DISCARD ALL", "X DISCARD ALL", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete DISCARD ALL", "ParseComplete", "BindComplete", "Complete DISCARD ALL", "ReadyForQuery I"}},
	{"VACUUM, INSERT, VACUUM in a batch", []pipeStep{"X VACUUM t", "X INSERT INTO t VALUES (21)", "X VACUUM t", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete VACUUM", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25001 VACUUM cannot be executed within a pipeline", "ReadyForQuery I"}},
	{"INSERT; VACUUM in a query string", []pipeStep{"Q INSERT INTO t VALUES (22); VACUUM t"}, "",
		[]string{"Complete INSERT 0 1", "Error 25001 VACUUM cannot run inside a transaction block", "ReadyForQuery I"}},
	{"VACUUM; INSERT in a query string", []pipeStep{"Q VACUUM t; INSERT INTO t VALUES (22)"}, "",
		[]string{"Error 25001 VACUUM cannot run inside a transaction block", "ReadyForQuery I"}},
	{"DECLARE first in a batch, then FETCH",
		[]pipeStep{"Q INSERT INTO t VALUES (1), (2), (3)", "X DECLARE c CURSOR FOR SELECT k FROM t ORDER BY k", "X FETCH 2 FROM c", "X FETCH ALL FROM c", "S", "X FETCH 1 FROM c", "S"}, "1,2,3",
		[]string{"Complete INSERT 0 3", "ReadyForQuery I", "ParseComplete", "BindComplete", "Error 25P01 DECLARE CURSOR can only be used in transaction blocks", "ReadyForQuery I", "ParseComplete", "BindComplete", "Error 34000 cursor \"c\" does not exist", "ReadyForQuery I"}},
	{"DECLARE after another statement in a batch",
		[]pipeStep{"X INSERT INTO t VALUES (4)", "X DECLARE c CURSOR FOR SELECT k FROM t ORDER BY k", "X FETCH 2 FROM c", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "Error 25P01 DECLARE CURSOR can only be used in transaction blocks", "ReadyForQuery I"}},
	{"DECLARE WITH HOLD first in a batch, then FETCH",
		[]pipeStep{"Q INSERT INTO t VALUES (5), (6)", "X DECLARE c CURSOR WITH HOLD FOR SELECT k FROM t ORDER BY k", "X FETCH 1 FROM c", "S", "X FETCH 1 FROM c", "X CLOSE c", "S"}, "5,6",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete DECLARE CURSOR", "ParseComplete", "BindComplete", "DataRow", "Complete FETCH 1", "ReadyForQuery I", "ParseComplete", "BindComplete", "DataRow", "Complete FETCH 1", "ParseComplete", "BindComplete", "Complete CLOSE CURSOR", "ReadyForQuery I"}},
	{"DECLARE and FETCH in a query string",
		[]pipeStep{"Q INSERT INTO t VALUES (7), (8)", "Q DECLARE c CURSOR FOR SELECT k FROM t ORDER BY k; FETCH 1 FROM c", "X FETCH 1 FROM c", "S"}, "7,8",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "Complete DECLARE CURSOR", "RowDescription", "DataRow", "Complete FETCH 1", "ReadyForQuery I", "ParseComplete", "BindComplete", "Error 34000 cursor \"c\" does not exist", "ReadyForQuery I"}},
	{"DECLARE alone in a batch", []pipeStep{"X DECLARE c CURSOR FOR SELECT 1", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Error 25P01 DECLARE CURSOR can only be used in transaction blocks", "ReadyForQuery I"}},
	{"COPY FROM STDIN through Execute",
		[]pipeStep{"X COPY t FROM STDIN", "CD 30\\n31\\n", "CD 32\\n", "CC", "S"}, "30,31,32",
		[]string{"ParseComplete", "BindComplete", "CopyInResponse", "Complete COPY 3", "ReadyForQuery I"}},
	{"COPY FROM STDIN in a batch that fails",
		[]pipeStep{"X INSERT INTO t VALUES (33)", "X COPY t FROM STDIN", "CD 34\\n", "CC", "X INSERT INTO t VALUES (33)", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "CopyInResponse", "Complete COPY 1", "ParseComplete", "BindComplete", "Error 23505 duplicate key value violates unique constraint \"t_pkey\"", "ReadyForQuery I"}},
	{"COPY FROM STDIN failed by the client",
		[]pipeStep{"X INSERT INTO t VALUES (35)", "X COPY t FROM STDIN", "CD 36\\n", "CF", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "CopyInResponse", "Error 57014 COPY from stdin failed: stop", "ReadyForQuery I"}},
	{"COPY FROM STDIN with a bad row",
		[]pipeStep{"X COPY t FROM STDIN", "CD 37\\nx\\n", "CC", "S", "X INSERT INTO t VALUES (38)", "S"}, "38",
		[]string{"ParseComplete", "BindComplete", "CopyInResponse", "Error 22P02 invalid input syntax for type integer: \"x\"", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"COPY FROM STDIN with a Sync before the data (tokio-postgres)",
		[]pipeStep{"X COPY t FROM STDIN", "SI", "CD 60\\n", "CC", "S"}, "60",
		[]string{"ParseComplete", "BindComplete", "CopyInResponse", "Complete COPY 1", "ReadyForQuery I"}},
	{"COPY FROM STDIN ended by its end-of-data line",
		[]pipeStep{"X COPY t FROM STDIN", "CD 61\\n\\.\\n", "CD 62\\n", "CC", "X INSERT INTO t VALUES (63)", "S"}, "61,63",
		[]string{"ParseComplete", "BindComplete", "CopyInResponse", "Complete COPY 1", "ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"COPY in an explicit transaction, rolled back",
		[]pipeStep{"X BEGIN", "X COPY t FROM STDIN", "CD 64\\n", "CC", "S", "X ROLLBACK", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "CopyInResponse", "Complete COPY 1", "ReadyForQuery T", "ParseComplete", "BindComplete", "Complete ROLLBACK", "ReadyForQuery I"}},
	{"COPY TO STDOUT with a row limit",
		[]pipeStep{"Q INSERT INTO t VALUES (65), (66)", "P s5 COPY t TO STDOUT", "B - s5", "E - 1", "E - 1", "S"}, "65,66",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "ParseComplete", "BindComplete", "CopyOutResponse", "CopyData 65", "CopyData 66", "CopyDone", "Complete COPY 2", "Error 55000 portal \"\" cannot be run", "ReadyForQuery I"}},
	{"COPY TO STDOUT through Execute",
		[]pipeStep{"Q INSERT INTO t VALUES (40), (41)", "X COPY t TO STDOUT", "X COPY (SELECT k * 2 FROM t ORDER BY k) TO STDOUT WITH (FORMAT csv)", "S"}, "40,41",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "ParseComplete", "BindComplete", "CopyOutResponse", "CopyData 40", "CopyData 41", "CopyDone", "Complete COPY 2", "ParseComplete", "BindComplete", "CopyOutResponse", "CopyData 80", "CopyData 82", "CopyDone", "Complete COPY 2", "ReadyForQuery I"}},
	{"ALTER TABLE of a table a suspended portal reads",
		[]pipeStep{"Q INSERT INTO t VALUES (50), (51)", "P s3 SELECT k FROM t ORDER BY k", "B p s3", "E p 1", "X ALTER TABLE t ADD COLUMN x int", "S"}, "50,51",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "ParseComplete", "BindComplete", "DataRow", "PortalSuspended", "ParseComplete", "BindComplete", "Error 55006 cannot ALTER TABLE \"t\" because it is being used by active queries in this session", "ReadyForQuery I"}},
	{"ALTER TABLE of a table a cursor reads",
		[]pipeStep{"Q INSERT INTO t VALUES (52), (53)", "X BEGIN", "X DECLARE c CURSOR FOR SELECT k FROM t", "X FETCH 1 FROM c", "X ALTER TABLE t ADD COLUMN x int", "S", "X ROLLBACK", "S"}, "52,53",
		[]string{"Complete INSERT 0 2", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "Complete DECLARE CURSOR", "ParseComplete", "BindComplete", "DataRow", "Complete FETCH 1", "ParseComplete", "BindComplete", "Error 55006 cannot ALTER TABLE \"t\" because it is being used by active queries in this session", "ReadyForQuery E", "ParseComplete", "BindComplete", "Complete ROLLBACK", "ReadyForQuery I"}},
	{"DROP TABLE and TRUNCATE of a table a cursor reads",
		[]pipeStep{"Q INSERT INTO t VALUES (54)", "Q BEGIN; DECLARE c CURSOR FOR SELECT k FROM t", "X DROP TABLE t", "S", "Q ROLLBACK; BEGIN; DECLARE c CURSOR FOR SELECT k FROM t", "X TRUNCATE t", "S", "Q ROLLBACK"}, "54",
		[]string{"Complete INSERT 0 1", "ReadyForQuery I", "Complete BEGIN", "Complete DECLARE CURSOR", "ReadyForQuery T", "ParseComplete", "BindComplete", "Error 55006 cannot DROP TABLE \"t\" because it is being used by active queries in this session", "ReadyForQuery E", "Complete ROLLBACK", "Complete BEGIN", "Complete DECLARE CURSOR", "ReadyForQuery T", "ParseComplete", "BindComplete", "Error 55006 cannot TRUNCATE \"t\" because it is being used by active queries in this session", "ReadyForQuery E", "Complete ROLLBACK", "ReadyForQuery I"}},
	{"a closed portal no longer holds its table",
		[]pipeStep{"Q CREATE TABLE u (k int)", "P s6 SELECT k FROM u", "B p s6", "E p 1", "C P p", "X ALTER TABLE u ADD COLUMN x int", "X DROP TABLE u", "S"}, "",
		[]string{"Complete CREATE TABLE", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete SELECT 0", "CloseComplete", "ParseComplete", "BindComplete", "Complete ALTER TABLE", "ParseComplete", "BindComplete", "Complete DROP TABLE", "ReadyForQuery I"}},
	{"a cursor of a query string holds its table, a closed one does not",
		[]pipeStep{"Q CREATE TABLE u (k int)", "Q DECLARE c CURSOR FOR SELECT k FROM u; ALTER TABLE u ADD COLUMN y int",
			"Q DECLARE c CURSOR FOR SELECT k FROM u; CLOSE c; ALTER TABLE u ADD COLUMN y int; DROP TABLE u"}, "",
		[]string{"Complete CREATE TABLE", "ReadyForQuery I", "Complete DECLARE CURSOR", "Error 55006 cannot ALTER TABLE \"u\" because it is being used by active queries in this session", "ReadyForQuery I", "Complete DECLARE CURSOR", "Complete CLOSE CURSOR", "Complete ALTER TABLE", "Complete DROP TABLE", "ReadyForQuery I"}},
	{"a WITH HOLD cursor holds its table until its transaction commits",
		[]pipeStep{"Q CREATE TABLE u (k int)", "Q DECLARE h CURSOR WITH HOLD FOR SELECT k FROM u; TRUNCATE u",
			"Q DECLARE h CURSOR WITH HOLD FOR SELECT k FROM u", "Q TRUNCATE u; ALTER TABLE u ADD COLUMN z int", "Q CLOSE h; DROP TABLE u"}, "",
		[]string{"Complete CREATE TABLE", "ReadyForQuery I", "Complete DECLARE CURSOR", "Error 55006 cannot TRUNCATE \"u\" because it is being used by active queries in this session", "ReadyForQuery I", "Complete DECLARE CURSOR", "ReadyForQuery I", "Complete TRUNCATE TABLE", "Complete ALTER TABLE", "ReadyForQuery I", "Complete CLOSE CURSOR", "Complete DROP TABLE", "ReadyForQuery I"}},
	{"a portal run to its end still holds its table",
		[]pipeStep{"Q CREATE TABLE u (k int)", "X BEGIN", "P s4 SELECT k FROM u", "B p s4", "E p", "X DROP TABLE u", "S", "Q ROLLBACK", "Q DROP TABLE u"}, "",
		[]string{"Complete CREATE TABLE", "ReadyForQuery I", "ParseComplete", "BindComplete", "Complete BEGIN", "ParseComplete", "BindComplete", "Complete SELECT 0", "ParseComplete", "BindComplete", "Error 55006 cannot DROP TABLE \"u\" because it is being used by active queries in this session", "ReadyForQuery E", "Complete ROLLBACK", "ReadyForQuery I", "Complete DROP TABLE", "ReadyForQuery I"}},
}

// TestExtendedBatchBlocks runs batchBlockCases on drove.
func TestExtendedBatchBlocks(t *testing.T) {
	checkBatchCases(t, connectSessions(t), batchBlockCases)
}

// TestExtendedBatchBlocksMatchPostgres runs batchBlockCases on PostgreSQL 15.
func TestExtendedBatchBlocksMatchPostgres(t *testing.T) {
	checkBatchCases(t, pgtest.Connect(t), batchBlockCases)
}

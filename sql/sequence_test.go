package sql

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

func openTablespaceAt(t testing.TB, dir string) *tablespace.Tablespace {
	t.Helper()
	ts, err := tablespace.Open(tablespace.Options{Dir: dir, Name: "drove", CheckpointInterval: -1,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// acrossRestarts runs check before a restart, after a restart that replays the log and after
// one that loads a checkpoint (its session changes with each), then closes the tablespace.
func acrossRestarts(t *testing.T, dir string, ts *tablespace.Tablespace, s *Session, check func(s *Session, when string)) {
	t.Helper()
	check(s, "before the restart")
	for round, when := range []string{"after replaying the log", "after loading a checkpoint"} {
		if round == 1 {
			execOK(t, s, "CHECKPOINT")
		}
		if err := ts.Close(); err != nil {
			t.Fatal(err)
		}
		ts = openTablespaceAt(t, dir)
		s = NewSession(ts, nil)
		check(s, when)
	}
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
}

func queryInt(t *testing.T, s *Session, q string) int64 {
	t.Helper()
	out := execOK(t, s, q)
	n, err := strconv.ParseInt(out.lines[0], 10, 64)
	if err != nil {
		t.Fatalf("%s: %v", q, out.lines)
	}
	return n
}

// TestSerialNeverRepeatsAfterRestart: a serial column's values after a restart are above
// every value handed out before, even when the rows holding the largest were deleted. (The
// counter that served serial columns before sequences restarted from the table's largest
// value and handed 5 out again here.)
func TestSerialNeverRepeatsAfterRestart(t *testing.T) {
	dir := t.TempDir()
	ts := openTablespaceAt(t, dir)
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE items (id serial PRIMARY KEY, v text)")
	for i := 0; i < 5; i++ {
		execOK(t, s, "INSERT INTO items (v) VALUES ('x')")
	}
	execOK(t, s, "DELETE FROM items WHERE id >= 4")
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		ts = openTablespaceAt(t, dir)
		s = NewSession(ts, nil)
		if id := queryInt(t, s, "INSERT INTO items (v) VALUES ('after') RETURNING id"); id <= 5 {
			t.Fatalf("round %d: id %d after a restart; ids up to 5 were handed out before", round, id)
		}
		execOK(t, s, "DELETE FROM items WHERE v = 'after'")
		if round == 0 {
			execOK(t, s, "CHECKPOINT") // the second round restarts from a checkpoint
		}
		if err := ts.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSerialMigratesTablesWithoutSequence: a table written before sequences existed (its
// DEFAULT is nextval('t_c_seq') and there is no sequence) gets its sequence at the first
// value it needs, starting past the column's largest value, owned by the column.
func TestSerialMigratesTablesWithoutSequence(t *testing.T) {
	ts := openTestTablespace(t)
	ctx := context.Background()
	schema := &types.Schema{Name: "old", Columns: []types.Column{
		{Name: "id", Type: types.Int32, NotNull: true, Default: "nextval('old_id_seq')"},
		{Name: "v", Type: types.Text},
	}, PK: []int{0}}
	if err := ts.CreateTable(ctx, schema); err != nil {
		t.Fatal(err)
	}
	s := NewSession(ts, nil)
	execOK(t, s, "INSERT INTO old VALUES (1, 'a'), (7, 'b'), (3, 'c')")
	if id := queryInt(t, s, "INSERT INTO old (v) VALUES ('d') RETURNING id"); id != 8 {
		t.Fatalf("first id %d, want 8", id)
	}
	if id := queryInt(t, s, "INSERT INTO old (v) VALUES ('e') RETURNING id"); id != 9 {
		t.Fatalf("second id %d, want 9", id)
	}
	out := execOK(t, s, "SELECT sequencename, data_type FROM pg_sequences")
	if strings.Join(out.lines, ";") != "old_id_seq|integer;tag: SELECT 1" {
		t.Fatalf("pg_sequences: %v", out.lines)
	}
	execOK(t, s, "DROP TABLE old")
	if seqs, _ := ts.Sequences(); len(seqs) != 0 {
		t.Fatalf("the migrated sequence outlived its table: %v", seqs)
	}
}

// TestSequenceStatementErrors: what the parser and the checks refuse, with PostgreSQL's
// SQLSTATEs. The cases run in order on one session.
func TestSequenceStatementErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	for _, tc := range []struct {
		sql, code string
	}{
		{"CREATE SEQUENCE a", ""},
		{"CREATE SEQUENCE IF NOT EXISTS a2 INCREMENT BY 2 MINVALUE 1 NO MAXVALUE START WITH 5 CACHE 10 NO CYCLE OWNED BY NONE", ""},
		{"CREATE SEQUENCE public.b AS integer INCREMENT -1", ""},
		{"CREATE SEQUENCE other.c", "3F000"},
		{"CREATE TEMP SEQUENCE c", "0A000"},
		{"CREATE SEQUENCE c INCREMENT", "42601"},
		{"CREATE SEQUENCE c START 'x'", "42601"},
		{"CREATE SEQUENCE c START 1.5", "22P02"},
		{"CREATE SEQUENCE c START 99999999999999999999", "22003"},
		{"CREATE SEQUENCE c CYCLE NO CYCLE", "42601"},
		{"CREATE SEQUENCE c RESTART 0", "22023"}, // RESTART in a CREATE, as PostgreSQL reads it: below MINVALUE
		{"CREATE SEQUENCE c OWNED BY nope.x", "42P01"},
		{"CREATE SEQUENCE c OWNED BY x", "42601"},
		{"CREATE SEQUENCE c MAXVALUE -1 INCREMENT -1 START -1 MINVALUE -9223372036854775808", ""},
		{"CREATE SEQUENCE d AS bigint MINVALUE -9223372036854775808 MAXVALUE 9223372036854775807", ""},
		{"ALTER SEQUENCE a RESTART WITH 0", "22023"},
		{"ALTER SEQUENCE a2 MAXVALUE 3", "22023"}, // its start, 5, would be past it
		{"ALTER SEQUENCE a RENAME TO z", "0A000"},
		{"ALTER SEQUENCE a AS smallint", ""},
		{"DROP SEQUENCE a, nope", "42P01"},
		{"DROP SEQUENCE a CASCADE", "0A000"},
		{"DROP SEQUENCE a, b RESTRICT", ""},
		{"CREATE TABLE tr (id serial PRIMARY KEY)", ""},
		{"TRUNCATE tr CASCADE", ""}, // nothing references tr: as TRUNCATE tr
		{"TRUNCATE tr RESTART IDENTITY CONTINUE IDENTITY", "42601"},
		{"BEGIN", ""},
		{"TRUNCATE tr RESTART IDENTITY", "0A000"}, // the restart would outlive a ROLLBACK
		{"ROLLBACK", ""},
	} {
		err := s.Exec(context.Background(), tc.sql, &textOutput{})
		if sqlState(err) != tc.code {
			t.Errorf("%s: %v, want SQLSTATE %q", tc.sql, err, tc.code)
		}
	}
}

func TestSeqNameFromText(t *testing.T) {
	for _, tc := range []struct{ in, want, code string }{
		{"s", "s", ""},
		{"MySeq", "myseq", ""},
		{`"MySeq"`, "MySeq", ""},
		{` public . "a""b" `, `a"b`, ""},
		{"public.s", "s", ""},
		{"other.s", "", "3F000"},
		{"a.b.c", "", "0A000"},
		{`"unterminated`, "", "42602"},
		{"", "", "42602"},
		{"s.", "", "42602"},
		{"a b", "", "42602"},
		{`"a b"`, "a b", ""},
	} {
		got, err := seqNameFromText(tc.in)
		if got != tc.want || sqlState(err) != tc.code {
			t.Errorf("%q: %q %v, want %q %q", tc.in, got, err, tc.want, tc.code)
		}
	}
}

// TestNextvalConcurrentSessions: sessions drawing from one sequence at once never get the
// same value.
func TestNextvalConcurrentSessions(t *testing.T) {
	ts := openTestTablespace(t)
	execOK(t, NewSession(ts, nil), "CREATE TABLE t (id bigserial PRIMARY KEY, w int)")
	const sessions, each = 4, 100
	var wg sync.WaitGroup
	for w := 0; w < sessions; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := NewSession(ts, nil)
			for i := 0; i < each; i++ {
				if err := s.Exec(context.Background(), fmt.Sprintf("INSERT INTO t (w) VALUES (%d)", w), &textOutput{}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	s := NewSession(ts, nil)
	if n := queryInt(t, s, "SELECT count(DISTINCT id) FROM t"); n != sessions*each {
		t.Fatalf("%d distinct ids, want %d", n, sessions*each)
	}
}

package sql

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/drovedb/drove/tablespace"
)

// TestAlterColumnValuesSurviveRestart: the values ALTER TABLE gives existing rows (a constant
// DEFAULT, volatile ones evaluated per row, a new type's casts, a USING expression, a
// retyped primary key) read back the same after a restart that replays the log and after one
// that loads a checkpoint: the log entry carries them, so a replay cannot draw new random()
// or nextval() values.
func TestAlterColumnValuesSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	ts := openTablespaceAt(t, dir)
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE a (id int PRIMARY KEY, v text, f float8)")
	execOK(t, s, "CREATE SEQUENCE a_s START 100")
	execOK(t, s, "INSERT INTO a SELECT g, 'row' || g, g * 1.5 FROM generate_series(1, 40) g")
	execOK(t, s, "CREATE INDEX a_f ON a (f)")
	for _, q := range []string{
		"ALTER TABLE a ADD COLUMN c int NOT NULL DEFAULT 7",
		"ALTER TABLE a ADD COLUMN r float8 DEFAULT random(), ADD COLUMN n bigint DEFAULT nextval('a_s')",
		"ALTER TABLE a ADD COLUMN u uuid DEFAULT gen_random_uuid()",
		"ALTER TABLE a ALTER COLUMN v TYPE int USING length(v) * id, ALTER COLUMN f TYPE int",
		"ALTER TABLE a ALTER COLUMN id TYPE bigint",
	} {
		execOK(t, s, q)
	}
	const all = "SELECT id, pg_typeof(id), v, f, c, r, n, u FROM a ORDER BY id"
	before := execOK(t, s, all).lines
	if len(before) != 41 || !strings.HasPrefix(before[0], "1|bigint|4|2|7|") {
		t.Fatalf("after the ALTERs: %q", before[:2])
	}
	if d := execOK(t, s, "SELECT count(DISTINCT r), count(DISTINCT n), min(n), count(DISTINCT u) FROM a").lines[0]; d != "40|40|100|40" {
		t.Fatalf("volatile defaults per row: %s, want 40|40|100|40", d)
	}
	acrossRestarts(t, dir, ts, s, func(s *Session, when string) {
		t.Helper()
		if got := execOK(t, s, all).lines; strings.Join(got, "\n") != strings.Join(before, "\n") {
			t.Errorf("%s: rows differ: first %q, want %q", when, got[:2], before[:2])
		}
		if got := execOK(t, s, "SELECT id FROM a WHERE f = 3").lines; strings.Join(got, ",") != "2,tag: SELECT 1" {
			t.Errorf("%s: the index on the retyped f finds %q", when, got)
		}
	})
}

// TestAlterRewriteTooLargeForOneEntry: per-row values that would not fit in one log entry
// fail the ALTER with 54000 and change nothing (a rewrite is not split into chunks yet); a
// constant DEFAULT costs one set of values and passes on the same table.
func TestAlterRewriteTooLargeForOneEntry(t *testing.T) {
	ts, err := tablespace.Open(tablespace.Options{Dir: t.TempDir(), Name: "drove", CheckpointInterval: -1,
		MaxEntryBytes: 16 << 10, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE big (id int PRIMARY KEY, v text)")
	execOK(t, s, "INSERT INTO big SELECT g, repeat('x', 20) FROM generate_series(1, 2000) g")
	err = s.Exec(context.Background(), "ALTER TABLE big ALTER COLUMN v TYPE varchar(30)", &textOutput{})
	if sqlState(err) != "54000" {
		t.Fatalf("retyping 2000 rows in a 16 KiB entry: %v, want 54000", err)
	}
	if got := execOK(t, s, "SELECT data_type FROM information_schema.columns WHERE table_name = 'big' AND column_name = 'v'").lines[0]; got != "text" {
		t.Fatalf("after the refused ALTER, v is %s", got)
	}
	execOK(t, s, "ALTER TABLE big ADD COLUMN c int DEFAULT 3")
	if got := execOK(t, s, "SELECT count(*), min(c), max(c) FROM big").lines[0]; got != "2000|3|3" {
		t.Fatalf("constant default: %s", got)
	}
}

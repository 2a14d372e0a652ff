package sql

import (
	"strings"
	"testing"
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

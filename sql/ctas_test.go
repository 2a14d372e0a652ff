package sql

import (
	"strings"
	"testing"
)

// TestCreateTableAsSurvivesRestart: a table made by CREATE TABLE AS and SELECT INTO reads
// back the same after a restart that replays the log and after one that loads a checkpoint,
// and rows inserted after each restart get new hidden keys (no duplicate key).
func TestCreateTableAsSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ts := openTablespaceAt(t, dir)
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE src (id int PRIMARY KEY, name varchar(5))")
	execOK(t, s, "INSERT INTO src VALUES (1, 'a'), (2, 'b')")
	execOK(t, s, "CREATE TABLE c (k, n) AS SELECT id, name FROM src")
	execOK(t, s, "SELECT id * 10 AS big INTO i FROM src")
	want := []string{"1|a", "2|b"}
	wantI := []string{"10", "20"}
	check := func(s *Session, when string) {
		t.Helper()
		got := execOK(t, s, "SELECT k, n FROM c ORDER BY k").lines
		if strings.Join(got, "\n") != strings.Join(append(want, "tag: SELECT "+itoa(len(want))), "\n") {
			t.Errorf("%s: c reads %q, want %q", when, got, want)
		}
		got = execOK(t, s, "SELECT big FROM i ORDER BY big").lines
		if strings.Join(got, "\n") != strings.Join(append(wantI, "tag: SELECT "+itoa(len(wantI))), "\n") {
			t.Errorf("%s: i reads %q, want %q", when, got, wantI)
		}
		typ := execOK(t, s, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'c'::regclass AND attname = 'n'").lines
		if len(typ) == 0 || typ[0] != "character varying(5)" {
			t.Errorf("%s: c.n is %q, want character varying(5)", when, typ)
		}
	}
	next := 3 // the id of the next row inserted after a restart
	acrossRestarts(t, dir, ts, s, func(s *Session, when string) {
		check(s, when)
		if when == "before the restart" {
			return
		}
		k := itoa(next)
		next++
		execOK(t, s, "INSERT INTO c VALUES ("+k+", 'x"+k+"')")
		execOK(t, s, "INSERT INTO i VALUES ("+k+"0)")
		want = append(want, k+"|x"+k)
		wantI = append(wantI, k+"0")
		check(s, when+" and an insert")
	})
}

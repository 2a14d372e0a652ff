package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestPKNameErrors: the errors of a primary key named other than <table>_pkey carry its name,
// in the message and as the ErrorResponse's constraint, as PostgreSQL's do; EXPLAIN names its
// index.
func TestPKNameErrors(t *testing.T) {
	s := NewSession(openTablespaceAt(t, t.TempDir()), nil)
	execOK(t, s, "CREATE TABLE pk1 (a int, b text, CONSTRAINT myk PRIMARY KEY (a))")
	execOK(t, s, "INSERT INTO pk1 VALUES (1, 'x'), (2, 'y')")
	execOK(t, s, "CREATE TABLE pk2 (a int NOT NULL)")
	execOK(t, s, "INSERT INTO pk2 VALUES (1), (1)")
	for _, c := range []struct{ q, code, msg, detail, hint, constraint string }{
		{"INSERT INTO pk1 VALUES (1, 'z')", "23505", `duplicate key value violates unique constraint "myk"`,
			"Key (a)=(1) already exists.", "", "myk"},
		{"UPDATE pk1 SET a = 2 WHERE a = 1", "23505", `duplicate key value violates unique constraint "myk"`,
			"Key (a)=(2) already exists.", "", "myk"},
		{"DROP INDEX myk", "2BP01", "cannot drop index myk because constraint myk on table pk1 requires it",
			"", "You can drop constraint myk on table pk1 instead.", ""},
		{"ALTER TABLE pk2 ADD CONSTRAINT pk2k PRIMARY KEY (a)", "23505", `could not create unique index "pk2k"`,
			"Key (a)=(1) is duplicated.", "", ""},
		{"CREATE TABLE myk (a int)", "42P07", `relation "myk" already exists`, "", "", ""},
		{"ALTER TABLE pk1 RENAME CONSTRAINT myk TO pk2", "42P07", `relation "pk2" already exists`, "", "", ""},
	} {
		err := s.Exec(context.Background(), c.q, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg || e.Detail != c.detail || e.Hint != c.hint || e.Constraint != c.constraint {
			t.Errorf("%s: %+v, want %s %q detail %q hint %q constraint %q", c.q, err, c.code, c.msg, c.detail, c.hint, c.constraint)
		}
	}
	plan := strings.Join(execOK(t, s, "EXPLAIN (COSTS OFF) SELECT * FROM pk1 WHERE a = 1").lines, "\n")
	if !strings.Contains(plan, "Index Scan using myk on pk1") {
		t.Errorf("EXPLAIN of a key lookup:\n%s", plan)
	}
	plan = strings.Join(execOK(t, s, "EXPLAIN (COSTS OFF) INSERT INTO pk1 VALUES (1, 'z') ON CONFLICT ON CONSTRAINT myk DO NOTHING").lines, "\n")
	if !strings.Contains(plan, "Conflict Arbiter Indexes: myk") {
		t.Errorf("EXPLAIN of ON CONFLICT:\n%s", plan)
	}
}

// TestPKNameSurvivesRestart: a key's name written at CREATE TABLE, one renamed, one added
// with ALTER TABLE and a default one its table's rename kept are what the catalog and the
// errors say after a restart that replays the log and after one that loads a checkpoint.
func TestPKNameSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ts := openTablespaceAt(t, dir)
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE pk1 (a int CONSTRAINT myk PRIMARY KEY, b text)")
	execOK(t, s, "CREATE TABLE pk2 (a int, CONSTRAINT k2 PRIMARY KEY (a))")
	execOK(t, s, "ALTER INDEX k2 RENAME TO k2b")
	execOK(t, s, "CREATE TABLE pk3 (a int PRIMARY KEY)")
	execOK(t, s, "ALTER TABLE pk3 RENAME TO pk3r")
	execOK(t, s, "CREATE TABLE pk4 (a int NOT NULL)")
	execOK(t, s, "ALTER TABLE pk4 ADD CONSTRAINT k4 PRIMARY KEY (a)")
	execOK(t, s, "INSERT INTO pk1 VALUES (1, 'x')")
	const names = "SELECT conrelid::regclass::text, conname, conindid::regclass::text FROM pg_constraint WHERE contype = 'p' ORDER BY 1"
	want := "pk1|myk|myk,pk2|k2b|k2b,pk3r|pk3_pkey|pk3_pkey,pk4|k4|k4,tag: SELECT 4"
	acrossRestarts(t, dir, ts, s, func(s *Session, when string) {
		t.Helper()
		if got := strings.Join(execOK(t, s, names).lines, ","); got != want {
			t.Errorf("%s: keys %s, want %s", when, got, want)
		}
		err := s.Exec(context.Background(), "INSERT INTO pk1 VALUES (1, 'again')", &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Constraint != "myk" {
			t.Errorf("%s: duplicate key: %v", when, err)
		}
	})
}

package sql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
)

// The messages and details of constraint violations, as PostgreSQL 15 words them (the golden
// files compare SQLSTATEs only).
func TestConstraintErrorMessages(t *testing.T) {
	setup := `CREATE TABLE t (a int PRIMARY KEY, b int CHECK (b > 0), c int UNIQUE, d text, UNIQUE (c, d));
		CREATE TABLE p (id int PRIMARY KEY);
		CREATE TABLE k (id int PRIMARY KEY, p int REFERENCES p);
		INSERT INTO p VALUES (1); INSERT INTO k VALUES (1, 1);
		INSERT INTO t VALUES (1, 1, 1, 'x')`
	cases := []struct {
		sql, code, msg, detail string
	}{
		{"INSERT INTO t VALUES (2, -1, NULL, NULL)", "23514",
			`new row for relation "t" violates check constraint "t_b_check"`, "Failing row contains (2, -1, null, null)."},
		{"INSERT INTO t (b) VALUES (1)", "23502",
			`null value in column "a" of relation "t" violates not-null constraint`, "Failing row contains (null, 1, null, null)."},
		{"CREATE TABLE m (a int, b text, FOREIGN KEY (a, b) REFERENCES t (c, d) MATCH FULL); INSERT INTO m VALUES (1, NULL)", "23503",
			`insert or update on table "m" violates foreign key constraint "m_a_b_fkey"`, "MATCH FULL does not allow mixing of null and nonnull key values."},
		{"UPDATE t SET b = 0", "23514",
			`new row for relation "t" violates check constraint "t_b_check"`, "Failing row contains (1, 0, 1, x)."},
		{"INSERT INTO t VALUES (2, 1, 1, 'y')", "23505",
			`duplicate key value violates unique constraint "t_c_key"`, "Key (c)=(1) already exists."},
		{"COPY t FROM STDIN", "23505", `duplicate key value violates unique constraint "t_c_key"`, "Key (c)=(1) already exists."},
		{"INSERT INTO k VALUES (2, 5)", "23503",
			`insert or update on table "k" violates foreign key constraint "k_p_fkey"`, `Key (p)=(5) is not present in table "p".`},
		{"DELETE FROM p", "23503",
			`update or delete on table "p" violates foreign key constraint "k_p_fkey" on table "k"`, `Key (id)=(1) is still referenced from table "k".`},
		{"DROP TABLE t, nosuch", "42P01", `table "nosuch" does not exist`, ""},
		{"DROP TABLE p", "2BP01", "cannot drop table p because other objects depend on it", "constraint k_p_fkey on table k depends on table p"},
		{"CREATE TABLE x (id int PRIMARY KEY, p int REFERENCES other.p)", "0A000",
			`foreign key "x_p_fkey" references table other.p of another tablespace: a foreign key must stay within one tablespace, the unit of transactions`, ""},
		{"CREATE TABLE x (id int PRIMARY KEY, p int REFERENCES t (d))", "42830",
			`there is no unique constraint matching given keys for referenced table "t"`, ""},
		{"ALTER TABLE t ADD CONSTRAINT big CHECK (b > 5)", "23514", `check constraint "big" of relation "t" is violated by some row`, ""},
		{"CREATE TABLE np (a int); CREATE TABLE x (id int PRIMARY KEY, p int REFERENCES np)", "42704",
			`there is no primary key for referenced table "np"`, ""},
		{"CREATE TEMP TABLE tp (id int PRIMARY KEY); CREATE TABLE x (id int PRIMARY KEY, p int REFERENCES tp)", "42P16",
			"constraints on permanent tables may reference only permanent tables", ""},
		{"CREATE TEMP TABLE x (id int PRIMARY KEY, p int REFERENCES p)", "42P16",
			"constraints on temporary tables may reference only temporary tables", ""},
		// A temporary table's messages name it and its constraints as created (tc, tc_p_fkey),
		// not by the session's hidden name (foreign_key.sql; PostgreSQL 15's text).
		{"CREATE TEMP TABLE tp (id int PRIMARY KEY); CREATE TEMP TABLE tc (id int, p int REFERENCES tp); INSERT INTO tc VALUES (1, 5)", "23503",
			`insert or update on table "tc" violates foreign key constraint "tc_p_fkey"`, `Key (p)=(5) is not present in table "tp".`},
		{"CREATE TEMP TABLE tp (id int PRIMARY KEY); CREATE TEMP TABLE tc (id int, p int REFERENCES tp); INSERT INTO tp VALUES (1); INSERT INTO tc VALUES (1, 1); DELETE FROM tp", "23503",
			`update or delete on table "tp" violates foreign key constraint "tc_p_fkey" on table "tc"`, `Key (id)=(1) is still referenced from table "tc".`},
		{"CREATE TEMP TABLE tu (id int PRIMARY KEY, u int UNIQUE CHECK (u > 0)); INSERT INTO tu VALUES (1, 1), (2, 1)", "23505",
			`duplicate key value violates unique constraint "tu_u_key"`, "Key (u)=(1) already exists."},
		{"CREATE TEMP TABLE tu (id int PRIMARY KEY, u int UNIQUE CHECK (u > 0)); INSERT INTO tu VALUES (1, -1)", "23514",
			`new row for relation "tu" violates check constraint "tu_u_check"`, "Failing row contains (1, -1)."},
		// format_type_be: the key columns' types without their modifiers.
		{"CREATE TABLE vp (v varchar(4) PRIMARY KEY, n timestamp(3) UNIQUE); CREATE TABLE vc (a int REFERENCES vp (v))", "42804",
			`foreign key constraint "vc_a_fkey" cannot be implemented`, `Key columns "a" and "v" are of incompatible types: integer and character varying.`},
		{"CREATE TABLE vp (v varchar(4) PRIMARY KEY, n timestamp(3) UNIQUE); CREATE TABLE vc (a char(3) REFERENCES vp (n))", "42804",
			`foreign key constraint "vc_a_fkey" cannot be implemented`, `Key columns "a" and "n" are of incompatible types: character and timestamp without time zone.`},
		{"ALTER TABLE t RENAME CONSTRAINT nosuch TO x", "42704", `constraint "nosuch" for table "t" does not exist`, ""},
		{"ALTER TABLE t RENAME CONSTRAINT t_b_check TO t_c_key", "42710", `constraint "t_c_key" for relation "t" already exists`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.sql, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			execOK(t, s, setup)
			var err error
			if strings.HasPrefix(tc.sql, "COPY") {
				err = s.Exec(context.Background(), tc.sql, &copyIO{in: strings.NewReader("5\t1\t9\t\\N\n2\t1\t1\ty\n")})
			} else {
				err = s.Exec(context.Background(), tc.sql, &textOutput{})
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail {
				t.Errorf("got %s %q (detail %q), want %s %q (detail %q)", e.Code, e.Message, e.Detail, tc.code, tc.msg, tc.detail)
			}
			// Nothing of the failed statement stays, and the session goes on.
			if out := execOK(t, s, "SELECT count(*) FROM t"); out.lines[0] != "1" {
				t.Errorf("t has %s rows after the failure", out.lines[0])
			}
		})
	}
}

// A violation names its schema, table and constraint (or column) in the error's fields, as
// PostgreSQL's do: drivers and ORMs read the constraint from them.
func TestConstraintErrorFields(t *testing.T) {
	setup := `CREATE TABLE t (a int PRIMARY KEY, b int CHECK (b > 0), c int UNIQUE NOT NULL);
		CREATE TABLE p (id int PRIMARY KEY);
		CREATE TABLE k (id int PRIMARY KEY, p int REFERENCES p);
		INSERT INTO p VALUES (1); INSERT INTO k VALUES (1, 1); INSERT INTO t VALUES (1, 1, 1)`
	cases := []struct{ sql, table, column, constraint string }{
		{"INSERT INTO t VALUES (2, -1, 2)", "t", "", "t_b_check"},
		{"INSERT INTO t VALUES (1, 1, 2)", "t", "", "t_pkey"},
		{"INSERT INTO t VALUES (2, 1, 1)", "t", "", "t_c_key"},
		{"INSERT INTO t VALUES (2, 1, NULL)", "t", "c", ""},
		{"INSERT INTO k VALUES (2, 5)", "k", "", "k_p_fkey"},
		{"DELETE FROM p", "k", "", "k_p_fkey"},
		{"ALTER TABLE t ADD CONSTRAINT big CHECK (b > 5)", "t", "", "big"},
	}
	for _, tc := range cases {
		t.Run(tc.sql, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			execOK(t, s, setup)
			var e *Error
			if err := s.Exec(context.Background(), tc.sql, &textOutput{}); !errors.As(err, &e) {
				t.Fatalf("got %v, want a violation", err)
			}
			if e.Schema != "public" || e.Table != tc.table || e.Column != tc.column || e.Constraint != tc.constraint {
				t.Errorf("fields %q %q %q %q, want public %q %q %q", e.Schema, e.Table, e.Column, e.Constraint, tc.table, tc.column, tc.constraint)
			}
		})
	}
}

// COPY, the path `drove load` uses, checks every constraint, and a violating row fails the
// whole COPY.
func TestConstraintsOnCopy(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1), (2)")
	execOK(t, s, "CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p, v int CHECK (v <> 0), u text UNIQUE)")
	cases := []struct{ in, code string }{
		{"1\t1\t1\ta\n2\t3\t1\tb\n", "23503"},
		{"1\t1\t1\ta\n2\t2\t0\tb\n", "23514"},
		{"1\t1\t1\ta\n2\t2\t1\ta\n", "23505"},
		{"1\t1\t1\ta\n2\t\\N\t\\N\t\\N\n3\t\\N\t\\N\t\\N\n", ""},
		{"4\t2\t1\ta\n", "23505"}, // against a committed row
	}
	for _, tc := range cases {
		err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader(tc.in)})
		if sqlState(err) != tc.code {
			t.Errorf("COPY %q: got %v, want %q", tc.in, err, tc.code)
		}
	}
	if out := execOK(t, s, "SELECT count(*) FROM c"); out.lines[0] != "3" {
		t.Errorf("c has %s rows, want 3", out.lines[0])
	}
}

// Two sessions insert the same unique value at once: the second waits for the first and
// gets 23505 when it commits, or goes on when it rolls back. Run many times.
func TestUniqueConcurrentInserts(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE u (id int PRIMARY KEY, c int UNIQUE)")
	ctx := context.Background()
	for i := 0; i < 40; i++ {
		commit := i%2 == 0
		execOK(t, a, "BEGIN")
		execOK(t, a, fmt.Sprintf("INSERT INTO u VALUES (%d, %d)", 2*i, i))
		done := make(chan error, 1)
		go func() { done <- b.Exec(ctx, fmt.Sprintf("INSERT INTO u VALUES (%d, %d)", 2*i+1, i), &textOutput{}) }()
		select {
		case err := <-done:
			t.Fatalf("round %d: the second insert did not wait for the first: %v", i, err)
		case <-time.After(20 * time.Millisecond):
		}
		if commit {
			execOK(t, a, "COMMIT")
		} else {
			execOK(t, a, "ROLLBACK")
		}
		err := <-done
		var e *Error
		switch {
		case commit && (!errors.As(err, &e) || e.Code != "23505" || e.Detail != fmt.Sprintf("Key (c)=(%d) already exists.", i)):
			t.Fatalf("round %d: second insert after a commit: %v, want 23505", i, err)
		case !commit && err != nil:
			t.Fatalf("round %d: second insert after a rollback: %v", i, err)
		}
	}
	if out := execOK(t, a, "SELECT count(*), count(DISTINCT c) FROM u"); out.lines[0] != "40|40" {
		t.Errorf("u: %s, want 40 rows with 40 distinct values", out.lines[0])
	}
}

// A child insert racing its parent's delete never leaves an orphan: the insert locks the
// parent row until it ends, so one of the two fails with 23503. Many rounds, both orders.
func TestForeignKeyRaceWithParentDelete(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p)")
	ctx := context.Background()
	const rounds = 60
	var childWon, parentWon int
	for i := 0; i < rounds; i++ {
		execOK(t, a, fmt.Sprintf("INSERT INTO p VALUES (%d)", i))
		var wg sync.WaitGroup
		var errA, errB error
		wg.Add(2)
		go func() {
			defer wg.Done()
			errA = a.Exec(ctx, fmt.Sprintf("BEGIN; INSERT INTO c VALUES (%d, %d)", i, i), &textOutput{})
			if errA == nil {
				time.Sleep(time.Duration(i%3) * time.Millisecond)
				errA = a.Exec(ctx, "COMMIT", &textOutput{})
			} else {
				_ = a.Exec(ctx, "ROLLBACK", &textOutput{})
			}
		}()
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i%4) * time.Millisecond / 2)
			errB = b.Exec(ctx, fmt.Sprintf("DELETE FROM p WHERE id = %d", i), &textOutput{})
		}()
		wg.Wait()
		switch {
		case errA == nil && sqlState(errB) == "23503":
			childWon++
		case sqlState(errA) == "23503" && errB == nil:
			parentWon++
		default:
			t.Fatalf("round %d: child insert %v, parent delete %v: want exactly one 23503", i, errA, errB)
		}
	}
	out := execOK(t, a, "SELECT count(*) FROM c WHERE p NOT IN (SELECT id FROM p)")
	if out.lines[0] != "0" {
		t.Fatalf("%s orphans", out.lines[0])
	}
	t.Logf("child won %d, parent delete won %d of %d", childWon, parentWon, rounds)
}

// Constraints are schema: they survive a checkpoint and a restart, and are enforced after.
func TestConstraintsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	open := func() *tablespace.Tablespace {
		ts, err := tablespace.Open(tablespace.Options{Dir: dir, Name: "drove", CheckpointInterval: -1,
			Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	ts := open()
	s := NewSession(ts, nil)
	execOK(t, s, "CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE)")
	execOK(t, s, "CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p ON DELETE CASCADE, v int CONSTRAINT v_pos CHECK (v > 0))")
	execOK(t, s, "INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (1, 1, 1)")
	execOK(t, s, "CHECKPOINT")
	execOK(t, s, "ALTER TABLE c ADD CONSTRAINT v_small CHECK (v < 10)") // after the checkpoint: from the log
	s.Close()
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	ts = open()
	defer ts.Close()
	s = NewSession(ts, nil)
	defer s.Close()
	for _, tc := range []struct{ sql, code string }{
		{"INSERT INTO c VALUES (2, 1, 0)", "23514"},
		{"INSERT INTO c VALUES (2, 1, 10)", "23514"},
		{"INSERT INTO c VALUES (2, 7, 1)", "23503"},
		{"INSERT INTO p VALUES (2, 'a')", "23505"},
		{"DROP TABLE p", "2BP01"},
	} {
		if err := s.Exec(context.Background(), tc.sql, &textOutput{}); sqlState(err) != tc.code {
			t.Errorf("after restart, %s: %v, want %s", tc.sql, err, tc.code)
		}
	}
	execOK(t, s, "DELETE FROM p WHERE id = 1")
	if out := execOK(t, s, "SELECT count(*) FROM c"); out.lines[0] != "0" {
		t.Errorf("the cascade left %s rows", out.lines[0])
	}
	out := execOK(t, s, "SELECT conname FROM pg_constraint WHERE contype IN ('c', 'f', 'u') ORDER BY 1")
	if got := strings.Join(out.lines, ","); got != "c_p_fkey,p_code_key,v_pos,v_small,tag: SELECT 4" {
		t.Errorf("pg_constraint after restart: %s", got)
	}
}

// ALTER TABLE ADD FOREIGN KEY locks the parent rows it validates against: a parent delete in
// flight is waited for (and then fails the ALTER), none can slip in before the key is there.
func TestAddForeignKeyWaitsForParentDelete(t *testing.T) {
	ts := openTestTablespace(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, a, "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int PRIMARY KEY, p int)")
	execOK(t, a, "INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1)")
	execOK(t, a, "BEGIN; DELETE FROM p WHERE id = 1")
	done := make(chan error, 1)
	go func() {
		done <- b.Exec(context.Background(), "ALTER TABLE c ADD FOREIGN KEY (p) REFERENCES p", &textOutput{})
	}()
	time.Sleep(100 * time.Millisecond) // the ALTER's check waits for the delete's row lock
	execOK(t, a, "COMMIT")
	if err := <-done; sqlState(err) != "23503" {
		t.Fatalf("ADD FOREIGN KEY after its parent row went: %v, want 23503", err)
	}
}

package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Deferrable constraints' errors, as PostgreSQL 15 words them (the golden file deferrable.sql
// compares SQLSTATEs only): a deferred check fails the COMMIT, which ends the transaction.
func TestDeferredConstraintMessages(t *testing.T) {
	setup := `CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE DEFERRABLE INITIALLY DEFERRED);
		CREATE TABLE c (id int PRIMARY KEY, pid int REFERENCES p DEFERRABLE INITIALLY DEFERRED);
		INSERT INTO p VALUES (1, 1)`
	cases := []struct {
		sql, code, msg, detail string
	}{
		{"BEGIN; INSERT INTO c VALUES (1, 11); COMMIT", "23503",
			`insert or update on table "c" violates foreign key constraint "c_pid_fkey"`, `Key (pid)=(11) is not present in table "p".`},
		{"BEGIN; INSERT INTO p VALUES (2, 1); COMMIT", "23505",
			`duplicate key value violates unique constraint "p_u_key"`, "Key (u)=(1) already exists."},
		{"BEGIN; INSERT INTO p VALUES (2, 1); SET CONSTRAINTS p_u_key IMMEDIATE", "23505",
			`duplicate key value violates unique constraint "p_u_key"`, "Key (u)=(1) already exists."},
		// The checks run in the order they were queued, as PostgreSQL's deferred triggers.
		{"BEGIN; INSERT INTO c VALUES (1, 1); DELETE FROM p; COMMIT", "23503",
			`insert or update on table "c" violates foreign key constraint "c_pid_fkey"`, `Key (pid)=(1) is not present in table "p".`},
		{"BEGIN; DELETE FROM p; INSERT INTO c VALUES (1, 1); COMMIT", "23503",
			`update or delete on table "p" violates foreign key constraint "c_pid_fkey" on table "c"`, `Key (id)=(1) is still referenced from table "c".`},
		{"BEGIN; SET CONSTRAINTS p_u_key, nosuch DEFERRED", "42704", `constraint "nosuch" does not exist`, ""},
		{"BEGIN; SET CONSTRAINTS p_pkey DEFERRED", "42809", `constraint "p_pkey" is not deferrable`, ""},
		{"BEGIN; SET CONSTRAINTS other.p_u_key DEFERRED", "3F000", `schema "other" does not exist`, ""},
		{"CREATE TABLE x (a int REFERENCES p (u))", "55000", `cannot use a deferrable unique constraint for referenced table "p"`, ""},
		{"CREATE TABLE x (a int, CHECK (a > 0) DEFERRABLE)", "0A000", "CHECK constraints cannot be marked DEFERRABLE", ""},
		{"CREATE TABLE x (a int CHECK (a > 0) INITIALLY IMMEDIATE)", "42601", "misplaced INITIALLY IMMEDIATE clause", ""},
		{"CREATE TABLE x (a int NOT NULL DEFERRABLE)", "42601", "misplaced DEFERRABLE clause", ""},
		{"CREATE TABLE x (a int UNIQUE INITIALLY DEFERRED NOT DEFERRABLE)", "42601", "constraint declared INITIALLY DEFERRED must be DEFERRABLE", ""},
		{"CREATE TABLE x (a int UNIQUE DEFERRABLE NOT DEFERRABLE)", "42601", "multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed", ""},
		{"CREATE TABLE x (a int, UNIQUE (a) DEFERRABLE NOT DEFERRABLE)", "42601", "conflicting constraint properties", ""},
		// drove keeps rows by their primary key: two rows cannot share one even for a moment.
		{"CREATE TABLE x (a int PRIMARY KEY DEFERRABLE)", "0A000", "DEFERRABLE primary keys is not supported yet", ""},
		{"CREATE TABLE x (a int, PRIMARY KEY (a) INITIALLY DEFERRED)", "0A000", "DEFERRABLE primary keys is not supported yet", ""},
	}
	for _, tc := range cases {
		t.Run(tc.sql, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			execOK(t, s, setup)
			stmts := strings.Split(tc.sql, "; ")
			for _, q := range stmts[:len(stmts)-1] {
				execOK(t, s, q)
			}
			err := s.Exec(context.Background(), stmts[len(stmts)-1], &textOutput{})
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail {
				t.Errorf("got %s %q (detail %q), want %s %q (detail %q)", e.Code, e.Message, e.Detail, tc.code, tc.msg, tc.detail)
			}
			if strings.HasSuffix(tc.sql, "COMMIT") {
				if st := s.TxStatus(); st != TxIdle {
					t.Errorf("after the failed COMMIT the session is %q, want idle", st)
				}
				if out := execOK(t, s, "SELECT (SELECT count(*) FROM p) + (SELECT count(*) FROM c)"); out.lines[0] != "1" {
					t.Errorf("%s rows after the failed COMMIT, want 1", out.lines[0])
				}
			}
		})
	}
}

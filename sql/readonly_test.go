package sql

import (
	"context"
	"errors"
	"testing"
)

// TestReadOnlyMessages: in a read-only transaction each write is refused with 25006 and the
// message PostgreSQL 15 gives (its command name), and what may run runs.
func TestReadOnlyMessages(t *testing.T) {
	ts := openTestTablespace(t)
	s := NewSession(ts, nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE t (a int PRIMARY KEY, b text); CREATE SEQUENCE sq")
	for _, tc := range []struct {
		q   string
		msg string // "" when allowed
	}{
		{"SELECT * FROM t", ""},
		{"EXPLAIN SELECT * FROM t", ""},
		{"SHOW transaction_read_only", ""},
		{"ANALYZE t", ""},
		{"CHECKPOINT", ""},
		{"SET TRANSACTION READ ONLY", ""},
		{"INSERT INTO t VALUES (1, 'x')", "cannot execute INSERT in a read-only transaction"},
		{"UPDATE t SET b = 'y'", "cannot execute UPDATE in a read-only transaction"},
		{"DELETE FROM t", "cannot execute DELETE in a read-only transaction"},
		{"TRUNCATE t", "cannot execute TRUNCATE TABLE in a read-only transaction"},
		{"COPY t FROM STDIN", "cannot execute COPY FROM in a read-only transaction"},
		{"CREATE TABLE u (a int PRIMARY KEY)", "cannot execute CREATE TABLE in a read-only transaction"},
		{"CREATE UNIQUE INDEX ON t (b)", "cannot execute CREATE INDEX in a read-only transaction"},
		{"DROP TABLE t", "cannot execute DROP TABLE in a read-only transaction"},
		{"ALTER TABLE t ADD COLUMN c int", "cannot execute ALTER TABLE in a read-only transaction"},
		{"CREATE SEQUENCE s2", "cannot execute CREATE SEQUENCE in a read-only transaction"},
		{"DROP SEQUENCE sq", "cannot execute DROP SEQUENCE in a read-only transaction"},
		{"CREATE USER u PASSWORD 'p'", "cannot execute CREATE ROLE in a read-only transaction"},
		{"SELECT * FROM t FOR UPDATE", "cannot execute SELECT FOR UPDATE in a read-only transaction"},
		{"SELECT nextval('sq')", "cannot execute nextval() in a read-only transaction"},
		{"SELECT setval('sq', 5)", "cannot execute setval() in a read-only transaction"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			execOK(t, s, "BEGIN READ ONLY")
			defer execOK(t, s, "ROLLBACK")
			err := s.Exec(context.Background(), tc.q, &textOutput{})
			var e *Error
			switch {
			case tc.msg == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.msg == "":
			case !errors.As(err, &e) || e.Code != "25006" || e.Message != tc.msg:
				t.Fatalf("got %v, want 25006 %q", err, tc.msg)
			}
		})
	}
	// Outside the read-only transaction the same statements write again.
	execOK(t, s, "INSERT INTO t VALUES (1, 'x'); SELECT nextval('sq')")
}

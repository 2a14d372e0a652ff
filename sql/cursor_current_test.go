package sql

import (
	"context"
	"errors"
	"testing"
)

// WHERE CURRENT OF's errors carry PostgreSQL 15's SQLSTATE and message (execCurrentOf; the
// golden file every17.sql checks the SQLSTATEs and the rows against PostgreSQL).
func TestCurrentOfErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	for _, q := range []string{"CREATE TABLE t (id int PRIMARY KEY, v int)", "CREATE TABLE u (id int PRIMARY KEY)",
		"INSERT INTO t VALUES (1, 1), (2, 2)", "INSERT INTO u VALUES (1)", "CREATE VIEW tv AS SELECT * FROM t",
		"BEGIN", "DECLARE l CURSOR FOR SELECT * FROM t FOR UPDATE", "DECLARE s CURSOR FOR SELECT * FROM t",
		"DECLARE j CURSOR FOR SELECT * FROM t, u", "FETCH j"} {
		mustExec(t, s, q)
	}
	for _, c := range []struct{ sql, code, msg string }{
		{"UPDATE t SET v = 0 WHERE CURRENT OF nope", "34000", `cursor "nope" does not exist`},
		{"UPDATE t SET v = 0 WHERE CURRENT OF l", "24000", `cursor "l" is not positioned on a row`},
		{"DELETE FROM u WHERE CURRENT OF l", "24000", `cursor "l" does not have a FOR UPDATE/SHARE reference to table "u"`},
		{"DELETE FROM u WHERE CURRENT OF s", "24000", `cursor "s" is not a simply updatable scan of table "u"`},
		{"DELETE FROM t WHERE CURRENT OF j", "24000", `cursor "j" is not a simply updatable scan of table "t"`},
		{"DELETE FROM tv WHERE CURRENT OF s", "0A000", "WHERE CURRENT OF on a view is not implemented"},
	} {
		mustExec(t, s, "SAVEPOINT a")
		err := s.Exec(context.Background(), c.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg {
			t.Errorf("%s: %v, want %s %s", c.sql, err, c.code, c.msg)
		}
		mustExec(t, s, "ROLLBACK TO a")
	}
	mustExec(t, s, "COMMIT")
	mustExec(t, s, "BEGIN")
	mustExec(t, s, "DECLARE h CURSOR WITH HOLD FOR SELECT * FROM t")
	mustExec(t, s, "COMMIT")
	mustExec(t, s, "FETCH h")
	err := s.Exec(context.Background(), "UPDATE t SET v = 0 WHERE CURRENT OF h", &textOutput{})
	if e := (*Error)(nil); !errors.As(err, &e) || e.Code != "24000" || e.Message != `cursor "h" is held from a previous transaction` {
		t.Errorf("held cursor: %v", err)
	}
}

package sql

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// tempTablesIn lists the hidden temporary tables of the tablespace.
func tempTablesIn(s *Session) []string {
	var names []string
	for _, sc := range s.ts.Tables() {
		if strings.HasPrefix(sc.Name, tempTablePrefix) {
			names = append(names, sc.Name)
		}
	}
	return names
}

func wantCode(t *testing.T, s *Session, q, code string) {
	t.Helper()
	var e *Error
	if err := s.Exec(context.Background(), q, &textOutput{}); !errors.As(err, &e) || e.Code != code {
		t.Errorf("%s: %v, want %s", q, err, code)
	}
}

// A temporary table is its session's: another session neither sees it nor is disturbed by
// one of the same name, and it is dropped when its session ends, or, left behind by a
// process that ended, by the next process's first session.
func TestTempTablesSessions(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TABLE shared (id int PRIMARY KEY)")
	execOK(t, a, "INSERT INTO shared VALUES (1)")
	execOK(t, a, "CREATE TEMP TABLE shared (id int PRIMARY KEY, v text)")
	execOK(t, a, "INSERT INTO shared VALUES (7, 'a')")
	execOK(t, a, "CREATE TEMP TABLE mine (x int)")
	if got := execOK(t, b, "SELECT id FROM shared").lines; strings.Join(got, ",") != "1,tag: SELECT 1" {
		t.Errorf("the other session reads %q, want the permanent table", got)
	}
	wantCode(t, b, "SELECT * FROM mine", "42P01")
	execOK(t, b, "CREATE TEMP TABLE mine (y text)")
	execOK(t, b, "INSERT INTO mine VALUES ('b')")
	if got := execOK(t, a, "SELECT count(*) FROM mine").lines; got[0] != "0" {
		t.Errorf("session a's mine has %s rows, want 0", got[0])
	}
	if n := len(tempTablesIn(a)); n != 3 {
		t.Fatalf("%d hidden tables, want 3", n)
	}
	a.Close()
	if n := len(tempTablesIn(b)); n != 1 {
		t.Errorf("%d hidden tables after a's Close, want b's 1", n)
	}
	if got := execOK(t, b, "SELECT y FROM mine").lines; got[0] != "b" {
		t.Errorf("b's mine reads %q", got)
	}
	wantCode(t, b, "CREATE TABLE pg_temp_x (a int)", "42939")

	// A statement bound before a temporary table shadowed the permanent one binds again.
	execOK(t, b, "CREATE TABLE cached (x int)")
	execOK(t, b, "INSERT INTO cached VALUES (1)")
	q := "SELECT count(*) FROM cached"
	for _, want := range []string{"1", "0", "1"} {
		if got := execOK(t, b, q).lines; got[0] != want {
			t.Errorf("%s: %s, want %s", q, got[0], want)
		}
		if want == "1" {
			execOK(t, b, "CREATE TEMP TABLE IF NOT EXISTS cached (x int)")
		} else {
			execOK(t, b, "DROP TABLE cached")
		}
	}

	// As after a restart: the tablespace is not swept in this process yet.
	tempSwept.Delete(b.ts)
	c := NewSession(b.ts, nil)
	defer c.Close()
	if names := tempTablesIn(c); len(names) != 0 {
		t.Errorf("left behind after the sweep: %q", names)
	}
}

// The catalogs show each session's temporary tables by their own names in its pg_temp_N
// schema; pg_table_is_visible hides another session's, as psql's \dt relies on.
func TestTempTablesInCatalogs(t *testing.T) {
	a, b := twoSessions(t)
	execOK(t, a, "CREATE TEMP TABLE tc (id int PRIMARY KEY)")
	execOK(t, b, "CREATE TEMP TABLE tb (id int PRIMARY KEY)")
	q := "SELECT c.relname, n.nspname LIKE 'pg_temp_%', c.relpersistence, pg_table_is_visible(c.oid), n.oid = pg_my_temp_schema() " +
		"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relpersistence = 't' ORDER BY 1"
	want := "tb|t|t|f|f,tb_pkey|t|t|f|f,tc|t|t|t|t,tc_pkey|t|t|t|t,tag: SELECT 4"
	if got := strings.Join(execOK(t, a, q).lines, ","); got != want {
		t.Errorf("pg_class of session a:\n got %s\nwant %s", got, want)
	}
	if got := execOK(t, a, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pg_temp_%'").lines; got[0] != "2" {
		t.Errorf("pg_namespace lists %s pg_temp_N schemas, want 2", got[0])
	}
	if got := execOK(t, a, "SELECT count(*) FROM pg_class WHERE relname LIKE 'pg_temp%'").lines; got[0] != "0" {
		t.Errorf("pg_class shows %s hidden names", got[0])
	}
}

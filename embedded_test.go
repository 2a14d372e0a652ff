package drove_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/drovedb/drove"
)

func TestDatabaseSQLDriver(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("drove", dir)
	if err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string) sql.Result {
		t.Helper()
		r, err := db.Exec(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return r
	}
	mustExec("CREATE TABLE notes (id bigint PRIMARY KEY, body text, stars int)")
	r := mustExec("INSERT INTO notes VALUES (1, 'first', 3), (2, 'second', NULL)")
	if n, _ := r.RowsAffected(); n != 2 {
		t.Fatalf("RowsAffected %d, want 2", n)
	}

	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE notes SET stars = 5 WHERE id = 1"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, _ = db.Begin()
	tx.Exec("DELETE FROM notes")
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}

	var body string
	if err := db.QueryRow("SELECT body FROM notes WHERE id = $1", 2).Scan(&body); err != nil || body != "second" {
		t.Fatalf("query with an argument: %q %v", body, err)
	}
	if _, err := db.Exec("INSERT INTO notes VALUES ($1, $2, $3)", 3, "it's; DROP TABLE notes --", nil); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT body FROM notes WHERE id = $1", "3").Scan(&body); err != nil || body != "it's; DROP TABLE notes --" {
		t.Fatalf("argument round trip: %q %v", body, err)
	}
	if _, err := db.Exec("DELETE FROM notes WHERE id = $1", 3); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO notes VALUES (1, 'dup', 0)"); err == nil {
		t.Fatal("duplicate key accepted")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopen: the data survived, through the native handle this time.
	handle, err := drove.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rows, tag, err := handle.Exec(context.Background(), "SELECT id, body, stars FROM notes ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	if tag != "SELECT 2" || *rows[0][2] != "5" || rows[1][2] != nil || *rows[1][1] != "second" {
		t.Fatalf("after reopen: tag %q rows %v", tag, rows)
	}
	if err := handle.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestDriverScansTypedValues(t *testing.T) {
	db, err := sql.Open("drove", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE v (id int PRIMARY KEY, f double precision, b boolean, s text, bin bytea); INSERT INTO v VALUES (7, 2.5, true, 'x', '\\x0102')"); err != nil {
		t.Fatal(err)
	}
	var (
		id int64
		f  float64
		b  bool
		s  string
		by []byte
	)
	if err := db.QueryRow("SELECT id, f, b, s, bin FROM v WHERE id = 7").Scan(&id, &f, &b, &s, &by); err != nil {
		t.Fatal(err)
	}
	if id != 7 || f != 2.5 || !b || s != "x" || string(by) != "\x01\x02" {
		t.Fatalf("scanned %v %v %v %q %v", id, f, b, s, by)
	}
}

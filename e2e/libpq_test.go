package e2e

import (
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/lib/pq"
)

// TestLibPQ drives the server through database/sql with lib/pq: prepared statements,
// transactions, NULLs, timestamps and dates, errors with their SQLSTATE, and COPY.
func TestLibPQ(t *testing.T) {
	n := newNode(t)
	n.start()
	db, err := sql.Open("postgres", fmt.Sprintf("host=127.0.0.1 port=%d user=drove dbname=drove sslmode=disable", n.port))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(4)
	mustDB := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustDB("CREATE TABLE people (id bigserial PRIMARY KEY, name text NOT NULL, born date, seen timestamp, score double precision)")

	ins, err := db.Prepare("INSERT INTO people (name, born, seen, score) VALUES ($1, $2, $3, $4) RETURNING id")
	if err != nil {
		t.Fatal(err)
	}
	born := time.Date(1815, 12, 10, 0, 0, 0, 0, time.UTC)
	seen := time.Date(2024, 6, 1, 12, 30, 0, 0, time.UTC)
	var id int64
	if err := ins.QueryRow("ada", born, seen, 9.5).Scan(&id); err != nil || id != 1 {
		t.Fatalf("insert ada: id %d, %v", id, err)
	}
	if err := ins.QueryRow("nobody", nil, nil, nil).Scan(&id); err != nil || id != 2 {
		t.Fatalf("insert with NULLs: id %d, %v", id, err)
	}
	ins.Close()

	var name string
	var gotBorn, gotSeen time.Time
	var score float64
	err = db.QueryRow("SELECT name, born, seen, score FROM people WHERE id = $1", 1).Scan(&name, &gotBorn, &gotSeen, &score)
	if err != nil || name != "ada" || !gotBorn.Equal(born) || !gotSeen.Equal(seen) || score != 9.5 {
		t.Fatalf("read back: %q %v %v %v %v", name, gotBorn, gotSeen, score, err)
	}
	var nullScore sql.NullFloat64
	if err := db.QueryRow("SELECT score FROM people WHERE id = 2").Scan(&nullScore); err != nil || nullScore.Valid {
		t.Fatalf("NULL score: %+v %v", nullScore, err)
	}

	// A rolled-back transaction leaves nothing; a committed one is all there.
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE people SET score = 0"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT score FROM people WHERE id = 1").Scan(&score); err != nil || score != 9.5 {
		t.Fatalf("after rollback: %v %v", score, err)
	}

	// COPY through lib/pq's CopyIn, in a transaction.
	tx, err = db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	stmt, err := tx.Prepare("COPY people (name, score) FROM STDIN")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if _, err := stmt.Exec(fmt.Sprint("copied", i), float64(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := stmt.Exec(); err != nil {
		t.Fatal(err)
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var count int
	if err := db.QueryRow("SELECT count(*) FROM people WHERE name LIKE 'copied%'").Scan(&count); err != nil || count != 100 {
		t.Fatalf("after COPY: %d rows, %v", count, err)
	}

	// Errors carry their SQLSTATE, and the pool's connections stay usable.
	cases := []struct {
		query string
		code  string
	}{
		{"INSERT INTO people (id, name) VALUES (1, 'dup')", "23505"},
		{"SELECT * FROM missing", "42P01"},
		{"INSERT INTO people (name) VALUES (NULL)", "23502"},
		{"SELECT 1/0", "22012"},
	}
	for _, c := range cases {
		_, err := db.Exec(c.query)
		var pqErr *pq.Error
		if !errors.As(err, &pqErr) || string(pqErr.Code) != c.code {
			t.Errorf("%s: got %v, want SQLSTATE %s", c.query, err, c.code)
		}
	}
	if err := db.QueryRow("SELECT count(*) FROM people").Scan(&count); err != nil || count != 102 {
		t.Fatalf("after the errors: %d rows, %v", count, err)
	}
}

package server

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"
)

// executeFails sends Execute of portal and Sync, and wants PostgreSQL's 34000.
func executeFails(t *testing.T, fe *pgproto3.Frontend, portal, when string) {
	t.Helper()
	fe.Send(&pgproto3.Execute{Portal: portal, MaxRows: 2})
	fe.Send(&pgproto3.Sync{})
	r := untilReady(t, fe)
	if len(r.errors) != 1 || !strings.HasPrefix(r.errors[0], `34000 portal "`+portal+`" does not exist`) || len(r.rows) > 0 {
		t.Fatalf("Execute of portal %q %s: %+v; want 34000, as PostgreSQL drops it", portal, when, r)
	}
}

// A named portal lives until its transaction ends, as in PostgreSQL: past a Sync inside a
// transaction block, not past COMMIT or ROLLBACK, nor past the Sync that ends an implicit
// transaction (drove used to keep every named portal, its rows buffered, until Close).
func TestPortalsEndWithTheirTransaction(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	const q = "SELECT g FROM generate_series(1, 5) g"

	bindPortal(t, fe, "p", q) // Sync outside a transaction block: gone
	executeFails(t, fe, "p", "after the Sync of its implicit transaction")

	fe.Send(&pgproto3.Parse{Query: q})
	fe.Send(&pgproto3.Bind{DestinationPortal: "p"})
	if rows, end := fetch(t, fe, "p", 2); len(rows) != 2 || end != "suspended" {
		t.Fatalf("autocommit portal: %v %s", rows, end)
	}
	executeFails(t, fe, "p", "suspended at the Sync of its implicit transaction")

	for _, end := range []string{"COMMIT", "ROLLBACK"} {
		query(t, fe, "BEGIN")
		bindPortal(t, fe, "p", q)
		bindPortal(t, fe, "idle", q)
		if rows, e := fetch(t, fe, "p", 2); len(rows) != 2 || e != "suspended" {
			t.Fatalf("first Execute: %v %s", rows, e)
		}
		if rows, e := fetch(t, fe, "p", 2); len(rows) != 2 || rows[0] != "3" || e != "suspended" {
			t.Fatalf("Execute past a Sync inside the transaction: %v %s", rows, e)
		}
		if r := query(t, fe, "SELECT 1"); len(r.errors) > 0 {
			t.Fatal(r.errors)
		}
		if rows, e := fetch(t, fe, "p", 2); len(rows) != 1 || rows[0] != "5" || e != "SELECT 1" {
			t.Fatalf("Execute after another statement: %v %s", rows, e)
		}
		query(t, fe, end)
		executeFails(t, fe, "p", "after "+end)
		executeFails(t, fe, "idle", "never executed, after "+end)
	}

	// COMMIT through the extended protocol ends the portals as well, in the same batch.
	query(t, fe, "BEGIN")
	bindPortal(t, fe, "p", q)
	fe.Send(&pgproto3.Parse{Query: "COMMIT"})
	fe.Send(&pgproto3.Bind{})
	fe.Send(&pgproto3.Execute{})
	fe.Send(&pgproto3.Execute{Portal: "p"})
	fe.Send(&pgproto3.Sync{})
	if r := untilReady(t, fe); len(r.errors) != 1 || !strings.HasPrefix(r.errors[0], "34000") || r.status != 'I' {
		t.Fatalf("Execute after an extended-protocol COMMIT: %+v", r)
	}
	if r := query(t, fe, "SELECT 1"); len(r.rows) != 1 {
		t.Fatalf("after: %+v", r)
	}
}

// FETCH through the extended protocol (pgx): its Describe gives the cursor's columns; a
// cursor's rows arrive in order across FETCHes; CLOSE and COMMIT end it.
func TestCursorExtendedProtocol(t *testing.T) {
	s := startedServer(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, "postgres://drove@"+s.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "DECLARE c CURSOR FOR SELECT g, 'n' || g AS name FROM generate_series(1, 10) g"); err != nil {
		t.Fatal(err)
	}
	next := 1
	for {
		rows, err := tx.Query(ctx, "FETCH 3 FROM c")
		if err != nil {
			t.Fatal(err)
		}
		if f := rows.FieldDescriptions(); len(f) != 2 || f[0].Name != "g" || f[1].Name != "name" {
			t.Fatalf("FETCH's columns: %+v", f)
		}
		n := 0
		for rows.Next() {
			var g int32
			var name string
			if err := rows.Scan(&g, &name); err != nil {
				t.Fatal(err)
			}
			if int(g) != next || name != "n"+strconv.Itoa(next) {
				t.Fatalf("row %d %q, want %d", g, name, next)
			}
			next++
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if tag := rows.CommandTag().String(); tag != "FETCH "+strconv.Itoa(n) {
			t.Fatalf("tag %q after %d rows", tag, n)
		}
		if n == 0 {
			break
		}
	}
	if next != 11 {
		t.Fatalf("read %d rows", next-1)
	}
	if _, err := tx.Exec(ctx, "CLOSE c"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// A BINARY cursor's FETCH in the simple protocol sends its columns in binary, as PostgreSQL.
func TestBinaryCursor(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "BEGIN")
	query(t, fe, "DECLARE b BINARY CURSOR FOR SELECT 7::int4 AS n")
	fe.Send(&pgproto3.Query{String: "FETCH b"})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var format int16 = -1
	var value []byte
	for done := false; !done; {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		switch m := msg.(type) {
		case *pgproto3.RowDescription:
			format = m.Fields[0].Format
		case *pgproto3.DataRow:
			value = append([]byte(nil), m.Values[0]...)
		case *pgproto3.ErrorResponse:
			t.Fatal(m.Code, m.Message)
		case *pgproto3.ReadyForQuery:
			done = true
		}
	}
	if format != 1 || string(value) != "\x00\x00\x00\x07" {
		t.Fatalf("BINARY cursor: format %d, value %q; want binary int4 7", format, value)
	}
	if r := query(t, fe, "COMMIT"); len(r.errors) > 0 {
		t.Fatal(r.errors)
	}
}

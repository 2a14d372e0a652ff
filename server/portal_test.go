package server

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// fetch reads one Execute's answer: its rows' first columns, and the CommandComplete tag or
// "suspended".
func fetch(t *testing.T, fe *pgproto3.Frontend, portal string, n uint32) ([]string, string) {
	t.Helper()
	fe.Send(&pgproto3.Execute{Portal: portal, MaxRows: n})
	fe.Send(&pgproto3.Sync{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var rows []string
	end := ""
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		switch m := msg.(type) {
		case *pgproto3.DataRow:
			rows = append(rows, string(m.Values[0]))
		case *pgproto3.PortalSuspended:
			end = "suspended"
		case *pgproto3.CommandComplete:
			end = string(m.CommandTag)
		case *pgproto3.ErrorResponse:
			t.Fatalf("Execute: %s %s", m.Code, m.Message)
		case *pgproto3.ReadyForQuery:
			return rows, end
		}
	}
}

func bindPortal(t *testing.T, fe *pgproto3.Frontend, portal, q string) {
	t.Helper()
	fe.Send(&pgproto3.Parse{Query: q})
	fe.Send(&pgproto3.Bind{DestinationPortal: portal})
	fe.Send(&pgproto3.Sync{})
	if r := untilReady(t, fe); len(r.errors) > 0 {
		t.Fatal(r.errors)
	}
}

// A query portal read 100 rows at a time (pgjdbc's setFetchSize) runs incrementally: a
// million rows go out in order without the server holding them, PortalSuspended between
// batches, and the tags count each Execute's rows, as in PostgreSQL.
func TestPortalStreamsRows(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "BEGIN")
	bindPortal(t, fe, "c1", "SELECT g FROM generate_series(1, 1000000) g")
	var before, during runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	next := 1
	for batch := 0; ; batch++ {
		rows, end := fetch(t, fe, "c1", 100)
		for _, r := range rows {
			if r != strconv.Itoa(next) {
				t.Fatalf("row %s, want %d", r, next)
			}
			next++
		}
		if batch == 10 {
			runtime.GC()
			runtime.ReadMemStats(&during)
		}
		if end != "suspended" {
			if end != "SELECT 0" || len(rows) != 0 {
				t.Fatalf("end: %d rows, %q; want PostgreSQL's SELECT 0 after the last full batch", len(rows), end)
			}
			break
		}
		if len(rows) != 100 {
			t.Fatalf("batch %d: %d rows", batch, len(rows))
		}
	}
	if next != 1000001 {
		t.Fatalf("%d rows", next-1)
	}
	// Buffered, the million rows would take about 100 MB.
	if grown := int64(during.HeapInuse) - int64(before.HeapInuse); grown > 20<<20 {
		t.Errorf("heap grew %d MB while the portal was read", grown>>20)
	}
	if r := query(t, fe, "COMMIT"); len(r.errors) > 0 || r.status != 'I' {
		t.Fatalf("COMMIT: %+v", r)
	}
}

// A streaming portal reads the state as of its start, whatever commits meanwhile; another
// statement of its session in between, or its Close, leaves the transaction usable.
func TestPortalSnapshotAndInterleaving(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "CREATE TABLE p (k int PRIMARY KEY, v int)")
	query(t, fe, "INSERT INTO p SELECT g, g FROM generate_series(1, 1000) g")
	other := connect(t, s, "drove")

	query(t, fe, "BEGIN")
	bindPortal(t, fe, "c1", "SELECT k FROM p ORDER BY k")
	bindPortal(t, fe, "c2", "SELECT k FROM p ORDER BY k")
	rows, end := fetch(t, fe, "c1", 100)
	if len(rows) != 100 || end != "suspended" {
		t.Fatalf("first batch: %d rows, %s", len(rows), end)
	}
	if _, code := exec(t, other, "DELETE FROM p WHERE k > 500; INSERT INTO p VALUES (5000, 1)"); code != "" {
		t.Fatal(code)
	}
	rows, end = fetch(t, fe, "c1", 100)
	if len(rows) != 100 || rows[0] != "101" || end != "suspended" {
		t.Fatalf("second batch: %d rows from %v, %s", len(rows), rows[:1], end)
	}
	// Another statement of the session while c1 is suspended.
	if r := query(t, fe, "SELECT count(*) FROM p"); len(r.rows) != 1 || r.status != 'T' {
		t.Fatalf("statement between batches: %+v", r)
	}
	rows, end = fetch(t, fe, "c1", 0)
	if len(rows) != 800 || rows[0] != "201" || rows[799] != "1000" || end != "SELECT 800" {
		t.Fatalf("rest of c1: %d rows, %s; want the 800 of its start", len(rows), end)
	}
	// c2 started after the other session's commit: its statement sees it. Closed mid-way,
	// the transaction goes on.
	rows, _ = fetch(t, fe, "c2", 10)
	if len(rows) != 10 {
		t.Fatalf("c2: %d rows", len(rows))
	}
	fe.Send(&pgproto3.Close{ObjectType: 'P', Name: "c2"})
	fe.Send(&pgproto3.Sync{})
	if r := untilReady(t, fe); len(r.errors) > 0 || r.status != 'T' {
		t.Fatalf("Close of a suspended portal: %+v", r)
	}
	if r := query(t, fe, "SELECT count(*) FROM p"); len(r.rows) != 1 || r.rows[0] != "501" {
		t.Fatalf("count after: %+v", r)
	}
	query(t, fe, "COMMIT")

	// Outside a transaction block, Sync drops the unnamed portal, as PostgreSQL does.
	fe.Send(&pgproto3.Parse{Query: "SELECT k FROM p ORDER BY k"})
	fe.Send(&pgproto3.Bind{})
	if rows, end := fetch(t, fe, "", 100); len(rows) != 100 || end != "suspended" {
		t.Fatalf("unnamed: %d rows, %s", len(rows), end)
	}
	fe.Send(&pgproto3.Execute{Portal: "", MaxRows: 100})
	fe.Send(&pgproto3.Sync{})
	if r := untilReady(t, fe); len(r.errors) != 1 || r.errors[0][:5] != "34000" {
		t.Fatalf("unnamed portal after Sync: %+v", r)
	}
	// A suspended portal whose connection ends is stopped: the server goes on.
	fe2 := rawSession(t, s)
	query(t, fe2, "BEGIN")
	bindPortal(t, fe2, "c", "SELECT g FROM generate_series(1, 1000000) g")
	fetch(t, fe2, "c", 100)
	fe2.Send(&pgproto3.Terminate{})
	fe2.Flush()
	if r := query(t, fe, "SELECT 1"); len(r.rows) != 1 {
		t.Fatalf("after: %+v", r)
	}
}

// Under a statement_timeout, which PostgreSQL applies to each Execute, a portal's query is
// not timed across the client's pauses between batches.
func TestPortalStatementTimeout(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "SET statement_timeout = '300ms'")
	query(t, fe, "BEGIN")
	bindPortal(t, fe, "c", "SELECT g FROM generate_series(1, 1000) g")
	if rows, end := fetch(t, fe, "c", 100); len(rows) != 100 || end != "suspended" {
		t.Fatalf("first batch: %d rows, %s", len(rows), end)
	}
	time.Sleep(500 * time.Millisecond)
	if rows, end := fetch(t, fe, "c", 0); len(rows) != 900 {
		t.Fatalf("after a pause longer than statement_timeout: %d rows, %s", len(rows), end)
	}
	query(t, fe, "COMMIT")
}

// A Bind that replaces the suspended unnamed portal stops its query; the new portal runs.
func TestPortalReplacedByBind(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "BEGIN")
	fe.Send(&pgproto3.Parse{Query: "SELECT g FROM generate_series(1, 100000) g"})
	fe.Send(&pgproto3.Bind{})
	fe.Send(&pgproto3.Execute{MaxRows: 100})
	fe.Send(&pgproto3.Parse{Query: "SELECT g FROM generate_series(1, 3) g"})
	fe.Send(&pgproto3.Bind{})
	rows, end := fetch(t, fe, "", 0)
	if len(rows) != 103 || rows[100] != "1" || end != "SELECT 3" {
		t.Fatalf("%d rows, %s; want the first portal's 100, then the second's 3", len(rows), end)
	}
	if r := query(t, fe, "COMMIT"); len(r.errors) > 0 || r.status != 'I' {
		t.Fatalf("COMMIT: %+v", r)
	}
}

package server

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// TestClientGoneReleasesSession: a client that drops its TCP connection (a killed psql, a
// driver timeout) while its session runs an endless statement, or sits in a transaction,
// leaves nothing behind: the statement stops (pgwire's watchClients cancels it), the
// transaction rolls back and its row lock goes, so another session's UPDATE of the same row
// gets in at once and sees the old value. PostgreSQL does the same (the backend exits when it
// finds its socket closed, with client_connection_check_interval while a query runs).
func TestClientGoneReleasesSession(t *testing.T) {
	s := startedServer(t)
	url := "postgres://drove@" + s.PGAddr().String() + "/drove?sslmode=disable"
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE TABLE gone (k int PRIMARY KEY, v int); INSERT INTO gone VALUES (1, 1)").ReadAll(); err != nil {
		t.Fatal(err)
	}
	const lock = "BEGIN; UPDATE gone SET v = 100 WHERE k = 1"
	cases := []struct {
		name     string
		run      string // sent by the client that goes away
		extended bool   // sent with the extended protocol after BEGIN + UPDATE
	}{
		{"endless recursive CTE in a transaction", lock + "; WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT count(*) FROM r", false},
		{"endless generate_series in a transaction", lock + "; SELECT count(*) FROM generate_series(1, 1e12)", false},
		{"endless extended-protocol query in a transaction", "SELECT count(*) FROM generate_series(1, 1e12)", true},
		{"idle in a transaction", lock, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			// The client's messages go straight onto its socket: pgconn would send a
			// CancelRequest when its read fails, and the server must not need one.
			nc := c.Conn()
			msgs := []pgproto3.FrontendMessage{&pgproto3.Query{String: tc.run}}
			if tc.extended {
				msgs = []pgproto3.FrontendMessage{&pgproto3.Query{String: lock},
					&pgproto3.Parse{Query: tc.run}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{}}
			}
			var buf []byte
			for _, m := range msgs {
				if buf, err = m.Encode(buf); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := nc.Write(buf); err != nil {
				t.Fatal(err)
			}
			time.Sleep(500 * time.Millisecond) // the statement runs, or the session sits idle in its transaction
			if _, err := admin.Exec(ctx, "SET lock_timeout = '100ms'; UPDATE gone SET v = v + 1 WHERE k = 1").ReadAll(); err == nil {
				t.Fatal("the client's UPDATE does not hold its row lock: the test proves nothing")
			}
			nc.Close()
			left := time.Now()
			res, err := admin.Exec(ctx, "SET lock_timeout = '5s'; UPDATE gone SET v = v + 1 WHERE k = 1 RETURNING v").ReadAll()
			if err != nil {
				t.Fatalf("UPDATE of the row the gone client locked: %v", err)
			}
			took := time.Since(left)
			t.Logf("UPDATE got in %v after the client left", took)
			if took > 2*time.Second {
				t.Errorf("UPDATE waited %v for the gone client's row lock", took)
			}
			if got := string(res[1].Rows[0][0]); got == "101" {
				t.Errorf("the gone client's UPDATE was committed (v = %s)", got)
			}
		})
	}
}

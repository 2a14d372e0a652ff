package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// A long join whose client cancels it, goes away or times out stops at once and releases
// its table, so a DROP TABLE waiting behind it gets in: it used to run on for half a minute
// and the DROP failed with a lock wait timeout.
func TestStoppedStatementReleasesTable(t *testing.T) {
	s := startedServer(t)
	url := "postgres://drove@" + s.PGAddr().String() + "/drove?sslmode=disable"
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	cases := []struct {
		name  string
		setup string                 // run on the client's connection first
		stop  func(c *pgconn.PgConn) // nil: statement_timeout stops it
	}{
		{"cancel request", "", func(c *pgconn.PgConn) { c.CancelRequest(ctx) }},
		{"client closes its connection", "", func(c *pgconn.PgConn) { c.Conn().Close() }},
		{"statement_timeout", "SET statement_timeout = 300", nil},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			table := fmt.Sprintf("t%d", i)
			if _, err := admin.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (id int PRIMARY KEY, v int); INSERT INTO %[1]s SELECT g, g FROM generate_series(1, 10) g", table)).ReadAll(); err != nil {
				t.Fatal(err)
			}
			from, sum := make([]string, 21), make([]string, 21)
			for j := range from {
				from[j] = fmt.Sprintf("%s a%d", table, j)
				sum[j] = fmt.Sprintf("a%d.v", j)
			}
			query := "SELECT count(*) FROM " + strings.Join(from, ", ") + " WHERE " + strings.Join(sum, " + ") + " < 0"
			c, err := pgconn.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			if tc.setup != "" {
				if _, err := c.Exec(ctx, tc.setup).ReadAll(); err != nil {
					t.Fatal(err)
				}
			}
			started := time.Now()
			done := make(chan struct{})
			go func() {
				defer close(done)
				c.Exec(ctx, query).ReadAll()
			}()
			defer func() { <-done }() // the reader is done with c before the deferred Close
			time.Sleep(300 * time.Millisecond)
			stopped := started.Add(300 * time.Millisecond)
			if tc.stop != nil {
				stopped = time.Now()
				tc.stop(c)
			}
			if _, err := admin.Exec(ctx, "SET lock_timeout = '5s'; DROP TABLE "+table).ReadAll(); err != nil {
				t.Fatalf("DROP TABLE behind the stopped statement: %v", err)
			}
			took := time.Since(stopped)
			t.Logf("DROP TABLE got in %v after the statement was stopped", took)
			if took > 2*time.Second {
				t.Errorf("DROP TABLE waited %v", took)
			}
		})
	}
}

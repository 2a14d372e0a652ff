package server

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestTransferUnderLoad: autocommit writes go on through a planned leadership transfer
// (ALTER TABLESPACE ... 'leader:') without an error, through a session forwarded from
// another node and one on the leader that hands over: a write the old leader refuses at
// commit was not applied, and is retried on the new leader for the client.
func TestTransferUnderLoad(t *testing.T) {
	c, admin, lead := kvOnThreeNodes(t)
	var stop atomic.Bool
	var wg sync.WaitGroup
	var next atomic.Int64
	errs := make(chan string, 100)
	for _, via := range []int{lead, (lead + 1) % 3, (lead + 2) % 3} {
		conn := connect(t, c.nodes[via], "r3")
		wg.Go(func() {
			for !stop.Load() {
				k := next.Add(1)
				if _, err := conn.Exec(context.Background(), fmt.Sprintf("INSERT INTO kv VALUES (%d, 0)", k)).ReadAll(); err != nil {
					errs <- fmt.Sprintf("through n%d (first leader n%d): %v", via+1, lead+1, err)
					return
				}
			}
		})
	}
	for _, to := range []int{(lead + 1) % 3, lead} {
		time.Sleep(200 * time.Millisecond)
		if _, code := exec(t, admin, fmt.Sprintf("ALTER TABLESPACE 'r3','leader:n%d'", to+1)); code != "" {
			t.Fatal(code)
		}
		waitFor(t, 10*time.Second, fmt.Sprintf("n%d to lead", to+1), func() bool {
			ts, ok := c.nodes[to].Tablespace("r3")
			return ok && ts.IsLeader()
		})
	}
	time.Sleep(200 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// kvOnThreeNodes starts three nodes with tablespace r3 replicated on all of them and a table
// kv (k int PRIMARY KEY, v int) in it; admin is a session on n1's drove tablespace, lead the
// index of r3's leader.
func kvOnThreeNodes(t *testing.T) (c *testCluster, admin *pgconn.PgConn, lead int) {
	c = startCluster(t, 3)
	admin = connect(t, c.nodes[0], "drove")
	if _, code := exec(t, admin, "CREATE TABLESPACE 'r3', 'replica:n1,n2,n3'"); code != "" {
		t.Fatal(code)
	}
	lead = c.leaderOf("r3")
	if _, code := exec(t, connect(t, c.nodes[lead], "r3"), "CREATE TABLE kv (k int PRIMARY KEY, v int)"); code != "" {
		t.Fatal(code)
	}
	return c, admin, lead
}

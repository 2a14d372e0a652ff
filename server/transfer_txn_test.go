package server

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestTransferDuringTransactions: explicit transactions run through every node while the
// leadership moves back and forth ('leader:nX'). A transaction is pinned to its leader, so
// one that the move catches open fails with 40001 (its statements or its COMMIT), one whose
// COMMIT was in flight may end 08007, and any other error is an anomaly: a COMMIT refused by
// the former leader used to answer 25006 "retry the statement", and a lone COMMIT retried
// commits nothing. Each transaction
// inserts two keys and increments its writer's counter: afterwards every committed
// transaction is there whole, none refused with 40001 left anything, an 08007 one is there
// whole or not at all, and each counter equals its committed transactions plus some of its
// unknown ones.
func TestTransferDuringTransactions(t *testing.T) {
	c := startCluster(t, 3)
	lead := c.replicated("r3", "n1,n2,n3", 3)
	admin := connect(t, c.nodes[0], "drove")
	var (
		stop      atomic.Bool
		wg        sync.WaitGroup
		mu        sync.Mutex
		committed = map[int]bool{} // first key of each transaction → COMMIT acknowledged
		refused   = map[int]bool{}
		unknown   = map[int]bool{}
		acked     = map[int]int{} // writer → committed increments
		unsure    = map[int]int{} // writer → increments of unknown outcome
		codes     = map[string]int{}
		anomalies []string
	)
	for w := range 3 {
		wg.Go(func() {
			var conn *pgconn.PgConn
			defer func() {
				if conn != nil {
					conn.Close(context.Background())
				}
			}()
			for i := 0; !stop.Load(); i++ {
				if conn == nil {
					var err error
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					conn, err = pgconn.Connect(ctx, "postgres://drove@"+c.cfgs[(w+i)%3].PGAddr+"/r3?sslmode=disable")
					cancel()
					if err != nil {
						conn = nil
						time.Sleep(20 * time.Millisecond)
						continue
					}
				}
				k := (w+1)*1_000_000 + i*2
				outcome, code := runTxn(conn, w, k)
				mu.Lock()
				if code != "" {
					codes[code]++
				}
				switch outcome {
				case "ok":
					committed[k] = true
					acked[w]++
				case "refused":
					refused[k] = true
				case "unknown":
					unknown[k] = true
					unsure[w]++
				default:
					anomalies = append(anomalies, fmt.Sprintf("writer %d, transaction %d: %s", w, k, outcome))
				}
				mu.Unlock()
				if code != "" || conn.IsClosed() {
					conn.Close(context.Background())
					conn = nil
				}
			}
		})
	}
	waitTxns := func(n int, what string) {
		t.Helper()
		waitFor(t, 20*time.Second, what, func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(committed) >= n
		})
	}
	waitTxns(10, "transactions before the moves")
	for round := range 6 {
		to := (lead + 1 + round) % 3
		if _, code := exec(t, admin, fmt.Sprintf("ALTER TABLESPACE 'r3','leader:n%d'", to+1)); code != "" {
			t.Fatalf("leader:n%d: %s", to+1, code)
		}
		waitFor(t, 15*time.Second, fmt.Sprintf("n%d to lead", to+1), func() bool {
			ts, ok := c.nodes[to].Tablespace("r3")
			return ok && ts.IsLeader()
		})
		mu.Lock()
		n := len(committed)
		mu.Unlock()
		waitTxns(n+5, "transactions after the move")
	}
	stop.Store(true)
	wg.Wait()

	keys, ctr := (&workload{c: c, ts: "r3"}).readBack(0)
	t.Logf("%d committed, %d refused, %d unknown transactions; errors %v", len(committed), len(refused), len(unknown), codes)
	if codes["40001 at COMMIT"]+codes["40001 at INSERT"]+codes["40001 at UPDATE"] == 0 {
		t.Log("no transaction was caught open by a move (the schedule did not exercise 40001)")
	}
	for _, a := range anomalies {
		t.Error(a)
	}
	for k := range committed {
		if !keys[k] || !keys[k+1] {
			t.Errorf("committed transaction %d is lost (keys present: %v, %v)", k, keys[k], keys[k+1])
		}
	}
	for k := range refused {
		if keys[k] || keys[k+1] {
			t.Errorf("transaction %d was refused but is applied (keys present: %v, %v)", k, keys[k], keys[k+1])
		}
	}
	for k := range unknown {
		if keys[k] != keys[k+1] {
			t.Errorf("transaction %d of unknown outcome is applied in part (keys present: %v, %v)", k, keys[k], keys[k+1])
		}
	}
	for k := range keys {
		base := k - k%2
		if !committed[base] && !unknown[base] {
			t.Errorf("key %d is applied but its transaction was not committed", k)
		}
	}
	for w := range 3 {
		if n := ctr[w]; n < acked[w] || n > acked[w]+unsure[w] {
			t.Errorf("writer %d's counter is %d: %d transactions committed, %d unknown", w, n, acked[w], unsure[w])
		}
	}
	c.waitConverged("r3", "kv", "ctr")
}

// runTxn runs one transaction of TestTransferDuringTransactions on conn and says what the
// client may conclude: "ok" (committed), "refused" (certainly not applied), "unknown" (08007
// or a lost connection at COMMIT), or an anomaly's description. The SQLSTATE seen, if any,
// is returned too.
func runTxn(conn *pgconn.PgConn, w, k int) (string, string) {
	stmts := []string{"BEGIN",
		fmt.Sprintf("INSERT INTO kv VALUES (%d, 'w%d')", k, w),
		"UPDATE ctr SET n = n + 1 WHERE w = " + strconv.Itoa(w),
		fmt.Sprintf("INSERT INTO kv VALUES (%d, 'w%d')", k+1, w),
		"COMMIT"}
	for i, q := range stmts {
		if i == len(stmts)-1 {
			time.Sleep(time.Duration(k%7) * time.Millisecond) // hold the transaction open a little
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := conn.Exec(ctx, q).ReadAll()
		cancel()
		if err == nil {
			continue
		}
		var pgErr *pgconn.PgError
		commit := i == len(stmts)-1
		switch {
		case errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "57P03"):
			return "refused", pgErr.Code + " at " + strings.Fields(q)[0]
		case errors.As(err, &pgErr) && pgErr.Code == "08007" && commit:
			return "unknown", pgErr.Code
		case errors.As(err, &pgErr) && pgErr.Code == "57P01" && !commit:
			return "refused", pgErr.Code // the session ended before COMMIT: rolled back
		case errors.As(err, &pgErr):
			return fmt.Sprintf("%q failed with %s: %s", q, pgErr.Code, pgErr.Message), pgErr.Code
		case commit:
			return "unknown", "client"
		default:
			return "refused", "client" // a connection lost before COMMIT: rolled back
		}
	}
	return "ok", ""
}

package e2e

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"
)

// crashSeed replays TestKillDashNine's kill timings: the seed is logged by every run.
var crashSeed = flag.Uint64("crash.seed", 0, "seed of TestKillDashNine's kill timings (0: random)")

// keyState is what one client knows of one key: the last acknowledged value (-1: never
// acknowledged) and the value of a write that was sent but never answered (-1: none).
type keyState struct {
	acked, inflight int64
}

// TestKillDashNine runs concurrent autocommit inserts and updates against a real server,
// SIGKILLs it at a random moment, restarts it and checks that every acknowledged write is
// there with its acknowledged value (or a newer one that committed just before the kill).
// Cycles alternate between leaving the log to replay and checkpointing during the load.
// It runs on a node with a cluster port (its tablespaces commit through Raft) and on a
// private node (--cluster-addr=), whose tablespaces commit off Raft's goroutines
// (tablespace/direct.go).
func TestKillDashNine(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	for _, c := range []struct {
		name string
		args []string
	}{{"cluster port", nil}, {"private node", []string{"--cluster-addr="}}} {
		t.Run(c.name, func(t *testing.T) { killDashNine(t, c.args...) })
	}
}

func killDashNine(t *testing.T, args ...string) {
	n := newNode(t, args...)
	n.start()
	c, err := n.connect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, c, "CREATE TABLE kv (id bigint PRIMARY KEY, v bigint NOT NULL, pad text)")
	c.Close(context.Background())

	const workers, keysPerWorker, cycles = 8, 200, 5
	states := make([]map[int64]*keyState, workers)
	for w := range states {
		states[w] = make(map[int64]*keyState)
	}
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	// Only the kill moments are drawn from the seed; goroutine scheduling is not replayable.
	t.Logf("seed %d (replay the kill timings with -crash.seed=%d)", seed, seed)
	r := rand.New(rand.NewPCG(seed, 1))

	for cycle := 0; cycle < cycles; cycle++ {
		withCheckpoint := cycle%2 == 1
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				writer(ctx, n, w, keysPerWorker, states[w])
			}(w)
		}
		if withCheckpoint {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cc, err := n.connect(ctx)
				if err != nil {
					return
				}
				defer cc.Close(context.Background())
				for ctx.Err() == nil {
					if _, err := exec1(ctx, cc, "CHECKPOINT"); err != nil {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
			}()
		}
		time.Sleep(time.Duration(300+r.IntN(1200)) * time.Millisecond)
		n.kill()
		cancel()
		wg.Wait()

		n.start()
		verify(t, n, states, cycle)
	}
	n.stop()
}

// writer inserts its keys and then keeps updating them, one autocommit statement at a time,
// until the connection breaks.
func writer(ctx context.Context, n *node, w, keys int, state map[int64]*keyState) {
	c, err := n.connect(ctx)
	if err != nil {
		return
	}
	defer c.Close(context.Background())
	pad := fmt.Sprintf("%0100d", w)
	for i := 0; ctx.Err() == nil; i++ {
		id := int64(w*1_000_000 + i%keys)
		st := state[id]
		var sql string
		var next int64
		if st == nil || st.acked < 0 && st.inflight < 0 {
			st = &keyState{acked: -1, inflight: -1}
			state[id] = st
			next = 1
			sql = fmt.Sprintf("INSERT INTO kv (id, v, pad) VALUES (%d, %d, '%s')", id, next, pad)
		} else {
			next = max(st.acked, st.inflight) + 1
			sql = fmt.Sprintf("UPDATE kv SET v = %d WHERE id = %d", next, id)
		}
		st.inflight = next
		if _, err := exec1(ctx, c, sql); err != nil {
			return // the server is gone: the write stays in flight, maybe committed
		}
		st.acked, st.inflight = next, -1
	}
}

func verify(t *testing.T, n *node, states []map[int64]*keyState, cycle int) {
	t.Helper()
	c, err := n.connect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	rows := mustExec(t, c, "SELECT id, v FROM kv")
	got := make(map[int64]int64, len(rows))
	for _, r := range rows {
		id, _ := strconv.ParseInt(r[0], 10, 64)
		v, _ := strconv.ParseInt(r[1], 10, 64)
		got[id] = v
	}
	acked := 0
	for _, state := range states {
		for id, st := range state {
			v, ok := got[id]
			switch {
			case st.acked >= 0 && !ok:
				t.Fatalf("cycle %d: key %d acknowledged with v=%d is missing after kill -9", cycle, id, st.acked)
			case ok && v != st.acked && v != st.inflight:
				t.Fatalf("cycle %d: key %d has v=%d, acknowledged %d, in flight %d", cycle, id, v, st.acked, st.inflight)
			}
			if ok {
				// The in-flight write's fate is now known: adopt what survived.
				st.acked, st.inflight = v, -1
			} else {
				st.inflight = -1
			}
			if st.acked >= 0 {
				acked++
			}
		}
	}
	if acked == 0 {
		t.Fatalf("cycle %d: no write was acknowledged before the kill; the test proved nothing", cycle)
	}
	t.Logf("cycle %d: %d keys verified", cycle, acked)
}

package meta

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestFailoverDefaultTimeouts measures, with the default Raft timings, the time from the meta
// leader's loss to the first command applied through a survivor. It runs only when
// META_FAILOVER_TRIALS is set (the number of trials):
//
//	META_FAILOVER_TRIALS=10 go test -count=1 -run TestFailoverDefaultTimeouts -v ./server/meta
func TestFailoverDefaultTimeouts(t *testing.T) {
	trials, _ := strconv.Atoi(os.Getenv("META_FAILOVER_TRIALS"))
	if trials == 0 {
		t.Skip("set META_FAILOVER_TRIALS to measure")
	}
	var times []time.Duration
	for i := range trials {
		c := newTestCluster(t)
		c.tweak = func(o *Options) { o.Timeouts = DefaultTimeouts() }
		c.bootstrap("n1")
		c.join("n2", "n1")
		c.join("n3", "n1")
		old := c.leader().opts.NodeID
		survivor := c.meta("n1")
		if old == "n1" {
			survivor = c.meta("n2")
		}
		start := time.Now()
		c.stop(old)
		if err := survivor.CreateTablespace(ctxT(t), Tablespace{Name: "t" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
		times = append(times, time.Since(start))
		for _, id := range []string{"n1", "n2", "n3"} {
			c.stop(id)
		}
	}
	slices.Sort(times)
	t.Logf("leader loss → first command applied: median %v, min %v, max %v over %d trials",
		times[len(times)/2], times[0], times[len(times)-1], trials)
}

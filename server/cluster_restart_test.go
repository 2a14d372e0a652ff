package server

import (
	"fmt"
	"testing"
	"time"
)

// TestClusterRestartFromCheckpoint: with checkpoints every 200 ms on every replica, a
// follower (then the leader) is crashed under write load — no final checkpoint, so it
// restarts from its last periodic checkpoint plus the log after it — while writes go on
// through the others, and is started again; three rounds. Each restarted replica must catch
// up with the writes it missed, and the history must show no acknowledged write lost, none
// applied twice, and the replicas agree.
func TestClusterRestartFromCheckpoint(t *testing.T) {
	if testing.Short() {
		t.Skip("three crash and restart rounds under load: long")
	}
	c := startClusterWith(t, 3, func(cfg *Config) { cfg.CheckpointInterval = 200 * time.Millisecond })
	c.replicated("r3", "n1,n2,n3", 3)
	w := c.startWorkload("r3", 0, 1, 2)
	w.waitOps(30, 10*time.Second, "writes before the first crash")
	for round := range 3 {
		lead := c.leaderOf("r3")
		victim := (lead + 1 + round) % 3 // two followers, then the leader
		if round == 2 {
			victim = lead
		}
		time.Sleep(300 * time.Millisecond) // past a checkpoint of the victim's
		c.crash(victim)
		w.waitOps(30, 20*time.Second, fmt.Sprintf("round %d: writes while n%d is down", round, victim+1))
		c.faults.Heal()
		c.restart(victim)
		w.waitOps(30, 20*time.Second, fmt.Sprintf("round %d: writes after n%d restarted", round, victim+1))
		c.waitCaughtUp(victim, "r3")
	}
	w.verify(c.leaderOf("r3"))
}

// waitCaughtUp waits until node i's replica of ts has applied what the leader had applied
// when the wait began.
func (c *testCluster) waitCaughtUp(i int, ts string) {
	c.t.Helper()
	lead := c.leaderOf(ts)
	lts, _ := c.nodes[lead].Tablespace(ts)
	target := lts.Stats().AppliedIndex
	waitFor(c.t, 30*time.Second, fmt.Sprintf("n%d to catch up to index %d", i+1, target), func() bool {
		r, ok := c.nodes[i].Tablespace(ts)
		return ok && r.Stats().AppliedIndex >= target
	})
}

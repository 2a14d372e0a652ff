package e2e

import (
	"syscall"
	"testing"
	"time"
)

// The cluster under load through processes: three `drove server`s on loopback, clients
// writing through the nodes that do not lead, and a node killed or paused in the middle.
// Afterwards every replica (each read while it leads) holds every acknowledged write once,
// nothing that failed, and counters between the acknowledged and the possible increments.

const clusterClients = 9

func TestClusterKillLeader(t *testing.T) {
	if testing.Short() {
		t.Skip("three server processes under load: not in -short")
	}
	c := startProcCluster(t, 3)
	c.setupLoad("r3", clusterClients)
	lead := c.leader(1, "r3", 10*time.Second)
	var via []int
	for i := range c.nodes {
		if i != lead {
			via = append(via, i)
		}
	}
	h := newHistory()
	stop := c.runLoad("r3", clusterClients, via, h)
	time.Sleep(2 * time.Second)
	c.nodes[lead].kill()
	killed := time.Now()
	time.Sleep(4 * time.Second)
	c.nodes[lead].start()
	t.Logf("n%d killed, restarted after %v", lead+1, time.Since(killed))
	stop()
	// Then through every node, the restarted one (catching up) included.
	stop = c.runLoad("r3", clusterClients, []int{0, 1, 2}, h)
	time.Sleep(3 * time.Second)
	serving := time.Now()
	time.Sleep(1500 * time.Millisecond)
	stop()
	t.Logf("first write acknowledged %v after the kill; %s", h.firstAckAfter(killed).Round(time.Millisecond), h.summary())
	h.checkServing(t, serving)
	c.verify("r3", h)
}

func TestClusterPauseNode(t *testing.T) {
	if testing.Short() {
		t.Skip("three server processes under load: not in -short")
	}
	c := startProcCluster(t, 3)
	c.setupLoad("r3", clusterClients)
	h := newHistory()
	for _, target := range []string{"follower", "leader", "transfer"} {
		lead := c.leader(0, "r3", 10*time.Second)
		paused := lead
		if target != "leader" {
			paused = (lead + 1) % 3
		}
		// Clients on every node: those on the paused one wait, then find it no longer leads.
		stop := c.runLoad("r3", clusterClients, []int{0, 1, 2}, h)
		time.Sleep(time.Second)
		if target == "transfer" {
			// Not a pause: leadership handed over (ALTER TABLESPACE ... 'leader:') under load.
			c.makeLeader(paused, "r3")
		} else {
			c.nodes[paused].signal(syscall.SIGSTOP)
			time.Sleep(3 * time.Second)
			c.nodes[paused].signal(syscall.SIGCONT)
		}
		time.Sleep(3 * time.Second)
		serving := time.Now()
		time.Sleep(1500 * time.Millisecond)
		stop()
		t.Logf("%s n%d: %s", map[string]string{"follower": "paused the follower", "leader": "paused the leader",
			"transfer": "leadership moved to"}[target], paused+1, h.summary())
		h.checkServing(t, serving)
	}
	c.verify("r3", h)
}

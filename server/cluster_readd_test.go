package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestClusterReplicaChurnDuringWrites: under a write load through every node, a tablespace's
// replica set changes step by step — a fourth replica added, a follower removed, the same
// node added back (its old directory is gone: it catches up from scratch), the newcomer
// removed — each change waiting for the catalog's set to be the group's. No acknowledged
// write may be lost, none applied twice, and the final replicas agree.
func TestClusterReplicaChurnDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("membership changes under load: long")
	}
	c := startCluster(t, 4)
	lead := c.replicated("r", "n1,n2,n3", 4)
	w := c.startWorkload("r", 0, 1, 2, 3)
	w.waitOps(30, 10*time.Second, "writes before the changes")
	follower := nodeName((lead + 1) % 3)
	var sets [][]string
	base := []string{"n1", "n2", "n3"}
	sets = append(sets, append(slices.Clone(base), "n4"))
	without := slices.DeleteFunc(append(slices.Clone(base), "n4"), func(n string) bool { return n == follower })
	sets = append(sets, without)
	sets = append(sets, append(slices.Clone(without), follower))
	sets = append(sets, base)
	admin := connect(t, c.nodes[0], "drove")
	for _, set := range sets {
		slices.Sort(set)
		q := fmt.Sprintf("ALTER TABLESPACE 'r','replica:%s'", strings.Join(set, ","))
		if _, code := exec(t, admin, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
		waitFor(t, 30*time.Second, "the group to be "+strings.Join(set, ","), func() bool {
			l := c.leaderOf("r")
			ts, ok := c.nodes[l].Tablespace("r")
			if !ok {
				return false
			}
			var got []string
			for _, r := range ts.Replicas() {
				if !r.Voter {
					return false
				}
				got = append(got, r.ID)
			}
			slices.Sort(got)
			return slices.Equal(got, set)
		})
		w.waitOps(20, 15*time.Second, "writes after "+q)
	}
	w.verify(c.leaderOf("r"))
}

package meta

import (
	"slices"
	"sort"
	"time"
)

// Heal decides how the cluster converges each tablespace on its expected replica count. It is
// a pure function of the catalog, whose Node.Live is the meta leader's replicated verdict
// (a node not Live has not been heard from for longer than the dead-node timeout).
//
// For each tablespace with fewer live replicas than expected, it returns the tablespace with
// a new replica set: dead replicas are replaced, and missing ones added, by live nodes that do
// not host it yet, fewest replicas first (so a tablespace's replacement counts for the next
// tablespace's choice). It leaves a tablespace alone when
//   - its live replicas are not a majority of its replica set: the group has no quorum to
//     change its membership, and replacing replicas of a group that lost its majority would
//     put new, empty replicas in charge; an operator must act;
//   - no live node is free to take a replica: a dead replica is only removed when a
//     replacement takes its place, since it may yet come back.
//
// The preferred leader is cleared when it is replaced. The result is sorted by name.
func Heal(c *Catalog) []Tablespace {
	counts := c.replicaCounts()
	var out []Tablespace
	for _, ts := range c.TablespaceList() {
		next, ok := healOne(c, ts, counts)
		if !ok {
			continue
		}
		for _, r := range ts.Replicas {
			counts[r]--
		}
		for _, r := range next.Replicas {
			counts[r]++
		}
		out = append(out, next)
	}
	return out
}

func healOne(c *Catalog, ts Tablespace, counts map[string]int) (Tablespace, bool) {
	var live, dead []string
	for _, r := range ts.Replicas {
		if c.Nodes[r].Live {
			live = append(live, r)
		} else {
			dead = append(dead, r)
		}
	}
	want := ts.ExpectedReplicas - len(live)
	if want <= 0 || 2*len(live) <= len(ts.Replicas) {
		return ts, false
	}
	cands := freeNodes(c, ts.Replicas, counts)
	if len(cands) > want {
		cands = cands[:want]
	}
	if len(cands) == 0 {
		return ts, false
	}
	// Each new replica first takes a dead one's place; the rest are additions.
	gone := dead[:min(len(dead), len(cands))]
	replicas := make([]string, 0, len(ts.Replicas)+len(cands))
	for _, r := range ts.Replicas {
		if !slices.Contains(gone, r) {
			replicas = append(replicas, r)
		}
	}
	next := ts
	next.Replicas = append(replicas, cands...)
	if slices.Contains(gone, next.PreferredLeader) {
		next.PreferredLeader = ""
	}
	return next, true
}

// freeNodes lists the live nodes not in exclude, fewest replicas (per counts) first, then by id.
func freeNodes(c *Catalog, exclude []string, counts map[string]int) []string {
	var cands []string
	for id, n := range c.Nodes {
		if n.Live && !slices.Contains(exclude, id) {
			cands = append(cands, id)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if counts[a] != counts[b] {
			return counts[a] < counts[b]
		}
		return a < b
	})
	return cands
}

// InactiveLeaders lists, sorted, the tablespaces whose reported leader has been inactive
// too long, as the meta leader sees it: a node the catalog has as dead or no longer has, or
// one the meta leader has not heard from (lastSeen) for the tablespace's
// LeaderInactivityTimeout (def when 0: the dead-node timeout, so that only the dead count).
// The meta leader clears their Leader until the group's leader reports itself, so the
// catalog does not name a leader that may be gone (DESIGN.md, "Leader inactivity").
func InactiveLeaders(c *Catalog, lastSeen func(node string) time.Time, now time.Time, def time.Duration) []string {
	var out []string
	for _, ts := range c.TablespaceList() {
		if ts.Leader == "" {
			continue
		}
		timeout := ts.LeaderInactivityTimeout
		if timeout <= 0 {
			timeout = def
		}
		if !c.Nodes[ts.Leader].Live || now.Sub(lastSeen(ts.Leader)) >= timeout {
			out = append(out, ts.Name)
		}
	}
	return out
}

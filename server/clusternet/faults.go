package clusternet

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

// ErrPartitioned is returned by a dial that a Faults rule forbids.
var ErrPartitioned = errors.New("partitioned by fault injection")

// Faults injects network faults between the nodes of an in-process test cluster. One *Faults is
// shared by every Mux of the cluster (Config.Faults); rules are keyed by node id, because every
// connection header carries the dialer's node id and the ack carries the acceptor's. The zero
// value is ready to use; it is safe for concurrent use.
//
// At the stream level a connection has a dialer and an acceptor, and carries bytes both ways
// (for Raft: requests from the dialer, responses from the acceptor). The rules are:
//
//   - PartitionOneWay(from, to): new connections dialed by from to to fail (at the dialer before
//     any byte is sent when to's address is known, otherwise at to's header check), and every
//     open connection dialed by from to to is closed at both ends. Connections dialed by to
//     towards from are untouched and carry bytes both ways: to's requests reach from, and from's
//     responses reach to. In Raft terms PartitionOneWay(leader, follower) stops AppendEntries
//     and heartbeats to the follower while the follower's vote requests still reach the leader.
//   - Partition(a, b) is PartitionOneWay both ways: no connection between a and b survives.
//   - Isolate(n) partitions n from every node, including nodes that appear later.
//   - Heal() removes every partition and isolation (not delays); dials succeed again and Raft
//     re-dials on its own.
//   - SetDelay(from, to, d) delays every write made by from on a connection whose other end is
//     to, whichever side dialed; SetJitter adds a random extra delay in [0, max) to each write.
//     Within one connection bytes stay in order (it is TCP); jitter reorders messages across
//     connections (Raft uses several per peer: heartbeats, pipelined appends, votes, snapshots).
//     A delay does not close anything; d = 0 removes it.
//   - Stall(a, b) makes the network between a and b silent without closing anything, as a
//     black hole or a paused process does: writes either way block until the stall is lifted
//     (then they are delivered, as TCP retransmits after a network heals) or the connection's
//     write deadline passes (a timeout error, as Raft's RPC timeout expects); new dials
//     between them hang until their context ends. StallNode(n) stalls n against everyone.
//     Bytes written before the stall are still delivered. Heal lifts stalls too.
type Faults struct {
	mu       sync.Mutex
	oneWay   map[[2]string]bool // dialer→acceptor pairs that may not connect
	isolated map[string]bool
	delay    map[[2]string]time.Duration // writer→reader
	jitter   map[[2]string]time.Duration
	stalled  map[[2]string]bool // both orders
	stallAll map[string]bool
	wake     chan struct{}     // closed (and replaced) when stalls are lifted
	addrs    map[string]string // cluster address → node id, filled by Listen
	conns    map[*conn]struct{}
	rng      *rand.Rand
}

// NewFaults returns an empty rule set whose jitter is drawn from seed (print the seed in a
// failing randomized test to replay it).
func NewFaults(seed uint64) *Faults {
	f := &Faults{}
	f.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return f
}

// initLocked makes the zero value usable. f.mu is held.
func (f *Faults) initLocked() {
	if f.conns != nil {
		return
	}
	f.oneWay = map[[2]string]bool{}
	f.isolated = map[string]bool{}
	f.delay = map[[2]string]time.Duration{}
	f.jitter = map[[2]string]time.Duration{}
	f.stalled = map[[2]string]bool{}
	f.stallAll = map[string]bool{}
	f.wake = make(chan struct{})
	f.addrs = map[string]string{}
	f.conns = map[*conn]struct{}{}
	if f.rng == nil {
		f.rng = rand.New(rand.NewPCG(1, 2))
	}
}

// Partition cuts a and b apart in both directions.
func (f *Faults) Partition(a, b string) {
	f.mu.Lock()
	f.initLocked()
	f.oneWay[[2]string{a, b}] = true
	f.oneWay[[2]string{b, a}] = true
	f.cutLocked()
}

// PartitionOneWay forbids connections dialed by from to to and closes the open ones (see the
// type's comment for what that means for the bytes).
func (f *Faults) PartitionOneWay(from, to string) {
	f.mu.Lock()
	f.initLocked()
	f.oneWay[[2]string{from, to}] = true
	f.cutLocked()
}

// Isolate partitions node from every other node.
func (f *Faults) Isolate(node string) {
	f.mu.Lock()
	f.initLocked()
	f.isolated[node] = true
	f.cutLocked()
}

// Heal removes every partition, isolation and stall. Delays stay.
func (f *Faults) Heal() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	clear(f.oneWay)
	clear(f.isolated)
	clear(f.stalled)
	clear(f.stallAll)
	close(f.wake)
	f.wake = make(chan struct{})
}

// Stall silences the network between a and b (see the type's comment).
func (f *Faults) Stall(a, b string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	f.stalled[[2]string{a, b}] = true
	f.stalled[[2]string{b, a}] = true
}

// StallNode silences the network between node and every other node.
func (f *Faults) StallNode(node string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	f.stallAll[node] = true
}

// stallLocked reports whether a and b are stalled, and the channel closed when that may change.
func (f *Faults) stallLocked(a, b string) (bool, <-chan struct{}) {
	return a != b && (f.stalled[[2]string{a, b}] || f.stallAll[a] || f.stallAll[b]), f.wake
}

// waitStall blocks while a and b are stalled, until stop is closed or the timer channel fires
// (nil: no deadline); it reports whether the stall was lifted.
func (f *Faults) waitStall(a, b string, stop <-chan struct{}, deadline <-chan time.Time) bool {
	for {
		f.mu.Lock()
		f.initLocked()
		stalled, wake := f.stallLocked(a, b)
		f.mu.Unlock()
		if !stalled {
			return true
		}
		select {
		case <-wake:
		case <-stop:
			return false
		case <-deadline:
			return false
		}
	}
}

// stalledAddr is stallLocked for a dial from node to addr, when addr's node is known.
func (f *Faults) stalledAddr(from, addr string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	to, ok := f.addrs[addr]
	if !ok {
		return "", false
	}
	s, _ := f.stallLocked(from, to)
	return to, s
}

// SetDelay delays each write by from on a connection to to by d (0 removes the delay).
func (f *Faults) SetDelay(from, to string, d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	if d <= 0 {
		delete(f.delay, [2]string{from, to})
		return
	}
	f.delay[[2]string{from, to}] = d
}

// SetJitter adds a random delay in [0, max) to each write by from on a connection to to, on top
// of SetDelay's (0 removes it).
func (f *Faults) SetJitter(from, to string, max time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	if max <= 0 {
		delete(f.jitter, [2]string{from, to})
		return
	}
	f.jitter[[2]string{from, to}] = max
}

// Blocked reports whether a connection dialed by from to to is currently forbidden.
func (f *Faults) Blocked(from, to string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	return f.blockedLocked(from, to)
}

func (f *Faults) blockedLocked(from, to string) bool {
	return from != to && (f.isolated[from] || f.isolated[to] || f.oneWay[[2]string{from, to}])
}

// cutLocked closes every tracked connection a rule now forbids, then unlocks f.mu (closing
// calls back into untrack, which takes the lock).
func (f *Faults) cutLocked() {
	var doomed []*conn
	for c := range f.conns {
		if f.blockedLocked(c.dialer, c.acceptor) {
			doomed = append(doomed, c)
		}
	}
	f.mu.Unlock()
	for _, c := range doomed {
		_ = c.Close()
	}
}

// register records which node listens on addr, so a dialer can fail before connecting.
func (f *Faults) register(addr, node string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	f.addrs[addr] = node
}

func (f *Faults) unregister(addr string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	delete(f.addrs, addr)
}

// checkDial fails a dial from node to addr that a rule forbids, when addr's node is known.
func (f *Faults) checkDial(from, addr string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	if to, ok := f.addrs[addr]; ok && f.blockedLocked(from, to) {
		return fmt.Errorf("dial %s (%s) from %s: %w", addr, to, from, ErrPartitioned)
	}
	return nil
}

// track adds an established connection; it reports false (and the caller closes c) when a
// rule forbids it. Tracking before checking means a concurrent Partition either sees c in its
// sweep or is seen here.
func (f *Faults) track(c *conn) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	if f.blockedLocked(c.dialer, c.acceptor) {
		return false
	}
	f.conns[c] = struct{}{}
	return true
}

func (f *Faults) untrack(c *conn) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	delete(f.conns, c)
}

// writeDelay is how long a write by from to to waits.
func (f *Faults) writeDelay(from, to string) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.initLocked()
	k := [2]string{from, to}
	d := f.delay[k]
	if j := f.jitter[k]; j > 0 {
		d += time.Duration(f.rng.Int64N(int64(j)))
	}
	return d
}

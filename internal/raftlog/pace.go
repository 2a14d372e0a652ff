package raftlog

import (
	"time"
)

// Pacing the leader's background appends (tablespace/DESIGN.md, "Pacing the leader's
// appends"). A replicated commit waits for the first follower's answer — a round trip with
// the follower's own append and fdatasync — and for the leader's append, which runs in
// parallel and usually ends well before the answer arrives. Appending as soon as anything is
// buffered makes the leader fsync about as often as each follower, and on replicas sharing
// disk and cores every such fsync slows the followers' (measured: a follower's append took
// twice as long with the two other replicas appending at the same time). So the writer lets
// the oldest buffered entry wait half of the time it has to spare — the round trip to the
// first follower's answer, less the leader's own append — before it appends: the append
// still ends before the answer is expected, and carries more entries. Where the round trip
// is short against the append (a slow leader disk, fast followers), there is nothing to
// spare and the writer appends at once, as before. Durability is untouched: the wait only
// delays when entries become durable, and nothing observes an entry before it is (async.go).

// maxPaceWait bounds the writer's wait whatever the estimates say.
const maxPaceWait = 5 * time.Millisecond

// paceMarks is how many recent StoreLogs calls the pacer remembers to time the answers by.
const paceMarks = 64

type paceMark struct {
	last uint64    // the last index of a StoreLogs call
	at   time.Time // when it was buffered
}

// pacer estimates the round trip and the append's duration and says how long the writer
// waits. Guarded by the store's pmu.
type pacer struct {
	marks      []paceMark    // recent buffered batches, ascending
	replicated uint64        // the highest index a follower acknowledged
	rtt        time.Duration // moving average: buffered → the first follower's answer covering it
	append     time.Duration // moving average of a background append's duration
	oldest     time.Time     // when the oldest entry still buffered was buffered
}

// buffered records a StoreLogs call of entries up to last at now; first says the buffer was
// empty before it.
func (p *pacer) buffered(last uint64, first bool, now time.Time) {
	if first {
		p.oldest = now
	}
	if len(p.marks) == paceMarks {
		n := copy(p.marks, p.marks[1:])
		p.marks = p.marks[:n]
	}
	p.marks = append(p.marks, paceMark{last, now})
}

// acked records a follower's acknowledgment of the log up to index at now. Only the first
// answer covering an entry counts: it is the one that commits it.
func (p *pacer) acked(index uint64, now time.Time) {
	if index <= p.replicated {
		return
	}
	p.replicated = index
	k := 0
	for k < len(p.marks) && p.marks[k].last <= index {
		k++
	}
	if k == 0 {
		return // buffered before the pacer's memory, or not by this leader
	}
	p.rtt = average(p.rtt, now.Sub(p.marks[0].at)) // the oldest entry this answer covers
	n := copy(p.marks, p.marks[k:])
	p.marks = p.marks[:n]
}

// appended records a background append's duration.
func (p *pacer) appended(d time.Duration) { p.append = average(p.append, d) }

// wait is how long the writer should still wait at now before appending what is buffered.
func (p *pacer) wait(now time.Time) time.Duration {
	spare := (p.rtt - p.append) / 2
	if spare <= 0 || p.rtt == 0 || p.append == 0 {
		return 0
	}
	spare = min(spare, maxPaceWait)
	return spare - now.Sub(p.oldest)
}

// average moves avg an eighth of the way to sample (the first sample sets it).
func average(avg, sample time.Duration) time.Duration {
	if avg == 0 {
		return sample
	}
	return avg + (sample-avg)/8
}

// Replicated tells the log that a follower acknowledged it up to index (the tablespace's
// transport calls it with each successful AppendEntries answer on the leader); the writer's
// pacing times the round trip by it.
func (g *Store) Replicated(index uint64) {
	now := time.Now()
	g.pmu.Lock()
	g.pace.acked(index, now)
	g.pmu.Unlock()
}

// sleep waits d, or until the store closes (false).
func (g *Store) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-g.stopWriter:
		return false
	}
}

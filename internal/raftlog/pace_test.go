package raftlog

import (
	"testing"
	"time"
)

// TestPacerWait checks the writer's wait: half the time the round trip leaves beyond the
// leader's own append, less what the oldest buffered entry already waited; nothing when the
// append is as slow as the round trip or nothing is measured yet; never more than maxPaceWait.
func TestPacerWait(t *testing.T) {
	ms := time.Millisecond
	t0 := time.Unix(1000, 0)
	cases := []struct {
		name        string
		rtt, append time.Duration
		waited      time.Duration // how long the oldest buffered entry has waited
		want        time.Duration
	}{
		{"nothing measured", 0, 0, 0, 0},
		{"no append measured", 3 * ms, 0, 0, 0},
		{"spare time", 3 * ms, 1 * ms, 0, 1 * ms},
		{"already waited part", 3 * ms, 1 * ms, 400 * time.Microsecond, 600 * time.Microsecond},
		{"already waited all", 3 * ms, 1 * ms, 2 * ms, -1 * ms},
		{"append slower than the round trip", 1 * ms, 2 * ms, 0, 0},
		{"capped", 40 * ms, 1 * ms, 0, maxPaceWait},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := pacer{rtt: c.rtt, append: c.append}
			p.buffered(10, true, t0)
			if got := p.wait(t0.Add(c.waited)); got != c.want {
				t.Errorf("wait = %v, want %v", got, c.want)
			}
		})
	}
}

// TestPacerTimesTheFirstAnswer checks the round trip: it is timed from the oldest batch an
// answer newly covers, only the first answer covering an index counts, and answers for
// indexes the pacer never saw buffered (another leader's) are ignored.
func TestPacerTimesTheFirstAnswer(t *testing.T) {
	ms := time.Millisecond
	t0 := time.Unix(1000, 0)
	var p pacer
	p.acked(5, t0) // nothing buffered: no sample
	if p.rtt != 0 {
		t.Fatalf("rtt = %v after an answer for nothing buffered", p.rtt)
	}
	p.buffered(10, true, t0)
	p.buffered(12, false, t0.Add(1*ms))
	p.buffered(15, false, t0.Add(2*ms))
	p.acked(12, t0.Add(3*ms)) // covers the batches up to 10 and 12: timed from the first
	if p.rtt != 3*ms {
		t.Fatalf("rtt = %v, want 3ms", p.rtt)
	}
	p.acked(12, t0.Add(9*ms)) // the second follower's answer for the same entries
	if p.rtt != 3*ms {
		t.Fatalf("rtt = %v after a second answer, want 3ms", p.rtt)
	}
	p.acked(15, t0.Add(4*ms)) // 2ms for the batch up to 15: the average moves an eighth
	if want := 3*ms - ms/8; p.rtt != want {
		t.Fatalf("rtt = %v, want %v", p.rtt, want)
	}
	if len(p.marks) != 0 {
		t.Fatalf("%d marks kept after every batch was acknowledged", len(p.marks))
	}
	for i := range 2 * paceMarks {
		p.buffered(uint64(100+i), false, t0)
	}
	if len(p.marks) != paceMarks {
		t.Fatalf("%d marks kept, want at most %d", len(p.marks), paceMarks)
	}
}

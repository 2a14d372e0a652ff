package tablespace

import (
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// ackAt records a successful append answer from id up to match.
func ackAt(t *trackingTransport, id raft.ServerID, match uint64) {
	t.acked(id, &raft.AppendEntriesRequest{PrevLogEntry: match}, &raft.AppendEntriesResponse{Success: true})
}

// TestSpareDelay checks which followers are paced: only voters beyond the quorum, the ones
// furthest behind (ties broken by id), and only within a pace of their last request.
func TestSpareDelay(t *testing.T) {
	now := time.Now()
	recent := now.Add(-time.Millisecond)
	held := spareFollowerPace - time.Millisecond

	tr := newTrackingTransport(nil)
	if d := tr.spareDelay("b", recent, now); d != 0 {
		t.Fatalf("no voters known (not leading yet): delay %v, want 0", d)
	}
	tr.setVoters("l", []raft.ServerID{"l", "a"})
	if d := tr.spareDelay("a", recent, now); d != 0 {
		t.Fatalf("two voters, the follower is the quorum: delay %v, want 0", d)
	}

	tr.setVoters("l", []raft.ServerID{"l", "a", "b"})
	// Nothing acknowledged yet: equal match indexes, the larger id is the spare.
	if d := tr.spareDelay("a", recent, now); d != 0 {
		t.Fatalf("a at a tie: delay %v, want 0", d)
	}
	if d := tr.spareDelay("b", recent, now); d != held {
		t.Fatalf("b at a tie: delay %v, want %v", d, held)
	}
	ackAt(tr, "a", 5)
	ackAt(tr, "b", 10)
	if d := tr.spareDelay("b", recent, now); d != 0 {
		t.Fatalf("b ahead: delay %v, want 0", d)
	}
	if d := tr.spareDelay("a", recent, now); d != held {
		t.Fatalf("a behind: delay %v, want %v", d, held)
	}
	if d := tr.spareDelay("a", now.Add(-spareFollowerPace), now); d != 0 {
		t.Fatalf("a's last request a pace ago: delay %v, want 0", d)
	}
	if d := tr.spareDelay("c", recent, now); d != 0 {
		t.Fatalf("a non-voter: delay %v, want 0", d)
	}

	// Five voters: a commit needs two followers, the two behind them are spares.
	tr.setVoters("l", []raft.ServerID{"a", "b", "c", "d", "l"})
	ackAt(tr, "c", 7)
	ackAt(tr, "d", 3)
	for id, want := range map[raft.ServerID]time.Duration{"b": 0, "c": 0, "a": held, "d": held} {
		if d := tr.spareDelay(id, recent, now); d != want {
			t.Errorf("five voters, %s: delay %v, want %v", id, d, want)
		}
	}

	tr.reset()
	if d := tr.spareDelay("d", recent, now); d != 0 {
		t.Fatalf("after losing the lead: delay %v, want 0", d)
	}
}

// sendTimes is an AppendPipeline that records when each request was sent.
type sendTimes struct {
	raft.AppendPipeline
	at []time.Time
}

func (s *sendTimes) AppendEntries(*raft.AppendEntriesRequest, *raft.AppendEntriesResponse) (raft.AppendFuture, error) {
	s.at = append(s.at, time.Now())
	return nil, nil
}

// TestCappedPipelinePacesSpare checks that a spare follower's requests with entries are sent
// at least a pace apart, and that heartbeats are never held.
func TestCappedPipelinePacesSpare(t *testing.T) {
	tr := newTrackingTransport(nil)
	tr.setVoters("l", []raft.ServerID{"l", "a", "b"})
	ackAt(tr, "a", 10)
	ackAt(tr, "b", 4)
	rec := &sendTimes{}
	p := &cappedPipeline{AppendPipeline: rec, t: tr, id: "b"}
	entries := &raft.AppendEntriesRequest{Entries: []*raft.Log{{Index: 11}}}
	for range 3 {
		if _, err := p.AppendEntries(entries, &raft.AppendEntriesResponse{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(rec.at); i++ {
		if gap := rec.at[i].Sub(rec.at[i-1]); gap < spareFollowerPace {
			t.Errorf("requests %d and %d to the spare %v apart, want at least %v", i-1, i, gap, spareFollowerPace)
		}
	}
	start := time.Now()
	for range 20 {
		_, _ = p.AppendEntries(&raft.AppendEntriesRequest{}, &raft.AppendEntriesResponse{})
	}
	if took := time.Since(start); took >= 20*spareFollowerPace {
		t.Errorf("20 heartbeats to the spare took %v: held like appends", took)
	}
}

package tablespace

import (
	"errors"
	"testing"

	"github.com/hashicorp/raft"
)

// TestApplyError: what a failed raft.Apply tells the committing transaction. An entry Raft
// had appended (or committed) before it shut down may be applied at the next start, so that
// outcome is unknown (08007), never "closed" (57P01, which clients take for "not applied").
func TestApplyError(t *testing.T) {
	ts := &Tablespace{opts: Options{Name: "t"}}
	cases := []struct {
		name     string
		err      error
		appended bool
		want     error
	}{
		{"leadership lost", raft.ErrLeadershipLost, true, ErrOutcomeUnknown},
		{"not leader", raft.ErrNotLeader, false, ErrNotLeader},
		{"transfer in progress", raft.ErrLeadershipTransferInProgress, false, ErrNotLeader},
		{"shutdown before the append", raft.ErrRaftShutdown, false, ErrClosed},
		{"shutdown after the append", raft.ErrRaftShutdown, true, ErrOutcomeUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ts.applyError(tc.err, tc.appended); !errors.Is(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

package sql

import (
	"context"
	"testing"
)

// Preparing counts only the statement's own query blocks: a session that prepared many
// statements without running one (a client's Parse messages) is not refused with 54001.
func TestPrepareCountsItsOwnBlocks(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	if err := s.Exec(context.Background(), "CREATE TABLE pb (k int PRIMARY KEY)", discard{}); err != nil {
		t.Fatal(err)
	}
	s.blocks = maxQueryBlocks // as after 100,000 prepared SELECTs
	if _, err := s.prepare("SELECT k FROM pb WHERE k = 1", nil); err != nil {
		t.Fatal(err)
	}
}

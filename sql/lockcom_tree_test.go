package sql

import (
	"regexp"
	"testing"
)

// TestLockFromTree checks that every golden LOCK is read by sql/parser (command_tree.go) into
// the lockStmt execLockStmt runs: none reaches the dialect pass (whose Statement has words).
func TestLockFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*lock\b`)
	read := goldenFromTree(t, re, []string{"lock"}, func(st *Statement) (bool, string) {
		if st.lock == nil || st.words != nil || st.ast != nil {
			return false, "not read into the parser's tree"
		}
		return true, ""
	})
	if read < 12 {
		t.Errorf("only %d golden LOCK statements read into the tree", read)
	}
}

// TestCommentFromTree checks that every golden COMMENT ON is read by sql/parser
// (command_tree.go) into the commentStmt execCommentStmt runs, not by the dialect pass.
func TestCommentFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*comment\b`)
	read := goldenFromTree(t, re, []string{"comment"}, func(st *Statement) (bool, string) {
		if st.comment == nil || st.words != nil || st.ast != nil {
			return false, "not read into the parser's tree"
		}
		return true, ""
	})
	if read < 35 {
		t.Errorf("only %d golden COMMENT ON statements read into the tree", read)
	}
}

package sql

import (
	"regexp"
	"testing"
)

// TestUtilityFromTree checks that every golden session and transaction statement is read by
// sql/parser (utility_tree.go) into the statement its executor runs: none reaches the dialect
// pass or vitess (whose tree, st.ast, none of them may hold).
func TestUtilityFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*(begin|start|commit|end|rollback|abort|savepoint|release|set|show|reset|discard|vacuum|analyze|analyse|checkpoint|listen|unlisten|notify)\b`)
	words := []string{"begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "set", "show",
		"reset", "discard", "vacuum", "analy", "checkpoint", "listen", "notify"}
	read := goldenFromTree(t, re, words, func(st *Statement) (bool, string) {
		if st.ast != nil {
			return false, "read by the dialect pass and vitess, not the parser's tree"
		}
		switch {
		case st.setting != nil, st.savepoint != nil, st.setCons != nil, st.notify != nil:
			return true, ""
		}
		switch st.first {
		case "commit", "end", "rollback", "abort", "checkpoint":
			return true, ""
		}
		return false, "not read into a session or transaction statement"
	})
	if read < 800 {
		t.Errorf("only %d golden session and transaction statements read into the tree", read)
	}
}

package sql

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// The bind-both-ways tests (dml_tree_test.go, insert_tree_test.go, update_tree_test.go) walk
// the golden files alike: each file's statements run in a session of its own, and each
// statement of the kind a test compares is parsed both ways (sql/parser and the dialect
// pass) and handed to the test before the statement is executed, so the session holds the
// file's objects as they are at that statement.

// bothWays is one golden statement parsed by sql/parser (newSts) and the dialect pass (oldSts).
type bothWays struct {
	where, q       string // file:line, and the statement's text
	newSts, oldSts []*Statement
	newErr, oldErr error
}

// walkGoldenBothWays calls compare for every golden statement whose first word (lower case)
// words holds.
func walkGoldenBothWays(t *testing.T, words map[string]bool, compare func(s *Session, b bothWays)) {
	if testing.Short() {
		t.Skip("the golden corpus")
	}
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	none := func() error { return nil }
	for _, file := range files {
		s := NewSession(openTestTablespace(t), nil)
		for _, b := range parseGolden(t, file) {
			if b.kind != "ok" && b.kind != "error" && b.kind != "query" {
				continue
			}
			if first := strings.Fields(strings.ToLower(b.sql)); len(first) > 0 && words[first[0]] {
				bw := bothWays{where: fmt.Sprintf("%s:%d", filepath.Base(file), b.line), q: dropCallAll(b.sql)}
				bw.oldSts, bw.oldErr = parseOld(bw.q, none)
				bw.newSts, bw.newErr = parseStatements(bw.q, none)
				compare(s, bw)
			}
			_ = s.Exec(context.Background(), b.sql, &textOutput{})
		}
		s.Close()
	}
}

// runRolledBack runs st in a transaction block (a savepoint inside the file's own) and rolls
// it back; ok is false where it cannot (the file's transaction failed).
func runRolledBack(t *testing.T, s *Session, st *Statement) (*textOutput, error, bool) {
	ctx := context.Background()
	begin, undo := "BEGIN", []string{"ROLLBACK"}
	switch s.TxStatus() {
	case TxFailed:
		return nil, nil, false
	case TxActive:
		begin, undo = "SAVEPOINT both_ways", []string{"ROLLBACK TO SAVEPOINT both_ways", "RELEASE SAVEPOINT both_ways"}
	}
	if err := s.Exec(ctx, begin, &textOutput{}); err != nil {
		t.Fatalf("%s: %v", begin, err)
	}
	out := &textOutput{}
	err := s.execOne(ctx, st, out)
	for _, u := range undo {
		if err2 := s.Exec(ctx, u, &textOutput{}); err2 != nil {
			t.Fatalf("%s: %v", u, err2)
		}
	}
	return out, err, true
}

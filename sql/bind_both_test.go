package sql

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestBindFromParser: every golden statement of a kind bound from sql/parser's tree binds
// (and, for INSERT and UPDATE, runs) as the dialect pass's statement does, in one walk over
// the golden corpus: each file's statements are executed in order in a session of its own,
// as in TestGolden, and before each one runs it is compared from both trees in that
// session's state:
//   - a query sql/parser reads to the converter's tree: the same columns and plan (EXPLAIN's
//     text), or the same SQLSTATE (compareQueryBinding);
//   - DELETE (deleteBothWays), INSERT and UPSERT (insertBothWays), UPDATE (updateBothWays)
//     and the data-modifying WITH (modifyingWithBothWays).
//
// The kinds share one walk because a walk executes the whole corpus: four walks took the
// sql package past go test's 10-minute limit in CI.
func TestBindFromParser(t *testing.T) {
	if testing.Short() {
		t.Skip("the golden corpus")
	}
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	checks := []bothWaysCheck{deleteBothWays(t), insertBothWays(t), updateBothWays(t), modifyingWithBothWays(t)}
	var qs parserBindStats
	for _, file := range files {
		walkGoldenBothWays(t, file, checks, func(s *Session, b goldenBlock) { compareQueryBinding(t, s, file, b, &qs) })
	}
	t.Logf("of the golden queries sql/parser reads to the converter's tree, %d bind to the same columns and plan (%d with FROM or WHERE), "+
		"%d are refused with the same SQLSTATE; %d of those bound alike hold x op ANY|ALL (array)",
		qs.same, qs.withFrom, qs.sameError, qs.anyArray)
	if qs.same < 2900 {
		t.Errorf("only %d golden queries bound alike", qs.same)
	}
	if qs.anyArray < 25 { // x op ANY (array) binds from both trees (anyall.go)
		t.Errorf("only %d golden queries with x op ANY (array) bound alike", qs.anyArray)
	}
	for _, c := range checks {
		c.report()
	}
}

// bothWaysCheck is TestBindFromParser's comparison of one kind of statement: the statements
// whose first word (lower case) words holds, each parsed both ways, go to compare; report logs
// the counts and fails below the kind's floor after the walk.
type bothWaysCheck struct {
	words   map[string]bool
	compare func(s *Session, b bothWays)
	report  func()
}

// bothWays is one golden statement parsed by sql/parser (newSts) and the dialect pass (oldSts).
type bothWays struct {
	where, q       string // file:line, and the statement's text
	newSts, oldSts []*Statement
	newErr, oldErr error
}

// treeOnlyFiles are golden files of a construct only sql/parser reads, which the dialect pass
// refuses with 42601 (cursor17.sql, arrays2.sql: SET b[i] = v): there a statement the pass
// cannot parse is checked against PostgreSQL by TestGolden and the differential test alone.
var treeOnlyFiles = map[string]bool{"cursor17.sql": true, "every17.sql": true, "arrays2.sql": true}

// treeOnly reports whether b is such a statement.
func (b bothWays) treeOnly() bool {
	file, _, _ := strings.Cut(b.where, ":")
	return treeOnlyFiles[file] && b.newErr == nil && sqlstateOf(b.oldErr) == "42601"
}

// walkGoldenBothWays executes one golden file's statements in order in a session of its own,
// handing each, before it runs, to query and to the check of its kind.
func walkGoldenBothWays(t *testing.T, file string, checks []bothWaysCheck, query func(*Session, goldenBlock)) {
	none := func() error { return nil }
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, b := range parseGolden(t, file) {
		if b.kind != "ok" && b.kind != "error" && b.kind != "query" {
			continue
		}
		query(s, b)
		if first := strings.Fields(strings.ToLower(b.sql)); len(first) > 0 {
			for _, c := range checks {
				if !c.words[first[0]] {
					continue
				}
				bw := bothWays{where: fmt.Sprintf("%s:%d", filepath.Base(file), b.line), q: dropCallAll(b.sql)}
				bw.oldSts, bw.oldErr = parseOld(bw.q, none)
				bw.newSts, bw.newErr = parseStatements(bw.q, none)
				c.compare(s, bw)
			}
		}
		_ = s.Exec(context.Background(), b.sql, &textOutput{})
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

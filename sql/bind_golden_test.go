package sql

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestBindFromParser: every golden statement of a kind bound from sql/parser's tree binds
// (and, for INSERT and UPDATE, runs) as the dialect pass's statement does, in one walk over
// the golden corpus: each file's statements are executed in order in one session, as in
// TestGolden, and before each one runs it is compared from both trees in that session's state:
//   - a query sql/parser reads to the converter's tree: the same columns and plan (EXPLAIN's
//     text), or the same SQLSTATE (compareQueryBinding);
//   - DELETE: the same result columns, or the same SQLSTATE (compareDMLBinding);
//   - INSERT and UPSERT: the same columns, command tag and number of rows, or the same
//     SQLSTATE, each run in a block rolled back (compareInsert);
//   - UPDATE: the same columns, then the same command tag and rows when run rolled back
//     (compareUpdate).
//
// A difference fails unless its kind's improvements map lists it with PostgreSQL's answer.
// The four comparisons share the walk because each walk executes the whole corpus.
func TestBindFromParser(t *testing.T) {
	if testing.Short() {
		t.Skip("the golden corpus")
	}
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var (
		qs  parserBindStats
		ds  dmlBindStats
		ins insertBindStats
		ups updateBindStats
	)
	for _, file := range files {
		walkGoldenBinding(t, file, func(s *Session, b goldenBlock) {
			compareQueryBinding(t, s, file, b, &qs)
			switch first := strings.Fields(strings.ToLower(b.sql)); {
			case len(first) == 0:
			case first[0] == "delete":
				compareDMLBinding(t, s, file, b, &ds)
			case insertWord(first[0]):
				compareInsert(t, s, file, b, &ins)
			case first[0] == "update":
				compareUpdate(t, s, file, b, &ups)
			}
		})
	}
	t.Logf("of the golden queries sql/parser reads to the converter's tree, %d bind to the same columns and plan (%d with FROM or WHERE), "+
		"%d are refused with the same SQLSTATE; %d of those bound alike hold x op ANY|ALL (array)",
		qs.same, qs.withFrom, qs.sameError, qs.anyArray)
	t.Logf("of the golden DELETE statements, %d bind to the same columns from both trees, %d are refused with the same SQLSTATE "+
		"at binding, %d at parsing", ds.same, ds.sameError, ds.parseSame)
	t.Logf("of the golden INSERT statements, %d bind and run alike from both trees, %d fail with the same SQLSTATE, "+
		"%d are refused alike at parsing, %d differ as PostgreSQL answers (insertImprovements), %d are left to the dialect pass",
		ins.same, ins.sameError, ins.parseSame, ins.improved, ins.left)
	t.Logf("of the golden UPDATE statements, %d bind to the same columns from both trees, %d are refused with the same SQLSTATE "+
		"at binding, %d at parsing; %d run alike (%d of them failing with the same SQLSTATE); %d differ as updateImprovements lists",
		ups.same, ups.sameError, ups.parseSame, ups.ran, ups.runError, ups.improved)
	switch {
	case qs.same < 2900:
		t.Errorf("only %d golden queries bound alike", qs.same)
	case qs.anyArray < 25: // x op ANY (array) binds from both trees (anyall.go)
		t.Errorf("only %d golden queries with x op ANY (array) bound alike", qs.anyArray)
	case ds.same < 80:
		t.Errorf("only %d golden DELETE statements bound alike", ds.same)
	case ins.same < 500:
		t.Errorf("only %d golden INSERT statements bound alike", ins.same)
	case ups.same < 180 || ups.ran < ups.same:
		t.Errorf("only %d golden UPDATE statements bound alike, %d ran alike", ups.same, ups.ran)
	}
}

// walkGoldenBinding executes one golden file's statements in order in a fresh session, calling
// compare with each statement before it runs.
func walkGoldenBinding(t *testing.T, file string, compare func(*Session, goldenBlock)) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	for _, b := range parseGolden(t, file) {
		if b.kind != "ok" && b.kind != "error" && b.kind != "query" {
			continue
		}
		compare(s, b)
		_ = s.Exec(ctx, b.sql, &textOutput{})
	}
}

package tablespace

import (
	"context"
	"fmt"
	"testing"
)

// TestCommentsSurviveRestart: comments are rows of a hidden table, so they outlive a restart
// (log replay) and a checkpoint, and DropTable removes a table's.
func TestCommentsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	for _, n := range []string{"a", "b"} {
		if err := ts.CreateTable(ctx, testSchema(n)); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []Comment{{"a", "rel", "", "table a"}, {"a", "column", "v", "col v"},
		{"b", "rel", "", "table b"}, {"b", "column", "v", "gone"}, {"b", "column", "v", ""}} {
		if err := ts.SetCommentIn(ctx, nil, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ts.SetCommentIn(ctx, nil, Comment{"a", "rel", "", "table a, again"}); err != nil {
		t.Fatal(err)
	}
	if err := ts.DropTable(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	ts.shutdownRaft()

	ts = openTest(t, dir)
	defer ts.Close()
	all, err := ts.CommentsIn(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(all); got != "[{a column v col v} {a rel  table a, again}]" {
		t.Fatalf("comments after restart: %s", got)
	}
	for _, s := range ts.Tables() {
		if s.Name == commentTable {
			t.Fatal("Tables() lists the comment table")
		}
	}
}

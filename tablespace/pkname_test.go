package tablespace

import (
	"context"
	"testing"
)

// TestPKNameSurvivesRestart: a primary key's name (types.Schema.PKName) is part of the
// durable schema: a table created with one, and one renamed keeping its key's old name, read
// it back after a restart that replays the log and after one that loads a checkpoint.
func TestPKNameSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	named := testSchema("a")
	named.PKName = "myk"
	if err := ts.CreateTable(ctx, named); err != nil {
		t.Fatal(err)
	}
	if err := ts.CreateTable(ctx, testSchema("b")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "a", 0, 5, 10)
	renamed := testSchema("c") // b renamed to c keeps its key's name, b_pkey
	renamed.PKName = "b_pkey"
	if err := ts.AlterTable(ctx, "b", renamed, []int{0, 1}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		want := map[string]string{"a": "myk", "c": "b_pkey"}
		for table, key := range want {
			s, ok := ts.Schema(table)
			if !ok || s.PKConstraintName() != key {
				t.Fatalf("%s: table %s's key is %+v, want %s", when, table, s, key)
			}
		}
	}
	check("before the restart")
	for round, when := range []string{"after replaying the log", "after loading a checkpoint"} {
		if round == 1 {
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if err := ts.Close(); err != nil {
			t.Fatal(err)
		}
		ts = openTest(t, dir)
		check(when)
	}
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
}

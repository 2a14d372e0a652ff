package tablespace

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestRestartKeepsCommittedData(t *testing.T) {
	cases := []struct {
		name  string
		clean bool // Close (final checkpoint) rather than stop Raft as a crash would
	}{
		{"clean close replays nothing", true},
		{"crash replays the log", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx := context.Background()
			ts := openTest(t, dir)
			if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
				t.Fatal(err)
			}
			insertRows(t, ts, "t", 0, 500, 50)
			tx := beginAll(ts)
			if err := tx.Update(ctx, "t", testKey(7), testValue("seven")); err != nil {
				t.Fatal(err)
			}
			if err := tx.Delete(ctx, "t", testKey(8)); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			want, err := ts.Digest()
			if err != nil {
				t.Fatal(err)
			}
			if c.clean {
				if err := ts.Close(); err != nil {
					t.Fatal(err)
				}
			} else if err := ts.shutdownRaft(); err != nil {
				t.Fatal(err)
			}

			ts = openTest(t, dir)
			defer ts.Close()
			got, err := ts.Digest()
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatal("state after restart differs from state before")
			}
			v, ok, err := ts.Begin().Get("t", testKey(7))
			if err != nil || !ok || string(v) != string(testValue("seven")) {
				t.Fatalf("row 7 after restart: %q %v %v", v, ok, err)
			}
			if _, ok, _ := ts.Begin().Get("t", testKey(8)); ok {
				t.Fatal("deleted row 8 came back after restart")
			}
		})
	}
}

func TestDDLSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	for _, n := range []string{"a", "b", "c"} {
		if err := ts.CreateTable(ctx, testSchema(n)); err != nil {
			t.Fatal(err)
		}
	}
	insertRows(t, ts, "b", 0, 10, 10)
	if err := ts.DropTable(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if err := ts.CreateTable(ctx, testSchema("a")); !errors.Is(err, ErrTableExists) {
		t.Fatalf("re-create: %v, want ErrTableExists", err)
	}
	if err := ts.DropTable(ctx, "nope"); !errors.Is(err, ErrNoTable) {
		t.Fatalf("drop missing: %v, want ErrNoTable", err)
	}
	ts.shutdownRaft()

	ts = openTest(t, dir)
	defer ts.Close()
	var names []string
	for _, s := range ts.Tables() {
		names = append(names, s.Name)
	}
	if fmt.Sprint(names) != "[a c]" {
		t.Fatalf("tables after restart: %v, want [a c]", names)
	}
}

package tablespace

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/drovedb/drove/checkpoint"
)

func TestRestartKeepsCommittedData(t *testing.T) {
	cases := []struct {
		name string
		stop func(*Tablespace) error
	}{
		{"clean close replays nothing", (*Tablespace).Close},
		{"crash replays the log", (*Tablespace).shutdownRaft},
		{"abandoned replays the log", (*Tablespace).Abandon},
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
			if err := c.stop(ts); err != nil {
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

// TestTablespacesShareACache: a node's tablespaces share one page cache and each numbers its
// pages from one; each must read its own rows, before and after restarts, and a closed one
// leaves no pages behind in the cache.
func TestTablespacesShareACache(t *testing.T) {
	cases := []struct {
		name    string
		restart bool
	}{
		{"running", false},
		{"after a restart", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			cache := checkpoint.NewCache(64 << 20)
			shared := func(o *Options) { o.PageCache = cache }
			dirs := []string{t.TempDir(), t.TempDir()}
			var tss []*Tablespace
			for i, dir := range dirs {
				ts := openTest(t, dir, shared)
				if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
					t.Fatal(err)
				}
				tx := beginAll(ts)
				for id := range 3 + i { // different counts: different slots per page
					if err := tx.Insert(ctx, "t", testKey(int64(id)), testValue(fmt.Sprintf("ts%d-%d", i, id))); err != nil {
						t.Fatal(err)
					}
				}
				if err := tx.Commit(ctx); err != nil {
					t.Fatal(err)
				}
				if err := ts.Checkpoint(ctx); err != nil {
					t.Fatal(err)
				}
				tss = append(tss, ts)
			}
			read := func() {
				t.Helper()
				for i, ts := range tss {
					for id := range 3 + i {
						v, ok, err := ts.Begin().Get("t", testKey(int64(id)))
						if want := testValue(fmt.Sprintf("ts%d-%d", i, id)); err != nil || !ok || string(v) != string(want) {
							t.Fatalf("tablespace %d row %d: %q %v %v, want %q", i, id, v, ok, err, want)
						}
					}
				}
			}
			read()
			if c.restart {
				for i, ts := range tss {
					if err := ts.Close(); err != nil {
						t.Fatal(err)
					}
					tss[i] = openTest(t, dirs[i], shared)
				}
				read()
			}
			for _, ts := range tss {
				if err := ts.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, n := cache.Stats(); n != 0 {
				t.Fatalf("%d bytes of closed tablespaces' pages still cached", n)
			}
		})
	}
}

package tablespace

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/drovedb/drove/types"
)

// TestViews: create, replace, rename and drop, with their errors; a view survives a crash
// (replayed from the log) and a checkpoint (read from it), and is not listed as a table.
func TestViews(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	v := View{Name: "v", Query: "SELECT 1", Columns: []ViewColumn{{Name: "a", Type: types.Int32}}, Deps: []string{"t"}}
	if err := ts.CreateView(ctx, v, false); err != nil {
		t.Fatal(err)
	}
	if err := ts.CreateView(ctx, v, false); !errors.Is(err, ErrViewExists) {
		t.Fatalf("second create: %v, want ErrViewExists", err)
	}
	before := ts.ViewVersion("v")
	v.Query = "SELECT 2"
	if err := ts.CreateView(ctx, v, true); err != nil {
		t.Fatal(err)
	}
	if ts.ViewVersion("v") == before {
		t.Fatal("replacing a view did not change its version")
	}
	if err := ts.CreateView(ctx, View{Name: "w", Query: "SELECT 3"}, false); err != nil {
		t.Fatal(err)
	}
	if err := ts.RenameView(ctx, "w", "v"); !errors.Is(err, ErrViewExists) {
		t.Fatalf("rename onto a view: %v", err)
	}
	if err := ts.RenameView(ctx, "w", "x"); err != nil {
		t.Fatal(err)
	}
	if err := ts.DropView(ctx, "w"); !errors.Is(err, ErrNoView) {
		t.Fatalf("drop of a renamed view: %v", err)
	}
	for i, checkpoint := range []bool{false, true} {
		if checkpoint {
			if err := ts.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if err := ts.shutdownRaft(); err != nil {
			t.Fatal(err)
		}
		ts = openTest(t, dir)
		views, err := ts.Views()
		if err != nil {
			t.Fatal(err)
		}
		if len(views) != 2 || views[0].Name != "v" || views[0].Query != "SELECT 2" ||
			views[0].Columns[0] != (ViewColumn{Name: "a", Type: types.Int32}) || views[0].Deps[0] != "t" || views[1].Name != "x" {
			t.Fatalf("restart %d: views %+v", i, views)
		}
		for _, s := range ts.Tables() {
			if s.Name == viewTable {
				t.Fatal("Tables lists the view table")
			}
		}
	}
	defer ts.Close()
	if err := ts.DropView(ctx, "v"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ts.ViewByName("v"); ok || err != nil {
		t.Fatalf("dropped view still there: %v %v", ok, err)
	}
	if ts.ViewVersion("v") != "" {
		t.Fatal("a dropped view has a version")
	}
}

// TestViewsInTxn: view writes of a transaction are seen by it alone (the ...In reads), undone
// by a rollback to a savepoint and by a rollback, and committed with it.
func TestViewsInTxn(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateView(ctx, View{Name: "a", Query: "SELECT 1"}, false); err != nil {
		t.Fatal(err)
	}
	names := func(tx *Txn) (out []string) {
		views, err := ts.ViewsIn(tx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range views {
			out = append(out, v.Name)
		}
		return out
	}
	tx := ts.Begin()
	if err := ts.CreateViewIn(ctx, tx, View{Name: "b", Query: "SELECT 2"}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Savepoint(); err != nil {
		t.Fatal(err)
	}
	if err := ts.DropViewIn(ctx, tx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := ts.RenameViewIn(ctx, tx, "b", "c"); err != nil {
		t.Fatal(err)
	}
	if got := names(tx); !slices.Equal(got, []string{"c"}) {
		t.Fatalf("in the transaction: %v", got)
	}
	if got := names(nil); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("outside it: %v", got)
	}
	if ts.ViewVersionIn(tx, "a") != "" || ts.ViewVersion("a") == "" || ts.ViewVersion("c") != "" {
		t.Fatal("versions do not follow the transaction")
	}
	if err := tx.RollbackTo(1); err != nil {
		t.Fatal(err)
	}
	if got := names(tx); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("after ROLLBACK TO: %v", got)
	}
	if _, ok, _ := ts.ViewByNameIn(tx, "b"); !ok {
		t.Fatal("b is gone after ROLLBACK TO")
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if got := names(nil); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("after commit: %v", got)
	}
	tx = ts.Begin()
	if err := ts.DropViewIn(ctx, tx, "b"); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if got := names(nil); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("after rollback: %v", got)
	}
}

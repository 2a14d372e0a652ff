package tablespace

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

// TestAlterTableSurvivesRestart: a table rewritten to a new schema (new key, a new column,
// renamed) reads the same after replaying the log and after a checkpoint.
func TestAlterTableSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 500, 100)

	// Key by v (unique: "row%-100d"), keep id, add a NULL column, rename the table.
	next := &types.Schema{Name: "u", Columns: []types.Column{
		{Name: "v", Type: types.Text, NotNull: true},
		{Name: "id", Type: types.Int64},
		{Name: "extra", Type: types.Int32},
	}, PK: []int{0}}
	if err := ts.AlterTable(ctx, "t", next, []int{1, 0, -1}); err != nil {
		t.Fatal(err)
	}
	// A key that is not unique fails the change and leaves the table as it was.
	dupKey := &types.Schema{Name: "u", Columns: []types.Column{{Name: "extra", Type: types.Int32, NotNull: true}}, PK: []int{0}}
	var ae *AlterError
	if err := ts.AlterTable(ctx, "u", dupKey, []int{2}); !errors.As(err, &ae) || !errors.Is(err, ErrNotNullKey) {
		t.Fatalf("keying by a NULL column: %v, want ErrNotNullKey", err)
	}

	check := func(ts *Tablespace, when string) {
		t.Helper()
		if _, ok := ts.Schema("t"); ok {
			t.Fatalf("%s: the old name is still there", when)
		}
		s, ok := ts.Schema("u")
		if !ok || len(s.Columns) != 3 {
			t.Fatalf("%s: schema %+v", when, s)
		}
		tx := beginAll(ts)
		defer tx.Rollback()
		row := make([]types.Value, 3)
		n := 0
		err := tx.Scan("u", func(key, value []byte) error {
			if err := types.DecodeRow(s, key, value, row); err != nil {
				return err
			}
			if want := fmt.Sprintf("row%-100d", row[1].I); row[0].S != want || !row[2].IsNull() {
				return fmt.Errorf("row %v does not match", row)
			}
			n++
			return nil
		})
		if err != nil || n != 500 {
			t.Fatalf("%s: %d rows, %v", when, n, err)
		}
	}
	check(ts, "before restart")
	ts.Close()
	ts = openTest(t, dir)
	check(ts, "after replaying the log")
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	ts = openTest(t, dir)
	defer ts.Close()
	check(ts, "after a checkpoint")
}

// TestAlterFillReplicatesAndReplays: the values an ALTER TABLE's entry carries for its rows
// (per row, as a volatile DEFAULT's; or one set for all) are what every follower applies, and
// what a restart's replay and a checkpoint give back; an entry missing a row's values changes
// nothing anywhere.
func TestAlterFillReplicatesAndReplays(t *testing.T) {
	ctx := context.Background()
	g := newGroup(t, 3, nil)
	lid := g.leader()
	l := g.nodes[lid]
	if err := l.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, l, 0, 30)
	next := &types.Schema{Name: "t", Columns: []types.Column{
		{Name: "id", Type: types.Int64, NotNull: true},
		{Name: "v", Type: types.Text},
		{Name: "c", Type: types.Int32},
		{Name: "r", Type: types.Float64},
	}, PK: []int{0}}
	want := map[int64]float64{}
	err := l.AlterTableFill(ctx, "t", next, []int{0, 1, -1, -1}, func() (*AlterFill, error) {
		f := l.NewAlterFill(next)
		tx := l.Begin()
		defer tx.Rollback()
		row := make([]types.Value, 4)
		return f, tx.Scan("t", func(key, value []byte) error {
			if err := types.DecodeRow(testSchema("t"), key, value, row[:2]); err != nil {
				return err
			}
			row[2], row[3] = types.NewInt(types.Int32, 7), types.NewFloat(types.Float64, rand.Float64())
			want[row[0].I] = row[3].F
			return f.Row(key, row)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// A fill that misses a row fails the change on every replica alike.
	short := &types.Schema{Name: "t", Columns: append(slices.Clone(next.Columns), types.Column{Name: "x", Type: types.Int32}), PK: []int{0}}
	err = l.AlterTableFill(ctx, "t", short, []int{0, 1, 2, 3, -1}, func() (*AlterFill, error) {
		f := l.NewAlterFill(short)
		return f, f.Row(testKey(0), make([]types.Value, 5))
	})
	if err == nil || !strings.Contains(err.Error(), "no values for a row") {
		t.Fatalf("a fill without every row's values: %v", err)
	}
	g.caughtUp(lid)
	check := func(ts *Tablespace, who string) {
		t.Helper()
		s, _ := ts.Schema("t")
		if len(s.Columns) != 4 {
			t.Fatalf("%s: schema %+v", who, s.Columns)
		}
		row := make([]types.Value, 4)
		n := 0
		tx := ts.Begin()
		defer tx.Rollback()
		err := tx.Scan("t", func(key, value []byte) error {
			if err := types.DecodeRow(s, key, value, row); err != nil {
				return err
			}
			if n++; row[2].I != 7 || row[3].F != want[row[0].I] {
				return fmt.Errorf("row %v, want c 7 and r %v", row, want[row[0].I])
			}
			return nil
		})
		if err != nil || n != 30 {
			t.Fatalf("%s: %d rows, %v", who, n, err)
		}
	}
	for id, ts := range g.nodes {
		check(ts, id)
	}

	// One node, restarted: the replay and the checkpoint give the same values.
	dir := t.TempDir()
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, ts, 0, 30)
	err = ts.AlterTableFill(ctx, "t", next, []int{0, 1, -1, -1}, func() (*AlterFill, error) {
		f := ts.NewAlterFill(next)
		for id, r := range want {
			if err := f.Row(testKey(id), []types.Value{{}, {}, types.NewInt(types.Int32, 7), types.NewFloat(types.Float64, r)}); err != nil {
				return nil, err
			}
		}
		return f, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	check(ts, "before the restart")
	ts.Close()
	ts = openTest(t, dir)
	check(ts, "after replaying the log")
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	ts.Close()
	ts = openTest(t, dir)
	defer ts.Close()
	check(ts, "after a checkpoint")
}

// TestAlterFillForAllRows: one set of values for every row (a constant DEFAULT) costs one
// fill row in the entry, whatever the table's size.
func TestAlterFillForAllRows(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 200, 10)
	next := &types.Schema{Name: "t", Columns: append(slices.Clone(testSchema("t").Columns), types.Column{Name: "c", Type: types.Text}), PK: []int{0}}
	err := ts.AlterTableFill(ctx, "t", next, []int{0, 1, -1}, func() (*AlterFill, error) {
		f := ts.NewAlterFill(next)
		f.All([]types.Value{{}, {}, types.NewText("dflt")})
		if len(f.rows) != 1 {
			t.Fatalf("%d fill rows", len(f.rows))
		}
		return f, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tx := ts.Begin()
	defer tx.Rollback()
	row := make([]types.Value, 3)
	n := 0
	err = tx.Scan("t", func(key, value []byte) error {
		if err := types.DecodeRow(next, key, value, row); err != nil {
			return err
		}
		if n++; row[2].S != "dflt" {
			return fmt.Errorf("row %v", row)
		}
		return nil
	})
	if err != nil || n != 200 {
		t.Fatalf("%d rows, %v", n, err)
	}
}

package tablespace

import (
	"context"
	"errors"
	"fmt"
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

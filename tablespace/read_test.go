package tablespace

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/drovedb/drove/types"
)

// TestPointRead: a point read outside a transaction finds committed rows with the schema it
// is given, sees a schema change made before it began, waits at the gate while a schema
// change holds it, keeps a schema change out until it ends, and allocates nothing.
func TestPointRead(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 3, 3)
	s, _ := ts.Schema("t")
	r, err := ts.BeginRead(ctx, "t")
	if err != nil {
		t.Fatal(err)
	}
	if r.Schema() != s {
		t.Fatal("the read's schema is not the table's")
	}
	if v, found, err := r.Get(testKey(1)); !found || err != nil || len(v) == 0 {
		t.Fatalf("read of a row: %v %v %q", found, err, v)
	}
	if _, found, err := r.Get(testKey(99)); found || err != nil {
		t.Fatalf("read of a missing row: %v %v", found, err)
	}
	// While the read is in, a schema change waits for it.
	next := &types.Schema{Name: "t", Columns: append(append([]types.Column(nil), s.Columns...),
		types.Column{Name: "extra", Type: types.Int32}), PK: s.PK}
	if len(s.Columns) != 2 {
		t.Fatalf("test schema has %d columns", len(s.Columns))
	}
	altered := make(chan error, 1)
	go func() { altered <- ts.AlterTable(ctx, "t", next, []int{0, 1, -1}) }()
	select {
	case err := <-altered:
		t.Fatalf("ALTER TABLE did not wait for a point read: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	if cur, _ := ts.Schema("t"); cur != s {
		t.Fatal("the schema changed under a point read")
	}
	r.End()
	if err := <-altered; err != nil {
		t.Fatal(err)
	}
	if _, err := ts.BeginRead(ctx, "nope"); !errors.Is(err, ErrNoTable) {
		t.Fatalf("read of a missing table: %v", err)
	}
	// A read begun after the change reads with the new schema.
	cur, _ := ts.Schema("t")
	if cur == s {
		t.Fatal("ALTER TABLE did not change the schema")
	}
	if r, err = ts.BeginRead(ctx, "t"); err != nil || r.Schema() != cur {
		t.Fatalf("read after the change: %v", err)
	}
	if _, found, err := r.Get(testKey(1)); !found || err != nil {
		t.Fatalf("read with the new schema: %v %v", found, err)
	}
	r.End()
	key := testKey(2)
	if allocs := testing.AllocsPerRun(100, func() {
		r, _ := ts.BeginRead(ctx, "t")
		r.Get(key)
		r.End()
	}); allocs != 0 {
		t.Fatalf("a point read allocates %v times", allocs)
	}
	// While a transaction's TRUNCATE holds the gate, a read waits; its context ends the wait.
	tx := ts.Begin()
	defer tx.Rollback()
	if _, err := tx.Enter(ctx, "t", cur); err != nil {
		t.Fatal(err)
	}
	if err := tx.Truncate(ctx, "t"); err != nil {
		t.Skipf("no TRUNCATE to hold the gate: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := ts.BeginRead(short, "t"); err == nil {
		t.Fatal("read through a held gate")
	}
}

// TestTableReaderSeesEveryTableChange: a TableReader's reads use the table its gate cached
// (fsm.tableAt) only while no change of the tablespace's tables happened since; after each
// kind of change a read finds the table as it is now. Each step reads once before the change,
// so the cache is filled with the table the change replaces.
func TestTableReaderSeesEveryTableChange(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	mustNil(t, ts.CreateTable(ctx, testSchema("t")))
	insertRows(t, ts, "t", 0, 3, 3)
	r := ts.TableReader("t")
	read := func() (*types.Schema, bool, error) {
		pr, err := r.Begin(ctx)
		if err != nil {
			return nil, false, err
		}
		defer pr.End()
		_, found, err := pr.Get(testKey(1))
		return pr.Schema(), found, err
	}
	steps := []struct {
		name   string
		change func()
		table  bool // the table exists after the change
		found  bool // and has row 1
	}{
		{"alter", func() {
			s, _ := ts.Schema("t")
			next := &types.Schema{Name: "t", Columns: append(append([]types.Column(nil), s.Columns...),
				types.Column{Name: "extra", Type: types.Int32}), PK: s.PK}
			mustNil(t, ts.AlterTable(ctx, "t", next, []int{0, 1, -1}))
		}, true, true},
		{"truncate", func() {
			tx := beginAll(ts)
			mustNil(t, tx.Truncate(ctx, "t"))
			mustNil(t, tx.Commit(ctx))
		}, true, false},
		{"drop", func() { mustNil(t, ts.DropTable(ctx, "t")) }, false, false},
		{"create", func() {
			mustNil(t, ts.CreateTable(ctx, testSchema("t")))
			insertRows(t, ts, "t", 0, 3, 3)
		}, true, true},
	}
	for _, st := range steps {
		read() // fills the cache with the table before the change
		st.change()
		s, found, err := read()
		cur, exists := ts.Schema("t")
		switch {
		case exists != st.table:
			t.Fatalf("%s: the table exists: %v", st.name, exists)
		case !st.table && !errors.Is(err, ErrNoTable):
			t.Fatalf("%s: read of the dropped table: %v", st.name, err)
		case st.table && (err != nil || s != cur || found != st.found):
			t.Fatalf("%s: read after the change: schema current %v, row found %v, err %v", st.name, s == cur, found, err)
		}
	}
}

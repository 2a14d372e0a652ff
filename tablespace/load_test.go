package tablespace

import (
	"context"
	"errors"
	"testing"
)

// TestLoad covers Txn.Load, the unlocked insert of bulk loads: the apply path decides whether
// a key is new, and refuses the whole transaction when one is not.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	ts := openTest(t, t.TempDir())
	defer ts.Close()
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertRows(t, ts, "t", 0, 10, 10) // keys 0..9

	count := func() int {
		n := 0
		if err := ts.Begin().Scan("t", func(_, _ []byte) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		name      string
		keys      []int64
		wantErr   error
		wantIndex int // for a *DuplicateKeyError
		wantRows  int // rows in t afterwards
	}{
		{"new keys", []int64{10, 11, 12}, nil, 0, 13},
		{"key committed before", []int64{20, 21, 5, 22}, ErrDuplicateKey, 2, 13},
		{"key repeated in the transaction", []int64{30, 30}, ErrDuplicateKey, -1, 13},
		{"empty", nil, nil, 0, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx := beginAll(ts)
			var err error
			for _, k := range tt.keys {
				if err = tx.Load("t", testKey(k), testValue("loaded")); err != nil {
					break
				}
			}
			if err == nil {
				err = tx.Commit(ctx)
			} else {
				tx.Rollback()
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
			var dup *DuplicateKeyError
			if tt.wantIndex >= 0 && errors.As(err, &dup) && dup.Index != tt.wantIndex {
				t.Fatalf("duplicate at row %d, want %d", dup.Index, tt.wantIndex)
			}
			if tt.wantIndex < 0 && errors.As(err, &dup) {
				t.Fatalf("in-transaction duplicate reported at apply time: %v", err)
			}
			if n := count(); n != tt.wantRows {
				t.Fatalf("%d rows after, want %d", n, tt.wantRows)
			}
		})
	}

	// A locked insert that commits first makes a concurrent Load of the same key fail whole.
	loader := beginAll(ts)
	if err := loader.Load("t", testKey(40), testValue("bulk")); err != nil {
		t.Fatal(err)
	}
	if err := loader.Load("t", testKey(41), testValue("bulk")); err != nil {
		t.Fatal(err)
	}
	other := beginAll(ts)
	if err := other.Insert(ctx, "t", testKey(41), testValue("first")); err != nil {
		t.Fatal(err)
	}
	if err := other.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := loader.Commit(ctx); !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("racing Load committed: %v", err)
	}
	if v, _, _ := ts.Begin().Get("t", testKey(41)); string(v) != string(testValue("first")) {
		t.Fatalf("the first insert was overwritten: %q", v)
	}
	if _, ok, _ := ts.Begin().Get("t", testKey(40)); ok {
		t.Fatal("half of the refused transaction was applied")
	}
}

package drove_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove"
)

func openKV(t *testing.T) (*drove.DB, *drove.KV) {
	t.Helper()
	db, err := drove.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, _, err := db.Exec(context.Background(), `
		CREATE TABLE users (id bigint PRIMARY KEY, name varchar(8) NOT NULL, score double precision, ok boolean, at timestamp, raw bytea, small smallint);
		CREATE TABLE edges (src integer, dst integer, w real, PRIMARY KEY (src, dst))`); err != nil {
		t.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	return db, kv
}

func TestKeyValueAPI(t *testing.T) {
	db, kv := openKV(t)
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)

	steps := []struct {
		name    string
		run     func() (any, error)
		want    any
		wantErr string
	}{
		{"put", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{1, "ada", 9.5, true, at, []byte{0, 1}, int16(7)})
		}, nil, ""},
		{"get", func() (any, error) {
			row, ok, err := kv.Get(ctx, "users", 1)
			return []any{row, ok}, err
		}, []any{drove.Row{int64(1), "ada", 9.5, true, at, []byte{0, 1}, int64(7)}, true}, ""},
		{"put replaces", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{1, "grace", nil, nil, nil, nil, nil})
		}, nil, ""},
		{"get replaced", func() (any, error) {
			row, _, err := kv.Get(ctx, "users", int64(1))
			return row, err
		}, drove.Row{int64(1), "grace", nil, nil, nil, nil, nil}, ""},
		{"get missing", func() (any, error) {
			row, ok, err := kv.Get(ctx, "users", 2)
			return []any{row, ok}, err
		}, []any{drove.Row(nil), false}, ""},
		{"composite key", func() (any, error) {
			if err := kv.Put(ctx, "edges", drove.Row{1, 2, 0.5}); err != nil {
				return nil, err
			}
			row, _, err := kv.Get(ctx, "edges", 1, 2)
			return row, err
		}, drove.Row{int64(1), int64(2), 0.5}, ""},
		{"delete", func() (any, error) { return kv.Delete(ctx, "edges", 1, 2) }, true, ""},
		{"delete missing", func() (any, error) { return kv.Delete(ctx, "edges", 1, 2) }, false, ""},
		{"not null", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{3, nil, nil, nil, nil, nil, nil})
		}, nil, "SQLSTATE 23502"},
		{"varchar length", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{3, "far too long", nil, nil, nil, nil, nil})
		}, nil, "value too long"},
		{"smallint range", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{3, "x", nil, nil, nil, nil, 70000})
		}, nil, "out of range"},
		{"wrong type", func() (any, error) {
			return nil, kv.Put(ctx, "users", drove.Row{"three", "x", nil, nil, nil, nil, nil})
		}, nil, "is of type bigint"},
		{"wrong arity", func() (any, error) { return nil, kv.Put(ctx, "users", drove.Row{3}) }, nil, "has 7 columns"},
		{"key arity", func() (any, error) { _, _, err := kv.Get(ctx, "edges", 1); return nil, err }, nil, "2-column primary key"},
		{"unknown table", func() (any, error) { _, _, err := kv.Get(ctx, "nope", 1); return nil, err }, nil, "no such table"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			got, err := s.run()
			if s.wantErr != "" {
				if err == nil || !strings.Contains(errText(err), s.wantErr) {
					t.Fatalf("error %v, want %q", err, s.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, s.want) {
				t.Fatalf("got %#v, want %#v", got, s.want)
			}
		})
	}

	// SQL sees what the API wrote.
	rows, _, err := db.Exec(ctx, "SELECT name FROM users WHERE id = 1")
	if err != nil || len(rows) != 1 || *rows[0][0] != "grace" {
		t.Fatalf("SQL read %v, %v", rows, err)
	}
}

func errText(err error) string {
	var coded interface{ SQLState() string }
	if errors.As(err, &coded) {
		return err.Error() + " (SQLSTATE " + coded.SQLState() + ")"
	}
	return err.Error()
}

func TestKeyValueTransactions(t *testing.T) {
	_, kv := openKV(t)
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		if err := kv.Put(ctx, "edges", drove.Row{i, 0, float64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	// A failed Update leaves nothing behind; inside it, reads see its writes.
	boom := errors.New("boom")
	err := kv.Update(ctx, func(tx *drove.Tx) error {
		if err := tx.Put("edges", drove.Row{4, 0, 4.0}); err != nil {
			return err
		}
		if _, err := tx.Delete("edges", 1, 0); err != nil {
			return err
		}
		if _, ok, _ := tx.Get("edges", 4, 0); !ok {
			t.Error("transaction does not see its own insert")
		}
		if _, ok, _ := tx.Get("edges", 1, 0); ok {
			t.Error("transaction sees a row it deleted")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v", err)
	}
	// A committed one applies every write together.
	if err := kv.Update(ctx, func(tx *drove.Tx) error {
		if err := tx.Put("edges", drove.Row{2, 0, 20.0}); err != nil {
			return err
		}
		_, err := tx.Delete("edges", 3, 0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := kv.View(ctx, func(tx *drove.Tx) error {
		return tx.Scan("edges", func(r drove.Row) error {
			got = append(got, fmt.Sprintf("%v=%v", r[0], r[2]))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	if want := []string{"1=1", "2=20"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
}

// TestKeyValueSavepoint: a failed Savepoint undoes only what its function wrote; a nested
// one that succeeds keeps its writes; the transaction goes on and commits the rest.
func TestKeyValueSavepoint(t *testing.T) {
	_, kv := openKV(t)
	ctx := context.Background()
	boom := errors.New("boom")
	put := func(tx *drove.Tx, src int, w float64) error { return tx.Put("edges", drove.Row{src, 0, w}) }
	if err := kv.Put(ctx, "edges", drove.Row{1, 0, 1.0}); err != nil {
		t.Fatal(err)
	}
	err := kv.Update(ctx, func(tx *drove.Tx) error {
		if err := put(tx, 2, 2); err != nil {
			return err
		}
		err := tx.Savepoint(func(tx *drove.Tx) error {
			if err := put(tx, 1, 10); err != nil {
				return err
			}
			if err := tx.Savepoint(func(tx *drove.Tx) error { return put(tx, 3, 3) }); err != nil {
				return err
			}
			if _, err := tx.Delete("edges", 2, 0); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			return fmt.Errorf("Savepoint returned %v", err)
		}
		if r, ok, _ := tx.Get("edges", 2, 0); !ok || fmt.Sprint(r[2]) != "2" {
			return fmt.Errorf("row 2 after the savepoint's rollback: %v %v", r, ok)
		}
		return tx.Savepoint(func(tx *drove.Tx) error { return put(tx, 4, 4) })
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := kv.View(ctx, func(tx *drove.Tx) error {
		return tx.Scan("edges", func(r drove.Row) error {
			got = append(got, fmt.Sprintf("%v=%v", r[0], r[2]))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	if want := []string{"1=1", "2=2", "4=4"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
}

package drove_test

import (
	"context"
	"errors"
	"testing"

	"github.com/drovedb/drove"
	drovesql "github.com/drovedb/drove/sql"
)

// The KV API writes through the same constraint checks as SQL: CHECK, UNIQUE and FOREIGN
// KEY, with their actions.
func TestKVEnforcesConstraints(t *testing.T) {
	db, err := drove.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.Exec(ctx, `
		CREATE TABLE p (id bigint PRIMARY KEY, code text UNIQUE);
		CREATE TABLE c (id bigint PRIMARY KEY, p bigint REFERENCES p ON DELETE CASCADE, v bigint CHECK (v > 0));
		CREATE TABLE n (id bigint PRIMARY KEY, p bigint REFERENCES p)`); err != nil {
		t.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		run  func() error
		code string // SQLSTATE, "" for success
	}{
		{"parent", func() error { return kv.Put(ctx, "p", drove.Row{1, "a"}) }, ""},
		{"unique", func() error { return kv.Put(ctx, "p", drove.Row{2, "a"}) }, "23505"},
		{"replace keeps its own key", func() error { return kv.Put(ctx, "p", drove.Row{1, "a"}) }, ""},
		{"child", func() error { return kv.Put(ctx, "c", drove.Row{1, 1, 5}) }, ""},
		{"check", func() error { return kv.Put(ctx, "c", drove.Row{2, 1, -5}) }, "23514"},
		{"check on replace", func() error { return kv.Put(ctx, "c", drove.Row{1, 1, 0}) }, "23514"},
		{"foreign key", func() error { return kv.Put(ctx, "c", drove.Row{3, 9, 1}) }, "23503"},
		{"null key passes", func() error { return kv.Put(ctx, "c", drove.Row{4, nil, 1}) }, ""},
		{"parent and child in one transaction", func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error {
				if err := tx.Put("p", drove.Row{5, "e"}); err != nil {
					return err
				}
				return tx.Put("c", drove.Row{5, 5, 1})
			})
		}, ""},
		// NO ACTION is checked at the end of the statement; the KV API marks none, so its
		// transaction's commit checks it.
		{"no action", func() error {
			if err := kv.Put(ctx, "n", drove.Row{1, 5}); err != nil {
				return err
			}
			_, err := kv.Delete(ctx, "p", 5)
			return err
		}, "23503"},
		{"no action in a transaction", func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error {
				if _, err := tx.Delete("p", 5); err != nil {
					return err
				}
				return tx.Put("p", drove.Row{6, "f"})
			})
		}, "23503"},
		{"no action satisfied", func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error {
				if _, err := tx.Delete("p", 5); err != nil {
					return err
				}
				_, err := tx.Delete("n", 1)
				return err
			})
		}, ""},
		{"cascade", func() error {
			if _, err := kv.Delete(ctx, "p", 1); err != nil {
				return err
			}
			if _, ok, err := kv.Get(ctx, "c", 1); err != nil || ok {
				return errors.New("the child survived its parent's delete")
			}
			return nil
		}, ""},
	}
	for _, st := range steps {
		err := st.run()
		var e *drovesql.Error
		code := ""
		if errors.As(err, &e) {
			code = e.Code
		} else if err != nil {
			code = err.Error()
		}
		if code != st.code {
			t.Errorf("%s: got %v, want %q", st.name, err, st.code)
		}
	}
}

// Deferrable constraints are checked when a KV transaction commits: a child may come before
// its parent, and unique values may be swapped, as long as all is well at the commit; what is
// not fails the commit, which writes nothing.
func TestKVDeferredConstraints(t *testing.T) {
	db, err := drove.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.Exec(ctx, `
		CREATE TABLE p (id bigint PRIMARY KEY, u bigint UNIQUE DEFERRABLE INITIALLY DEFERRED, v bigint UNIQUE);
		CREATE TABLE c (id bigint PRIMARY KEY, p bigint REFERENCES p DEFERRABLE INITIALLY DEFERRED);
		INSERT INTO p VALUES (1, 1, 1), (2, 2, 2)`); err != nil {
		t.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	swap := func(col int) error {
		return kv.Update(ctx, func(tx *drove.Tx) error {
			r1, r2 := drove.Row{1, 1, 1}, drove.Row{2, 2, 2}
			r1[col], r2[col] = 2, 1
			if err := tx.Put("p", r1); err != nil {
				return err
			}
			return tx.Put("p", r2)
		})
	}
	steps := []struct {
		name, code, message string
		run                 func() error
	}{
		{"child before parent", "", "", func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error {
				if err := tx.Put("c", drove.Row{1, 3}); err != nil {
					return err
				}
				return tx.Put("p", drove.Row{3, 3, 3})
			})
		}},
		{"child without parent", "23503", `insert or update on table "c" violates foreign key constraint "c_p_fkey"`, func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error { return tx.Put("c", drove.Row{2, 9}) })
		}},
		{"deferred unique swapped", "", "", func() error { return swap(1) }},
		{"immediate unique swapped", "23505", `duplicate key value violates unique constraint "p_v_key"`, func() error { return swap(2) }},
		{"deferred unique duplicated", "23505", `duplicate key value violates unique constraint "p_u_key"`, func() error {
			return kv.Update(ctx, func(tx *drove.Tx) error { return tx.Put("p", drove.Row{4, 1, 4}) })
		}},
		{"parent deleted under its child", "23503", `update or delete on table "p" violates foreign key constraint "c_p_fkey" on table "c"`, func() error {
			_, err := kv.Delete(ctx, "p", 3)
			return err
		}},
	}
	for _, st := range steps {
		err := st.run()
		var e *drovesql.Error
		code, message := "", ""
		if errors.As(err, &e) {
			code, message = e.Code, e.Message
		} else if err != nil {
			code = err.Error()
		}
		if code != st.code || message != st.message {
			t.Errorf("%s: got %v, want %s %s", st.name, err, st.code, st.message)
		}
	}
	for _, r := range []struct {
		table string
		key   int
	}{{"c", 2}, {"p", 4}} {
		if _, ok, err := kv.Get(ctx, r.table, r.key); err != nil || ok {
			t.Errorf("%s %d: a failed commit stored its row (%v)", r.table, r.key, err)
		}
	}
	if r, ok, err := kv.Get(ctx, "p", 1); err != nil || !ok || r[1] != int64(2) {
		t.Errorf("p 1 after the swap: %v %v %v", r, ok, err)
	}
}

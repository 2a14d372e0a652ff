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

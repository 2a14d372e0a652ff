package drove_test

import (
	"context"
	"strings"
	"testing"

	"github.com/drovedb/drove"
)

// TestKVWriteRacingDropColumn: a row the KV API encoded for the table's schema cannot commit
// after ALTER TABLE ... DROP COLUMN changed it. The ALTER runs after the Put encoded its row
// and before the transaction commits, the order that stored (1, -3, 42) as (1, -3) under the
// new schema and read b back as -3. Now the transaction holds the table: the ALTER waits and
// times out, the row commits whole, and the ALTER after the commit keeps b = 42.
func TestKVWriteRacingDropColumn(t *testing.T) {
	for _, c := range []struct {
		name     string
		existing bool // the Put replaces a committed row rather than inserting one
	}{{"insert", false}, {"replace", true}} {
		t.Run(c.name, func(t *testing.T) {
			db, err := drove.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			if _, _, err := db.Exec(ctx, "CREATE TABLE t (id bigint PRIMARY KEY, a bigint, b bigint)"); err != nil {
				t.Fatal(err)
			}
			kv, err := db.KV("")
			if err != nil {
				t.Fatal(err)
			}
			if c.existing {
				if err := kv.Put(ctx, "t", drove.Row{1, 0, 0}); err != nil {
					t.Fatal(err)
				}
			}
			altered := false
			err = kv.Update(ctx, func(tx *drove.Tx) error {
				if err := tx.Put("t", drove.Row{1, -3, 42}); err != nil {
					return err
				}
				_, _, err := db.Exec(ctx, "SET lock_timeout = '50ms'; ALTER TABLE t DROP COLUMN a")
				altered = err == nil
				if err == nil || !strings.Contains(err.Error(), "lock") {
					t.Errorf("ALTER TABLE while a KV transaction wrote the table: %v, want a lock timeout", err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !altered {
				if _, _, err := db.Exec(ctx, "ALTER TABLE t DROP COLUMN a"); err != nil {
					t.Fatal(err)
				}
			}
			rows, _, err := db.Exec(ctx, "SELECT b FROM t WHERE id = 1")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0][0] == nil || *rows[0][0] != "42" {
				got := "no row or NULL"
				if len(rows) == 1 && rows[0][0] != nil {
					got = *rows[0][0]
				}
				t.Fatalf("b after the race: %s, want 42", got)
			}
			row, ok, err := kv.Get(ctx, "t", 1)
			if err != nil || !ok || len(row) != 2 || row[1] != int64(42) {
				t.Fatalf("KV Get after the race: %v %v %v, want [1 42]", row, ok, err)
			}
		})
	}
}

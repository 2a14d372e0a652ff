package drove_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/drovedb/drove"
)

// TestViewsInBackups: a tablespace's views are in its backup (they are rows of a hidden
// table, tablespace/view.go): restored under another name, the copy has the views as they
// were when the backup was taken, reading the copy's tables.
func TestViewsInBackups(t *testing.T) {
	ctx := context.Background()
	db, err := drove.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	must := func(ts, q string) [][]*string { t.Helper(); return mustIn(t, db, ts, q) }
	must("drove", "CREATE TABLESPACE 'src'")
	must("src", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'b1'), (2, 'b2')")
	must("src", "CREATE VIEW bv AS SELECT v FROM b WHERE id > 1; CREATE VIEW bvv AS SELECT upper(v) AS u FROM bv")
	var backup bytes.Buffer
	if err := db.Server().BackupTablespace(ctx, "src", &backup); err != nil {
		t.Fatal(err)
	}
	// Changed after the backup: the restored copy must not see it.
	must("src", "DROP VIEW bvv; CREATE OR REPLACE VIEW bv AS SELECT v FROM b WHERE id = 1")
	if err := db.Server().RestoreTablespace(ctx, "copy", &backup); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ts, q, want string }{
		{"copy", "SELECT u FROM bvv", "B2\n"},
		{"copy", "SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1", "bv\nbvv\n"},
		{"src", "SELECT v FROM bv", "b1\n"},
		{"src", "SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1", "bv\n"},
	} {
		if got := rowsText(must(c.ts, c.q)); got != c.want {
			t.Errorf("%s: %s: %q, want %q", c.ts, c.q, got, c.want)
		}
	}
}

// TestMaterializedViewsDurable: a materialized view's rows are a table's and its definition a
// view row, so both survive a restart and travel in a backup: the restored copy has the rows
// as they were refreshed, and refreshes from the copy's tables.
func TestMaterializedViewsDurable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := drove.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	must := func(ts, q string) [][]*string { t.Helper(); return mustIn(t, db, ts, q) }
	must("drove", "CREATE TABLESPACE 'src'")
	must("src", "CREATE TABLE b (id int PRIMARY KEY, v int); INSERT INTO b VALUES (1, 10), (2, 20)")
	must("src", "CREATE MATERIALIZED VIEW total AS SELECT sum(v) AS s FROM b")
	must("src", "INSERT INTO b VALUES (3, 30)") // not in total until a refresh
	var backup bytes.Buffer
	if err := db.Server().BackupTablespace(ctx, "src", &backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Server().RestoreTablespace(ctx, "copy", &backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = drove.Open(dir); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct{ ts, q, want string }{
		{"src", "SELECT s FROM total", "30\n"},
		{"copy", "SELECT s FROM total", "30\n"},
		{"copy", "SELECT relkind FROM pg_class WHERE relname = 'total'", "m\n"},
		{"copy", "REFRESH MATERIALIZED VIEW total; SELECT s FROM total", "60\n"},
		{"src", "SELECT s FROM total", "30\n"},
	} {
		if got := rowsText(must(c.ts, c.q)); got != c.want {
			t.Errorf("%s: %s: %q, want %q", c.ts, c.q, got, c.want)
		}
	}
}

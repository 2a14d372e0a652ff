package drove_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/drovedb/drove"
)

// rowsText renders rows as "a|b" lines, NULL as \N.
func rowsText(rows [][]*string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, v := range r {
			if i > 0 {
				b.WriteByte('|')
			}
			if v == nil {
				b.WriteString(`\N`)
			} else {
				b.WriteString(*v)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestTablespacesKeepTheirOwnPages is issue 13's repro: two tablespaces number their pages
// from one and share the node's page cache; after checkpoints and a restart each must read
// its own rows (it read the other's, or failed with "slot 2 of page 1").
func TestTablespacesKeepTheirOwnPages(t *testing.T) {
	cases := []struct {
		name  string
		order []string // which tablespace's table is read first after the restart
	}{
		{"default first", []string{"drove", "t2"}},
		{"t2 first", []string{"t2", "drove"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := drove.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			must := func(ts, q string) [][]*string { t.Helper(); return mustIn(t, db, ts, q) }
			must("drove", "CREATE TABLESPACE 't2'")
			// Different row counts, so a page of one read as the other's also misses slots.
			must("drove", "CREATE TABLE a (id int PRIMARY KEY, v text); INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')")
			must("t2", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'b1')")
			must("drove", "CHECKPOINT")
			must("t2", "CHECKPOINT")
			// Read before the restart too: both tablespaces' pages get cached.
			for _, ts := range []string{"drove", "t2"} {
				table := map[string]string{"drove": "a", "t2": "b"}[ts]
				must(ts, "SELECT * FROM "+table+" WHERE id = 1")
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if db, err = drove.Open(dir); err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			want := map[string]string{"drove": "1|a1\n2|a2\n3|a3\n", "t2": "1|b1\n"}
			for _, ts := range c.order {
				table := map[string]string{"drove": "a", "t2": "b"}[ts]
				if got := rowsText(must(ts, "SELECT * FROM "+table+" WHERE id = 1")); got != strings.SplitAfter(want[ts], "\n")[0] {
					t.Errorf("%s: point read of id 1: %q", ts, got)
				}
				if got := rowsText(must(ts, "SELECT * FROM "+table+" ORDER BY id")); got != want[ts] {
					t.Errorf("%s: full scan: %q, want %q", ts, got, want[ts])
				}
			}
		})
	}
}

// TestRestoreUnderAnotherNameReadsItsOwnPages backs up a non-default tablespace and restores
// it under another name next to the original and the default one: three stores whose page ids
// all start at one, read through one cache.
func TestRestoreUnderAnotherNameReadsItsOwnPages(t *testing.T) {
	ctx := context.Background()
	db, err := drove.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	must := func(ts, q string) [][]*string { t.Helper(); return mustIn(t, db, ts, q) }
	must("drove", "CREATE TABLESPACE 't2'")
	must("drove", "CREATE TABLE a (id int PRIMARY KEY, v text); INSERT INTO a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3'); CHECKPOINT")
	must("t2", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'b1'), (2, 'b2')")
	var backup bytes.Buffer
	if err := db.Server().BackupTablespace(ctx, "t2", &backup); err != nil {
		t.Fatal(err)
	}
	// The original changes after the backup: the restored copy must not see it.
	must("t2", "UPDATE b SET v = 'changed' WHERE id = 1; CHECKPOINT")
	must("t2", "SELECT * FROM b")
	must("drove", "SELECT * FROM a")
	if err := db.Server().RestoreTablespace(ctx, "t3", &backup); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ts, q, want string }{
		{"t3", "SELECT * FROM b ORDER BY id", "1|b1\n2|b2\n"},
		{"t3", "SELECT v FROM b WHERE id = 1", "b1\n"},
		{"t2", "SELECT * FROM b ORDER BY id", "1|changed\n2|b2\n"},
		{"drove", "SELECT * FROM a ORDER BY id", "1|a1\n2|a2\n3|a3\n"},
	} {
		if got := rowsText(must(c.ts, c.q)); got != c.want {
			t.Errorf("%s: %s: %q, want %q", c.ts, c.q, got, c.want)
		}
	}
}

// TestRecreatedTablespaceReadsItsOwnPages drops a tablespace whose pages were cached and
// creates one of the same name in the same directory: its page 1 is a new page, never the
// dropped one's from the cache.
func TestRecreatedTablespaceReadsItsOwnPages(t *testing.T) {
	cases := []struct {
		name     string
		recreate func(t *testing.T, db *drove.DB, backup *bytes.Buffer)
	}{
		{"create", func(t *testing.T, db *drove.DB, _ *bytes.Buffer) {
			if _, _, err := execIn(context.Background(), db, "drove", "CREATE TABLESPACE 't2'"); err != nil {
				t.Fatal(err)
			}
		}},
		{"restore", func(t *testing.T, db *drove.DB, backup *bytes.Buffer) {
			if err := db.Server().RestoreTablespace(context.Background(), "t2", backup); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := drove.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			must := func(ts, q string) [][]*string { t.Helper(); return mustIn(t, db, ts, q) }
			// The backup's page 1 holds other rows than the dropped tablespace's page 1.
			must("drove", "CREATE TABLESPACE 'src'")
			must("src", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'backup')")
			var backup bytes.Buffer
			if err := db.Server().BackupTablespace(ctx, "src", &backup); err != nil {
				t.Fatal(err)
			}
			must("drove", "CREATE TABLESPACE 't2'")
			must("t2", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'old'), (2, 'old2'); CHECKPOINT")
			must("t2", "SELECT * FROM b") // caches the dropped tablespace's page 1
			must("drove", "DROP TABLESPACE 't2'")
			c.recreate(t, db, &backup)
			want := "1|backup\n"
			if c.name == "create" {
				must("t2", "CREATE TABLE b (id int PRIMARY KEY, v text); INSERT INTO b VALUES (1, 'new'); CHECKPOINT")
				want = "1|new\n"
			}
			if got := rowsText(must("t2", "SELECT * FROM b ORDER BY id")); got != want {
				t.Fatalf("recreated t2 reads %q, want %q", got, want)
			}
		})
	}
}

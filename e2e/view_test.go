package e2e

import (
	"testing"
)

// TestPsqlViews: psql's \dv lists views and \d describes one as PostgreSQL 15 does (the
// expected output is PostgreSQL's); views survive a kill -9 and restart (replayed from the
// log) and a checkpoint and clean restart (read from the checkpoint). So do \dm and \d of a
// materialized view, and its rows.
func TestPsqlViews(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	psqlOK(t, n, "CREATE TABLE items (id int PRIMARY KEY, name varchar(20) NOT NULL, price numeric(8,2))",
		"INSERT INTO items VALUES (1, 'a', 5), (2, 'b', 50)",
		"CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 10",
		"CREATE VIEW counts (n, total) AS SELECT count(*), sum(price) FROM items",
		"CREATE MATERIALIZED VIEW pricey AS SELECT id, name FROM items WHERE price >= 10")
	if out, errOut := psql(t, n, `\dv`); out != "public|cheap|view|drove\npublic|counts|view|drove\n" || errOut != "" {
		t.Errorf("\\dv: got %q (stderr %q)", out, errOut)
	}
	want := `                       View "public.cheap"
 Column |         Type          | Collation | Nullable | Default 
--------+-----------------------+-----------+----------+---------
 id     | integer               |           |          | 
 name   | character varying(20) |           |          | 

               View "public.counts"
 Column |  Type   | Collation | Nullable | Default 
--------+---------+-----------+----------+---------
 n      | bigint  |           |          | 
 total  | numeric |           |          | 

`
	out, errOut := psql(t, n, `\pset tuples_only off`, `\pset format aligned`, `\d cheap`, `\d counts`)
	if out != want || errOut != "" {
		t.Errorf("\\d of views: got\n%s(stderr %q), want\n%s", out, errOut, want)
	}
	if out, errOut := psql(t, n, `\dm`); out != "public|pricey|materialized view|drove\n" || errOut != "" {
		t.Errorf("\\dm: got %q (stderr %q)", out, errOut)
	}
	want = `                Materialized view "public.pricey"
 Column |         Type          | Collation | Nullable | Default 
--------+-----------------------+-----------+----------+---------
 id     | integer               |           |          | 
 name   | character varying(20) |           |          | 

`
	out, errOut = psql(t, n, `\pset tuples_only off`, `\pset format aligned`, `\d pricey`)
	if out != want || errOut != "" {
		t.Errorf("\\d of a materialized view: got\n%s(stderr %q), want\n%s", out, errOut, want)
	}
	check := func(when string) {
		t.Helper()
		out, errOut := psql(t, n, "SELECT name FROM cheap", "SELECT n, total FROM counts", "SELECT name FROM pricey")
		if out != "a\n2|55.00\nb\n" || errOut != "" {
			t.Fatalf("views %s: got %q (stderr %q)", when, out, errOut)
		}
	}
	check("before a restart")
	n.kill()
	n.start()
	check("after kill -9 and restart")
	psqlOK(t, n, "CHECKPOINT")
	n.stop()
	n.start()
	check("after a checkpoint and restart")
}

package e2e

import (
	"strings"
	"testing"
)

// TestPsqlSequences: psql's \ds lists sequences and \d describes one with its owning column;
// \d of a table shows its serial column's nextval default; a serial column never repeats a
// value after a kill -9 and restart.
func TestPsqlSequences(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	psqlOK(t, n, "CREATE TABLE items (id serial PRIMARY KEY, name text); CREATE SEQUENCE s START 10",
		"INSERT INTO items (name) VALUES ('a'), ('b')")
	cases := []struct{ command, want string }{
		{`\ds`, "public|items_id_seq|sequence|drove\npublic|s|sequence|drove\n"},
		{`\d items_id_seq`, "integer|1|1|2147483647|1|no|1\n"},
		{`\d items`, "id|integer||not null|nextval('items_id_seq'::regclass)\nname|text|||\n"},
	}
	for _, c := range cases {
		out, errOut := psql(t, n, c.command)
		if out != c.want || errOut != "" {
			t.Errorf("%s: got %q (stderr %q), want %q", c.command, out, errOut, c.want)
		}
	}
	out, _ := psql(t, n, `\pset tuples_only off`, `\d items_id_seq`)
	if want := "Owned by: public.items.id"; !strings.Contains(out, want) {
		t.Errorf("\\d items_id_seq: no %q in\n%s", want, out)
	}
	n.kill()
	n.start()
	out, errOut := psql(t, n, "DELETE FROM items WHERE id = 2", "INSERT INTO items (name) VALUES ('c') RETURNING id > 2")
	if out != "t\n" || errOut != "" {
		t.Fatalf("id after kill -9 and restart: %q (stderr %q), want one above 2", out, errOut)
	}
}

package e2e

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPsqlDescribeMatchesPostgres runs the same DDL on drove and on PostgreSQL 15, then
// psql's describing meta-commands against both, and compares the output (unaligned, so that
// masking sizes changes no column width). Masked, as deliberate differences: sizes (drove's
// relations are not PostgreSQL's files: sql/pgsize.go) and the primary key's access method
// (drove's primary key is a hash map, PostgreSQL's a btree).
func TestPsqlDescribeMatchesPostgres(t *testing.T) {
	requireTool(t, "psql")
	u := postgresAsDrove(t)
	n := newNode(t)
	n.start()
	ddl := []string{
		"CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty bigint DEFAULT 0, code varchar(12), flag boolean)",
		"CREATE INDEX items_name ON items (name)",
		"CREATE UNIQUE INDEX items_code ON items (code, qty)",
		"CREATE TABLE logs (at timestamp, msg text DEFAULT 'none', lvl char(1) DEFAULT 'i', src varchar(8) DEFAULT '')",
		"CREATE SEQUENCE counter",
		"INSERT INTO items VALUES (1, 'a', 2.50, 3, 'x1', true)",
		// foreign keys: psql's "Foreign-key constraints" and "Referenced by" footers
		"CREATE TABLE orders (id int PRIMARY KEY, item int REFERENCES items ON DELETE CASCADE, code varchar(12), q bigint, " +
			"CONSTRAINT orders_code_fk FOREIGN KEY (code, q) REFERENCES items (code, qty) ON UPDATE SET NULL)",
		"CREATE TABLE \"Tree\" (id int PRIMARY KEY, up int REFERENCES \"Tree\")",
		// date/time types with zones, precisions and interval fields
		"CREATE TABLE clocks (id int PRIMARY KEY, a timetz, b time(3) with time zone, c timestamp(0), d timestamptz(2), " +
			"e interval day to second(3), f interval(1), g interval year to month, h interval)",
	}
	commands := []string{`\d`, `\dt`, `\dt+`, `\d items`, `\d+ items`, `\d logs`, `\d+ logs`, `\di`, `\di+`,
		`\d items_name`, `\d+ items_code`, `\d items_pkey`, `\ds`, `\ds+`, `\dv`, `\df`, `\l drove`, `\l+ drove`,
		`\d counter`, `\d orders`, `\d+ orders`, `\d "Tree"`, `\d clocks`, `\d+ clocks`}
	run := func(host, port string) map[string]string {
		out := map[string]string{}
		args := []string{"-X", "-q", "-P", "format=unaligned", "-h", host, "-p", port, "-U", "drove", "drove"}
		for _, q := range ddl {
			if b, err := exec.Command("psql", append(args, "-c", q)...).CombinedOutput(); err != nil {
				t.Fatalf("%s on %s: %v\n%s", q, port, err, b)
			}
		}
		for _, c := range commands {
			b, _ := exec.Command("psql", append(args, "-c", c)...).CombinedOutput()
			out[c] = string(b)
		}
		return out
	}
	want := run(u.Hostname(), u.Port())
	got := run("127.0.0.1", strconv.Itoa(n.port))
	sizes := regexp.MustCompile(`\|-?\d+ (bytes|kB|MB|GB)\|`)
	pkeyHash := regexp.MustCompile(`(?m)^(.*_pkey.*)\bhash\b`)
	mask := func(s string) string {
		s = sizes.ReplaceAllString(s, "|SIZE|")
		return pkeyHash.ReplaceAllString(s, "${1}btree")
	}
	for _, c := range commands {
		w, g := mask(want[c]), mask(got[c])
		if c == `\d items_pkey` {
			g = strings.Replace(g, "primary key, hash,", "primary key, btree,", 1)
		}
		if w != g {
			t.Errorf("%s\nPostgreSQL:\n%s\ndrove:\n%s", c, w, g)
		}
	}
}

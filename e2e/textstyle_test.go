package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestTextStyleMatchesPostgres compares, on the wire, floats, bytea and intervals in text
// under extra_float_digits, bytea_output and IntervalStyle (set by SET, by a startup option, and rolled back),
// and checks that binary results do not change.
func TestTextStyleMatchesPostgres(t *testing.T) {
	u := postgresAsDrove(t)
	n := newNode(t)
	n.start()
	const probe = `SELECT 1/3::float8, 1234567::float4, 1e20::float8, '\x00415c'::bytea, '-1 day +00:00:01.5'::interval`
	script := []string{probe, "SET extra_float_digits = 0", probe, "SET bytea_output = escape", probe,
		"BEGIN", "SET LOCAL extra_float_digits = -10", probe, "ROLLBACK", probe,
		"BEGIN", "SET extra_float_digits = 2", "ROLLBACK", probe, "SET IntervalStyle = sql_standard", probe, "SET IntervalStyle = iso_8601", probe,
		"SET IntervalStyle = postgres_verbose", probe, "RESET ALL", probe}
	for _, opts := range []string{"", "-c extra_float_digits=-2 -c bytea_output=escape -c IntervalStyle=iso_8601"} {
		want := runTexts(t, u.String(), opts, script)
		got := runTexts(t, n.url(), opts, script)
		for i, q := range append(script, "binary SELECT 1/3::float8") {
			if got[i] != want[i] {
				t.Errorf("options %q, %s: got %q, want %q", opts, q, got[i], want[i])
			}
		}
	}
}

// runTexts runs script on a new connection with the startup options and returns each
// statement's rows in text, then the probe's first column in binary under the last style.
func runTexts(t *testing.T, connURL, options string, script []string) []string {
	ctx := context.Background()
	cfg, err := pgconn.ParseConfig(connURL)
	if err != nil {
		t.Fatal(err)
	}
	if options != "" {
		cfg.RuntimeParams["options"] = options
	}
	c, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var out []string
	for _, q := range script {
		res, err := c.Exec(ctx, q).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var rows []string
		for _, r := range res {
			for _, row := range r.Rows {
				var cells []string
				for _, v := range row {
					cells = append(cells, string(v))
				}
				rows = append(rows, strings.Join(cells, "|"))
			}
		}
		out = append(out, strings.Join(rows, "\n"))
	}
	r := c.ExecParams(ctx, "SELECT 1/3::float8", nil, nil, nil, []int16{1}).Read()
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	return append(out, string(r.Rows[0][0]))
}

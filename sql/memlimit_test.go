package sql

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/drovedb/drove/copydata"
	"github.com/drovedb/drove/types"
)

// Every operator that keeps values counts their bytes against the query's memory limit: each
// query here would hold about 40 MB, over the 4 MiB limit the test sets, and must fail with
// 53200 rather than hold it.
func TestQueryMemoryLimitOperators(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE big (k int PRIMARY KEY, v text)", discard{}); err != nil {
		t.Fatal(err)
	}
	s.queryMemory = 4 << 20
	const x = "repeat('x', 100000)"
	const g = " FROM generate_series(1, 400) g"
	queries := []string{
		"SELECT length(string_agg(" + x + ", ','))" + g,
		"SELECT cardinality(array_agg(" + x + "))" + g,
		"SELECT length(json_agg(" + x + ")::text)" + g,
		"SELECT length(jsonb_agg(" + x + ")::text)" + g,
		"SELECT length(json_object_agg(g, " + x + ")::text)" + g,
		"SELECT length(jsonb_object_agg(g, " + x + ")::text)" + g,
		"SELECT length(string_agg(" + x + ", ',' ORDER BY g))" + g,
		"SELECT count(*) FROM (SELECT " + x + " || g AS v" + g + " ORDER BY v) s",
		"SELECT count(*) FROM (SELECT DISTINCT " + x + " || g" + g + ") s",
		"SELECT count(*) FROM (SELECT " + x + " || g AS v" + g + " GROUP BY v) s",
		"SELECT max(length(w)) FROM (SELECT string_agg(" + x + ", ',') OVER (ORDER BY g) AS w" + g + ") s",
		"SELECT max(r) FROM (SELECT rank() OVER (ORDER BY " + x + " || g) AS r" + g + ") s",
		"WITH c AS MATERIALIZED (SELECT " + x + " || g AS v" + g + ") SELECT count(*) FROM c a, c b WHERE a.v = b.v",
		"WITH RECURSIVE r(n, v) AS (SELECT 1, " + x + " UNION SELECT n + 1, v || 'y' FROM r WHERE n < 400) SELECT count(*) FROM r",
		"WITH RECURSIVE r(n, v) AS (SELECT 1, 'x'::text UNION ALL SELECT n + 1, v || v FROM r WHERE n < 40) SELECT max(length(v)) FROM r",
		"SELECT count(*) FROM (SELECT " + x + " || g AS v" + g + ") a JOIN (SELECT " + x + " || g AS v" + g + ") b USING (v)",
		"SELECT count(*) FROM (SELECT " + x + " || g" + g + " UNION SELECT 'a') s",
		"SELECT count(*) FROM (SELECT " + x + " || g" + g + " INTERSECT SELECT " + x + " || g" + g + ") s",
		"SELECT count(*) FROM (SELECT " + x + " || g" + g + " EXCEPT SELECT 'a') s",
		"SELECT cardinality(ARRAY(SELECT " + x + g + "))",
		"SELECT cardinality(ARRAY(SELECT generate_series(1, 10000000)))",
		"SELECT count(*) FROM (SELECT " + x + " || g AS v" + g + ") a WHERE v IN (SELECT " + x + " || g" + g + ")",
		"SELECT length(string_agg(v, ',')) FROM (SELECT " + x + " AS v" + g + ") s",
		"SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY " + x + " || g)" + g,
		"SELECT length(array_to_string(array_agg(" + x + "), ','))" + g,
		"SELECT count(*) FROM (SELECT DISTINCT ON (v) v FROM (SELECT " + x + " || g AS v" + g + ") s) t",
		"INSERT INTO big SELECT g, " + x + g + " RETURNING k",
	}
	for _, q := range queries {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		err := s.Exec(ctx, q, discard{})
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if sqlState(err) != "53200" {
			t.Errorf("%s: got %v, want 53200", q, err)
		}
		t.Logf("%.70s: %v, %d MB allocated", q, err, (after.TotalAlloc-before.TotalAlloc)>>20)
		if err := s.Exec(ctx, "ROLLBACK", discard{}); err != nil {
			t.Fatal(err)
		}
	}
}

// An array value has at most types.MaxArrayElems elements however it is made (54000): its
// text form takes 2 bytes an element, a Value 56, so reading 40 MB of array text would
// otherwise hold a gigabyte.
func TestArrayElementsBound(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	old := types.MaxArrayElems
	types.MaxArrayElems = 1000
	defer func() { types.MaxArrayElems = old }()
	for _, q := range []string{
		"SELECT cardinality(('{' || repeat('1,', 1000) || '1}')::int[])",
		"SELECT cardinality(('{' || repeat('a,', 1000) || 'a}')::text[])",
		"SELECT array_length(('{' || repeat('1,', 1000) || '1}')::int[], 1)",
		"SELECT cardinality(ARRAY(SELECT generate_series(1, 1001)))",
		"SELECT cardinality(array_fill(1, ARRAY[1001]))",
		"SELECT cardinality(string_to_array(repeat('x', 1001), NULL))",
		"SELECT cardinality(string_to_array(repeat('x,', 1000) || 'x', ','))",
		"SELECT count(*) FROM string_to_table(repeat('x', 1001), NULL)",
		"SELECT cardinality(regexp_split_to_array(repeat('x', 1001), ''))",
		"SELECT count(*) FROM regexp_split_to_table(repeat('x,', 1000) || 'x', ',')",
		"SELECT count(*) FROM regexp_matches(repeat('x', 1001), '.', 'g')",
	} {
		if err := s.Exec(ctx, q, discard{}); sqlState(err) != "54000" {
			t.Errorf("%s: got %v, want 54000", q, err)
		}
	}
	for _, q := range []string{
		"SELECT cardinality(('{' || repeat('1,', 999) || '1}')::int[])",
		"SELECT cardinality(string_to_array(repeat('x', 1000), NULL))",
		"SELECT cardinality(regexp_split_to_array(repeat('x,', 999) || 'x', ','))",
		"SELECT count(*) FROM regexp_matches(repeat('x', 1000), '.', 'g')",
	} {
		if err := s.Exec(ctx, q, discard{}); err != nil {
			t.Errorf("%s: 1000 elements: %v", q, err)
		}
	}
}

// A COPY FROM line has at most copydata.MaxLineSize bytes (54000), as PostgreSQL's line
// buffer is bounded: a client that never sends a newline does not make the server keep all
// it sends. The transaction rolls back and the session goes on.
func TestCopyFromLineTooLong(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE c (id int PRIMARY KEY, v text)", discard{}); err != nil {
		t.Fatal(err)
	}
	old := copydata.MaxLineSize
	copydata.MaxLineSize = 1 << 20
	defer func() { copydata.MaxLineSize = old }()
	for _, q := range []string{"COPY c FROM STDIN", "COPY c FROM STDIN (FORMAT csv)"} {
		first := true
		feed := &copyFeed{limit: 4096, line: func(int) string {
			if first { // one row, then a line that never ends (a quoted CSV field in CSV)
				first = false
				return "1\t\"x\n"
			}
			return strings.Repeat("y", 4096)
		}}
		if err := s.Exec(ctx, q, feed); sqlState(err) != "54000" {
			t.Errorf("%s: got %v, want 54000", q, err)
		}
		if feed.n > 1<<10 {
			t.Errorf("%s: read %d KB of a line of at most 1 MB", q, feed.n*4)
		}
	}
	rows := &rowCounter{}
	if err := s.Exec(ctx, "SELECT * FROM c", rows); err != nil || rows.n != 0 {
		t.Fatalf("after the failed COPYs: %d rows kept, %v", rows.n, err)
	}
}

type rowCounter struct {
	discard
	n int
}

func (r *rowCounter) Row([]types.Value) error { r.n++; return nil }

package server

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
)

// TestAlterColumnValuesSameOnEveryReplica: volatile DEFAULTs (random(), nextval(),
// gen_random_uuid()) and a USING expression that calls random() give each row one value,
// computed by the leader and carried in the ALTER's log entry: every replica's copy of the
// table is the leader's, byte for byte.
func TestAlterColumnValuesSameOnEveryReplica(t *testing.T) {
	c, _, lead := kvOnThreeNodes(t)
	conn := connect(t, c.nodes[lead], "r3")
	for _, q := range []string{
		"INSERT INTO kv SELECT g, g FROM generate_series(1, 50) g",
		"CREATE SEQUENCE kv_s",
		"ALTER TABLE kv ADD COLUMN r float8 DEFAULT random(), ADD COLUMN n int DEFAULT nextval('kv_s'), " +
			"ADD COLUMN u uuid DEFAULT gen_random_uuid(), ALTER COLUMN v TYPE text USING v || ':' || random()",
	} {
		if _, code := exec(t, conn, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	if got, _ := exec(t, conn, "SELECT count(DISTINCT r), count(DISTINCT n), count(DISTINCT u), count(DISTINCT v) FROM kv"); got != "50|50|50|50" {
		t.Fatalf("distinct values per row: %s, want 50|50|50|50", got)
	}
	lts, _ := c.nodes[lead].Tablespace("r3")
	want := tableRows(t, lts, "kv")
	for i, s := range c.nodes {
		ts, ok := s.Tablespace("r3")
		if !ok {
			t.Fatalf("n%d has no r3", i+1)
		}
		waitFor(t, 10*time.Second, fmt.Sprintf("n%d to catch up", i+1), func() bool { return ts.AppliedIndex() >= lts.AppliedIndex() })
		if got := tableRows(t, ts, "kv"); len(got) != 50 || !maps.Equal(got, want) {
			t.Errorf("n%d's kv (%d rows) differs from the leader's (%d rows)", i+1, len(got), len(want))
		}
	}
}

// tableRows is a table's encoded rows, by encoded key, as this replica holds them.
func tableRows(t *testing.T, ts *tablespace.Tablespace, table string) map[string]string {
	t.Helper()
	rows := map[string]string{}
	tx := ts.Begin()
	defer tx.Rollback()
	if err := tx.Scan(table, func(k, v []byte) error {
		rows[string(k)] = string(v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rows
}

package sql

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// ALTER TABLE and DROP TABLE wait for the transactions using the table, and a statement bound
// before the change binds again after it.
func TestSchemaChangesWaitForTransactions(t *testing.T) {
	cases := []struct {
		name    string
		ddl     string
		then    string   // run by the writer after the change
		want    []string // SELECT * FROM t ORDER BY 1 afterwards ("error" when t is gone)
		timeout bool     // the DDL session sets a short lock_timeout and is refused
	}{
		{name: "add column", ddl: "ALTER TABLE t ADD COLUMN c int", then: "INSERT INTO t VALUES (3, 30, 300)",
			want: []string{"1|10|NULL", "2|20|NULL", "3|30|300", "tag: SELECT 3"}},
		{name: "rename column", ddl: "ALTER TABLE t RENAME COLUMN v TO w", then: "UPDATE t SET w = w + 1 WHERE id = 1",
			want: []string{"1|11", "2|20", "tag: SELECT 2"}},
		{name: "drop table", ddl: "DROP TABLE t", want: []string{"error"}},
		{name: "lock timeout", ddl: "ALTER TABLE t ADD COLUMN c int", timeout: true, want: []string{"1|10", "2|20", "tag: SELECT 2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := openTestTablespace(t)
			writer, ddl := NewSession(ts, nil), NewSession(ts, nil)
			execOK(t, writer, "CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t VALUES (1, 10)")
			execOK(t, writer, "BEGIN; INSERT INTO t VALUES (2, 20)")
			if tc.timeout {
				execOK(t, ddl, "SET lock_timeout = '100ms'")
			}
			done := make(chan error, 1)
			go func() { done <- ddl.Exec(context.Background(), tc.ddl, &textOutput{}) }()
			select {
			case err := <-done:
				if !tc.timeout {
					t.Fatalf("%s finished while a transaction was using the table: %v", tc.ddl, err)
				}
				if sqlState(err) != "55P03" {
					t.Fatalf("%s: got %v, want 55P03", tc.ddl, err)
				}
			case <-time.After(300 * time.Millisecond):
				if tc.timeout {
					t.Fatal("lock_timeout did not end the wait")
				}
			}
			execOK(t, writer, "COMMIT")
			if !tc.timeout {
				if err := <-done; err != nil {
					t.Fatalf("%s after the transaction ended: %v", tc.ddl, err)
				}
			}
			if tc.then != "" {
				execOK(t, writer, tc.then)
			}
			out := &textOutput{}
			err := writer.Exec(context.Background(), "SELECT * FROM t ORDER BY 1", out)
			got := out.lines
			if err != nil {
				got = []string{"error"}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// A transaction cannot wait for itself: DDL on a table it has used is refused at once.
func TestSchemaChangeOfATableInUse(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	execOK(t, s, "CREATE TABLE t (id int PRIMARY KEY)")
	execOK(t, s, "BEGIN; SELECT * FROM t")
	for _, q := range []string{"ALTER TABLE t ADD COLUMN c int", "DROP TABLE t"} {
		if err := s.Exec(context.Background(), q, &textOutput{}); sqlState(err) != "0A000" {
			t.Fatalf("%s: got %v, want 0A000", q, err)
		}
		execOK(t, s, "ROLLBACK; BEGIN; SELECT * FROM t")
	}
}

// ALTER TABLE keeps the secondary indexes, renumbered to the new columns; an index on a
// dropped column goes with it, as in PostgreSQL. Every ALTER TABLE used to drop them all,
// and with a unique index its constraint.
func TestAlterTableKeepsIndexes(t *testing.T) {
	cases := []struct {
		alter string
		want  string // the indexes afterwards: name(columns) ...
	}{
		{"ALTER TABLE t ADD COLUMN e text", "t_u(u) t_h(h) t_cu(c,u)"},
		{"ALTER TABLE t DROP COLUMN b", "t_u(u) t_h(h) t_cu(c,u)"},
		{"ALTER TABLE t DROP COLUMN c", "t_u(u) t_h(h)"},
		{"ALTER TABLE t RENAME COLUMN u TO w", "t_u(w) t_h(h) t_cu(c,w)"},
		{"ALTER TABLE t RENAME TO t2", "t_u(u) t_h(h) t_cu(c,u)"},
	}
	for _, tc := range cases {
		t.Run(tc.alter, func(t *testing.T) {
			ts := openTestTablespace(t)
			s := NewSession(ts, nil)
			execOK(t, s, `CREATE TABLE t (id int PRIMARY KEY, b text, c int, u int, h text);
				CREATE UNIQUE INDEX t_u ON t (u); CREATE INDEX t_h ON t USING hash (h); CREATE INDEX t_cu ON t (c, u);
				INSERT INTO t VALUES (1, 'b', 10, 100, 'x')`)
			execOK(t, s, tc.alter)
			var got []string
			for _, sc := range ts.Tables() {
				for _, ix := range sc.Indexes {
					var cols []string
					for _, c := range ix.Columns {
						cols = append(cols, sc.Columns[c].Name)
					}
					got = append(got, ix.Name+"("+strings.Join(cols, ",")+")")
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Fatalf("indexes after %q: %v, want %s", tc.alter, got, tc.want)
			}
			// The unique index still refuses a duplicate.
			table, col := "t", "u"
			if strings.Contains(tc.alter, "RENAME TO") {
				table = "t2"
			}
			if strings.Contains(tc.alter, "TO w") {
				col = "w"
			}
			err := s.Exec(context.Background(), "INSERT INTO "+table+" (id, "+col+") VALUES (2, 100)", &textOutput{})
			if sqlState(err) != "23505" {
				t.Fatalf("duplicate in the unique index after %q: %v, want 23505", tc.alter, err)
			}
		})
	}
}

// ADD COLUMN ... NOT NULL needs an empty table, and the table it checks is the one it
// changes: a row committed by a transaction the change waited for counts. The check once ran
// before the wait, and a NOT NULL column came in holding a NULL. Likewise the rows a DEFAULT
// or a new type fills are those of the table once no transaction uses it.
func TestAddColumnChecksEmptinessItChanges(t *testing.T) {
	cases := []struct {
		name, setup, open, ddl string
		want                   string // the DDL's SQLSTATE, "" for success
		after                  []string
	}{
		{name: "row committed while waiting", setup: "CREATE TABLE t (id int PRIMARY KEY)",
			open: "BEGIN; INSERT INTO t VALUES (1)", ddl: "ALTER TABLE t ADD COLUMN c int NOT NULL",
			want: "23502", after: []string{"1", "tag: SELECT 1"}},
		{name: "default, row committed while waiting", setup: "CREATE TABLE t (id int PRIMARY KEY)",
			open: "BEGIN; INSERT INTO t VALUES (1)", ddl: "ALTER TABLE t ADD COLUMN c int DEFAULT 5",
			after: []string{"1|5", "tag: SELECT 1"}},
		{name: "volatile default, row committed while waiting", setup: "CREATE TABLE t (id int PRIMARY KEY); CREATE SEQUENCE s",
			open: "BEGIN; INSERT INTO t VALUES (1)", ddl: "ALTER TABLE t ADD COLUMN c int DEFAULT nextval('s')",
			after: []string{"1|1", "tag: SELECT 1"}},
		{name: "new type, row committed while waiting", setup: "CREATE TABLE t (id int PRIMARY KEY, v text)",
			open: "BEGIN; INSERT INTO t VALUES (1, 'x')", ddl: "ALTER TABLE t ALTER COLUMN v TYPE int USING length(v) + 10",
			after: []string{"1|11", "tag: SELECT 1"}},
		{name: "emptied while waiting", setup: "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)",
			open: "BEGIN; DELETE FROM t", ddl: "ALTER TABLE t ADD COLUMN c int NOT NULL",
			after: []string{"tag: SELECT 0"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := openTestTablespace(t)
			writer, ddl := NewSession(ts, nil), NewSession(ts, nil)
			execOK(t, writer, tc.setup)
			execOK(t, writer, tc.open)
			done := make(chan error, 1)
			go func() { done <- ddl.Exec(context.Background(), tc.ddl, &textOutput{}) }()
			time.Sleep(100 * time.Millisecond) // the change is waiting for the transaction
			execOK(t, writer, "COMMIT")
			if err := <-done; sqlState(err) != tc.want {
				t.Fatalf("%s: got %v, want SQLSTATE %q", tc.ddl, err, tc.want)
			}
			out := &textOutput{}
			if err := writer.Exec(context.Background(), "SELECT * FROM t ORDER BY 1", out); err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(out.lines) != fmt.Sprint(tc.after) {
				t.Fatalf("afterwards the table holds %v, want %v", out.lines, tc.after)
			}
		})
	}
}

package sql

import (
	"context"
	"fmt"
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

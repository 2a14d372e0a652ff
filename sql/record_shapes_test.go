package sql

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Every distinct record shape a client makes (a table's row, ROW(...) of new field types, a
// subquery's columns) still works after a thousand others: record types used to be numbered
// from a process-wide table of 128, after which every new shape failed with 54000 until
// restart.
func TestManyRecordShapes(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for i := 0; i < 1000; i++ {
		col := fmt.Sprintf("c%d", i)
		q := fmt.Sprintf("SELECT row_to_json(t), (t.r).%[1]s, ROW(%[2]d, t.%[1]s) FROM (SELECT u AS r, u.%[1]s FROM (SELECT %[2]d AS %[1]s) u) t",
			col, i)
		var out textOutput
		if err := s.Exec(context.Background(), q, &out); err != nil {
			t.Fatalf("shape %d: %s: %v", i, q, err)
		}
		want := fmt.Sprintf(`{"r":{"%[1]s":%[2]d},"%[1]s":%[2]d}|%[2]d|(%[2]d,%[2]d)`, col, i)
		if got := strings.Join(out.lines, "\n"); !strings.HasPrefix(got, want+"\n") {
			t.Fatalf("shape %d: %s\ngot  %q\nwant %q", i, q, got, want)
		}
	}
}

package drove

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	drovesql "github.com/drovedb/drove/sql"
)

// TestTransactionMemoryLimitSQL: through SQL, a transaction that passes --max-txn-memory fails
// with 53200, the session stays usable (after ROLLBACK in a block), and none of the
// transaction's rows are applied.
func TestTransactionMemoryLimitSQL(t *testing.T) {
	db, err := Open(t.TempDir(), WithMaxTxnMemory(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	s, err := db.srv.Session("")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const big = "INSERT INTO t SELECT g, concat(g, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') FROM generate_series(100, 100000) g"
	steps := []struct {
		sql  string
		code string // expected SQLSTATE, "" for success
		rows string // for a count: the expected value
	}{
		{"CREATE TABLE t (id bigint PRIMARY KEY, pad text)", "", ""},
		{big, "53200", ""}, // autocommit
		{"SELECT count(*) FROM t", "", "0"},
		{"BEGIN", "", ""},
		{"INSERT INTO t VALUES (1, 'kept until the failure')", "", ""},
		{big, "53200", ""},
		{"SELECT 1", "25P02", ""}, // the block is aborted, as after any error
		{"ROLLBACK", "", ""},
		{"SELECT count(*) FROM t", "", "0"},
		{"COPY t FROM STDIN", "53200", ""}, // COPY's rows take no locks; they count all the same
		{"SELECT count(*) FROM t", "", "0"},
		{"INSERT INTO t VALUES (1, 'after')", "", ""},
		{"SELECT count(*) FROM t", "", "1"},
	}
	var copyData strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&copyData, "%d\t%s\n", 1000+i, strings.Repeat("y", 100))
	}
	for _, st := range steps {
		out := copyOutput{data: copyData.String()}
		err := s.Exec(ctx, st.sql, &out)
		var pe *drovesql.Error
		switch {
		case st.code == "" && err != nil:
			t.Fatalf("%.60s: %v", st.sql, err)
		case st.code != "" && (!errors.As(err, &pe) || pe.Code != st.code):
			t.Fatalf("%.60s: %v, want SQLSTATE %s", st.sql, err, st.code)
		}
		if st.rows != "" && (len(out.rows) != 1 || out.rows[0][0] == nil || *out.rows[0][0] != st.rows) {
			t.Fatalf("%s: %v, want %s", st.sql, out.rows, st.rows)
		}
	}
}

// copyOutput is a collector that feeds COPY FROM STDIN data.
type copyOutput struct {
	collector
	data string
}

func (c *copyOutput) CopyIn(int, bool) (io.Reader, error)  { return strings.NewReader(c.data), nil }
func (c *copyOutput) CopyOut(int, bool) (io.Writer, error) { return io.Discard, nil }

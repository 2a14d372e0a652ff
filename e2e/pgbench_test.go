package e2e

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestPgbench runs pgbench unmodified: its initialization (tables made without primary keys,
// COPY ... FREEZE, VACUUM, ALTER TABLE ADD PRIMARY KEY), then the TPC-B-like script, -S and -N
// with 4 clients. No transaction may fail, and the balances must agree with the history.
func TestPgbench(t *testing.T) {
	pgbench := requireTool(t, "pgbench")
	n := newNode(t)
	n.start()
	run := func(args ...string) string {
		t.Helper()
		base := []string{"-h", "127.0.0.1", "-p", strconv.Itoa(n.port), "-U", "drove"}
		cmd := exec.Command(pgbench, append(append(base, args...), "drove")...)
		cmd.Env = append(cmd.Environ(), "PGSSLMODE=disable")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pgbench %s: %v\n%s\nserver log:\n%s", strings.Join(args, " "), err, out, n.log())
		}
		return string(out)
	}
	c, err := n.connect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	sums := func() (accounts, branches, tellers, history string) {
		t.Helper()
		rows := mustExec(t, c, `SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT sum(bbalance) FROM pgbench_branches),
			(SELECT sum(tbalance) FROM pgbench_tellers), (SELECT coalesce(sum(delta), 0) FROM pgbench_history)`)
		return rows[0][0], rows[0][1], rows[0][2], rows[0][3]
	}

	run("-i", "-s", "1")
	if rows := mustExec(t, c, "SELECT count(*) FROM pgbench_accounts"); rows[0][0] != "100000" {
		t.Fatalf("pgbench_accounts has %s rows after -i -s 1", rows[0][0])
	}

	steps := []struct {
		name string
		args []string
		// every step checks accounts against the history; the TPC-B script also moves
		// branches and tellers by the same deltas
		branchesToo bool
	}{
		{"TPC-B-like", []string{"-c", "4", "-T", "3"}, true},
		{"select only", []string{"-n", "-c", "4", "-T", "2", "-S"}, false},
		{"simple update", []string{"-n", "-c", "4", "-T", "2", "-N"}, false},
		{"TPC-B-like, prepared", []string{"-n", "-c", "4", "-T", "2", "-M", "prepared"}, false},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			out := run(st.args...)
			if !strings.Contains(out, "number of failed transactions: 0 ") {
				t.Fatalf("transactions failed:\n%s", out)
			}
			accounts, branches, tellers, history := sums()
			if accounts != history {
				t.Fatalf("sum of account balances %s, of history deltas %s", accounts, history)
			}
			if st.branchesToo && (branches != history || tellers != history) {
				t.Fatalf("branches %s, tellers %s, history %s", branches, tellers, history)
			}
		})
	}
}

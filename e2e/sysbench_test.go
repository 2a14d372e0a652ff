package e2e

import (
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestSysbench runs sysbench's PostgreSQL driver unmodified: prepare (tables with a SERIAL key
// and a secondary index) and a few seconds of oltp_point_select and oltp_read_write. sysbench
// exits non-zero on any error it does not retry; the ones it retries are deadlocks (40P01),
// which transactions updating random rows in random order cause on PostgreSQL too, and must
// stay rare.
func TestSysbench(t *testing.T) {
	sysbench := requireTool(t, "sysbench")
	n := newNode(t)
	n.start()
	args := func(test string, extra ...string) []string {
		return append([]string{test, "--db-driver=pgsql", "--pgsql-host=127.0.0.1",
			"--pgsql-port=" + strconv.Itoa(n.port), "--pgsql-user=drove", "--pgsql-db=drove",
			"--tables=2", "--table-size=10000"}, extra...)
	}
	errorsLine := regexp.MustCompile(`ignored errors:\s+(\d+)`)
	txnsLine := regexp.MustCompile(`transactions:\s+(\d+)`)
	steps := []struct {
		name string
		args []string
	}{
		{"prepare", args("oltp_read_write", "prepare")},
		{"oltp_point_select", args("oltp_point_select", "--threads=4", "--time=2", "run")},
		{"oltp_read_write", args("oltp_read_write", "--threads=4", "--time=3", "run")},
	}
	for _, st := range steps {
		out, err := exec.Command(sysbench, st.args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s\nserver log:\n%s", st.name, err, out, n.log())
		}
		if m := errorsLine.FindSubmatch(out); m != nil && string(m[1]) != "0" {
			retried, _ := strconv.Atoi(string(m[1]))
			txns := 0
			if tm := txnsLine.FindSubmatch(out); tm != nil {
				txns, _ = strconv.Atoi(string(tm[1]))
			}
			if st.name == "oltp_point_select" || retried*100 > txns {
				t.Fatalf("%s: %d retried errors in %d transactions\n%s", st.name, retried, txns, out)
			}
			t.Logf("%s: %d deadlocks retried in %d transactions", st.name, retried, txns)
		}
	}
	c, err := n.connect(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(t.Context())
	if rows := mustExec(t, c, "SELECT count(*) FROM sbtest1"); rows[0][0] != "10000" {
		t.Fatalf("sbtest1 has %s rows after the run, want 10000 (each delete is followed by an insert)", rows[0][0])
	}
}

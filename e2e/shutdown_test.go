package e2e

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// shutdownBound is how long the server may take to exit after SIGTERM with a small data set:
// sessions end within about 6 s at worst (docs/operations.md), the final checkpoint is quick.
const shutdownBound = 10 * time.Second

// TestSigtermDuringLongQuery: SIGTERM while a join that would run for hours is executing.
// The server used to stop listening and then hang; now the query's client gets FATAL 57P01,
// the process exits cleanly within the bound, and the data is intact after a restart.
func TestSigtermDuringLongQuery(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	c, err := n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, c, "CREATE TABLE t (id int PRIMARY KEY, v int)")
	mustExec(t, c, "INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g")
	idle, err := n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close(ctx)

	from, sum := make([]string, 21), make([]string, 21)
	for i := range from {
		from[i] = fmt.Sprintf("t a%d", i)
		sum[i] = fmt.Sprintf("a%d.v", i)
	}
	res := make(chan error, 1)
	go func() {
		_, err := c.Exec(ctx, "SELECT count(*) FROM "+strings.Join(from, ", ")+" WHERE "+strings.Join(sum, " + ")+" < 0").ReadAll()
		res <- err
	}()
	time.Sleep(500 * time.Millisecond)

	start := time.Now()
	if err := n.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-n.exited:
	case <-time.After(shutdownBound):
		t.Fatalf("server still running %v after SIGTERM\n%s", shutdownBound, n.log())
	}
	t.Logf("exited %v after SIGTERM", time.Since(start))
	if !n.cmd.ProcessState.Success() {
		t.Fatalf("server exited with %v\n%s", n.cmd.ProcessState, n.log())
	}
	var pgErr *pgconn.PgError
	if err := <-res; !errors.As(err, &pgErr) || pgErr.Code != "57P01" || pgErr.Severity != "FATAL" {
		t.Errorf("the running query got %v, want FATAL 57P01", err)
	}
	c.Close(ctx)

	n.start()
	c2, err := n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close(ctx)
	rows, err := exec1(ctx, c2, "SELECT count(*), sum(v) FROM t")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "1000,500500" {
		t.Errorf("after restart: count, sum = %s, want 1000,500500", got)
	}
	n.stop()
}

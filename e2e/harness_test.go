package e2e

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// droveBinary builds cmd/drove once per test run.
func droveBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "drove-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "drove")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/drovedb/drove/cmd/drove").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// requireTool skips when a client is missing outside CI and fails in CI, where .ci/run
// installs it.
func requireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (.ci/run installs it): %v", name, err)
		}
		t.Skipf("%s not installed; .ci/run installs it", name)
	}
	return p
}

// requireFile is requireTool for a file a package installs, such as a driver's jar.
func requireFile(t testing.TB, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (.ci/run installs %s): %v", path, pkg, err)
		}
		t.Skipf("%s not found; .ci/run installs %s", path, pkg)
	}
	return path
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// node is one drove server process.
type node struct {
	t       testing.TB
	dataDir string
	port    int
	cluster int // cluster port, kept across restarts (other nodes know the node by it)
	args    []string
	cmd     *exec.Cmd
	stderr  *lockedWriter
	exited  chan struct{}
}

func newNode(t testing.TB, extra ...string) *node {
	return &node{t: t, dataDir: t.TempDir(), port: freePort(t), cluster: freePort(t), args: extra}
}

func (n *node) url() string {
	return fmt.Sprintf("postgres://drove@127.0.0.1:%d/drove?sslmode=disable", n.port)
}

// start runs the server and waits until it answers queries.
func (n *node) start() {
	n.t.Helper()
	args := append([]string{"server", "--data-dir", n.dataDir,
		"--pg-addr", fmt.Sprintf("127.0.0.1:%d", n.port),
		"--cluster-addr", fmt.Sprintf("127.0.0.1:%d", n.cluster)}, n.args...)
	n.cmd = exec.Command(droveBinary(n.t), args...)
	n.stderr = &lockedWriter{}
	n.cmd.Stderr = n.stderr
	if err := n.cmd.Start(); err != nil {
		n.t.Fatal(err)
	}
	n.exited = make(chan struct{})
	go func() { n.cmd.Wait(); close(n.exited) }()
	n.t.Cleanup(func() { n.kill() })
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := n.connect(context.Background())
		if err == nil {
			c.Close(context.Background())
			return
		}
		select {
		case <-n.exited:
			n.t.Fatalf("drove server exited during start: %v\n%s", n.cmd.ProcessState, n.log())
		default:
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("drove server not ready after 60s: %v\n%s", err, n.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (n *node) connect(ctx context.Context) (*pgconn.PgConn, error) {
	return pgconn.Connect(ctx, n.url())
}

// kill sends SIGKILL and waits for the process to be gone.
func (n *node) kill() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	n.cmd.Process.Kill()
	<-n.exited
}

// stop sends SIGTERM and waits for a clean exit.
func (n *node) stop() {
	n.t.Helper()
	n.cmd.Process.Signal(os.Interrupt)
	select {
	case <-n.exited:
	case <-time.After(60 * time.Second):
		n.t.Fatalf("drove server did not stop within 60s\n%s", n.log())
	}
	if !n.cmd.ProcessState.Success() {
		n.t.Fatalf("drove server exited with %v\n%s", n.cmd.ProcessState, n.log())
	}
}

func (n *node) log() string {
	n.stderr.mu.Lock()
	defer n.stderr.mu.Unlock()
	return n.stderr.buf.String()
}

// lockedWriter collects the server's stderr, written by exec's copier goroutine.
type lockedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// exec runs a simple-protocol query and returns the rows of its last statement as text.
func exec1(ctx context.Context, c *pgconn.PgConn, sql string) ([][]string, error) {
	res, err := c.Exec(ctx, sql).ReadAll()
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for _, r := range res {
		if r.Err != nil {
			return nil, r.Err
		}
		rows = rows[:0]
		for _, row := range r.Rows {
			var out []string
			for _, v := range row {
				out = append(out, string(v))
			}
			rows = append(rows, out)
		}
	}
	return rows, nil
}

func mustExec(t testing.TB, c *pgconn.PgConn, sql string) [][]string {
	t.Helper()
	rows, err := exec1(context.Background(), c, sql)
	if err != nil {
		t.Fatalf("%s: %v", strings.TrimSpace(sql), err)
	}
	return rows
}

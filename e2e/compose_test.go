package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

const (
	composePassword = "compose e2e"
	// cutFor is how long a node stays cut off while writes go on.
	cutFor = 3 * time.Second
)

// composeProject is one `docker-compose -p` project made from docker/compose.yaml: the
// shipped file, with the image and the host ports swapped for the test's own.
type composeProject struct {
	t          *testing.T
	file       string
	name       string
	network    string
	containers map[string]string // service -> container id
}

// newComposeProject writes docker/compose.yaml with image in place of drove:latest and
// loopback ports the daemon picks in place of the fixed 5433/5443/5453, under a project name
// of its own, and takes it down (containers, volumes, network) when the test ends.
func newComposeProject(t *testing.T, image string) *composeProject {
	t.Helper()
	b, err := os.ReadFile("../docker/compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for old, repl := range map[string]string{
		"image: drove:latest": "image: " + image,
		`["5433:5433"]`:       `["127.0.0.1::5433"]`,
		`["5443:5433"]`:       `["127.0.0.1::5433"]`,
		`["5453:5433"]`:       `["127.0.0.1::5433"]`,
	} {
		if !strings.Contains(text, old) {
			t.Fatalf("docker/compose.yaml no longer says %s; update this test", old)
		}
		text = strings.ReplaceAll(text, old, repl)
	}
	p := &composeProject{t: t, file: filepath.Join(t.TempDir(), "compose.yaml"),
		name: fmt.Sprintf("drovee2e%d", time.Now().UnixNano()), containers: map[string]string{}}
	p.network = p.name + "_default"
	if err := os.WriteFile(p.file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			out, _ := p.command("logs", "--no-color", "--tail", "60").CombinedOutput()
			t.Logf("compose logs:\n%s", out)
		}
		if out, err := p.command("down", "-v", "-t", "1", "--remove-orphans").CombinedOutput(); err != nil {
			t.Logf("docker-compose down: %v\n%s", err, out)
		}
	})
	return p
}

func (p *composeProject) command(args ...string) *exec.Cmd {
	cmd := exec.Command("docker-compose", append([]string{"-f", p.file, "-p", p.name}, args...)...)
	cmd.Env = append(os.Environ(), "DROVE_PASSWORD="+composePassword)
	return cmd
}

func (p *composeProject) run(args ...string) string {
	p.t.Helper()
	out, err := p.command(args...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("docker-compose %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// container is the id of a service's container.
func (p *composeProject) container(service string) string {
	p.t.Helper()
	if id, ok := p.containers[service]; ok {
		return id
	}
	id := p.run("ps", "-q", service)
	p.containers[service] = id
	return id
}

// url is the PostgreSQL URL of a service's published port, for a tablespace. (docker port
// is asked each time: a container reconnected to its network may be given another one.)
func (p *composeProject) url(service, tablespace string) string {
	p.t.Helper()
	port := mappedPort(p.t, p.container(service))
	return fmt.Sprintf("postgres://drove:%s@127.0.0.1:%d/%s?sslmode=disable&connect_timeout=5",
		url.PathEscape(composePassword), port, tablespace)
}

// connect opens a session on a service, waiting for it to come up.
func (p *composeProject) connect(service, tablespace string) *pgconn.PgConn {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := pgconn.Connect(context.Background(), p.url(service, tablespace))
		if err == nil {
			p.t.Cleanup(func() { c.Close(context.Background()) })
			return c
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: no session after 60s: %v", service, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestDockerCompose brings up docker/compose.yaml's three nodes, replicates a tablespace on
// all of them, cuts one follower off its network while writes go on through another node,
// and checks that the follower catches up once it is back: its replica's applied index
// reaches the leader's, and, made the leader, it answers with every row.
func TestDockerCompose(t *testing.T) {
	if testing.Short() {
		t.Skip("about a minute: builds the image and runs three containers")
	}
	requireDocker(t)
	if _, err := exec.LookPath("docker-compose"); err != nil {
		t.Skip("docker-compose not installed")
	}
	start := time.Now()
	p := newComposeProject(t, buildImage(t))
	p.run("up", "-d")
	for _, n := range []string{"n1", "n2", "n3"} {
		p.container(n)
	}
	t.Logf("image built and nodes up in %v", time.Since(start).Round(time.Millisecond))

	admin := p.connect("n1", "drove")
	mustExec(t, admin, `CREATE TABLESPACE 'e2e','replica:n1,n2,n3','expectedreplicacount:3'`)
	n1 := p.connect("n1", "e2e")
	mustExec(t, n1, "CREATE TABLE kv (k integer PRIMARY KEY, v integer)")
	for k := 1; k <= 50; k++ {
		mustExec(t, n1, fmt.Sprintf("INSERT INTO kv VALUES (%d, %d)", k, k))
	}
	n3 := p.connect("n3", "e2e")
	if got := mustExec(t, n3, "SELECT count(*), sum(v) FROM kv"); got[0][0] != "50" || got[0][1] != "1275" {
		t.Fatalf("through n3: count, sum = %v, want 50, 1275", got)
	}

	// Cut off a follower, and write through the node that is neither it nor the leader, so
	// the writes are forwarded too.
	leader := mustExec(t, admin, "SELECT leader FROM systablespaces WHERE tablespace_name = 'e2e'")[0][0]
	var cut, writer string
	for _, n := range []string{"n3", "n2", "n1"} {
		switch {
		case n == leader:
		case cut == "":
			cut = n
		default:
			writer = n
		}
	}
	container := p.container(cut)
	docker(t, "network", "disconnect", p.network, container)
	cutAt := time.Now()
	w := p.connect(writer, "e2e")
	// Past Raft's election timeouts, so the cut node has been campaigning on its own.
	var slowest time.Duration
	rows := 50
	for rows < 100 || time.Since(cutAt) < cutFor {
		rows++
		t0 := time.Now()
		mustExec(t, w, fmt.Sprintf("INSERT INTO kv VALUES (%d, %d)", rows, rows))
		slowest = max(slowest, time.Since(t0))
	}
	mustExec(t, w, "UPDATE kv SET v = v + 1 WHERE k <= 10")
	t.Logf("%s cut off (leader %s): %d writes through %s in %v, slowest %v", cut, leader, rows-49, writer,
		time.Since(cutAt).Round(time.Millisecond), slowest.Round(time.Millisecond))
	// The cut was real: the leader has entries the node has not.
	if lead, got := replicaIndexes(t, w, cut); got >= lead {
		t.Fatalf("%s cut off, yet at the leader's applied index (%d >= %d)", cut, got, lead)
	}
	docker(t, "network", "connect", "--alias", cut, p.network, container)

	back := time.Now()
	waitCaughtUp(t, w, cut)
	t.Logf("%s caught up %v after it was reconnected", cut, time.Since(back).Round(time.Millisecond))
	// Made the leader, the node answers from its own replica.
	mustExec(t, admin, fmt.Sprintf(`ALTER TABLESPACE 'e2e','leader:%s'`, cut))
	waitFor(t, 30*time.Second, "leadership moves to "+cut, func() (bool, string) {
		rows, err := exec1(context.Background(), admin, "SELECT leader FROM systablespaces WHERE tablespace_name = 'e2e'")
		return err == nil && len(rows) == 1 && rows[0][0] == cut, fmt.Sprint(rows, err)
	})
	t.Logf("%s leads %v after it was reconnected", cut, time.Since(back).Round(time.Millisecond))
	c := p.connect(cut, "e2e")
	count, sum := strconv.Itoa(rows), strconv.Itoa(rows*(rows+1)/2+10)
	if got := mustExec(t, c, "SELECT count(*), sum(v) FROM kv"); got[0][0] != count || got[0][1] != sum {
		t.Fatalf("through %s after it caught up: count, sum = %v, want %s, %s", cut, got, count, sum)
	}
	t.Logf("total %v", time.Since(start).Round(time.Millisecond))
}

// waitCaughtUp waits until the tablespace leader (which c's session is served by) reports
// node's replica of e2e at its own applied index.
func waitCaughtUp(t *testing.T, c *pgconn.PgConn, node string) {
	t.Helper()
	waitFor(t, 30*time.Second, node+" catches up", func() (bool, string) {
		lead, got := replicaIndexes(t, c, node)
		return got >= lead, fmt.Sprintf("leader at %d, %s at %d", lead, node, got)
	})
}

// replicaIndexes reads, from the tablespace leader, its applied index and node's.
func replicaIndexes(t *testing.T, c *pgconn.PgConn, node string) (leader, replica int64) {
	t.Helper()
	rows := mustExec(t, c, "SELECT nodeid, mode, appliedindex FROM systablespacereplicastate WHERE tablespace_name = 'e2e'")
	leader, replica = -1, -2
	for _, r := range rows {
		idx, err := strconv.ParseInt(r[2], 10, 64)
		if err != nil {
			t.Fatalf("systablespacereplicastate: %v: %v", rows, err)
		}
		switch {
		case r[1] == "leader":
			leader = idx
		case r[0] == node:
			replica = idx
		}
	}
	return leader, replica
}

func waitFor(t *testing.T, d time.Duration, what string, ok func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		done, state := ok()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v; last: %s", what, d, state)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

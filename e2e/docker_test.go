package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// requireDocker skips when no Docker daemon answers. Outside CI that is the usual state of a
// laptop; in CI .ci/run starts the daemon when it can and says so when it cannot.
func requireDocker(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("docker not installed; the image test needs a Docker daemon")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "docker", "info", "--format", "{{.ServerVersion}}").CombinedOutput(); err != nil {
		t.Skipf("Docker daemon unreachable, image test skipped: %v: %s", err, strings.TrimSpace(string(out)))
	}
}

func docker(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "docker", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// buildImage builds the image the way `make docker` does, under a tag of its own so a
// developer's drove:latest is left alone.
func buildImage(t *testing.T) string {
	t.Helper()
	ctxDir := t.TempDir()
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(ctxDir, "drove"), "github.com/drovedb/drove/cmd/drove")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("static build: %v\n%s", err, out)
	}
	dockerfile, err := os.ReadFile("../docker/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ctxDir, "Dockerfile"), dockerfile, 0o644); err != nil {
		t.Fatal(err)
	}
	tag := fmt.Sprintf("drove:e2e-%d", time.Now().UnixNano())
	docker(t, "build", "-q", "-t", tag, ctxDir)
	t.Cleanup(func() { exec.Command("docker", "rmi", "-f", tag).Run() })
	return tag
}

// TestDockerImage runs the image like the postgres image is run: configured by environment,
// data in a named volume. psql writes, the container restarts, the data is there.
func TestDockerImage(t *testing.T) {
	requireTool(t, "psql")
	requireDocker(t)
	image := buildImage(t)
	name := fmt.Sprintf("drove-e2e-%d", time.Now().UnixNano())
	volume := name + "-data"
	t.Cleanup(func() {
		exec.Command("docker", "rm", "-f", "-v", name).Run()
		exec.Command("docker", "volume", "rm", "-f", volume).Run()
	})

	// Without an explicit auth method the server must refuse to serve the network.
	out, _ := exec.Command("docker", "run", "--rm", image).CombinedOutput()
	if !strings.Contains(string(out), "refusing to listen on 0.0.0.0:5433") {
		t.Fatalf("container without DROVE_HOST_AUTH_METHOD should refuse to start, printed:\n%s", out)
	}

	docker(t, "run", "-d", "--name", name, "-e", "DROVE_HOST_AUTH_METHOD=trust",
		"-v", volume+":/var/lib/drove", "-p", "127.0.0.1::5433", image)
	n := &node{t: t, port: mappedPort(t, name)}
	waitReady(t, n, name)
	psqlOK(t, n, "CREATE TABLE kv (k integer PRIMARY KEY, v text)",
		"INSERT INTO kv VALUES (1, 'one'), (2, 'two')")

	docker(t, "restart", name)
	n.port = mappedPort(t, name) // the host port can change across a restart
	waitReady(t, n, name)
	if got, _ := psql(t, n, "SELECT k, v FROM kv ORDER BY k"); got != "1|one\n2|two\n" {
		t.Fatalf("after restart: got %q\n%s", got, docker(t, "logs", name))
	}

	// DROVE_PASSWORD, like POSTGRES_PASSWORD: psql must give it (SCRAM-SHA-256).
	secure := name + "-pw"
	t.Cleanup(func() { exec.Command("docker", "rm", "-f", "-v", secure).Run() })
	docker(t, "run", "-d", "--name", secure, "-e", "DROVE_PASSWORD=correct horse", "-p", "127.0.0.1::5433", image)
	port := mappedPort(t, secure)
	psqlWith := func(password string) (string, error) {
		cmd := exec.Command("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "drove", "drove", "-c", "SELECT 1")
		cmd.Env = append(os.Environ(), "PGPASSWORD="+password, "PGCONNECT_TIMEOUT=10", "PGSSLMODE=disable")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		out, err := psqlWith("correct horse")
		if err == nil && out == "1\n" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("psql with the password: %v %s\n%s", err, out, docker(t, "logs", secure))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if out, err := psqlWith("wrong"); err == nil || !strings.Contains(out, "password authentication failed") {
		t.Fatalf("psql with a wrong password: %v %s", err, out)
	}
}

func mappedPort(t *testing.T, container string) int {
	t.Helper()
	hostPort := docker(t, "port", container, "5433/tcp")
	line := strings.SplitN(hostPort, "\n", 2)[0]
	p, err := strconv.Atoi(line[strings.LastIndex(line, ":")+1:])
	if err != nil {
		t.Fatalf("docker port printed %q", hostPort)
	}
	return p
}

func waitReady(t *testing.T, n *node, container string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := n.connect(context.Background())
		if err == nil {
			c.Close(context.Background())
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("container not ready after 60s: %v\n%s", err, docker(t, "logs", container))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func psqlOK(t *testing.T, n *node, commands ...string) {
	t.Helper()
	if _, stderr := psql(t, n, commands...); stderr != "" {
		t.Fatalf("psql: %s", stderr)
	}
}

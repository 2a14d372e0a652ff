package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Clients in other languages run a program from testdata against a fresh server: each checks
// its own results (rows, types, SQLSTATEs, generated keys) and prints "ok" at the end.

// TestPsycopg2 runs testdata/psycopg2_client.py with Debian's python3-psycopg2.
func TestPsycopg2(t *testing.T) {
	python := psycopg2Python(t)
	n := newNode(t)
	n.start()
	dsn := fmt.Sprintf("host=127.0.0.1 port=%d user=drove dbname=drove sslmode=disable", n.port)
	runClient(t, n, exec.Command(python, "testdata/psycopg2_client.py", dsn))
}

// psycopg2Python finds a python3 that imports Debian's psycopg2, or skips (fails in CI).
func psycopg2Python(t *testing.T) string {
	t.Helper()
	// A python3 earlier on PATH than Debian's (pyenv, a virtualenv) may not see its packages.
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import psycopg2").Run() == nil {
			python = path
			break
		}
	}
	if python == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no python3 imports psycopg2 in CI (.ci/run installs python3-psycopg2)")
		}
		t.Skip("no python3 with psycopg2; .ci/run installs python3-psycopg2")
	}
	return python
}

// TestPgJDBC compiles testdata/JdbcClient.java with javac and runs it with Debian's pgjdbc
// (libpostgresql-jdbc-java).
func TestPgJDBC(t *testing.T) {
	javac := requireTool(t, "javac")
	java := requireTool(t, "java")
	jar := requireFile(t, "/usr/share/java/postgresql.jar", "libpostgresql-jdbc-java")
	classes := t.TempDir()
	if out, err := exec.Command(javac, "-cp", jar, "-d", classes, "testdata/JdbcClient.java").CombinedOutput(); err != nil {
		t.Fatalf("javac: %v\n%s", err, out)
	}
	n := newNode(t)
	n.start()
	url := fmt.Sprintf("jdbc:postgresql://127.0.0.1:%d/drove?user=drove&sslmode=disable", n.port)
	runClient(t, n, exec.Command(java, "-cp", classes+string(filepath.ListSeparator)+jar, "JdbcClient", url))
}

func runClient(t *testing.T, n *node, cmd *exec.Cmd) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("%s: %v\n%s\nserver log:\n%s", filepath.Base(cmd.Path), err, out, n.log())
	}
}

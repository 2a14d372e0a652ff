// Package pgtest starts a throwaway PostgreSQL 15 for tests that compare drove with the real
// thing (sql's differential test, the root package's TestModel). It is test support only.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// Bin is where Debian's postgresql-15 package installs the server.
const Bin = "/usr/lib/postgresql/15/bin"

// Available reports whether the PostgreSQL 15 server is installed.
func Available() bool {
	_, err := os.Stat(filepath.Join(Bin, "postgres"))
	return err == nil
}

// Connect starts a throwaway PostgreSQL 15 (Start) and returns a connection to it, closed
// when t ends; with -short the test is skipped, since starting the server takes seconds.
func Connect(t testing.TB) *pgconn.PgConn {
	t.Helper()
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	url := Start(t)
	c, err := pgconn.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// Start runs a throwaway PostgreSQL 15 on a loopback port (trust auth, fsync off, C locale,
// UTC) for the rest of t and returns the URL of its postgres database as user postgres.
// Without the server the test is skipped, unless it runs in CI (CI set), where it fails:
// CI installs postgresql-15 (.ci/run), so its absence there is a broken setup, not a skip.
func Start(t testing.TB) string {
	t.Helper()
	if !Available() {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL 15 is required in CI (.ci/run installs postgresql-15): %s/postgres not found", Bin)
		}
		t.Skipf("PostgreSQL 15 server not installed at %s (apt-get install postgresql-15)", Bin)
	}
	dir, err := os.MkdirTemp("", "drove-pg")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// Each command gets its own process group so cleanup can kill the postmaster's children.
	cred, err := chownToServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	attr := &syscall.SysProcAttr{Setpgid: true, Credential: cred}
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.SysProcAttr = attr
		cmd.Dir = dir
		cmd.WaitDelay = 5 * time.Second
		return cmd
	}
	data := filepath.Join(dir, "data")
	tmpl, err := template(command)
	if err != nil {
		t.Fatal(err)
	}
	// cp -a keeps the files' owner (postgres) and the directory's mode 0700, which the
	// server demands.
	if out, err := exec.Command("cp", "-a", tmpl, data).CombinedOutput(); err != nil {
		t.Fatalf("copying the initdb template: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	pg := command(filepath.Join(Bin, "postgres"), "-D", data, "-p", fmt.Sprint(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "TimeZone=UTC")
	// Killed with the test binary (a timeout, ^C), the postmaster must not outlive it.
	pgAttr := *attr
	pgAttr.Pdeathsig = syscall.SIGKILL
	pg.SysProcAttr = &pgAttr
	var logBuf strings.Builder
	pg.Stderr = &logBuf
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-pg.Process.Pid, syscall.SIGKILL)
		pg.Wait()
	})
	url := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		c, err := pgconn.Connect(context.Background(), url)
		if err == nil {
			c.Close(context.Background())
			return url
		}
		if time.Now().After(deadline) {
			t.Fatalf("PostgreSQL did not start: %v\n%s", err, logBuf.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Database returns the URL of database db on the server url points to.
func Database(url, db string) string {
	return strings.Replace(url, "/postgres?", "/"+db+"?", 1)
}

// templateDir is an initdb'd data directory that Start copies: initdb costs a few seconds of
// CPU, a copy a fraction of one, and the sql package alone starts about twenty servers. It
// lives in the temporary directory, kept between test binaries and runs (one per user and
// server version), and is made once per binary if absent.
var templateDir struct {
	once sync.Once
	dir  string
	err  error
}

// template returns the template directory, making it with initdb (run through command, as the
// server's user) if it does not exist yet: built beside it and renamed into place, so test
// binaries running at once never copy a half-made one.
func template(command func(args ...string) *exec.Cmd) (string, error) {
	templateDir.once.Do(func() {
		out, err := exec.Command(filepath.Join(Bin, "postgres"), "--version").Output()
		if err != nil {
			templateDir.err = fmt.Errorf("postgres --version: %v", err)
			return
		}
		version := "unknown"
		if f := strings.Fields(string(out)); len(f) >= 3 {
			version = f[2] // "postgres (PostgreSQL) 15.20 (Debian ...)"
		}
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("drove-pgtest-template-%d-%s", os.Geteuid(), version))
		if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err == nil {
			templateDir.dir = dir
			return
		}
		build, err := os.MkdirTemp("", "drove-pgtest-initdb")
		if err != nil {
			templateDir.err = err
			return
		}
		defer os.RemoveAll(build)
		if _, err := chownToServer(build); err != nil {
			templateDir.err = err
			return
		}
		data := filepath.Join(build, "data")
		cmd := command(filepath.Join(Bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
			"--no-sync", "--encoding=UTF8", "--locale=C")
		cmd.Dir = build
		if out, err := cmd.CombinedOutput(); err != nil {
			templateDir.err = fmt.Errorf("initdb: %v\n%s", err, out)
			return
		}
		// Another binary may have won the race: its template is as good as ours.
		if err := os.Rename(data, dir); err != nil {
			if _, statErr := os.Stat(filepath.Join(dir, "PG_VERSION")); statErr != nil {
				templateDir.err = err
				return
			}
		}
		templateDir.dir = dir
	})
	return templateDir.dir, templateDir.err
}

// chownToServer gives dir to the user the server runs as and returns that user's credential:
// PostgreSQL refuses to run as root, so under root it runs as the postgres user the package
// creates; otherwise as the caller (nil: no change).
func chownToServer(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root and there is no postgres user: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

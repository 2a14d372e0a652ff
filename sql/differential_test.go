package sql

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

const pgBin = "/usr/lib/postgresql/15/bin"

// startPostgres runs a throwaway PostgreSQL 15 on a loopback port and returns a URL for
// database db (created for the caller).
func startPostgres(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(pgBin, "postgres")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL 15 is required in CI (.ci/run installs postgresql-15): %v", err)
		}
		t.Skip("PostgreSQL 15 server not installed (apt-get install postgresql-15)")
	}
	dir, err := os.MkdirTemp("", "drove-pg")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// PostgreSQL refuses to run as root: run it as the postgres user the package creates.
	// Each command gets its own process group so cleanup can kill the postmaster's children.
	attr := &syscall.SysProcAttr{Setpgid: true}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root and there is no postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
		attr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.SysProcAttr = attr
		cmd.Dir = dir
		cmd.WaitDelay = 5 * time.Second
		return cmd
	}
	data := filepath.Join(dir, "data")
	if out, err := command(filepath.Join(pgBin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--no-sync", "--encoding=UTF8", "--locale=C").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	pg := command(filepath.Join(pgBin, "postgres"), "-D", data, "-p", fmt.Sprint(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "TimeZone=UTC")
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

// TestDifferentialPostgres runs every golden file against a real PostgreSQL 15 and checks
// that it answers as drove does: same rows and tags, same SQLSTATEs. A block preceded by a
// comment starting "# deviation:" is a documented, deliberate difference and is skipped
// on both sides of the comparison.
func TestDifferentialPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	url := startPostgres(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	files, _ := filepath.Glob("testdata/*.sql")
	for i, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			db := fmt.Sprintf("golden%d", i)
			if _, err := admin.Exec(ctx, "CREATE DATABASE "+db).ReadAll(); err != nil {
				t.Fatal(err)
			}
			c, err := pgconn.Connect(ctx, strings.Replace(url, "/postgres?", "/"+db+"?", 1))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			deviation := false
			compared := 0
			for _, b := range parseGolden(t, file) {
				if b.kind == "comment" {
					deviation = deviation || strings.HasPrefix(b.sql, "# deviation:")
					continue
				}
				if deviation {
					// Not run on PostgreSQL either: a statement drove refuses but PostgreSQL
					// accepts would leave the two databases with different contents.
					deviation = false
					continue
				}
				lines, code := runOnPostgres(ctx, c, b.sql)
				compared++
				switch b.kind {
				case "ok":
					if code != "" {
						t.Errorf("%s:%d: PostgreSQL fails with %s where drove succeeds:\n%s", file, b.line, code, b.sql)
					}
				case "error":
					if code != b.code {
						t.Errorf("%s:%d: PostgreSQL answers %q where drove fails with %s:\n%s", file, b.line, code, b.code, b.sql)
					}
				case "query":
					got := strings.Join(lines, "\n")
					if code != "" {
						got = "error " + code
					}
					want := strings.Join(b.expect, "\n")
					if strings.HasPrefix(want, "error ") {
						want = want[:len("error ")+5]
					}
					if got != want {
						t.Errorf("%s:%d: %s\nPostgreSQL:\n%s\ndrove:\n%s", file, b.line, b.sql, got, want)
					}
				}
			}
			t.Logf("%d blocks compared with PostgreSQL", compared)
		})
	}
}

// runOnPostgres runs sql with the simple protocol and renders results as golden files do.
func runOnPostgres(ctx context.Context, c *pgconn.PgConn, sql string) ([]string, string) {
	results, err := c.Exec(ctx, sql).ReadAll()
	var lines []string
	for _, r := range results {
		for _, row := range r.Rows {
			parts := make([]string, len(row))
			for i, v := range row {
				if v == nil {
					parts[i] = "NULL"
				} else {
					parts[i] = string(v)
				}
			}
			lines = append(lines, strings.Join(parts, "|"))
		}
		if r.Err == nil {
			lines = append(lines, "tag: "+r.CommandTag.String())
		}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return lines, pgErr.Code
	}
	if err != nil {
		return lines, "client error: " + err.Error()
	}
	return lines, ""
}

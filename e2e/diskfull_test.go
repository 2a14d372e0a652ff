package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/fulldisk"
)

// TestFullDisk runs the server on a small tmpfs and fills it: inserts fail with 53100
// (disk_full) while reads go on, a kill -9 and restart on the full disk keeps every
// acknowledged insert, inserts resume by themselves once space is freed, and after another
// kill -9 and restart every acknowledged insert is there.
func TestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("full-disk test skipped in -short mode")
	}
	n := newNode(t, "--log-segment-size", strconv.Itoa(1<<20))
	fulldisk.Mount(t, n.dataDir, 48<<20)
	t.Cleanup(n.kill) // before the unmount: cleanups run last first
	n.start()
	ctx := context.Background()
	c, err := n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, c, "CREATE TABLE t (id bigint PRIMARY KEY, v text NOT NULL)")
	acked := map[int]bool{}
	next := 0
	pad := strings.Repeat("x", 4000)
	insert := func() error {
		id := next
		next++
		_, err := exec1(ctx, c, fmt.Sprintf("INSERT INTO t VALUES (%d, '%s')", id, pad))
		if err == nil {
			acked[id] = true
		}
		return err
	}
	for range 100 {
		if err := insert(); err != nil {
			t.Fatal(err)
		}
	}

	filler := filepath.Join(n.dataDir, "filler")
	fulldisk.Fill(t, filler)
	var full *pgconn.PgError
	for i := 0; ; i++ {
		err := insert()
		if err == nil {
			if i > 2000 {
				t.Fatal("2000 inserts succeeded on a full disk")
			}
			continue
		}
		if !errors.As(err, &full) || full.Code != "53100" {
			t.Fatalf("insert on a full disk: %v, want SQLSTATE 53100\n%s", err, n.log())
		}
		break
	}
	t.Logf("full disk: %s (hint: %s)", full.Message, full.Hint)
	for range 3 {
		if err := insert(); !errors.As(err, &full) || full.Code != "53100" {
			t.Fatalf("next insert: %v, want 53100", err)
		}
	}
	// The connection and reads are fine.
	if got := mustExec(t, c, "SELECT count(*) FROM t")[0][0]; got != strconv.Itoa(len(acked)) {
		t.Fatalf("count(*) = %s on a full disk, want %d", got, len(acked))
	}
	if psql, err := exec.LookPath("psql"); err == nil {
		out, _ := exec.Command(psql, n.url(), "-v", "VERBOSITY=verbose", "-c",
			"INSERT INTO t VALUES (-1, 'psql')").CombinedOutput()
		if !strings.Contains(string(out), "53100") {
			t.Fatalf("psql insert on a full disk: %s, want 53100", out)
		}
	}

	// kill -9 and a restart while the disk is still full: the server opens with every
	// acknowledged insert and still answers 53100.
	c.Close(ctx)
	n.kill()
	n.start()
	if c, err = n.connect(ctx); err != nil {
		t.Fatal(err)
	}
	if got := mustExec(t, c, "SELECT count(*) FROM t")[0][0]; got != strconv.Itoa(len(acked)) {
		t.Fatalf("count(*) = %s after a restart on a full disk, want %d", got, len(acked))
	}
	if err := insert(); !errors.As(err, &full) || full.Code != "53100" {
		t.Fatalf("insert after a restart on a full disk: %v, want 53100", err)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := insert()
		if err == nil {
			break
		}
		if !errors.As(err, &full) || full.Code != "53100" || time.Now().After(deadline) {
			t.Fatalf("inserts did not resume after space was freed: %v\n%s", err, n.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
	for range 400 { // past another segment
		if err := insert(); err != nil {
			t.Fatal(err)
		}
	}
	c.Close(ctx)

	n.kill()
	n.start()
	c, err = n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows := mustExec(t, c, "SELECT id FROM t")
	got := map[int]bool{}
	for _, r := range rows {
		id, _ := strconv.Atoi(r[0])
		got[id] = true
	}
	for id := range acked {
		if !got[id] {
			t.Fatalf("acknowledged row %d lost after kill -9 and restart", id)
		}
	}
	if len(got) != len(acked) {
		t.Fatalf("%d rows after restart, %d acknowledged", len(got), len(acked))
	}
}

package tablespace

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestZZRepro(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skip(string(out))
	}
	defer exec.Command("umount", "-l", dir).Run()
	ctx := context.Background()
	ts := openTest(t, filepath.Join(dir, "ts"), func(o *Options) { o.LogSegmentSize = 1 << 20 })
	if err := ts.CreateTable(ctx, testSchema("t")); err != nil {
		t.Fatal(err)
	}
	// fill
	f, _ := os.Create(filepath.Join(dir, "filler"))
	buf := make([]byte, 4<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			t.Log("filler:", err)
			break
		}
	}
	f.Sync()
	fi, _ := f.Stat()
	f.Truncate(fi.Size() - 200<<10)
	acked := 0
	for i := 0; i < 3000; i++ {
		tx := ts.Begin()
		tx.Insert(ctx, "t", testKey(int64(i)), testValue(fmt.Sprintf("row%-1000d", i)))
		if err := tx.Commit(ctx); err != nil {
			t.Logf("commit %d: %v", i, err)

			if i > acked+20 {
				break
			}
			time.Sleep(50 * time.Millisecond)
			continue
		}
		acked = i
	}
	t.Log("acked", acked)
	f.Close()
	os.Remove(filepath.Join(dir, "filler"))
	time.Sleep(time.Second)
	for i := 5000; i < 5005; i++ {
		tx := ts.Begin()
		tx.Insert(ctx, "t", testKey(int64(i)), testValue("x"))
		t.Logf("after free commit %d: %v", i, tx.Commit(ctx))
	}
	ts.shutdownRaft()
	o := Options{Dir: filepath.Join(dir, "ts"), Name: "test", CheckpointInterval: -1, LogSegmentSize: 1 << 20}
	ts2, err := Open(o)
	t.Log("reopen:", err)
	if ts2 != nil {
		ts2.Close()
	}
}

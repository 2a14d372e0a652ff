package raftlog_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"
	raftboltdb "github.com/hashicorp/raft-boltdb/v2"

	. "github.com/drovedb/drove/internal/raftlog"
	"github.com/drovedb/drove/internal/raftlog/logfault"
)

// TestMigrateBolt: a log kept in raft-boltdb moves into raft-wal once, entries and stable
// values included; a copy a crash cut short is started again; with both layouts present
// nothing is guessed.
func TestMigrateBolt(t *testing.T) {
	cases := []struct {
		name    string
		prepare func(t *testing.T, dir string) // after raft.db is written
		wantErr string
	}{
		{"fresh", func(*testing.T, string) {}, ""},
		{"a copy cut short", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, Dir+".migrating"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, Dir+".migrating", "junk.wal"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"both layouts", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, Dir), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "both"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			bolt, err := raftboltdb.New(raftboltdb.Options{Path: filepath.Join(dir, BoltFile)})
			if err != nil {
				t.Fatal(err)
			}
			for i := uint64(1); i <= 20; i++ {
				if err := bolt.StoreLog(entry(i)); err != nil {
					t.Fatal(err)
				}
			}
			for _, k := range []string{"CurrentTerm", "LastVoteTerm"} { // as Raft writes them
				if err := bolt.SetUint64([]byte(k), 3); err != nil {
					t.Fatal(err)
				}
			}
			if err := bolt.Set([]byte("LastVoteCand"), []byte("n1")); err != nil {
				t.Fatal(err)
			}
			bolt.Close()
			c.prepare(t, dir)
			err = MigrateBolt(dir)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("MigrateBolt: %v, want an error with %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := MigrateBolt(dir); err != nil { // once only
				t.Fatal(err)
			}
			for name, want := range map[string]bool{BoltFile: false, BoltMigrated: true, Dir + ".migrating": false} {
				if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
					t.Errorf("%s exists %v after migration, want %v", name, err == nil, want)
				}
			}
			l := &testLog{t: t, f: &logfault.Faults{}, next: 21}
			l.s = openTestLog(t, filepath.Join(dir, Dir), l.f)
			defer l.s.Close()
			l.check()
			if v, err := l.s.GetUint64([]byte("CurrentTerm")); err != nil || v != 3 {
				t.Fatalf("CurrentTerm after migration: %d, %v", v, err)
			}
			if err := l.append(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestOpenSnapshotStore: unfinished (.tmp) snapshot directories are removed, completed ones kept.
func TestOpenSnapshotStore(t *testing.T) {
	dir := t.TempDir()
	snaps, err := OpenSnapshotStore(dir, 2, hclog.NewNullLogger())
	if err != nil {
		t.Fatal(err)
	}
	sink, err := snaps.Create(raft.SnapshotVersionMax, 5, 1, raft.Configuration{}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	sink.Write([]byte("state"))
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "snapshots", "1-9-1700000000000.tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if snaps, err = OpenSnapshotStore(dir, 2, hclog.NewNullLogger()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatalf("unfinished snapshot kept: %v", err)
	}
	if list, err := snaps.List(); err != nil || len(list) != 1 || list[0].Index != 5 {
		t.Fatalf("snapshots after reopening: %v, %v; want the completed one", list, err)
	}
}

// TestDropBehindSnapshot: a log that ends before the newest snapshot is emptied; one that
// reaches it is kept.
func TestDropBehindSnapshot(t *testing.T) {
	for _, tc := range []struct {
		name     string
		last     uint64 // the log's last index; the snapshot is at 10
		wantLast uint64
	}{
		{"behind", 7, 0},
		{"at the snapshot", 10, 10},
		{"ahead", 12, 12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs := raft.NewInmemStore()
			for i := uint64(1); i <= tc.last; i++ {
				if err := logs.StoreLog(entry(i)); err != nil {
					t.Fatal(err)
				}
			}
			snaps := raft.NewInmemSnapshotStore()
			sink, err := snaps.Create(raft.SnapshotVersionMax, 10, 1, raft.Configuration{}, 1, nil)
			if err != nil {
				t.Fatal(err)
			}
			sink.Close()
			if err := DropBehindSnapshot(logs, snaps); err != nil {
				t.Fatal(err)
			}
			if last, _ := logs.LastIndex(); last != tc.wantLast {
				t.Fatalf("last index %d, want %d", last, tc.wantLast)
			}
		})
	}
}

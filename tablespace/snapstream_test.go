package tablespace

import (
	"bytes"
	"context"
	"io"
	"maps"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
)

// An install's stream goes through the receiving replica's sink: a complete one lands in a
// fresh store that a restart then uses, without reading pages through the stream (here the
// "crash" comes after the sink closed and before Raft restored it); a damaged one is refused
// and leaves nothing behind.
func TestSnapshotStreamInstall(t *testing.T) {
	src := openSingle(t, t.TempDir())
	defer src.Close()
	if err := src.CreateTable(context.Background(), testSchema("t")); err != nil {
		t.Fatal(err)
	}
	insertN(t, src, 0, 300)
	if err := src.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	insertN(t, src, 300, 400) // a second page
	if err := src.Checkpoint(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := scanRows(t, src)
	list, err := src.snaps.List()
	if err != nil || len(list) == 0 {
		t.Fatal(list, err)
	}
	meta, rc, err := src.snaps.Open(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	stream, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || int64(len(stream)) != meta.Size {
		t.Fatalf("stream of %d bytes, meta says %d: %v", len(stream), meta.Size, err)
	}

	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"complete", nil},
		{"truncated", func(b []byte) []byte { return b[:len(b)-10] }},
		{"page bit flipped", func(b []byte) []byte { b[len(b)-20] ^= 1; return b }},
		{"no end marker", func(b []byte) []byte { return b[:len(b)-1] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			dst := openSingle(t, dir) // a replica with a short log of its own
			snaps := dst.snaps
			data := bytes.Clone(stream)
			if tc.damage != nil {
				data = tc.damage(data)
			}
			sink, err := snaps.Create(raft.SnapshotVersionMax, meta.Index, meta.Term, meta.Configuration,
				meta.ConfigurationIndex, dst.transport)
			if err != nil {
				t.Fatal(err)
			}
			_, werr := sink.Write(data)
			cerr := sink.Close()
			if tc.damage != nil {
				if werr == nil && cerr == nil {
					t.Fatal("a damaged stream was accepted")
				}
				if got := storeNames(t, dir); !slicesEqual(got, []string{legacyStoreDir}) {
					t.Fatalf("stores after a refused stream: %v", got)
				}
				if err := dst.Close(); err != nil {
					t.Fatal(err)
				}
				return
			}
			if werr != nil || cerr != nil {
				t.Fatal(werr, cerr)
			}
			if got := storeNames(t, dir); len(got) != 2 {
				t.Fatalf("stores after the install: %v", got)
			}
			// Crash before Raft restores the installed snapshot; the restart's fsm is built
			// as Open builds it, and restores the newest snapshot as Raft would.
			if err := dst.shutdownRaft(); err != nil {
				t.Fatal(err)
			}
			f, snaps := openReplicaFSM(t, dir)
			got := storeNames(t, dir)
			if len(got) != 1 || got[0] == legacyStoreDir {
				t.Fatalf("stores after restart: %v, want the fresh one only", got)
			}
			list, err := snaps.List()
			if err != nil {
				t.Fatal(err)
			}
			opened := streamPagesOpened.Load()
			_, rc, err := snaps.Open(list[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Restore(rc); err != nil {
				t.Fatal(err)
			}
			if n := streamPagesOpened.Load() - opened; n != 0 {
				t.Fatalf("restart read %d pages through the stream", n)
			}
			rows := map[string]string{}
			if err := f.scan(f.table("t"), func(k, v []byte) error {
				rows[string(k)] = string(v)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(rows, want) {
				t.Fatalf("%d rows after restart, want %d", len(rows), len(want))
			}
			// And the whole replica opens on it: Raft restores it, and the log that ended
			// before the snapshot is dropped rather than appended to with a gap.
			ts := openSingle(t, dir)
			defer ts.Close()
			if rows := scanRows(t, ts); !maps.Equal(rows, want) {
				t.Fatalf("%d rows after Open, want %d", len(rows), len(want))
			}
			insertN(t, ts, 1000, 1010)
			if err := ts.Checkpoint(context.Background()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// openReplicaFSM builds a replica's fsm and snapshot store in dir the way Open does, without
// Raft.
func openReplicaFSM(t *testing.T, dir string) (*fsm, *snapStore) {
	t.Helper()
	fss, err := openSnapshotStore(dir, hclog.NewNullLogger())
	if err != nil {
		t.Fatal(err)
	}
	pages, err := openCurrentStore(dir, fss)
	if err != nil {
		t.Fatal(err)
	}
	f := newFSM(pages, checkpoint.NewCache(64<<20))
	f.dir = dir
	return f, &snapStore{FileSnapshotStore: fss, f: f}
}

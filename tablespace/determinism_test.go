package tablespace

import (
	"testing"

	"github.com/drovedb/drove/wal"
)

// Every replica applies the same committed log; whatever the batching and wherever a checkpoint
// falls, they must end in the same state.
func TestApplyIsDeterministic(t *testing.T) {
	log := randomLog(42, 3000)
	ref := newTestFSM(t)
	applyLog(t, ref, log, 0, len(log), 1)
	want := mustDigest(t, ref)
	if n := len(ref.schemas()); n != 3 {
		t.Fatalf("reference has %d tables, want 3", n)
	}

	cases := []struct {
		name       string
		batch      int
		checkpoint int  // apply this many entries, checkpoint, apply the rest during Persist
		abort      bool // the first checkpoint fails after entries applied meanwhile; a second one follows
	}{
		{"single entries", 1, -1, false},
		{"batches of 64", 64, -1, false},
		{"one huge batch", len(log), -1, false},
		{"checkpoint midway", 16, len(log) / 2, false},
		{"checkpoint early", 7, 10, false},
		{"checkpoint aborted", 16, len(log) / 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newTestFSM(t)
			if c.checkpoint < 0 {
				applyLog(t, f, log, 0, len(log), c.batch)
			} else {
				applyLog(t, f, log, 0, c.checkpoint, c.batch)
				snap, err := f.Snapshot()
				if err != nil {
					t.Fatal(err)
				}
				// Entries keep applying while the checkpoint persists.
				applyLog(t, f, log, c.checkpoint, c.checkpoint+200, c.batch)
				if c.abort {
					// The frozen rows go back to the dirty buffer; a second checkpoint takes them.
					for i := range snap.(*snapshot).tables {
						snap.(*snapshot).tables[i].abort()
					}
					applyLog(t, f, log, c.checkpoint+200, c.checkpoint+400, c.batch)
					c.checkpoint += 400
					if snap, err = f.Snapshot(); err != nil {
						t.Fatal(err)
					}
					applyLog(t, f, log, c.checkpoint, c.checkpoint+200, c.batch)
				}
				var sink memSink
				if err := snap.Persist(&sink); err != nil {
					t.Fatal(err)
				}
				applyLog(t, f, log, c.checkpoint+200, len(log), c.batch)

				// A replica restored from the checkpoint and replaying the rest agrees too.
				r := newTestFSM(t)
				r.pages = f.pages
				if err := r.Restore(nopCloser(sink.Bytes())); err != nil {
					t.Fatal(err)
				}
				if got := r.applied.Load(); got != uint64(c.checkpoint) {
					t.Fatalf("restored applied index %d, want %d", got, c.checkpoint)
				}
				applyLog(t, r, log, c.checkpoint, len(log), c.batch)
				if got := mustDigest(t, r); got != want {
					t.Fatalf("restored replica digest %x, want %x", got, want)
				}
			}
			if got := mustDigest(t, f); got != want {
				t.Fatalf("digest %x, want %x", got, want)
			}
		})
	}
}

func TestDigestSeesDifferences(t *testing.T) {
	log := randomLog(7, 200)
	log = append(log, wal.AppendEntry(nil, &wal.Entry{Kind: wal.KindTxn, Mutations: []wal.Mutation{
		{Op: wal.OpUpdate, Table: "a", Key: testKey(100000), Value: testValue("new")},
	}}))
	a, b := newTestFSM(t), newTestFSM(t)
	applyLog(t, a, log, 0, len(log), 8)
	applyLog(t, b, log, 0, len(log)-1, 8)
	if mustDigest(t, a) == mustDigest(t, b) {
		t.Fatal("replicas one entry apart have equal digests")
	}
}

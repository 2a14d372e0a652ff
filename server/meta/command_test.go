package meta

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// baseCatalog: nodes n1..n3 live, n4 not; tablespace ts on n1,n2 (ModIndex 5); user alice.
func baseCatalog() *Catalog {
	c := healCatalog("n1 n2 n3 n4-", "ts:n1,n2/2")
	ts := c.Tablespaces["ts"]
	ts.ModIndex, ts.CreatedIndex, ts.Bootstrap = 5, 5, []string{"n1", "n2"}
	c.Tablespaces["ts"] = ts
	c.Users["alice"] = User{Name: "alice", Verifier: testVerifier, ModIndex: 6}
	c.Index = 9
	return c
}

func TestApply(t *testing.T) {
	ts := func(name string, replicas ...string) *Tablespace {
		return &Tablespace{Name: name, Replicas: replicas}
	}
	for _, tc := range []struct {
		name  string
		cmd   command
		err   error
		check func(*Catalog) bool
	}{
		{"register node", command{Op: opRegisterNode, Node: &Node{ID: "n5", PGAddr: "p"}}, nil,
			func(c *Catalog) bool { return c.Nodes["n5"].Live && c.Nodes["n5"].PGAddr == "p" }},
		{"register bad id", command{Op: opRegisterNode, Node: &Node{ID: "a b"}}, ErrInvalid, nil},
		{"remove node hosting", command{Op: opRemoveNode, Name: "n1"}, ErrNodeInUse, nil},
		{"remove node", command{Op: opRemoveNode, Name: "n3"}, nil,
			func(c *Catalog) bool { _, ok := c.Nodes["n3"]; return !ok }},
		{"remove unknown", command{Op: opRemoveNode, Name: "n9"}, ErrNotFound, nil},
		{"liveness", command{Op: opSetLiveness, Name: "n4", Live: true, LastSeen: time.Unix(7, 0)}, nil,
			func(c *Catalog) bool { return c.Nodes["n4"].Live && c.Nodes["n4"].LastSeen.Equal(time.Unix(7, 0)) }},
		{"create", command{Op: opCreateTablespace, Tablespace: ts("x", "n3", "n1")}, nil,
			func(c *Catalog) bool {
				x := c.Tablespaces["x"]
				return slices.Equal(x.Bootstrap, []string{"n3", "n1"}) && x.ExpectedReplicas == 2 &&
					x.CreatedIndex == 10 && x.ModIndex == 10
			}},
		{"create default on origin", command{Op: opCreateTablespace, Tablespace: ts("x"), Origin: "n2"}, nil,
			func(c *Catalog) bool { return slices.Equal(c.Tablespaces["x"].Replicas, []string{"n2"}) }},
		{"create default spread, live only", command{Op: opCreateTablespace, Tablespace: &Tablespace{Name: "x", ExpectedReplicas: 4}}, nil,
			func(c *Catalog) bool {
				x := c.Tablespaces["x"]
				return slices.Equal(x.Replicas, []string{"n3", "n1", "n2"}) && x.ExpectedReplicas == 4
			}},
		{"create exists", command{Op: opCreateTablespace, Tablespace: ts("ts", "n1")}, ErrExists, nil},
		{"create unknown replica", command{Op: opCreateTablespace, Tablespace: ts("x", "n9")}, ErrInvalid, nil},
		{"create without tablespace", command{Op: opCreateTablespace}, ErrInvalid, nil},
		{"create negative expected", command{Op: opCreateTablespace, Tablespace: &Tablespace{Name: "x", Replicas: []string{"n1"}, ExpectedReplicas: -1}}, ErrInvalid, nil},
		{"alter", command{Op: opAlterTablespace, IfMod: 5, Tablespace: &Tablespace{Name: "ts", Replicas: []string{"n1", "n3"},
			ExpectedReplicas: 2, Bootstrap: []string{"n9"}, Leader: "n9", CreatedIndex: 1}}, nil,
			func(c *Catalog) bool {
				x := c.Tablespaces["ts"]
				return slices.Equal(x.Replicas, []string{"n1", "n3"}) && slices.Equal(x.Bootstrap, []string{"n1", "n2"}) &&
					x.Leader == "" && x.CreatedIndex == 5 && x.ModIndex == 10
			}},
		{"alter stale", command{Op: opAlterTablespace, IfMod: 4, Tablespace: &Tablespace{Name: "ts", Replicas: []string{"n1"}, ExpectedReplicas: 1}}, ErrConflict, nil},
		{"alter missing", command{Op: opAlterTablespace, Tablespace: ts("zz", "n1")}, ErrNotFound, nil},
		{"alter no replicas", command{Op: opAlterTablespace, Tablespace: &Tablespace{Name: "ts", ExpectedReplicas: 1}}, ErrInvalid, nil},
		{"drop", command{Op: opDropTablespace, Name: "ts"}, nil,
			func(c *Catalog) bool { return len(c.Tablespaces) == 0 }},
		{"drop missing", command{Op: opDropTablespace, Name: "zz"}, ErrNotFound, nil},
		{"set leader", command{Op: opSetLeader, Tablespace: &Tablespace{Name: "ts", Leader: "n2"}}, nil,
			func(c *Catalog) bool { return c.Tablespaces["ts"].Leader == "n2" && c.Tablespaces["ts"].ModIndex == 5 }},
		{"set leader of an older incarnation", command{Op: opSetLeader, Tablespace: &Tablespace{Name: "ts", Leader: "n2", CreatedIndex: 3}}, ErrConflict, nil},
		{"create user", command{Op: opCreateUser, User: &User{Name: "bob", Verifier: testVerifier}}, nil,
			func(c *Catalog) bool { return c.Users["bob"].ModIndex == 10 }},
		{"create user exists", command{Op: opCreateUser, User: &User{Name: "alice", Verifier: testVerifier}}, ErrExists, nil},
		{"create user bad verifier", command{Op: opCreateUser, User: &User{Name: "bob", Verifier: "secret"}}, ErrInvalid, nil},
		{"put user", command{Op: opPutUser, User: &User{Name: "alice", Verifier: testVerifier, Superuser: true}}, nil,
			func(c *Catalog) bool { return c.Users["alice"].Superuser }},
		{"alter user stale", command{Op: opAlterUser, IfMod: 2, User: &User{Name: "alice", Verifier: testVerifier}}, ErrConflict, nil},
		{"alter user missing", command{Op: opAlterUser, User: &User{Name: "bob", Verifier: testVerifier}}, ErrNotFound, nil},
		{"drop user", command{Op: opDropUser, Name: "alice"}, nil,
			func(c *Catalog) bool { return len(c.Users) == 0 }},
		{"drop user missing", command{Op: opDropUser, Name: "bob"}, ErrNotFound, nil},
		{"migrate", command{Op: opMigrate, Migration: &migration{Node: "n3", Tablespaces: []string{"ts", "new"},
			Users: []User{{Name: "alice", Verifier: testVerifier, Superuser: true}, {Name: "carol", Verifier: testVerifier}}}}, nil,
			func(c *Catalog) bool {
				return c.Migrated && slices.Equal(c.Tablespaces["ts"].Replicas, []string{"n1", "n2"}) &&
					slices.Equal(c.Tablespaces["new"].Bootstrap, []string{"n3"}) && !c.Users["alice"].Superuser &&
					c.Users["carol"].ModIndex == 10
			}},
		{"migrate from unknown node", command{Op: opMigrate, Migration: &migration{Node: "n9"}}, ErrInvalid, nil},
		{"unknown op", command{Op: "frobnicate"}, ErrInvalid, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := baseCatalog()
			snapshot, _ := json.Marshal(base)
			got, err := apply(base, &tc.cmd, 10)
			if after, _ := json.Marshal(base); string(after) != string(snapshot) {
				t.Fatal("apply modified its input")
			}
			if tc.err != nil {
				mustKind(t, err, tc.err)
				if got.Index != 10 || content(got) != content(base) {
					t.Fatal("a refused command changed the catalog")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Index != 10 || !tc.check(got) {
				t.Fatalf("catalog after %s: %+v", tc.name, got)
			}
		})
	}
}

// content is the catalog's public content without its index.
func content(c *Catalog) string {
	d := *c
	d.Index = 0
	b, _ := json.Marshal(&d)
	return string(b)
}

// TestApplyOnce: a command retried under the same id gets its first outcome and changes
// nothing more; outcomes are forgotten after requestMemory entries.
func TestApplyOnce(t *testing.T) {
	create := &command{ID: "n1:a", Op: opCreateTablespace, Tablespace: &Tablespace{Name: "x", Replicas: []string{"n1"}}}
	c1, err := apply(baseCatalog(), create, 10)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := apply(c1, create, 11)
	if err != nil || content(c2) != content(c1) || c2.Index != 11 {
		t.Fatalf("retry: %v, changed %v", err, content(c2) != content(c1))
	}
	bad := &command{ID: "n1:b", Op: opDropTablespace, Name: "nope"}
	c3, err := apply(c2, bad, 12)
	mustKind(t, err, ErrNotFound)
	_, err = apply(c3, bad, 13)
	mustKind(t, err, ErrNotFound)
	// Forgotten after requestMemory entries: the retry is applied again (and now refused).
	late := uint64(256 * ((10 + requestMemory + 256) / 256))
	c4, _ := apply(c3, &command{Op: opSetLiveness, Name: "n1", Live: true}, late)
	if _, ok := c4.requests["n1:a"]; ok {
		t.Fatal("old request outcome kept")
	}
	if _, err := apply(c4, create, late+1); !errors.Is(err, ErrExists) {
		t.Fatalf("forgotten retry: %v", err)
	}
}

// TestFSMRefusesUnreadable: an entry this version cannot read is refused and still counts as
// applied.
func TestFSMRefusesUnreadable(t *testing.T) {
	f := newFSM(testLogger())
	for i, data := range [][]byte{[]byte("{"), []byte(`{"v":2,"op":"drop_user","name":"x"}`)} {
		res := f.Apply(&raft.Log{Index: uint64(i + 1), Type: raft.LogCommand, Data: data})
		if err, _ := res.(error); !reflect.DeepEqual(kindName(err), "invalid") {
			t.Fatalf("entry %q: %v", data, res)
		}
		if f.cat.Load().Index != uint64(i+1) {
			t.Fatal("index not advanced")
		}
	}
}

type bufSink struct {
	bytes.Buffer
	cancelled bool
}

func (s *bufSink) ID() string    { return "test" }
func (s *bufSink) Cancel() error { s.cancelled = true; return nil }
func (s *bufSink) Close() error  { return nil }

func TestSnapshotRestore(t *testing.T) {
	f := newFSM(testLogger())
	base := baseCatalog()
	base.requests = map[string]requestResult{"n1:x": {Index: 3, Kind: "exists", Err: "meta: exists"}}
	f.publish(base)
	snap, err := f.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var sink bufSink
	if err := snap.Persist(&sink); err != nil {
		t.Fatal(err)
	}
	g := newFSM(testLogger())
	ch, cancel := g.watch()
	defer cancel()
	if err := g.Restore(io.NopCloser(bytes.NewReader(sink.Bytes()))); err != nil {
		t.Fatal(err)
	}
	var wantBuf, gotBuf bytes.Buffer
	encodeCatalog(&wantBuf, f.cat.Load())
	encodeCatalog(&gotBuf, g.cat.Load())
	want, got := wantBuf.Bytes(), gotBuf.Bytes()
	if string(got) != string(want) {
		t.Fatalf("restored\n%s\nwant\n%s", got, want)
	}
	select {
	case <-ch:
	default:
		t.Fatal("a restore did not notify watchers")
	}
	for _, bad := range []string{"", "{", `{"v":9,"catalog":{}}`, `{"v":1}`} {
		if err := g.Restore(io.NopCloser(bytes.NewReader([]byte(bad)))); err == nil {
			t.Fatalf("restored %q", bad)
		}
	}
	gotBuf.Reset()
	encodeCatalog(&gotBuf, g.cat.Load())
	if gotBuf.String() != string(want) || len(g.cat.Load().requests) != 1 {
		t.Fatal("a failed restore changed the catalog")
	}
}

func TestRepeatKey(t *testing.T) {
	a := repeatKey(`[ERROR] raft.meta: failed to heartbeat to: peer=raft-n3 backoff time=25ms error="x"`)
	b := repeatKey(`[ERROR] raft.meta: failed to heartbeat to: peer=raft-n3 backoff time=50ms error="y"`)
	c := repeatKey(`[ERROR] raft.meta: failed to heartbeat to: peer=raft-n4 backoff time=50ms error="y"`)
	if a != b || a == c || repeatKey("plain") != "plain" {
		t.Fatalf("%q %q %q", a, b, c)
	}
}

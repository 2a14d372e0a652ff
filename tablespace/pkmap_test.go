package tablespace

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

// TestPKMapAgainstModel runs random sets and deletes on a pkMap and on a map of strings, with
// keys of 8 bytes (held as uint64s) and around them, and keys that differ only by trailing
// zero bytes.
func TestPKMapAgainstModel(t *testing.T) {
	var keys [][]byte
	for _, n := range []int{0, 1, 7, 8, 9, 16, 40} {
		for _, fill := range []byte{0, 'a'} {
			k := bytes.Repeat([]byte{fill}, n)
			keys = append(keys, k, append(append([]byte(nil), k...), 0), append(append([]byte(nil), k...), 1))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	m, model := newPKMap(0), map[string]loc{}
	for i := range 20000 {
		k := keys[r.IntN(len(keys))]
		switch r.IntN(4) {
		case 0:
			m.del(k)
			delete(model, string(k))
		case 1:
			m.set(string(k), loc(i))
			model[string(k)] = loc(i)
		default:
			m.setB(k, loc(i))
			model[string(k)] = loc(i)
		}
		if m.len() != len(model) {
			t.Fatalf("step %d: %d keys, model %d", i, m.len(), len(model))
		}
		for _, k := range keys {
			l, ok := m.get(k)
			ls, oks := m.getS(string(k))
			want, wok := model[string(k)]
			if l != want || ok != wok || ls != want || oks != wok {
				t.Fatalf("step %d: key %q: get %v %v, getS %v %v, want %v %v", i, k, l, ok, ls, oks, want, wok)
			}
		}
	}
}

// TestShortAndLongKeysCheckpointAndRestart reads, updates and deletes rows whose keys are
// held as uint64s (8 bytes) and as strings (any other length), through a checkpoint and a
// restart.
func TestShortAndLongKeysCheckpointAndRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s := &types.Schema{Name: "t", PK: []int{0}, Columns: []types.Column{
		{Name: "k", Type: types.Text, NotNull: true}, {Name: "v", Type: types.Text}}}
	key := func(i int) []byte { // encoded lengths 3 to 45, 8 among them
		k, err := types.AppendKey(nil, s, []types.Value{types.NewText(strings.Repeat("x", i%41) + fmt.Sprint(i)), {}})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	val := func(v string) []byte { return types.AppendRow(nil, s, []types.Value{{}, types.NewText(v)}) }
	const n = 400
	ts := openTest(t, dir)
	if err := ts.CreateTable(ctx, s); err != nil {
		t.Fatal(err)
	}
	commit := func(fn func(tx *Txn, i int) error) {
		t.Helper()
		tx := beginAll(ts)
		for i := range n {
			if err := fn(tx, i); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		tx := ts.Begin()
		for i := range n {
			v, ok, err := tx.Get("t", key(i))
			var want []byte
			switch {
			case i%3 == 0: // deleted
			case i%2 == 0:
				want = val(fmt.Sprint("new", i))
			default:
				want = val(fmt.Sprint("old", i))
			}
			if err != nil || ok != (want != nil) || !bytes.Equal(v, want) {
				t.Fatalf("%s: row %d: %q %v %v, want %q", when, i, v, ok, err, want)
			}
		}
		if st, _ := ts.TableRows("t"); st != n-(n+2)/3 {
			t.Fatalf("%s: %d rows, want %d", when, st, n-(n+2)/3)
		}
	}
	commit(func(tx *Txn, i int) error { return tx.Insert(ctx, "t", key(i), val(fmt.Sprint("old", i))) })
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	commit(func(tx *Txn, i int) error {
		switch {
		case i%3 == 0:
			return tx.Delete(ctx, "t", key(i))
		case i%2 == 0:
			return tx.Update(ctx, "t", key(i), val(fmt.Sprint("new", i)))
		}
		return nil
	})
	check("before the checkpoint")
	if err := ts.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	check("after the checkpoint")
	ts.shutdownRaft()
	ts = openTest(t, dir)
	defer ts.Close()
	check("after the restart")
}

package tablespace

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
	"github.com/drovedb/drove/wal"
)

// testSchema is a table (id bigint primary key, v text).
func testSchema(name string) *types.Schema {
	return &types.Schema{
		Name: name,
		Columns: []types.Column{
			{Name: "id", Type: types.Int64, NotNull: true},
			{Name: "v", Type: types.Text},
		},
		PK: []int{0},
	}
}

func testKey(id int64) []byte {
	k, _ := types.AppendKey(nil, testSchema("x"), []types.Value{types.NewInt(types.Int64, id), {}})
	return k
}

func testValue(s string) []byte {
	return types.AppendRow(nil, testSchema("x"), []types.Value{{}, types.NewText(s)})
}

// randomLog builds a deterministic pseudo-random log over a few tables: creates, drops,
// multi-table transactions of inserts, updates, deletes and truncates, and no-ops.
func randomLog(seed uint64, n int) [][]byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var out [][]byte
	add := func(e *wal.Entry) { out = append(out, wal.AppendEntry(nil, e)) }
	tables := []string{"a", "b", "c"}
	for _, t := range tables {
		add(&wal.Entry{Kind: wal.KindCreateTable, Schema: types.MarshalSchema(testSchema(t))})
	}
	for i := 0; i < n; i++ {
		switch x := r.IntN(100); {
		case x < 2:
			add(&wal.Entry{Kind: wal.KindNoop})
		case x < 3:
			t := tables[r.IntN(len(tables))]
			add(&wal.Entry{Kind: wal.KindDropTable, Table: t})
			add(&wal.Entry{Kind: wal.KindCreateTable, Schema: types.MarshalSchema(testSchema(t))})
		default:
			e := &wal.Entry{Kind: wal.KindTxn, TxID: uint64(i)}
			for j := 0; j < 1+r.IntN(20); j++ {
				m := wal.Mutation{Table: tables[r.IntN(len(tables))], Key: testKey(int64(r.IntN(500)))}
				switch y := r.IntN(100); {
				case y == 0:
					m.Op, m.Key = wal.OpTruncate, nil
				case y < 20:
					m.Op = wal.OpDelete
				default:
					m.Op = wal.OpUpdate
					m.Value = testValue(fmt.Sprintf("v%d-%d", i, j))
				}
				e.Mutations = append(e.Mutations, m)
			}
			add(e)
		}
	}
	return out
}

func newTestFSM(t testing.TB) *fsm {
	t.Helper()
	store, err := checkpoint.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return newFSM(store, checkpoint.NewCache(64<<20))
}

// applyLog feeds entries [from, to) of log to f in batches of batch entries.
func applyLog(t testing.TB, f *fsm, log [][]byte, from, to, batch int) {
	t.Helper()
	for i := from; i < to; i += batch {
		end := min(i+batch, to)
		logs := make([]*raft.Log, 0, end-i)
		for j := i; j < end; j++ {
			logs = append(logs, &raft.Log{Index: uint64(j + 1), Type: raft.LogCommand, Data: log[j]})
		}
		f.ApplyBatch(logs)
	}
}

func mustDigest(t testing.TB, f *fsm) [32]byte {
	t.Helper()
	d, err := f.digest()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// memSink is a raft.SnapshotSink that keeps the snapshot in memory.
type memSink struct {
	bytes.Buffer
	cancelled bool
}

func (s *memSink) ID() string    { return "mem" }
func (s *memSink) Cancel() error { s.cancelled = true; return nil }
func (s *memSink) Close() error  { return nil }

var _ raft.SnapshotSink = (*memSink)(nil)

func nopCloser(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }

func openTest(t testing.TB, dir string, mut ...func(*Options)) *Tablespace {
	t.Helper()
	o := Options{Dir: dir, Name: "test", CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)}
	for _, m := range mut {
		m(&o)
	}
	ts, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// insertRows commits rows [from, to) of table, one transaction per batch rows.
func insertRows(t testing.TB, ts *Tablespace, table string, from, to, batch int) {
	t.Helper()
	ctx := context.Background()
	for i := from; i < to; i += batch {
		tx := beginAll(ts)
		for j := i; j < min(i+batch, to); j++ {
			if err := tx.Insert(ctx, table, testKey(int64(j)), testValue(fmt.Sprintf("row%-100d", j))); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

// beginAll begins a transaction admitted to every table that exists now (Txn.Enter), as a
// SQL statement is to the tables it uses.
func beginAll(ts *Tablespace) *Txn {
	tx := ts.Begin()
	for _, s := range ts.Tables() {
		if ok, err := tx.Enter(context.Background(), s.Name, s); !ok || err != nil {
			panic(fmt.Sprintf("entering %q: %v %v", s.Name, ok, err))
		}
	}
	return tx
}

// lastLogIndex is the log's last index, through Raft or the direct path.
func (ts *Tablespace) lastLogIndex() uint64 {
	if d := ts.direct; d != nil {
		return d.lastIndex()
	}
	return ts.raft.LastIndex()
}

package drove_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/drovedb/drove"
)

// TestKVReadsOneSnapshot has a writer move a unit between rows in KV transactions — from row 1
// of a to row 2 of a, with a row of b written between the two, so the entry changes a, then
// b, then a again — while readers add the rows up through the KV API: Gets of both rows in one
// View, a Scan in a View, and a Scan in an Update. Every read must see the total a commit
// leaves, never a transfer by halves: a View reads one snapshot, a Scan one snapshot.
func TestKVReadsOneSnapshot(t *testing.T) {
	db, err := drove.Open(t.TempDir(), drove.WithCheckpointInterval(-1))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, _, err := db.Exec(ctx, `CREATE TABLE a (id bigint PRIMARY KEY, bal bigint);
		CREATE TABLE b (id bigint PRIMARY KEY, n bigint);
		INSERT INTO a VALUES (1, 500), (2, 500)`); err != nil {
		t.Fatal(err)
	}
	kv, err := db.KV("")
	if err != nil {
		t.Fatal(err)
	}
	const total = 1000
	reads := []struct {
		name string
		sum  func() (int64, error)
	}{
		{"two Gets in a View", func() (int64, error) {
			var s int64
			err := kv.View(ctx, func(tx *drove.Tx) error {
				for _, id := range []int64{1, 2} {
					row, _, err := tx.Get("a", id)
					if err != nil {
						return err
					}
					s += row[1].(int64)
					time.Sleep(20 * time.Microsecond) // a caller's work between its reads
				}
				return nil
			})
			return s, err
		}},
		{"Scan in a View", func() (int64, error) { return scanSum(ctx, kv.View) }},
		{"Scan in an Update", func() (int64, error) { return scanSum(ctx, kv.Update) }},
	}
	for _, r := range reads {
		t.Run(r.name, func(t *testing.T) {
			stop := make(chan struct{})
			var wg sync.WaitGroup
			var moves atomic.Int64
			for w := range 1 { // one writer: its Gets read what it last wrote
				wg.Add(1)
				go func() {
					defer wg.Done()
					for n := 0; ; n++ {
						select {
						case <-stop:
							return
						default:
						}
						err := kv.Update(ctx, func(tx *drove.Tx) error {
							from, to := int64(1+n%2), int64(2-n%2)
							rf, _, err := tx.Get("a", from)
							if err != nil {
								return err
							}
							if err := tx.Put("a", drove.Row{from, rf[1].(int64) - 1}); err != nil {
								return err
							}
							for i := range 20 {
								if err := tx.Put("b", drove.Row{int64(w*100 + i), int64(n)}); err != nil {
									return err
								}
							}
							rt, _, err := tx.Get("a", to)
							if err != nil {
								return err
							}
							return tx.Put("a", drove.Row{to, rt[1].(int64) + 1})
						})
						if err != nil {
							t.Error(err)
							return
						}
						moves.Add(1)
					}
				}()
			}
			var checked, torn int
			for start := time.Now(); time.Since(start) < 700*time.Millisecond; checked++ {
				s, err := r.sum()
				if err != nil {
					t.Fatal(err)
				}
				if s != total {
					torn++
				}
			}
			close(stop)
			wg.Wait()
			if torn > 0 {
				t.Errorf("%d of %d reads saw a total other than %d: a commit by halves", torn, checked, total)
			}
			if moves.Load() < 10 {
				t.Errorf("only %d transfers ran: the test proved little", moves.Load())
			}
			t.Logf("%d reads during %d transfers", checked, moves.Load())
		})
	}
}

// scanSum adds up table a's balances by a Scan in a transaction run by run (kv.View or
// kv.Update).
func scanSum(ctx context.Context, run func(context.Context, func(*drove.Tx) error) error) (int64, error) {
	var s int64
	err := run(ctx, func(tx *drove.Tx) error {
		return tx.Scan("a", func(row drove.Row) error {
			s += row[1].(int64)
			time.Sleep(20 * time.Microsecond)
			return nil
		})
	})
	return s, err
}

package drove

import "context"

// Batch collects puts and deletes that KV.Write commits together: one transaction, one log
// entry, one fsync, however many rows it holds. A Batch is reusable after Reset.
type Batch struct{ ops []batchOp }

type batchOp struct {
	table string
	row   Row   // a put
	key   []any // a delete
}

// Put adds an insert-or-replace of row to the batch.
func (b *Batch) Put(table string, row Row) { b.ops = append(b.ops, batchOp{table: table, row: row}) }

// Delete adds the removal of the row whose primary key is key (nothing if there is none).
func (b *Batch) Delete(table string, key ...any) {
	b.ops = append(b.ops, batchOp{table: table, key: key})
}

// Len is the number of operations in the batch.
func (b *Batch) Len() int { return len(b.ops) }

// Reset empties the batch, keeping its memory.
func (b *Batch) Reset() {
	clear(b.ops)
	b.ops = b.ops[:0]
}

// Write applies the batch's operations in order in one transaction and commits it: all of
// them become durable together, or, when one fails (a row that does not fit its table), none.
func (kv *KV) Write(ctx context.Context, b *Batch) error {
	return kv.Update(ctx, func(tx *Tx) error {
		for _, op := range b.ops {
			var err error
			if op.key != nil {
				_, err = tx.Delete(op.table, op.key...)
			} else {
				err = tx.Put(op.table, op.row)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

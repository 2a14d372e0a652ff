package tablespace

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/drovedb/drove/types"
)

// Hidden tables hold catalog rows the SQL layer stores as rows (views, view.go; comments,
// comment.go; sequences keep their own): a table whose name starts with a NUL byte, created
// by the first write, replicated, checkpointed and backed up as any table. The helpers here
// are what every such catalog does with its table.

// hiddenSchema returns hidden table name's schema, creating the table (one log entry, once
// per tablespace) with newSchema's when create is set; nil when there is none and create is
// not set.
func (ts *Tablespace) hiddenSchema(ctx context.Context, name string, newSchema func() *types.Schema, create bool) (*types.Schema, error) {
	if s, ok := ts.Schema(name); ok || !create {
		if !ok {
			return nil, nil
		}
		return s, nil
	}
	if err := ts.CreateTable(ctx, newSchema()); err != nil && !errors.Is(err, ErrTableExists) {
		return nil, err
	}
	s, _ := ts.Schema(name)
	return s, nil
}

// tableTxn runs fn in in, entered into the hidden table; with in nil, in a transaction of its
// own (with ctx's WithLockTimeout), which it commits.
func (ts *Tablespace) tableTxn(ctx context.Context, in *Txn, table string, s *types.Schema, fn func(tx *Txn) error) error {
	tx := in
	if tx == nil {
		tx = ts.Begin()
		defer tx.Rollback()
		if d, ok := ctx.Value(lockTimeoutKey{}).(time.Duration); ok {
			tx.SetLockTimeout(d)
		}
	}
	ok, err := tx.Enter(ctx, table, s)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: the %q table changed", ErrNotEntered, table)
	}
	if err := fn(tx); err != nil || in != nil {
		return err
	}
	return tx.Commit(ctx)
}

// scanHidden calls fn with every row of hidden table name (schema s) as transaction in sees
// them (nil: as committed): the latest committed rows, changed by in's own writes, which come
// last.
func (ts *Tablespace) scanHidden(in *Txn, name string, fn func(key, value []byte) error) error {
	tx := ts.Begin()
	defer tx.Rollback()
	var mine map[string]int
	if in != nil && in.entered(name) >= 0 {
		mine = in.own(name)
	}
	err := tx.Scan(name, func(key, value []byte) error {
		if _, overridden := mine[string(key)]; overridden {
			return nil
		}
		return fn(key, value)
	})
	for _, i := range mine {
		if m := &in.writes[i]; err == nil && m.Op.HasValue() {
			err = fn(m.Key, m.Value)
		}
	}
	return err
}

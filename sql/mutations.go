package sql

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/copydata"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Mutation loads (COPY ... WITH (MUTATIONS)) apply delta records last-writer-wins by logical
// commit time, the data-loading path of a key-value server:
//
//	key, UPDATE|DELETE, logical_commit_time, column values...
//
// A record takes effect only if its time is later than the row's: the row keeps its time in
// its logical_commit_time column, and a deleted row leaves a tombstone with the delete's time
// in <table>__tombstones, so an older UPDATE arriving later does not bring it back. Equal
// times are broken the same way whatever the order (DELETE beats UPDATE; of two UPDATEs the
// greater encoded row wins), so delta files can be replayed in any order, any number of
// times, and end in the same state.

// TimeColumn is the column a mutation-loaded table keeps each row's logical commit time in.
const TimeColumn = "logical_commit_time"

// tombstoneTable names the table of a table's delete tombstones.
func tombstoneTable(table string) string { return table + "__tombstones" }

type mutation struct {
	line  int
	key   []byte
	del   bool
	time  int64
	value []byte // the encoded row, for an UPDATE
}

func (s *Session) copyMutations(ctx context.Context, st *copyStmt, stream CopyStream, out Output) error {
	name, err := s.copyTable(st.table, true)
	if err != nil {
		return err
	}
	schema, ok := s.ts.Schema(name)
	if !ok {
		return relationMissing(name)
	}
	if len(schema.PK) != 1 {
		return Errorf("0A000", "mutation loads need a single-column primary key; %q has %d", name, len(schema.PK))
	}
	pk := schema.PK[0]
	timeCol := schema.ColumnIndex(TimeColumn)
	if timeCol < 0 || schema.Columns[timeCol].Type != types.Int64 {
		return Errorf("42703", "mutation loads keep each row's time in a bigint column %q, which %q lacks", TimeColumn, name)
	}
	var targets []int
	if len(st.cols) == 0 {
		for i, c := range schema.Columns {
			if i != pk && i != timeCol && !c.Hidden {
				targets = append(targets, i)
			}
		}
	} else if targets, err = copyColumns(schema, name, st.cols); err != nil {
		return err
	}
	for _, i := range targets {
		if i == pk || i == timeCol {
			return Errorf("42601", "column %q comes from the mutation record itself, not the column list", schema.Columns[i].Name)
		}
	}
	tombSchema, err := s.tombstones(ctx, name, schema)
	if err != nil {
		return err
	}
	defs, err := s.defaults(schema)
	if err != nil {
		return err
	}

	data, err := stream.CopyIn(3+len(targets), false)
	if err != nil {
		return err
	}
	muts, err := readMutations(ctx, copydata.NewReader(data, st.opts), name, schema, pk, timeCol, targets, defs)
	if err != nil {
		return err
	}
	// One order for every batch: concurrent batches lock keys in the same order and so never
	// wait on each other in a cycle.
	if err := sortStable(&execCtx{ctx: ctx}, muts, func(a, b mutation) int { return bytes.Compare(a.key, b.key) }); err != nil {
		return err
	}

	tomb := tombstoneTable(name)
	row := make([]types.Value, len(schema.Columns))
	err = s.withTxn(ctx, func(tx *tablespace.Txn) error {
		if err := enterTable(ctx, tx, name, schema); err != nil {
			return err
		}
		if err := enterTable(ctx, tx, tomb, tombSchema); err != nil {
			return err
		}
		for n, m := range muts {
			if err := every(ctx, n); err != nil {
				return err
			}
			if err := applyMutation(ctx, tx, name, tomb, schema, tombSchema, timeCol, row, m); err != nil {
				return err
			}
		}
		return tx.StatementEnd() // NO ACTION foreign keys of its deletes
	})
	if err != nil {
		return err
	}
	return out.Complete("COPY " + strconv.Itoa(len(muts)))
}

// tombstones returns the schema of table's tombstone table, creating it on first use: the
// primary-key column of the table and the delete's time.
func (s *Session) tombstones(ctx context.Context, table string, schema *types.Schema) (*types.Schema, error) {
	name := tombstoneTable(table)
	if ts, ok := s.ts.Schema(name); ok {
		return ts, nil
	}
	if s.tx != nil {
		return nil, Errorf("0A000", "the first mutation load of %q creates %q, which cannot happen inside a transaction block", table, name)
	}
	key := schema.Columns[schema.PK[0]]
	key.Default = ""
	ts := &types.Schema{Name: name, PK: []int{0}, Columns: []types.Column{key,
		{Name: TimeColumn, Type: types.Int64, NotNull: true}}}
	if err := s.ts.CreateTable(ctx, ts); err != nil && !errors.Is(err, tablespace.ErrTableExists) {
		return nil, err
	}
	got, ok := s.ts.Schema(name)
	if !ok {
		return nil, relationMissing(name)
	}
	return got, nil
}

// readMutations decodes and checks every record before anything is written.
func readMutations(ctx context.Context, r *copydata.Reader, table string, schema *types.Schema, pk, timeCol int, targets []int, defs []*expr) ([]mutation, error) {
	bt := &boundTable{name: table, schema: schema}
	row := make([]types.Value, len(schema.Columns))
	var muts []mutation
	var key, value []byte
	for read := 0; ; read++ {
		if err := every(ctx, read); err != nil {
			return nil, err
		}
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			return muts, nil
		}
		if err != nil {
			var fe *copydata.FormatError
			if errors.As(err, &fe) {
				return nil, copyError(cmp.Or(fe.Code, "22P04"), table, fe.Line, "", fe.Msg)
			}
			return nil, err
		}
		line := r.Line()
		if len(fields) < 3 {
			return nil, copyError("22P04", table, line, "", "a mutation record starts with key, mutation type and logical commit time")
		}
		m := mutation{line: line}
		switch strings.ToUpper(string(fields[1].Value)) {
		case "UPDATE":
		case "DELETE":
			m.del = true
		default:
			return nil, copyError("22P02", table, line, "", "invalid mutation type "+strconv.Quote(string(fields[1].Value))+": UPDATE or DELETE")
		}
		if fields[0].Null || fields[2].Null {
			return nil, copyError("23502", table, line, "", "a mutation's key and logical commit time cannot be NULL")
		}
		if m.time, err = strconv.ParseInt(strings.TrimSpace(string(fields[2].Value)), 10, 64); err != nil {
			return nil, copyError("22P02", table, line, TimeColumn, "invalid logical commit time "+strconv.Quote(string(fields[2].Value)))
		}
		values := fields[3:]
		if !m.del || len(values) > 0 {
			if len(values) < len(targets) {
				return nil, copyError("22P04", table, line, "", "missing data for column \""+schema.Columns[targets[len(values)]].Name+"\"")
			}
			if len(values) > len(targets) {
				return nil, copyError("22P04", table, line, "", "extra data after last expected column")
			}
		}
		for i := range row {
			row[i] = types.NullValue
			if x := defs[i]; x != nil && !slices.Contains(targets, i) && i != pk {
				if row[i], err = x.eval(nil); err == nil {
					row[i], err = assign(row[i], x.typ, x.unknown, &schema.Columns[i])
				}
				if err != nil {
					return nil, err
				}
			}
		}
		set := func(col int, f copydata.Field) error {
			if f.Null {
				row[col] = types.NullValue
				return nil
			}
			c := &schema.Columns[col]
			v, err := assign(types.NewText(string(f.Value)), types.Text, true, c)
			if err != nil {
				var e *Error
				if errors.As(err, &e) {
					return copyError(e.Code, table, line, c.Name, e.Message)
				}
				return err
			}
			row[col] = v
			return nil
		}
		if err := set(pk, fields[0]); err != nil {
			return nil, err
		}
		if !m.del {
			for j, f := range values {
				if err := set(targets[j], f); err != nil {
					return nil, err
				}
			}
		}
		row[timeCol] = types.NewInt(types.Int64, m.time)
		if m.del {
			if key, err = types.AppendKey(key[:0], schema, row); err != nil {
				return nil, copyError("23502", table, line, "", err.Error())
			}
			m.key = slices.Clone(key)
		} else {
			if key, value, err = finishRow(bt, row, key, value); err != nil {
				var e *Error
				if errors.As(err, &e) {
					return nil, copyError(e.Code, table, line, "", e.Message)
				}
				return nil, err
			}
			m.key, m.value = slices.Clone(key), slices.Clone(value)
		}
		muts = append(muts, m)
	}
}

// applyMutation applies m if it is later than what the row (or its tombstone) records.
func applyMutation(ctx context.Context, tx *tablespace.Txn, table, tomb string, schema, tombSchema *types.Schema, timeCol int, row []types.Value, m mutation) error {
	cur, exists, err := tx.GetForUpdate(ctx, table, m.key)
	if err != nil {
		return err
	}
	tv, tombed, err := tx.GetForUpdate(ctx, tomb, m.key)
	if err != nil {
		return err
	}
	var latest int64
	switch {
	case exists:
		if err := types.DecodeRow(schema, m.key, cur, row); err != nil {
			return err
		}
		latest = row[timeCol].I
	case tombed:
		trow := make([]types.Value, len(tombSchema.Columns))
		if err := types.DecodeRow(tombSchema, m.key, tv, trow); err != nil {
			return err
		}
		latest = trow[1].I
	default: // nothing known of the key: any mutation is the latest
		if m.del {
			return writeTombstone(ctx, tx, tomb, tombSchema, m, false)
		}
		return tx.Insert(ctx, table, m.key, m.value)
	}
	wins := m.time > latest
	if m.time == latest { // the same decision whichever arrived first
		switch {
		case m.del:
			wins = exists
		default:
			wins = exists && bytes.Compare(m.value, cur) > 0
		}
	}
	if !wins {
		return nil
	}
	if m.del {
		if exists {
			if err := tx.Delete(ctx, table, m.key); err != nil {
				return err
			}
		}
		return writeTombstone(ctx, tx, tomb, tombSchema, m, tombed)
	}
	if tombed {
		if err := tx.Delete(ctx, tomb, m.key); err != nil {
			return err
		}
	}
	if exists {
		return tx.Update(ctx, table, m.key, m.value)
	}
	return tx.Insert(ctx, table, m.key, m.value)
}

func writeTombstone(ctx context.Context, tx *tablespace.Txn, tomb string, tombSchema *types.Schema, m mutation, exists bool) error {
	// The tombstone's key column encodes exactly like the table's: same type, one column.
	v := types.AppendRow(nil, tombSchema, []types.Value{types.NullValue, types.NewInt(types.Int64, m.time)})
	if exists {
		return tx.Update(ctx, tomb, m.key, v)
	}
	return tx.Insert(ctx, tomb, m.key, v)
}

package sql

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// A SERIAL (or identity) column owns a sequence named after the table and column, created
// with the table and dropped with it, and its DEFAULT is nextval of it, as PostgreSQL shows
// it: nextval('t_id_seq'::regclass). Tables created before sequences existed have the
// DEFAULT nextval('t_id_seq') and no sequence: the first value they need creates it,
// starting past the column's largest value (serialExpr).
//
// The hidden row id of a table without a primary key is no sequence: its values only need
// to be unique among the rows that exist, so it counts from the table's largest one
// (tablespace.NextSerial).

// RowIDColumn names the hidden key of a table created without a primary key.
const RowIDColumn = "_rowid"

const serialSuffix = "'::regclass)"

// serialDefault is the DEFAULT of a column drawing from sequence seq.
func serialDefault(seq string) string {
	return "nextval('" + strings.ReplaceAll(types.QuoteIdent(seq), "'", "''") + serialSuffix
}

// rowIDDefault is the DEFAULT text of the hidden row id (as before sequences).
func rowIDDefault(table string) string { return "nextval('" + table + "_" + RowIDColumn + "_seq')" }

func isSerialDefault(def string) bool {
	return strings.HasPrefix(def, "nextval('") && (strings.HasSuffix(def, "_seq')") || strings.HasSuffix(def, serialSuffix))
}

// serialSequence is the sequence a serial DEFAULT names, and whether it is of the form
// written before sequences existed.
func serialSequence(def string) (name string, old bool, err error) {
	inner := strings.TrimPrefix(def, "nextval('")
	if strings.HasSuffix(inner, serialSuffix) {
		inner = strings.TrimSuffix(inner, serialSuffix)
	} else {
		inner, old = strings.TrimSuffix(inner, "')"), true
	}
	name, err = seqNameFromText(strings.ReplaceAll(inner, "''", "'"))
	return name, old, err
}

// serialSequenceName picks the name of a serial column's sequence as PostgreSQL does:
// table_column_seq, truncated to a name's 63 bytes, with a number added if it is taken.
func (s *Session) serialSequenceName(table, column string, taken map[string]*tablespace.Sequence) string {
	for i := 0; ; i++ {
		suffix := "seq"
		if i > 0 {
			suffix += strconv.Itoa(i)
		}
		name := makeObjectName(table, column, suffix)
		if _, ok := taken[name]; !ok && !s.relationExists(name) {
			return name
		}
	}
}

// createSerialSequences creates the sequences of a new table's serial columns (their
// DEFAULTs name them already). serials holds the names the SERIAL and identity columns
// took: a DEFAULT nextval('s_seq') the user wrote looks the same but names a sequence that
// already exists, which the table must not create (PostgreSQL only resolves it).
func (s *Session) createSerialSequences(ctx context.Context, schema *types.Schema, serials map[string]*tablespace.Sequence) ([]string, error) {
	var made []string
	for _, c := range schema.Columns {
		if c.Hidden || !isSerialDefault(c.Default) {
			continue
		}
		name, _, err := serialSequence(c.Default)
		opts, ok := serials[name]
		if err == nil && !ok {
			continue
		}
		if err == nil {
			def := serialSequenceDef(name, schema.Name, c, 1)
			if opts != nil { // an identity column's options
				def = *opts
				def.Name, def.OwnedTable, def.OwnedColumn = name, schema.Name, c.Name
			}
			err = s.ts.CreateSequence(ctx, def)
		}
		if err != nil {
			s.dropSequencesQuietly(made)
			return nil, seqError(err, name)
		}
		made = append(made, name)
	}
	return made, nil
}

func (s *Session) dropSequencesQuietly(names []string) {
	for _, n := range names {
		if err := s.ts.DropSequence(context.Background(), n); err != nil && !errors.Is(err, tablespace.ErrNoSequence) {
			s.ts.Logger().Warn("could not drop a sequence of a table that was not created", "sequence", n, "err", err)
		}
	}
}

func serialSequenceDef(name, table string, c types.Column, start int64) tablespace.Sequence {
	_, hi := typeBounds(c.Type)
	return tablespace.Sequence{Name: name, Type: c.Type, Increment: 1, Min: 1, Max: hi, Start: start, Cache: 1,
		OwnedTable: table, OwnedColumn: c.Name}
}

// serialExpr evaluates to the next value of column col of schema, each time it is evaluated.
func (s *Session) serialExpr(schema *types.Schema, col int) (*expr, error) {
	c := schema.Columns[col]
	t := c.Type
	if c.Hidden && c.Name == RowIDColumn {
		return &expr{typ: t, eval: func([]types.Value) (types.Value, error) {
			n, err := s.ts.NextSerial(schema, col)
			return types.NewInt(t, n), err
		}}, nil
	}
	seq, old, err := serialSequence(c.Default)
	if err != nil {
		return nil, err
	}
	return &expr{typ: t, eval: func([]types.Value) (types.Value, error) {
		n, err := s.ts.NextVal(s.seqContext(), seq)
		if old && errors.Is(err, tablespace.ErrNoSequence) {
			n, err = s.migrateSerial(schema, col, seq)
		}
		if err != nil {
			return types.Value{}, seqError(err, seq)
		}
		s.seqState.set(seq, n, true)
		if intRange(t, n) != nil {
			_, hi := typeBounds(t)
			return types.Value{}, Errorf("2200H", "nextval: reached maximum value of sequence %q (%d)", seq, hi)
		}
		return types.NewInt(t, n), nil
	}}, nil
}

// migrateSerial creates the sequence of a serial column of a table from before sequences,
// starting past the largest value the table holds, and returns its first value.
func (s *Session) migrateSerial(schema *types.Schema, col int, seq string) (int64, error) {
	start, err := s.ts.NextSerial(schema, col) // one past the largest value, at first use
	if err != nil {
		return 0, err
	}
	def := serialSequenceDef(seq, schema.Name, schema.Columns[col], start)
	if def.Start > def.Max {
		def.Start = def.Max
	}
	err = s.ts.CreateSequence(s.seqContext(), def)
	if err != nil && !errors.Is(err, tablespace.ErrSequenceExists) { // another session's did
		return 0, err
	}
	return s.ts.NextVal(s.seqContext(), seq)
}

// followAlteredTable keeps the sequences owned by the columns of a table ALTER TABLE changed
// pointing at them: renamed with the table or the column, dropped with the column, as in
// PostgreSQL. sources maps each new column to the old one it comes from.
func (s *Session) followAlteredTable(ctx context.Context, old, next *types.Schema, sources []int) error {
	seqs, err := s.ts.Sequences()
	if err != nil {
		return err
	}
	for _, sq := range seqs {
		if sq.OwnedTable != old.Name {
			continue
		}
		j := slices.Index(sources, old.ColumnIndex(sq.OwnedColumn))
		if j < 0 {
			if err := s.ts.DropSequence(ctx, sq.Name); err != nil && !errors.Is(err, tablespace.ErrNoSequence) {
				return err
			}
			continue
		}
		table, column := next.Name, next.Columns[j].Name
		if table == sq.OwnedTable && column == sq.OwnedColumn {
			continue
		}
		err := s.ts.AlterSequence(ctx, sq.Name, func(def *tablespace.Sequence, _ *int64, _ *bool) error {
			def.OwnedTable, def.OwnedColumn = table, column
			return nil
		})
		if err != nil && !errors.Is(err, tablespace.ErrNoSequence) {
			return err
		}
	}
	return nil
}

// restartOwnedSequences restarts the sequences owned by the tables' columns at their start
// (TRUNCATE ... RESTART IDENTITY).
func (s *Session) restartOwnedSequences(ctx context.Context, tables []string) error {
	seqs, err := s.ts.Sequences()
	if err != nil {
		return err
	}
	for _, sq := range seqs {
		if !slices.Contains(tables, sq.OwnedTable) {
			continue
		}
		err := s.ts.AlterSequence(ctx, sq.Name, func(def *tablespace.Sequence, last *int64, called *bool) error {
			*last, *called = def.Start, false
			return nil
		})
		if err != nil && !errors.Is(err, tablespace.ErrNoSequence) {
			return err
		}
	}
	return nil
}

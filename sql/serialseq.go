package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// buildGetSerialSequence is pg_get_serial_sequence(table, column): the sequence a serial or
// identity column (or one a sequence is OWNED BY) draws from, schema-qualified and quoted as
// PostgreSQL prints it, NULL for a column without one. The table is read as PostgreSQL reads
// a name in text (folded unless quoted, public. allowed); the column is taken literally, its
// case kept. A missing table is 42P01, a missing column 42703, as in PostgreSQL.
func buildGetSerialSequence(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
	null := types.Value{T: types.Text, Null: true}
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		t, err := args[0].eval(row)
		if err != nil || t.IsNull() {
			return null, err
		}
		col, err := args[1].eval(row)
		if err != nil || col.IsNull() {
			return null, err
		}
		name, err := seqNameFromText(t.S)
		if err != nil {
			return null, err
		}
		stored := name
		if hidden, ok := s.tempTableName(name); ok {
			stored = hidden
		}
		schema, ok := s.ts.Schema(stored)
		switch {
		case ok:
		case s.isView(name) || s.isMatview(name) || systemTables[name] != nil:
			return null, nil // PostgreSQL finds no sequence of a view's column (when the column exists)
		default:
			return null, relationMissing(t.S)
		}
		if i := schema.ColumnIndex(col.S); i < 0 || schema.Columns[i].Hidden {
			return null, Errorf("42703", "column %q of relation %q does not exist", col.S, name)
		}
		for _, sq := range s.sequences() {
			if sq.OwnedTable == schema.Name && sq.OwnedColumn == col.S {
				return types.NewText("public." + ast.QuoteIdent(sq.Name)), nil
			}
		}
		return null, nil
	}}, nil
}

package sql

import (
	"fmt"
	"strings"

	"github.com/drovedb/drove/types"
)

// A SERIAL (or identity) column's DEFAULT is kept as PostgreSQL shows it, nextval of the
// sequence named after the table and column; the value comes from the tablespace's counter
// for that column (see tablespace.NextSerial). There are no sequence objects of their own.

// RowIDColumn names the hidden key of a table created without a primary key.
const RowIDColumn = "_rowid"

func serialDefault(table, column string) string {
	return fmt.Sprintf("nextval('%s_%s_seq')", table, column)
}

func isSerialDefault(def string) bool {
	return strings.HasPrefix(def, "nextval('") && strings.HasSuffix(def, "_seq')")
}

// serialExpr evaluates to the next value of column col of schema, each time it is evaluated.
func (s *Session) serialExpr(schema *types.Schema, col int) *expr {
	t := schema.Columns[col].Type
	return &expr{typ: t, eval: func([]types.Value) (types.Value, error) {
		n, err := s.ts.NextSerial(schema, col)
		if err != nil {
			return types.Value{}, err
		}
		if intRange(t, n) != nil {
			return types.Value{}, Errorf("2200H", "nextval: reached maximum value of sequence %q",
				strings.TrimSuffix(strings.TrimPrefix(schema.Columns[col].Default, "nextval('"), "')"))
		}
		return types.NewInt(t, n), nil
	}}
}

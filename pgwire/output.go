package pgwire

import (
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// flushRows bounds how many rows a large result buffers before they are written out.
const flushRows = 512

// output turns a session's results into RowDescription, DataRow and CommandComplete messages.
// Its buffers are reused from row to row and statement to statement.
type output struct {
	be      *pgproto3.Backend
	fields  []pgproto3.FieldDescription
	values  [][]byte
	scratch []byte
	pending int
}

func (o *output) Columns(cols []sql.Column) error {
	o.fields = o.fields[:0]
	for _, c := range cols {
		o.fields = append(o.fields, pgproto3.FieldDescription{
			Name:         []byte(c.Name),
			DataTypeOID:  c.Type.OID(),
			DataTypeSize: c.Type.Size(),
			TypeModifier: -1,
			Format:       0,
		})
	}
	o.be.Send(&pgproto3.RowDescription{Fields: o.fields})
	return nil
}

func (o *output) Row(row []types.Value) error {
	o.values = o.values[:0]
	if o.scratch == nil {
		o.scratch = make([]byte, 0, 256) // non-nil: an empty value must not read as NULL
	}
	o.scratch = o.scratch[:0]
	// Append every value to one scratch buffer, then slice it: one growing buffer, no per-value
	// allocation. Offsets are taken first because appending may move the buffer.
	var offs [64]int
	ends := offs[:0]
	for _, v := range row {
		if v.IsNull() {
			ends = append(ends, -1)
			continue
		}
		o.scratch = v.AppendText(o.scratch)
		ends = append(ends, len(o.scratch))
	}
	start := 0
	for _, end := range ends {
		if end < 0 {
			o.values = append(o.values, nil)
			continue
		}
		o.values = append(o.values, o.scratch[start:end:end])
		start = end
	}
	o.be.Send(&pgproto3.DataRow{Values: o.values})
	o.pending++
	if o.pending >= flushRows {
		o.pending = 0
		return o.be.Flush()
	}
	return nil
}

func (o *output) Complete(tag string) error {
	o.pending = 0
	o.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(tag)})
	return nil
}

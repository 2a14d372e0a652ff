package pgwire

import (
	"time"

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
	types   []types.Type // column types, for binary encoding
	formats []int16      // per column: 0 text, 1 binary; empty means all text
	values  [][]byte
	scratch []byte
	pending int

	simple  bool   // running a simple Query
	copying bool   // running a simple Query or an Execute to completion, where COPY is possible
	started bool   // the statement has sent a result (a switch to forwarding is too late)
	tag     string // the last CommandComplete tag
	// holding keeps the statement's CommandComplete back (held): the Execute that opened an
	// extended batch's implicit transaction, whose result waits for its commit (batch.go).
	holding, held bool
	copyIn        *copyIn // the COPY FROM STDIN of the current statement, if any
	copyingOut    bool    // a COPY TO STDOUT is under way: CopyDone precedes its completion
	// zone is the session's TimeZone, which timestamptz values print in; it follows the
	// TimeZone the session reports.
	zone *time.Location
	// style is how floats and bytea print in text (extra_float_digits, bytea_output); styled
	// says it is not the default, so that the common case tests one bool per value.
	style  types.TextStyle
	styled bool
}

// Columns implements sql.Output for the simple protocol: results are described, in text.
func (o *output) Columns(cols []sql.Column) error {
	if !o.simple {
		return nil // an Execute's: Describe described them, Bind chose their formats
	}
	o.started = true
	o.describe(cols, nil)
	o.prepare(cols, nil)
	return nil
}

// BinaryColumns implements sql.BinaryColumns: a BINARY cursor's FETCH in the simple protocol
// describes and sends every column in binary, as PostgreSQL does.
func (o *output) BinaryColumns(cols []sql.Column) error {
	if !o.simple {
		return nil
	}
	o.started = true
	formats := make([]int16, len(cols))
	for i := range formats {
		formats[i] = 1
	}
	o.describe(cols, formats)
	o.prepare(cols, formats)
	return nil
}

// describe sends a RowDescription with the given formats (nil: text).
func (o *output) describe(cols []sql.Column, formats []int16) {
	o.fields = o.fields[:0]
	for i, c := range cols {
		var f int16
		if i < len(formats) {
			f = formats[i]
		}
		o.fields = append(o.fields, pgproto3.FieldDescription{
			Name:         []byte(c.Name),
			DataTypeOID:  c.Type.OID(),
			DataTypeSize: c.Type.Size(),
			TypeModifier: -1,
			Format:       f,
		})
	}
	o.be.Send(&pgproto3.RowDescription{Fields: o.fields})
}

// prepare sets the column types and formats the following rows are encoded with.
func (o *output) prepare(cols []sql.Column, formats []int16) {
	o.types = o.types[:0]
	for _, c := range cols {
		o.types = append(o.types, c.Type)
	}
	o.formats = formats
}

func (o *output) Row(row []types.Value) error {
	o.started = true
	o.values = o.values[:0]
	if o.scratch == nil {
		o.scratch = make([]byte, 0, 256) // non-nil: an empty value must not read as NULL
	}
	o.scratch = o.scratch[:0]
	// Append every value to one scratch buffer, then slice it: one growing buffer, no per-value
	// allocation. Offsets are taken first because appending may move the buffer.
	var offs [64]int
	ends := offs[:0]
	for i, v := range row {
		if v.IsNull() {
			ends = append(ends, -1)
			continue
		}
		if v.T.IsRecord() && !(i < len(o.formats) && o.formats[i] == 1) {
			if err := sql.CheckTextLen(v); err != nil {
				return err
			}
		}
		if i < len(o.formats) && o.formats[i] == 1 && i < len(o.types) {
			o.scratch = appendBinary(o.scratch, o.types[i], v)
		} else if o.styled {
			o.scratch = types.AppendTextStyledIn(o.scratch, v, o.style, o.zone)
		} else if v.T == types.Timestamptz || v.T == types.TimestamptzArray {
			o.scratch = types.AppendTextIn(o.scratch, v, o.zone)
		} else {
			o.scratch = v.AppendText(o.scratch)
		}
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
	o.tag = tag
	if o.copyingOut {
		o.copyingOut = false
		o.be.Send(&pgproto3.CopyDone{})
	}
	if o.holding {
		o.tag, o.held = tag, true
		return nil
	}
	o.started = true
	o.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(tag)})
	return nil
}

// release sends the held CommandComplete.
func (o *output) release() {
	if o.held {
		o.held, o.started = false, true
		o.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(o.tag)})
	}
}

// ReportSetting implements sql.SettingReporter: a reported setting changed.
func (o *output) ReportSetting(name, value string) error {
	o.setting(name, value)
	o.be.Send(&pgproto3.ParameterStatus{Name: name, Value: value})
	return nil
}

var _ sql.SettingReporter = (*output)(nil)

// setting notes a setting the session reports (at startup or when it changes).
func (o *output) setting(name, value string) {
	if name == "TimeZone" {
		o.zone, _ = types.LoadZone(value)
	}
}

// Notice implements sql.NoticeSender: a NoticeResponse, sent before the statement's
// CommandComplete as PostgreSQL sends it.
func (o *output) Notice(n sql.Notice) error {
	o.be.Send(&pgproto3.NoticeResponse{Severity: n.Severity, SeverityUnlocalized: n.Severity,
		Code: n.Code, Message: n.Message, Detail: n.Detail, Hint: n.Hint})
	return nil
}

var _ sql.NoticeSender = (*output)(nil)

// SetTextStyle implements sql.TextStyler: values print in text by the session's output
// settings from the next statement on.
func (o *output) SetTextStyle(st types.TextStyle) { o.style, o.styled = st, !st.Plain() }

var _ sql.TextStyler = (*output)(nil)

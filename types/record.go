package types

import (
	"encoding/binary"
	"errors"
	"strings"
)

// Record is the type of anonymous records, PostgreSQL's record (oid 2249): a row as a value,
// (a, b) in a select list, a table's name used as a value (row_to_json(t)), the rows of
// functions such as jsonb_each. A record value carries its shape (its fields' names and
// types) in front of its fields, so there is one record type and no registry of shapes: a
// server that sees shapes forever neither runs out of type numbers nor holds on to them.
// The planner keeps a Shape with an expression of type record, for (r).f; a record type is
// never a column type, so the number never reaches a schema.
//
// A record value's S is its shape's header, then its fields in the row encoding (AppendRow):
//
//	uvarint field count, then per field: uvarint name length, name, type byte
const Record Type = 128

// IsRecord reports whether t is the record type.
func (t Type) IsRecord() bool { return t == Record }

// Shape is the fields of a record, and the header its values start with.
type Shape struct {
	schema Schema
	head   string
}

// NewShape is the shape of records with these fields.
func NewShape(fields []Column) *Shape {
	s := &Shape{schema: Schema{Name: "record", Columns: make([]Column, len(fields))}}
	b := binary.AppendUvarint(nil, uint64(len(fields)))
	for i, f := range fields {
		s.schema.Columns[i] = Column{Name: f.Name, Type: f.Type}
		b = binary.AppendUvarint(b, uint64(len(f.Name)))
		b = append(append(b, f.Name...), byte(f.Type))
	}
	s.head = string(b)
	return s
}

// Fields are the shape's fields; the caller must not modify them.
func (s *Shape) Fields() []Column { return s.schema.Columns }

// Record is the record of this shape with these field values (each NULL or of its field's type).
func (s *Shape) Record(vals []Value) Value {
	b := append(make([]byte, 0, len(s.head)+8*len(vals)+1), s.head...)
	return Value{T: Record, S: string(AppendRow(b, &s.schema, vals))}
}

var errBadRecord = errors.New("corrupt record value")

// parseShape reads the header of a record value's bytes: its fields, and where the values begin.
func parseShape(b string) ([]Column, int, error) {
	n, k := binary.Uvarint([]byte(b[:min(len(b), binary.MaxVarintLen64)]))
	if k <= 0 || n > uint64(len(b)) {
		return nil, 0, errBadRecord
	}
	fields := make([]Column, n)
	for i := range fields {
		l, m := binary.Uvarint([]byte(b[k:min(len(b), k+binary.MaxVarintLen64)]))
		if m <= 0 || l >= uint64(len(b)-k-m) {
			return nil, 0, errBadRecord
		}
		k += m
		fields[i] = Column{Name: b[k : k+int(l)], Type: Type(b[k+int(l)])}
		k += int(l) + 1
	}
	return fields, k, nil
}

// RecordShape is the shape a record value carries.
func (v Value) RecordShape() (*Shape, error) {
	fields, k, err := parseShape(v.S)
	if err != nil {
		return nil, err
	}
	return &Shape{schema: Schema{Name: "record", Columns: fields}, head: v.S[:k]}, nil
}

// RecordFields returns a record value's fields and their values.
func (v Value) RecordFields() ([]Column, []Value, error) {
	fields, k, err := parseShape(v.S)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Value, len(fields))
	return fields, out, DecodeValue(&Schema{Columns: fields}, []byte(v.S[k:]), out)
}

// FieldValues returns the values of a record's fields.
func (v Value) FieldValues() ([]Value, error) {
	_, vals, err := v.RecordFields()
	return vals, err
}

// MaxTextLen is the longest text PostgreSQL's output functions can build: a StringInfo may
// not grow to MaxAllocSize (1 GiB - 1), so the longest holds 1 GiB - 2 bytes.
const MaxTextLen = 1<<30 - 2

// TextTooLong reports whether v's text would be longer than MaxTextLen, which only a record
// can be for a value that exists: each level of nesting quotes its fields' text, doubling
// their quotes, so row(row(...)) 40 deep is a few bytes whose text is terabytes. PostgreSQL
// fails at 1 GiB (54000); drove used to build it until the memory ran out. Computed from the
// fields' lengths without building the text.
func (v Value) TextTooLong() bool {
	if !v.T.IsRecord() || v.IsNull() {
		return false
	}
	st, ok := v.recordTextStats()
	return !ok || st.n > MaxTextLen
}

// textStats is what quoting a text costs: its length and its quotes and backslashes (each
// doubled when it is quoted), saturated at statsCap so that deep nesting cannot overflow.
type textStats struct{ n, q, b int64 }

const statsCap = 1 << 50

// quoted is the stats of the text quoted as a record field: each quote and backslash doubled,
// a quote added at each end.
func (s textStats) quoted() textStats {
	return textStats{n: min(s.n+s.q+s.b+2, statsCap), q: min(2*s.q+2, statsCap), b: min(2*s.b, statsCap)}
}

// recordTextStats is the stats of the text appendRecordText prints for v, false for a
// corrupt record.
func (v Value) recordTextStats() (textStats, bool) {
	fields, err := v.FieldValues()
	if err != nil {
		return textStats{n: 3}, false
	}
	st := textStats{n: int64(len(fields)) + 1} // the parentheses and the commas
	for _, f := range fields {
		var fs textStats
		switch {
		case f.IsNull():
			continue
		case f.T.IsRecord():
			inner, ok := f.recordTextStats()
			if !ok {
				return st, false
			}
			fs = inner.quoted() // a record's text holds parentheses: always quoted
		default:
			s := f.AppendText(nil)
			fs = textStats{n: int64(len(s))}
			if len(s) == 0 || strings.ContainsAny(string(s), recordSpecial) {
				fs = textStats{n: int64(len(s)), q: int64(strings.Count(string(s), `"`)),
					b: int64(strings.Count(string(s), `\`))}.quoted()
			}
		}
		st = textStats{n: min(st.n+fs.n, statsCap), q: min(st.q+fs.q, statsCap), b: min(st.b+fs.b, statsCap)}
	}
	return st, true
}

// recordSpecial are the characters that make record_out quote a field.
const recordSpecial = "(),\"\\ \t\n\r"

// appendRecordText prints a record as record_out does: (a,b), a field quoted when it is empty
// or holds a delimiter, a quote, a backslash or a space; NULL as nothing. A record whose text
// would pass MaxTextLen prints as "(?)", as a corrupt one does: callers that send or keep the
// text check TextTooLong first and fail with 54000.
func (v Value) appendRecordText(dst []byte) []byte {
	if v.TextTooLong() {
		return append(dst, "(?)"...)
	}
	return v.appendRecordFields(dst)
}

// appendRecordFields prints a record whose text is known to fit.
func (v Value) appendRecordFields(dst []byte) []byte {
	fields, err := v.FieldValues()
	if err != nil {
		return append(dst, "(?)"...)
	}
	dst = append(dst, '(')
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		if f.IsNull() {
			continue
		}
		var s []byte
		if f.T.IsRecord() {
			s = f.appendRecordFields(nil)
		} else {
			s = f.AppendText(nil)
		}
		if len(s) != 0 && !strings.ContainsAny(string(s), recordSpecial) {
			dst = append(dst, s...)
			continue
		}
		dst = append(dst, '"')
		for j := 0; j < len(s); j++ {
			if s[j] == '"' || s[j] == '\\' {
				dst = append(dst, s[j])
			}
			dst = append(dst, s[j])
		}
		dst = append(dst, '"')
	}
	return append(dst, ')')
}

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

// appendRecordText prints a record as record_out does: (a,b), a field quoted when it is empty
// or holds a delimiter, a quote, a backslash or a space; NULL as nothing.
func (v Value) appendRecordText(dst []byte) []byte {
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
		s := string(f.AppendText(nil))
		if s != "" && !strings.ContainsAny(s, "(),\"\\ \t\n\r") {
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

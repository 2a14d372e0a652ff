package types

import (
	"fmt"
	"strings"
	"sync"
)

// Record types are anonymous composite types: the rows a function such as
// information_schema._pg_expandarray returns, whose fields (x).n reads. A shape is registered
// the first time it is seen, the way PostgreSQL registers anonymous record types in its type
// cache, and keeps its number for the life of the process; a record type is never a column
// type, so the number never reaches a schema. A record value keeps its fields in S in the row
// encoding.
const firstRecord Type = 128

var records struct {
	sync.RWMutex
	shapes []*Schema
	byKey  map[string]Type
}

// RecordType is the record type with these fields.
func RecordType(fields []Column) (Type, error) {
	var key strings.Builder
	for _, f := range fields {
		fmt.Fprintf(&key, "%s\x00%d\x00", f.Name, f.Type)
	}
	records.RLock()
	t, ok := records.byKey[key.String()]
	records.RUnlock()
	if ok {
		return t, nil
	}
	records.Lock()
	defer records.Unlock()
	if t, ok := records.byKey[key.String()]; ok {
		return t, nil
	}
	if len(records.shapes) > 255-int(firstRecord) {
		return Null, fmt.Errorf("too many distinct record types")
	}
	if records.byKey == nil {
		records.byKey = make(map[string]Type)
	}
	t = firstRecord + Type(len(records.shapes))
	records.shapes = append(records.shapes, &Schema{Name: "record", Columns: append([]Column(nil), fields...)})
	records.byKey[key.String()] = t
	return t, nil
}

// IsRecord reports whether t is a record type.
func (t Type) IsRecord() bool { return t >= firstRecord }

func (t Type) recordSchema() *Schema {
	records.RLock()
	defer records.RUnlock()
	i := int(t - firstRecord)
	if !t.IsRecord() || i >= len(records.shapes) {
		return &Schema{}
	}
	return records.shapes[i]
}

// Fields are the fields of a record type.
func (t Type) Fields() []Column { return t.recordSchema().Columns }

// NewRecord is the record of type t with these field values.
func NewRecord(t Type, fields []Value) Value {
	return Value{T: t, S: string(AppendRow(nil, t.recordSchema(), fields))}
}

// FieldValues returns the fields of a record value.
func (v Value) FieldValues() ([]Value, error) {
	s := v.T.recordSchema()
	out := make([]Value, len(s.Columns))
	return out, DecodeValue(s, []byte(v.S), out)
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

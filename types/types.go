package types

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Type is a column type. The numeric values are persisted in schemas: never renumber them.
type Type uint8

const (
	Null      Type = 0  // the type of an untyped NULL literal; never a column type
	Int16     Type = 1  // smallint
	Int32     Type = 2  // integer
	Int64     Type = 3  // bigint
	Float32   Type = 4  // real
	Float64   Type = 5  // double precision
	Bool      Type = 6  // boolean
	Text      Type = 7  // text, varchar(n), char(n)
	Timestamp Type = 8  // timestamp without time zone, microseconds since the Unix epoch
	Bytea     Type = 9  // bytea
	Date      Type = 10 // date, days since the Unix epoch
)

// OID is the PostgreSQL type OID clients see in RowDescription.
func (t Type) OID() uint32 {
	switch t {
	case Int16:
		return 21
	case Int32:
		return 23
	case Int64:
		return 20
	case Float32:
		return 700
	case Float64:
		return 701
	case Bool:
		return 16
	case Text:
		return 25
	case Timestamp:
		return 1114
	case Bytea:
		return 17
	case Date:
		return 1082
	case Int2Vector:
		return 22
	case Int16Array:
		return 1005
	case Int32Array:
		return 1007
	case Int64Array:
		return 1016
	case TextArray:
		return 1009
	case TimeTZArray:
		return 1270
	case Numeric:
		return 1700
	case UUID:
		return 2950
	case JSON:
		return 114
	case JSONB:
		return 3802
	case JSONPath:
		return 4072
	case Timestamptz:
		return 1184
	case Interval:
		return 1186
	case Time:
		return 1083
	case TimeTZ:
		return 1266
	}
	if t.IsRecord() {
		return 2249
	}
	if oid := moreArrayOID(t); oid != 0 {
		return oid
	}
	return 25 // unknown/NULL columns are described as text, as PostgreSQL does for literals
}

// FromOID maps a PostgreSQL type OID to a drove type; Null for OIDs drove has no type for
// (including 0, "unspecified").
func FromOID(oid uint32) Type {
	switch oid {
	case 21:
		return Int16
	case 23:
		return Int32
	case 20:
		return Int64
	case 700:
		return Float32
	case 701:
		return Float64
	case 16:
		return Bool
	case 25, 1043, 1042, 19: // text, varchar, bpchar, name
		return Text
	case 1114:
		return Timestamp
	case 1184:
		return Timestamptz
	case 1186:
		return Interval
	case 1083:
		return Time
	case 1266:
		return TimeTZ
	case 17:
		return Bytea
	case 1082:
		return Date
	case 1700:
		return Numeric
	case 2950:
		return UUID
	case 114:
		return JSON
	case 3802:
		return JSONB
	case 4072:
		return JSONPath
	case 22:
		return Int2Vector
	case 1005:
		return Int16Array
	case 1007:
		return Int32Array
	case 1016, 1028: // bigint[], oid[]
		return Int64Array
	case 1009, 1015: // text[], varchar[]
		return TextArray
	case 1270:
		return TimeTZArray
	}
	return moreArrayFromOID(oid)
}

// Size is the PostgreSQL typlen reported in RowDescription (-1 for variable length).
func (t Type) Size() int16 {
	switch t {
	case Int16:
		return 2
	case Int32, Float32, Date:
		return 4
	case Int64, Float64, Timestamp, Timestamptz, Time:
		return 8
	case Interval:
		return 16
	case TimeTZ:
		return 12
	case Bool:
		return 1
	case UUID:
		return 16
	}
	return -1
}

// String is the PostgreSQL name of the type.
func (t Type) String() string {
	switch t {
	case Null:
		return "unknown"
	case Int16:
		return "smallint"
	case Int32:
		return "integer"
	case Int64:
		return "bigint"
	case Float32:
		return "real"
	case Float64:
		return "double precision"
	case Bool:
		return "boolean"
	case Text:
		return "text"
	case Timestamp:
		return "timestamp without time zone"
	case Bytea:
		return "bytea"
	case Date:
		return "date"
	case Int2Vector:
		return "int2vector"
	case Numeric:
		return "numeric"
	case UUID:
		return "uuid"
	case JSON:
		return "json"
	case JSONB:
		return "jsonb"
	case JSONPath:
		return "jsonpath"
	case Timestamptz:
		return "timestamp with time zone"
	case Interval:
		return "interval"
	case Time:
		return "time without time zone"
	case TimeTZ:
		return "time with time zone"
	}
	if t.IsArray() {
		return t.Elem().String() + "[]"
	}
	if t.IsRecord() {
		return "record"
	}
	return fmt.Sprintf("type(%d)", uint8(t))
}

// IsInteger reports whether t is one of the integer types.
func (t Type) IsInteger() bool { return t == Int16 || t == Int32 || t == Int64 }

// HoldsBytes reports whether values of type t live in S.
func (t Type) HoldsBytes() bool {
	return t == Text || t == Bytea || t == Numeric || t == UUID || t == JSON || t == JSONB || t == JSONPath || t == Interval || t.IsArray() || t.IsRecord()
}

// IsColumnType reports whether a table column can have type t.
func (t Type) IsColumnType() bool {
	return t >= Int16 && t <= Date || t == Numeric || t == UUID || t == JSON || t == JSONB || t == Timestamptz || t == Interval || t == Time || t == TimeTZ ||
		t.IsArray() && t != Int2Vector
}

// IsFloat reports whether t is one of the floating point types.
func (t Type) IsFloat() bool { return t == Float32 || t == Float64 }

// Value is one SQL value. The zero Value is NULL. Integers, booleans (0/1) and timestamps
// (microseconds since the epoch, UTC) live in I, floats in F, text and bytea bytes in S, and
// so do arrays and records (see array.go and record.go).
type Value struct {
	T    Type
	Null bool
	I    int64
	F    float64
	S    string
}

// NullValue is the SQL NULL.
var NullValue = Value{Null: true}

// IsNull reports whether v is SQL NULL.
func (v Value) IsNull() bool { return v.Null || v.T == Null }

// NewInt returns an integer value of type t (Int16, Int32 or Int64).
func NewInt(t Type, i int64) Value { return Value{T: t, I: i} }

// NewFloat returns a floating point value of type t (Float32 or Float64).
// A real (Float32) holds a float32: f is rounded to single precision.
func NewFloat(t Type, f float64) Value {
	if t == Float32 {
		f = float64(float32(f))
	}
	return Value{T: t, F: f}
}

// NewBool returns a boolean value.
func NewBool(b bool) Value {
	if b {
		return Value{T: Bool, I: 1}
	}
	return Value{T: Bool}
}

// NewText returns a text value.
func NewText(s string) Value { return Value{T: Text, S: s} }

// NewBytea returns a bytea value.
func NewBytea(b []byte) Value { return Value{T: Bytea, S: string(b)} }

// NewTimestamp returns a timestamp value (the wall clock of t read as UTC).
func NewTimestamp(t time.Time) Value { return Value{T: Timestamp, I: t.UnixMicro()} }

// Bool returns the boolean held by v.
func (v Value) Bool() bool { return v.I != 0 }

// Time returns the timestamp held by v, in UTC.
func (v Value) Time() time.Time { return time.UnixMicro(v.I).UTC() }

// NewDate is the date of t (its UTC calendar day).
func NewDate(t time.Time) Value {
	return Value{T: Date, I: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400}
}

// DateLayout is how dates are printed, as PostgreSQL does with DateStyle ISO.
const DateLayout = "2006-01-02"

// TimestampLayout is how timestamps are printed, as PostgreSQL does with DateStyle ISO.
const TimestampLayout = "2006-01-02 15:04:05.999999"

// String renders v in PostgreSQL's text output format; NULL renders as "NULL".
func (v Value) String() string {
	if v.IsNull() {
		return "NULL"
	}
	return string(v.AppendText(nil))
}

// Column is one column of a table schema.
type Column struct {
	Name    string
	Type    Type
	Length  int    // n of varchar(n)/char(n); 0 when unbounded
	Fixed   bool   // char(n): blank-padded to Length
	NotNull bool   // NOT NULL (always true for primary key columns)
	Default string // the DEFAULT expression as SQL text, "" when none; evaluated by package sql
	// Hidden marks the row id of a table created without a primary key: it is the key, but
	// SELECT * and an INSERT without a column list do not see it.
	Hidden bool
	// Identity is pg_attribute.attidentity: IdentityAlways for GENERATED ALWAYS AS IDENTITY
	// (an INSERT or UPDATE may only give it its DEFAULT), IdentityByDefault for GENERATED BY
	// DEFAULT AS IDENTITY, 0 otherwise (a SERIAL column too).
	Identity byte
	// Generated is a stored generated column's expression (GENERATED ALWAYS AS (expr)
	// STORED, pg_attribute.attgenerated 's'), SQL text in the DEFAULTs' form; "" for any
	// other column. Package sql computes it into every row it writes.
	Generated string
}

// The identity kinds of a column, as pg_attribute.attidentity spells them.
const (
	IdentityAlways    byte = 'a'
	IdentityByDefault byte = 'd'
)

// TypeName is the column's declared type as PostgreSQL prints it.
func (c Column) TypeName() string {
	if p, s, ok := NumericPrecisionScale(c.Length); ok && c.Type == Numeric {
		return fmt.Sprintf("numeric(%d,%d)", p, s)
	}
	if c.Type == Interval {
		return IntervalTypeName(c.Typmod())
	}
	if p, ok := c.Precision(); ok {
		base, zone, _ := strings.Cut(c.Type.String(), " ")
		return fmt.Sprintf("%s(%d) %s", base, p, zone)
	}
	if c.Type == Text && c.Length > 0 {
		if c.Fixed {
			return fmt.Sprintf("character(%d)", c.Length)
		}
		return fmt.Sprintf("character varying(%d)", c.Length)
	}
	return c.Type.String()
}

// Typmod is the column's PostgreSQL type modifier (atttypmod), -1 for none. Length holds it
// as varchar(n)'s n or numeric's packed precision and scale (typmod less its 4-byte header),
// a time type's precision plus one, or an interval's typmod plus one, so that 0 is none.
func (c Column) Typmod() int {
	switch {
	case c.Length <= 0:
		return -1
	case c.Type == Text || c.Type == Numeric:
		return c.Length + 4
	}
	return c.Length - 1
}

// WithTypmod is c with PostgreSQL's typmod (-1 for none) of its type.
func (c Column) WithTypmod(typmod int) Column {
	switch {
	case typmod < 0:
		c.Length = 0
	case c.Type == Text || c.Type == Numeric:
		c.Length = typmod - 4
	default:
		c.Length = typmod + 1
	}
	return c
}

// HasPrecision reports whether t takes a fractional seconds precision: time(p), timestamp(p).
func (t Type) HasPrecision() bool {
	return t == Time || t == TimeTZ || t == Timestamp || t == Timestamptz
}

// Precision is the fractional seconds precision of a time(p), timetz(p), timestamp(p) or
// timestamptz(p) column; ok is false without one.
func (c Column) Precision() (p int, ok bool) {
	if !c.Type.HasPrecision() || c.Length <= 0 {
		return 0, false
	}
	return c.Length - 1, true
}

// Schema describes a table: its columns in declaration order and which of them form the
// primary key, in key order.
type Schema struct {
	Name    string
	Columns []Column
	PK      []int // indexes into Columns
	Indexes []Index
	// Constraints are the CHECK, UNIQUE and FOREIGN KEY constraints (constraints.go).
	Constraints []Constraint
	// PKName is the name of the primary key's constraint and of its index; "" means
	// Name+"_pkey", PostgreSQL's default (PKConstraintName). A table renamed keeps its key's
	// name, so a rename sets it.
	PKName string
	// PKInclude are the columns of PRIMARY KEY (...) INCLUDE (...): no part of the key; kept
	// for the catalog, as Index.Include.
	PKInclude []int
}

// PKConstraintName is the name of the primary key's constraint and index (meaningless for a
// table whose key is a hidden row id: it has no primary key constraint).
func (s *Schema) PKConstraintName() string {
	if s.PKName != "" {
		return s.PKName
	}
	return s.Name + "_pkey"
}

// Index is a secondary index of a table.
type Index struct {
	Name    string
	Columns []int // indexes into Columns
	Unique  bool
	Hash    bool // USING hash: equality lookups only; otherwise ordered (ranges too)
	// Exprs are the key of an index on expressions, a partial index or a NULLS NOT DISTINCT
	// one: per key part, its expression as SQL text (a plain column as its name), with
	// Columns empty. The SQL layer computes such an index's keys (tablespace's
	// SetIndexKeyHook), so code that reads only Columns leaves these indexes alone.
	Exprs []string
	// Predicate is a partial index's WHERE (SQL text): only the rows it holds for are indexed.
	Predicate string
	// NullsNotDistinct: a NULL key part is indexed and equals another NULL (PostgreSQL 15's
	// UNIQUE NULLS NOT DISTINCT); the parts then encode as AppendNullableKeyValue.
	NullsNotDistinct bool
	// Include are the columns of INCLUDE (...): stored with the index in PostgreSQL but no part
	// of its key, so they neither order it nor make a row unique; drove keeps them for the
	// catalog (pg_get_indexdef, pg_index) and drops the index with any of them, as PostgreSQL.
	Include []int
}

// Computed reports whether the SQL layer computes the index's keys (Exprs).
func (ix *Index) Computed() bool { return len(ix.Exprs) > 0 }

// IndexNamed returns the index called name, or nil.
func (s *Schema) IndexNamed(name string) *Index {
	for i := range s.Indexes {
		if s.Indexes[i].Name == name {
			return &s.Indexes[i]
		}
	}
	return nil
}

// ColumnIndex returns the position of the named column (names are case-sensitive, already
// folded by the SQL layer), or -1.
func (s *Schema) ColumnIndex(name string) int {
	for i := range s.Columns {
		if s.Columns[i].Name == name {
			return i
		}
	}
	return -1
}

// IsPK reports whether column i is part of the primary key.
func (s *Schema) IsPK(i int) bool {
	for _, p := range s.PK {
		if p == i {
			return true
		}
	}
	return false
}

// Validate checks the structural rules every schema must follow.
func (s *Schema) Validate() error {
	if s.Name == "" {
		return fmt.Errorf("table name is empty")
	}
	if len(s.Columns) == 0 {
		return fmt.Errorf("table %q has no columns", s.Name)
	}
	seen := make(map[string]bool, len(s.Columns))
	for _, c := range s.Columns {
		if c.Name == "" {
			return fmt.Errorf("table %q has a column with no name", s.Name)
		}
		if seen[c.Name] {
			return fmt.Errorf("column %q specified more than once", c.Name)
		}
		seen[c.Name] = true
		if !c.Type.IsColumnType() {
			return fmt.Errorf("column %q has invalid type %d", c.Name, c.Type)
		}
	}
	if len(s.PK) == 0 {
		return fmt.Errorf("table %q has no primary key", s.Name)
	}
	inPK := make(map[int]bool, len(s.PK))
	for _, p := range s.PK {
		if p < 0 || p >= len(s.Columns) || inPK[p] {
			return fmt.Errorf("table %q has an invalid primary key", s.Name)
		}
		inPK[p] = true
	}
	for _, p := range s.PKInclude {
		if p < 0 || p >= len(s.Columns) {
			return fmt.Errorf("table %q has an invalid primary key", s.Name)
		}
	}
	names := make(map[string]bool, len(s.Indexes))
	for _, ix := range s.Indexes {
		if ix.Name == "" || names[ix.Name] || len(ix.Columns) == 0 && len(ix.Exprs) == 0 || len(ix.Columns) > 0 && len(ix.Exprs) > 0 {
			return fmt.Errorf("table %q has an invalid index %q", s.Name, ix.Name)
		}
		if ix.Name == s.PKName {
			return fmt.Errorf("table %q has an index %q named as its primary key", s.Name, ix.Name)
		}
		names[ix.Name] = true
		for _, c := range slices.Concat(ix.Columns, ix.Include) {
			if c < 0 || c >= len(s.Columns) {
				return fmt.Errorf("index %q of table %q names a column it does not have", ix.Name, s.Name)
			}
		}
	}
	return s.validateConstraints()
}

// QuoteIdent quotes an identifier as PostgreSQL's quote_identifier does: unless it is lower-case
// letters, _ and (not first) digits, and not a keyword.
func QuoteIdent(s string) string {
	plain := s != "" && !keywords[s]
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9'
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

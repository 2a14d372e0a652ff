package types

import (
	"encoding/binary"
	"errors"
	"fmt"
)

const schemaVersion = 1

// MarshalSchema encodes a schema for the log and for checkpoint manifests.
func MarshalSchema(s *Schema) []byte {
	b := []byte{schemaVersion}
	b = appendString(b, s.Name)
	b = binary.AppendUvarint(b, uint64(len(s.Columns)))
	for _, c := range s.Columns {
		b = appendString(b, c.Name)
		b = append(b, byte(c.Type))
		b = binary.AppendUvarint(b, uint64(c.Length))
		var flags byte
		if c.Fixed {
			flags |= 1
		}
		if c.NotNull {
			flags |= 2
		}
		if c.Hidden {
			flags |= 4
		}
		switch c.Identity {
		case IdentityAlways:
			flags |= 8
		case IdentityByDefault:
			flags |= 16
		}
		if c.Generated != "" {
			flags |= 32 // the generation expression follows the DEFAULT
		}
		b = append(b, flags)
		b = appendString(b, c.Default)
		if c.Generated != "" {
			b = appendString(b, c.Generated)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(s.PK)))
	for _, p := range s.PK {
		b = binary.AppendUvarint(b, uint64(p))
	}
	// Indexes follow, when there are any (or constraints, or a primary key name): a schema
	// without keeps the encoding it always had. Constraints, their timing and the key's name
	// follow the indexes in the same way; each optional part is there when a later one is.
	pkName := s.PKName
	if pkName == s.Name+"_pkey" {
		pkName = "" // the default name, which a schema written before PKName decodes to
	}
	if len(s.PKInclude) > 0 && pkName == "" {
		pkName = s.Name + "_pkey" // the key's INCLUDE columns follow its name, which is there then
	}
	if len(s.Indexes) > 0 || len(s.Constraints) > 0 || pkName != "" {
		b = binary.AppendUvarint(b, uint64(len(s.Indexes)))
		for _, ix := range s.Indexes {
			b = appendString(b, ix.Name)
			var flags byte
			if ix.Unique {
				flags |= 1
			}
			if ix.Hash {
				flags |= 2
			}
			if ix.Computed() {
				flags |= 4 // the expressions and the predicate follow the columns
			}
			if ix.NullsNotDistinct {
				flags |= 8
			}
			if len(ix.Include) > 0 {
				flags |= 16 // the INCLUDE columns follow the rest (a schema before them has none)
			}
			b = append(b, flags)
			b = binary.AppendUvarint(b, uint64(len(ix.Columns)))
			for _, c := range ix.Columns {
				b = binary.AppendUvarint(b, uint64(c))
			}
			if ix.Computed() {
				b = binary.AppendUvarint(b, uint64(len(ix.Exprs)))
				for _, e := range ix.Exprs {
					b = appendString(b, e)
				}
				b = appendString(b, ix.Predicate)
			}
			if len(ix.Include) > 0 {
				b = binary.AppendUvarint(b, uint64(len(ix.Include)))
				for _, c := range ix.Include {
					b = binary.AppendUvarint(b, uint64(c))
				}
			}
		}
	}
	if len(s.Constraints) > 0 || pkName != "" {
		b = appendConstraints(b, s.Constraints)
		b = appendTiming(b, s.Constraints, pkName != "")
	}
	if pkName != "" {
		b = appendString(b, pkName)
	}
	if len(s.PKInclude) > 0 {
		b = binary.AppendUvarint(b, uint64(len(s.PKInclude)))
		for _, c := range s.PKInclude {
			b = binary.AppendUvarint(b, uint64(c))
		}
	}
	return b
}

// UnmarshalSchema decodes MarshalSchema's output, rejecting malformed input.
func UnmarshalSchema(b []byte) (*Schema, error) {
	d := decoder{b: b}
	if v := d.byte(); v != schemaVersion {
		if d.err != nil {
			return nil, d.err
		}
		return nil, fmt.Errorf("schema: unsupported version %d", v)
	}
	s := &Schema{Name: d.string()}
	n := d.count()
	for i := 0; i < n && d.err == nil; i++ {
		c := Column{Name: d.string(), Type: Type(d.byte()), Length: int(d.uvarint())}
		flags := d.byte()
		c.Fixed, c.NotNull, c.Hidden = flags&1 != 0, flags&2 != 0, flags&4 != 0
		switch {
		case flags&8 != 0:
			c.Identity = IdentityAlways
		case flags&16 != 0:
			c.Identity = IdentityByDefault
		}
		c.Default = d.string()
		if flags&32 != 0 {
			c.Generated = d.string()
		}
		s.Columns = append(s.Columns, c)
	}
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		s.PK = append(s.PK, int(d.uvarint()))
	}
	if d.err == nil && len(d.b) > 0 {
		n = d.count()
		for i := 0; i < n && d.err == nil; i++ {
			ix := Index{Name: d.string()}
			flags := d.byte()
			ix.Unique, ix.Hash, ix.NullsNotDistinct = flags&1 != 0, flags&2 != 0, flags&8 != 0
			m := d.count()
			for j := 0; j < m && d.err == nil; j++ {
				ix.Columns = append(ix.Columns, int(d.uvarint()))
			}
			if flags&4 != 0 {
				m = d.count()
				for j := 0; j < m && d.err == nil; j++ {
					ix.Exprs = append(ix.Exprs, d.string())
				}
				ix.Predicate = d.string()
			}
			if flags&16 != 0 {
				m = d.count()
				for j := 0; j < m && d.err == nil; j++ {
					ix.Include = append(ix.Include, int(d.uvarint()))
				}
			}
			s.Indexes = append(s.Indexes, ix)
		}
	}
	if d.err == nil && len(d.b) > 0 {
		s.Constraints = d.constraints()
	}
	if d.err == nil && len(d.b) > 0 {
		d.timing(s.Constraints)
	}
	if d.err == nil && len(d.b) > 0 {
		if s.PKName = d.string(); s.PKName == "" && d.err == nil {
			return nil, errors.New("schema: empty primary key name")
		}
		if s.PKName == s.Name+"_pkey" {
			s.PKName = "" // written for the INCLUDE columns that follow: the default name
		}
	}
	if d.err == nil && len(d.b) > 0 {
		n = d.count()
		for i := 0; i < n && d.err == nil; i++ {
			s.PKInclude = append(s.PKInclude, int(d.uvarint()))
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errors.New("schema: trailing bytes")
	}
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return s, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decoder reads a byte slice, remembering the first error so callers check once.
type decoder struct {
	b   []byte
	err error
}

var errTruncated = errors.New("schema: truncated")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errTruncated
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return x
}

// count reads a length that must be plausible for the bytes left.
func (d *decoder) count() int {
	x := d.uvarint()
	if x > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(x)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

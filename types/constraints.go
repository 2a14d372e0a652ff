package types

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Constraint is a CHECK, UNIQUE or FOREIGN KEY constraint of a table. It is schema: it
// travels with the table's schema through the log, checkpoints and snapshot installs.
// The primary key is not one of these (Schema.PK is).
type Constraint struct {
	Name string
	Kind ConstraintKind
	// Columns: UNIQUE's and FOREIGN KEY's columns (indexes into the table's Columns).
	Columns []int
	// Check is a CHECK's expression as SQL text, in package sql's stored form.
	Check string
	// Index is the unique index backing a UNIQUE constraint.
	Index string
	// RefTable and RefColumns: the table and columns (names: the parent's columns may move)
	// a FOREIGN KEY references; OnDelete and OnUpdate are its actions.
	RefTable           string
	RefColumns         []string
	OnDelete, OnUpdate RefAction
	// Deferrable and Deferred: DEFERRABLE [INITIALLY DEFERRED] (UNIQUE and FOREIGN KEY only).
	Deferrable, Deferred bool
	// MatchFull: a FOREIGN KEY's MATCH FULL (a key is either all NULL, and references
	// nothing, or all set); MATCH SIMPLE, the default, lets any NULL in the key pass.
	MatchFull bool
	// NotValid: added with NOT VALID (CHECK and FOREIGN KEY only) and not validated since:
	// new rows are checked, the rows the table had then may not pass.
	NotValid bool
}

// ConstraintKind is PostgreSQL's pg_constraint.contype letter.
type ConstraintKind byte

// The kinds of constraint.
const (
	ConstraintCheck   ConstraintKind = 'c'
	ConstraintUnique  ConstraintKind = 'u'
	ConstraintForeign ConstraintKind = 'f'
)

// RefAction is a foreign key's ON DELETE / ON UPDATE action, as pg_constraint's
// confdeltype letter.
type RefAction byte

// The referential actions.
const (
	RefNoAction   RefAction = 'a'
	RefRestrict   RefAction = 'r'
	RefCascade    RefAction = 'c'
	RefSetNull    RefAction = 'n'
	RefSetDefault RefAction = 'd'
)

// ConstraintNamed returns the constraint called name, or nil.
func (s *Schema) ConstraintNamed(name string) *Constraint {
	for i := range s.Constraints {
		if s.Constraints[i].Name == name {
			return &s.Constraints[i]
		}
	}
	return nil
}

// appendConstraints encodes the constraints after the indexes.
func appendConstraints(b []byte, cs []Constraint) []byte {
	b = binary.AppendUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = appendString(b, c.Name)
		b = append(b, byte(c.Kind), byte(c.OnDelete), byte(c.OnUpdate))
		b = binary.AppendUvarint(b, uint64(len(c.Columns)))
		for _, col := range c.Columns {
			b = binary.AppendUvarint(b, uint64(col))
		}
		b = appendString(b, c.Check)
		b = appendString(b, c.Index)
		b = appendString(b, c.RefTable)
		b = binary.AppendUvarint(b, uint64(len(c.RefColumns)))
		for _, col := range c.RefColumns {
			b = appendString(b, col)
		}
	}
	return b
}

func (d *decoder) constraints() []Constraint {
	n := d.count()
	var cs []Constraint
	for i := 0; i < n && d.err == nil; i++ {
		c := Constraint{Name: d.string(), Kind: ConstraintKind(d.byte()), OnDelete: RefAction(d.byte()),
			OnUpdate: RefAction(d.byte())}
		m := d.count()
		for j := 0; j < m && d.err == nil; j++ {
			c.Columns = append(c.Columns, int(d.uvarint()))
		}
		c.Check, c.Index, c.RefTable = d.string(), d.string(), d.string()
		m = d.count()
		for j := 0; j < m && d.err == nil; j++ {
			c.RefColumns = append(c.RefColumns, d.string())
		}
		cs = append(cs, c)
	}
	return cs
}

// appendTiming encodes DEFERRABLE, INITIALLY DEFERRED, MATCH FULL and NOT VALID, one byte
// of flags per constraint, after the constraints; a schema without any keeps the encoding it
// had, unless more follows (always).
func appendTiming(b []byte, cs []Constraint, always bool) []byte {
	if !always && !slices.ContainsFunc(cs, func(c Constraint) bool { return c.Deferrable || c.MatchFull || c.NotValid }) {
		return b
	}
	b = binary.AppendUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		var flags byte
		if c.Deferrable {
			flags |= 1
		}
		if c.Deferred {
			flags |= 2
		}
		if c.MatchFull {
			flags |= 4
		}
		if c.NotValid {
			flags |= 8
		}
		b = append(b, flags)
	}
	return b
}

func (d *decoder) timing(cs []Constraint) {
	if n := d.count(); n != len(cs) && d.err == nil {
		d.err = errors.New("schema: constraint timing does not match the constraints")
		return
	}
	for i := range cs {
		flags := d.byte()
		cs[i].Deferrable, cs[i].Deferred = flags&1 != 0, flags&2 != 0
		cs[i].MatchFull, cs[i].NotValid = flags&4 != 0, flags&8 != 0
	}
}

// validateConstraints checks what a schema alone can say about its constraints.
func (s *Schema) validateConstraints() error {
	names := make(map[string]bool, len(s.Constraints))
	for _, c := range s.Constraints {
		if c.Name == "" || names[c.Name] {
			return fmt.Errorf("table %q has an invalid constraint %q", s.Name, c.Name)
		}
		if c.Name == s.PKName {
			return fmt.Errorf("table %q has a constraint %q named as its primary key", s.Name, c.Name)
		}
		names[c.Name] = true
		for _, col := range c.Columns {
			if col < 0 || col >= len(s.Columns) {
				return fmt.Errorf("constraint %q of table %q names a column it does not have", c.Name, s.Name)
			}
		}
		if c.Deferred && !c.Deferrable || c.Deferrable && c.Kind == ConstraintCheck {
			return fmt.Errorf("constraint %q of table %q has an invalid timing", c.Name, s.Name)
		}
		if c.MatchFull && c.Kind != ConstraintForeign || c.NotValid && c.Kind == ConstraintUnique {
			return fmt.Errorf("constraint %q of table %q has invalid flags", c.Name, s.Name)
		}
		switch c.Kind {
		case ConstraintCheck:
			if c.Check == "" {
				return fmt.Errorf("check constraint %q of table %q has no expression", c.Name, s.Name)
			}
		case ConstraintUnique:
			if s.IndexNamed(c.Index) == nil {
				return fmt.Errorf("unique constraint %q of table %q has no index", c.Name, s.Name)
			}
		case ConstraintForeign:
			if c.RefTable == "" || len(c.RefColumns) != len(c.Columns) || len(c.Columns) == 0 {
				return fmt.Errorf("foreign key %q of table %q is malformed", c.Name, s.Name)
			}
		default:
			return fmt.Errorf("constraint %q of table %q has unknown kind %q", c.Name, s.Name, c.Kind)
		}
	}
	return nil
}

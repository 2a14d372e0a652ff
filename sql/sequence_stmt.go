package sql

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// CREATE, ALTER and DROP SEQUENCE, read by sql/parser (sequence_tree.go, ddl_tree.go), with
// the checks and messages of PostgreSQL 15's init_params. The sequences themselves are the
// tablespace's (tablespace/sequence.go).

// seqOptions are the options a statement gave; nil pointers were not given.
type seqOptions struct {
	typ                 *types.Type
	increment, min, max *int64
	noMin, noMax        bool
	start, cache        *int64
	restart             *int64 // RESTART WITH n
	restartPlain        bool   // RESTART alone: the start value
	cycle               *bool
	ownedBy             *[]string // OWNED BY's names, none for NONE
	// identity: the options of an identity column, whose type is the column's (AS is
	// redundant) and which may name the sequence (SEQUENCE NAME, seqName).
	identity bool
	seqName  string
}

func redundant() error { return Errorf("42601", "conflicting or redundant options") }

// seqTypeName is how PostgreSQL's format_type names a sequence's type.
func seqTypeName(t types.Type) string {
	switch t {
	case types.Int16:
		return "smallint"
	case types.Int32:
		return "integer"
	}
	return "bigint"
}

func typeBounds(t types.Type) (int64, int64) {
	switch t {
	case types.Int16:
		return math.MinInt16, math.MaxInt16
	case types.Int32:
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// apply sets def from the options, with PostgreSQL's defaults for what a CREATE leaves out
// (create) and its checks, in init_params's order. last is the sequence's current value
// (ALTER), which RESTART sets and the new bounds must hold.
func (o *seqOptions) apply(def *tablespace.Sequence, create bool, last *int64, called *bool) error {
	oldType := def.Type
	if create {
		*def = tablespace.Sequence{Name: def.Name, Type: types.Int64, Increment: 1, Cache: 1}
		oldType = types.Int64
	}
	if o.typ != nil {
		def.Type = *o.typ
	}
	if o.increment != nil {
		def.Increment = *o.increment
	}
	if def.Increment == 0 {
		return Errorf("22023", "INCREMENT must not be zero")
	}
	if o.cycle != nil {
		def.Cycle = *o.cycle
	}
	if err := o.applyBounds(def, create, oldType); err != nil {
		return err
	}
	switch {
	case o.start != nil:
		def.Start = *o.start
	case create && def.Increment > 0:
		def.Start = def.Min
	case create:
		def.Start = def.Max
	}
	if def.Start < def.Min {
		return Errorf("22023", "START value (%d) cannot be less than MINVALUE (%d)", def.Start, def.Min)
	}
	if def.Start > def.Max {
		return Errorf("22023", "START value (%d) cannot be greater than MAXVALUE (%d)", def.Start, def.Max)
	}
	switch { // RESTART in a CREATE too, as PostgreSQL's init_params reads it
	case o.restart != nil:
		*last, *called = *o.restart, false
	case create, o.restartPlain:
		*last, *called = def.Start, false
	}
	if *last < def.Min {
		return Errorf("22023", "RESTART value (%d) cannot be less than MINVALUE (%d)", *last, def.Min)
	}
	if *last > def.Max {
		return Errorf("22023", "RESTART value (%d) cannot be greater than MAXVALUE (%d)", *last, def.Max)
	}
	if o.cache != nil {
		def.Cache = *o.cache
	}
	if def.Cache <= 0 {
		return Errorf("22023", "CACHE (%d) must be greater than zero", def.Cache)
	}
	return nil
}

// applyBounds sets MINVALUE and MAXVALUE: given, or the defaults of the direction. As in
// PostgreSQL's init_params, AS resets a bound that was its old type's limit to the new type's
// limit, whatever the direction (AS int of a smallint sequence with MAXVALUE 32767 and
// INCREMENT -1 has the maximum 2147483647), and leaves a bound the user chose alone.
func (o *seqOptions) applyBounds(def *tablespace.Sequence, create bool, oldType types.Type) error {
	lo, hi := typeBounds(def.Type)
	oldLo, oldHi := typeBounds(oldType)
	resetMax := !create && o.typ != nil && def.Max == oldHi
	resetMin := !create && o.typ != nil && def.Min == oldLo
	switch {
	case o.max != nil:
		def.Max = *o.max
	case create || o.noMax || resetMax:
		def.Max = hi
		if def.Increment < 0 && !resetMax {
			def.Max = -1
		}
	}
	switch {
	case o.min != nil:
		def.Min = *o.min
	case create || o.noMin || resetMin:
		def.Min = lo
		if def.Increment > 0 && !resetMin {
			def.Min = 1
		}
	}
	if def.Max < lo || def.Max > hi {
		return Errorf("22023", "MAXVALUE (%d) is out of range for sequence data type %s", def.Max, seqTypeName(def.Type))
	}
	if def.Min < lo || def.Min > hi {
		return Errorf("22023", "MINVALUE (%d) is out of range for sequence data type %s", def.Min, seqTypeName(def.Type))
	}
	if def.Min >= def.Max {
		return Errorf("22023", "MINVALUE (%d) must be less than MAXVALUE (%d)", def.Min, def.Max)
	}
	return nil
}

// ownedBy checks OWNED BY [schema.]table.column (none: NONE) against the catalog and sets it
// in def, as PostgreSQL's process_owned_by.
func (s *Session) ownedBy(def *tablespace.Sequence, names []string) error {
	switch len(names) {
	case 0:
		def.OwnedTable, def.OwnedColumn = "", ""
		return nil
	case 1:
		return invalidOwnedBy()
	case 3:
		if q := names[0]; q != "public" && q != s.ts.Name() {
			return schemaMissing(q)
		}
	case 4:
		return Errorf("0A000", "cross-database references are not implemented: %q", strings.Join(names[:3], "."))
	}
	table, col := names[len(names)-2], names[len(names)-1]
	schema, ok := s.ts.Schema(table)
	if !ok {
		return relationMissing(table)
	}
	if c := schema.ColumnIndex(col); c < 0 || schema.Columns[c].Hidden {
		return Errorf("42703", "column %q of relation %q does not exist", col, table)
	}
	def.OwnedTable, def.OwnedColumn = table, col
	return nil
}

// dropSequenceStmt runs DROP SEQUENCE [IF EXISTS] names.
func (s *Session) dropSequenceStmt(ctx context.Context, seqs []*ast.Table, ifExists bool, out Output) error {
	names := make([]string, 0, len(seqs))
	for _, t := range seqs {
		if err := systemDropError(t, "sequence"); err != nil {
			return err
		}
		// The name as read: a quoted name holding a dot is one name, as in PostgreSQL.
		name, err := s.dropNameOf(t, ifExists)
		switch {
		case err != nil:
			return err
		case name != "" && t.Schema == "" && !s.publicSearched(): // no schema of the path has it
			if !ifExists {
				return Errorf("42P01", "sequence %q does not exist", name)
			}
			s.noticef("NOTICE", "00000", "sequence %q does not exist, skipping", name)
		case name != "":
			names = append(names, name)
		}
	}
	if err := s.dropSequences(ctx, names, ifExists); err != nil {
		return err
	}
	return out.Complete("DROP SEQUENCE")
}

// createSequence creates sequence name with opts; ifNotExists skips one that exists.
func (s *Session) createSequence(ctx context.Context, name string, opts seqOptions, ifNotExists bool) error {
	exists := s.relationExists(name)
	if exists && ifNotExists { // before the options, as PostgreSQL's DefineSequence
		s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", name)
		return nil
	}
	def := tablespace.Sequence{Name: name}
	var last int64
	var called bool
	if err := opts.apply(&def, true, &last, &called); err != nil {
		return err
	}
	if exists {
		return Errorf("42P07", "relation %q already exists", name)
	}
	if opts.ownedBy != nil { // after the relation is made, in PostgreSQL
		if err := s.ownedBy(&def, *opts.ownedBy); err != nil {
			return err
		}
	}
	if err := s.ts.CreateSequence(ctx, def); err != nil || last == def.Start {
		return seqError(err, name)
	}
	// RESTART in a CREATE: the sequence's first value, its START unchanged.
	return seqError(s.ts.AlterSequence(ctx, name, func(_ *tablespace.Sequence, l *int64, _ *bool) error {
		*l = last
		return nil
	}), name)
}

func (s *Session) isSequence(name string) bool {
	_, ok, _ := s.ts.SequenceByName(name)
	return ok
}

// alterSequence changes sequence name by opts; ifExists skips one that does not exist.
func (s *Session) alterSequence(ctx context.Context, name string, opts seqOptions, ifExists bool) error {
	sq, ok, err := s.ts.SequenceByName(name)
	if err != nil || !ok {
		switch {
		case err != nil:
			return err
		case s.relationExists(name):
			return Errorf("42809", "%q is not a sequence", name)
		case ifExists:
			s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
			return nil
		}
		return relationMissing(name)
	}
	var owner tablespace.Sequence
	if opts.ownedBy != nil {
		if err := s.ownedBy(&owner, *opts.ownedBy); err != nil {
			return err
		}
		if s.identitySequence(sq) { // its column's, dropped with it; PostgreSQL's process_owned_by
			return &Error{Code: "0A000", Message: "cannot change ownership of identity sequence",
				Detail: "Sequence \"" + name + "\" is linked to table \"" + shownTableName(sq.OwnedTable) + "\"."}
		}
	}
	err = s.ts.AlterSequence(ctx, name, func(def *tablespace.Sequence, last *int64, called *bool) error {
		if err := opts.apply(def, false, last, called); err != nil {
			return err
		}
		if opts.ownedBy != nil {
			def.OwnedTable, def.OwnedColumn = owner.OwnedTable, owner.OwnedColumn
		}
		return nil
	})
	return seqError(err, name)
}

func (s *Session) dropSequences(ctx context.Context, names []string, ifExists bool) error {
	for _, name := range names {
		if _, ok, err := s.ts.SequenceByName(name); err != nil || !ok {
			switch {
			case err != nil:
				return err
			case ifExists:
				s.noticef("NOTICE", "00000", "sequence %q does not exist, skipping", name)
				continue
			}
			if _, table := s.ts.Schema(name); table {
				return &Error{Code: "42809", Message: strconv.Quote(name) + " is not a sequence",
					Hint: "Use DROP TABLE to remove a table."}
			}
			return Errorf("42P01", "sequence %q does not exist", name)
		}
	}
	for _, name := range names {
		if err := s.ts.DropSequence(ctx, name); err != nil && !(ifExists && errors.Is(err, tablespace.ErrNoSequence)) {
			return seqError(err, name)
		}
		s.seqState.forget(name)
	}
	return nil
}

// seqError maps the tablespace's sequence errors to PostgreSQL's.
func seqError(err error, name string) error {
	var lim *tablespace.SequenceLimitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &lim):
		return Errorf("2200H", "%s", lim.Error())
	case errors.Is(err, tablespace.ErrNoSequence):
		return relationMissing(name)
	case errors.Is(err, tablespace.ErrSequenceExists):
		return Errorf("42P07", "relation %q already exists", name)
	}
	return err
}

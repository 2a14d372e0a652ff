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

// CREATE and ALTER SEQUENCE, which vitess does not parse: a small parser over sql/lexer's
// tokens (settingParser; DROP SEQUENCE runs from sql/parser's tree, drop_tree.go), and the checks and messages of PostgreSQL 15's
// init_params. The sequences themselves are the tablespace's (tablespace/sequence.go).

// sequenceStmt is a parsed CREATE or ALTER SEQUENCE.
type sequenceStmt struct {
	verb     string   // "create" or "alter"
	names    []string // the sequence
	ifExists bool     // ALTER IF EXISTS, CREATE IF NOT EXISTS
	opts     seqOptions
}

// seqOptions are the options a statement gave; nil pointers were not given.
type seqOptions struct {
	typ                 *types.Type
	increment, min, max *int64
	noMin, noMax        bool
	start, cache        *int64
	restart             *int64 // RESTART WITH n
	restartPlain        bool   // RESTART alone: the start value
	cycle               *bool
	ownedBy             *string // "t.c", or "" for NONE
	// identity: the options of an identity column, whose type is the column's (AS is
	// redundant) and which may name the sequence (SEQUENCE NAME, seqName).
	identity bool
	seqName  string
}

func isSequenceStmt(words []string) bool {
	if len(words) < 2 || words[0] != "create" && words[0] != "alter" {
		return false
	}
	return words[1] == "sequence" ||
		words[0] == "create" && len(words) > 2 && (words[1] == "temp" || words[1] == "temporary" || words[1] == "unlogged") && words[2] == "sequence"
}

func parseSequenceStmt(sql string) (*sequenceStmt, error) {
	toks, err := lexSetting(sql)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 1}
	st := &sequenceStmt{verb: toks[0].text}
	if st.verb == "create" && (p.accept("temp") || p.accept("temporary") || p.accept("unlogged")) {
		return nil, unsupported("temporary and unlogged sequences")
	}
	p.accept("sequence")
	switch st.verb {
	case "create":
		st.ifExists = p.accept("if", "not", "exists")
	default:
		st.ifExists = p.accept("if", "exists")
	}
	name, err := p.name()
	if err != nil {
		return nil, err
	}
	st.names = append(st.names, name)
	if err := st.opts.parse(p, st.verb == "alter"); err != nil {
		return nil, err
	}
	if !p.done() {
		return nil, p.syntaxError()
	}
	return st, nil
}

func redundant() error { return Errorf("42601", "conflicting or redundant options") }

// parse reads the options, each at most once, in any order.
func (o *seqOptions) parse(p *settingParser, alter bool) error {
	set := map[string]bool{"as": o.identity}
	once := func(name string) error {
		if set[name] {
			return redundant()
		}
		set[name] = true
		return nil
	}
	num := func(dst **int64, name string) error {
		if err := once(name); err != nil {
			return err
		}
		v, err := p.seqNumber()
		*dst = &v
		return err
	}
	for !p.done() {
		var err error
		switch {
		case p.accept("as"):
			if err = once("as"); err == nil {
				err = o.parseType(p)
			}
		case p.accept("increment"):
			p.accept("by")
			err = num(&o.increment, "increment")
		case p.accept("minvalue"):
			err = num(&o.min, "minvalue")
		case p.accept("maxvalue"):
			err = num(&o.max, "maxvalue")
		case p.accept("no", "minvalue"):
			o.noMin, err = true, once("minvalue")
		case p.accept("no", "maxvalue"):
			o.noMax, err = true, once("maxvalue")
		case p.accept("start"):
			p.accept("with")
			err = num(&o.start, "start")
		case alter && p.accept("restart"):
			if err = once("restart"); err == nil {
				if p.accept("with") || !p.done() && !p.toks[p.pos].quoted && isNumberStart(p.toks[p.pos].text) {
					var v int64
					v, err = p.seqNumber()
					o.restart = &v
				} else {
					o.restartPlain = true
				}
			}
		case p.accept("cache"):
			err = num(&o.cache, "cache")
		case p.accept("cycle"):
			cycle := true
			o.cycle, err = &cycle, once("cycle")
		case p.accept("no", "cycle"):
			cycle := false
			o.cycle, err = &cycle, once("cycle")
		case o.identity && p.accept("sequence", "name"):
			if err = once("sequence"); err == nil {
				quoted := !p.done() && p.toks[p.pos].quoted
				if o.seqName, err = p.name(); err == nil && !quoted {
					o.seqName, err = seqName(o.seqName) // pg_dump's SEQUENCE NAME public.t_id_seq
				}
			}
		case p.accept("owned", "by"):
			if err = once("owned"); err == nil {
				err = o.parseOwnedBy(p)
			}
		default:
			if alter && (p.peek("rename") || p.peek("owner") || p.peek("set")) {
				return unsupported("ALTER SEQUENCE ... %s", strings.ToUpper(p.toks[p.pos].text))
			}
			return p.syntaxError()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func isNumberStart(s string) bool {
	return s == "-" || s == "+" || s != "" && s[0] >= '0' && s[0] <= '9'
}

// seqNumber reads a signed integer option value.
func (p *settingParser) seqNumber() (int64, error) {
	if p.done() {
		return 0, p.syntaxError()
	}
	neg := false
	if t := p.toks[p.pos]; !t.quoted && (t.text == "-" || t.text == "+") {
		neg = t.text == "-"
		p.pos++
	}
	if p.done() || p.toks[p.pos].quoted || !isNumberStart(p.toks[p.pos].text) {
		return 0, p.syntaxError()
	}
	text := p.toks[p.pos].text
	p.pos++
	if neg {
		text = "-" + text
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		if _, ferr := strconv.ParseFloat(text, 64); ferr == nil && strings.ContainsAny(text, ".eE") {
			return 0, Errorf("22P02", "invalid input syntax for type bigint: %q", text)
		}
		return 0, Errorf("22003", "value %q is out of range for type bigint", text)
	}
	return v, nil
}

func (o *seqOptions) parseType(p *settingParser) error {
	name, err := p.name()
	if err != nil {
		return err
	}
	var t types.Type
	switch name {
	case "smallint", "int2":
		t = types.Int16
	case "integer", "int", "int4":
		t = types.Int32
	case "bigint", "int8":
		t = types.Int64
	default:
		if _, err := castTarget(name); err != nil {
			return Errorf("42704", "type %q does not exist", name) // a type, but not an integer one, is 22023
		}
		return Errorf("22023", "sequence type must be smallint, integer, or bigint")
	}
	o.typ = &t
	return nil
}

func (o *seqOptions) parseOwnedBy(p *settingParser) error {
	if p.accept("none") {
		none := ""
		o.ownedBy = &none
		return nil
	}
	name, err := p.name()
	if err != nil {
		return err
	}
	if p.accept(".") { // a quoted part: "t"."c"
		col, err := p.name()
		if err != nil {
			return err
		}
		name += "." + col
	}
	o.ownedBy = &name
	return nil
}

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
	switch {
	case create:
		*last, *called = def.Start, false
	case o.restart != nil:
		*last, *called = *o.restart, false
	case o.restartPlain:
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

// ownedBy checks OWNED BY t.c against the catalog and sets it in def.
func (s *Session) ownedBy(def *tablespace.Sequence, owned string) error {
	if owned == "" {
		def.OwnedTable, def.OwnedColumn = "", ""
		return nil
	}
	i := strings.LastIndexByte(owned, '.')
	if i < 0 {
		return &Error{Code: "42601", Message: "invalid OWNED BY option",
			Hint: "Specify OWNED BY table.column or OWNED BY NONE."}
	}
	table, col := strings.TrimPrefix(owned[:i], "public."), owned[i+1:]
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

// seqName is a sequence's name as a statement gave it, schema-qualified or not.
func seqName(name string) (string, error) {
	if q, n, ok := strings.Cut(name, "."); ok {
		if q != "public" {
			return "", schemaMissing(q)
		}
		name = n
	}
	return name, nil
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
		if err != nil {
			return err
		} else if name != "" {
			names = append(names, name)
		}
	}
	if err := s.dropSequences(ctx, names, ifExists); err != nil {
		return err
	}
	return out.Complete("DROP SEQUENCE")
}

func (s *Session) execSequenceStmt(ctx context.Context, st *sequenceStmt, out Output) error {
	name, err := seqName(st.names[0])
	if err != nil {
		return err
	}
	if st.verb == "create" {
		err = s.createSequence(ctx, name, st)
	} else {
		err = s.alterSequence(ctx, name, st)
	}
	if err != nil {
		return err
	}
	return out.Complete(strings.ToUpper(st.verb) + " SEQUENCE")
}

func (s *Session) createSequence(ctx context.Context, name string, st *sequenceStmt) error {
	def := tablespace.Sequence{Name: name}
	var last int64
	var called bool
	if err := st.opts.apply(&def, true, &last, &called); err != nil {
		return err
	}
	if st.opts.ownedBy != nil {
		if err := s.ownedBy(&def, *st.opts.ownedBy); err != nil {
			return err
		}
	}
	if s.relationExists(name) {
		if st.ifExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", name)
			return nil
		}
		return Errorf("42P07", "relation %q already exists", name)
	}
	return seqError(s.ts.CreateSequence(ctx, def), name)
}

func (s *Session) isSequence(name string) bool {
	_, ok, _ := s.ts.SequenceByName(name)
	return ok
}

func (s *Session) alterSequence(ctx context.Context, name string, st *sequenceStmt) error {
	if _, ok, err := s.ts.SequenceByName(name); err != nil || !ok {
		switch {
		case err != nil:
			return err
		case s.relationExists(name):
			return Errorf("42809", "%q is not a sequence", name)
		case st.ifExists:
			s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", name)
			return nil
		}
		return relationMissing(name)
	}
	var owner tablespace.Sequence
	if st.opts.ownedBy != nil {
		if err := s.ownedBy(&owner, *st.opts.ownedBy); err != nil {
			return err
		}
	}
	err := s.ts.AlterSequence(ctx, name, func(def *tablespace.Sequence, last *int64, called *bool) error {
		if err := st.opts.apply(def, false, last, called); err != nil {
			return err
		}
		if st.opts.ownedBy != nil {
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

package sql

import (
	"context"
	"errors"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// nextval, currval, setval and lastval. nextval commits nothing of the session's
// transaction: the tablespace hands the value out of a block it reserved durably, and a
// ROLLBACK does not give it back (as in PostgreSQL). currval and lastval are the session's.

// seqSession is what a session remembers of the sequences it used.
type seqSession struct {
	vals map[string]int64 // currval, by sequence
	last string           // lastval's sequence, "" before the first nextval
}

func (st *seqSession) set(name string, v int64, lastUsed bool) {
	if st.vals == nil {
		st.vals = make(map[string]int64)
	}
	st.vals[name] = v
	if lastUsed {
		st.last = name
	}
}

func (st *seqSession) forget(name string) {
	delete(st.vals, name)
	if st.last == name {
		st.last = ""
	}
}

// seqContext is the running statement's context, for the commit of a reservation.
func (s *Session) seqContext() context.Context {
	if s.stmtCtx != nil {
		return s.stmtCtx
	}
	return context.Background()
}

func init() {
	build := func(c *funcCall) (*expr, error) {
		x, _, err := sequenceFuncs(c.name, c.args, c.sc)
		return x, err
	}
	// The sequence functions take a name as text or a regclass and check their arguments
	// themselves, so they are entries without overloads (not in pg_proc yet). They are
	// volatile, as in PostgreSQL (a WITH query calling one is computed once; a select-list
	// item calling one is computed after ORDER BY).
	register([]builtin{
		{name: "nextval", vol: 'v', build: build},
		{name: "currval", vol: 'v', build: build},
		{name: "setval", vol: 'v', build: build},
		{name: "lastval", vol: 'v', build: build},
	})
}

// sequenceFuncs compiles nextval, currval, setval and lastval; ok is false for other names.
func sequenceFuncs(name string, args []*expr, sc *scope) (x *expr, ok bool, err error) {
	switch name {
	case "nextval", "currval", "setval", "lastval":
	default:
		return nil, false, nil
	}
	if sc.params == nil || sc.params.sess == nil {
		return nil, true, unsupported("%s() here", name)
	}
	s := sc.params.sess
	want := map[string][2]int{"nextval": {1, 1}, "currval": {1, 1}, "setval": {2, 3}, "lastval": {0, 0}}[name]
	if len(args) < want[0] || len(args) > want[1] {
		return nil, true, Errorf("42883", "function %s with %d arguments does not exist", name, len(args))
	}
	if name == "lastval" {
		return &expr{typ: types.Int64, eval: func([]types.Value) (types.Value, error) { return s.lastval() }}, true, nil
	}
	seq, err := s.seqArg(args[0])
	if err != nil {
		return nil, true, err
	}
	switch name {
	case "nextval":
		return &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
			n, null, err := seq(row)
			if err != nil || null {
				return types.Value{T: types.Int64, Null: true}, err
			}
			v, err := s.nextval(n)
			return types.NewInt(types.Int64, v), err
		}}, true, nil
	case "currval":
		return &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
			n, null, err := seq(row)
			if err != nil || null {
				return types.Value{T: types.Int64, Null: true}, err
			}
			return s.currval(n)
		}}, true, nil
	}
	return s.compileSetval(seq, args)
}

// seqArg compiles a function's sequence argument: a name as text, or a regclass.
func (s *Session) seqArg(a *expr) (func(row []types.Value) (string, bool, error), error) {
	if a.unknown {
		a.unknown, a.typ = false, types.Text
	}
	if a.typ != types.Text && !a.typ.IsInteger() {
		return nil, Errorf("42883", "function nextval(%s) does not exist", a.typ)
	}
	resolve := func(v types.Value) (string, error) {
		if v.T == types.Text {
			return s.seqNameOnPath(v.S)
		}
		return s.sequenceByOID(v.I)
	}
	if isConst(a) { // the usual nextval('s') and nextval('s'::regclass): resolved once
		v := mustConst(a)
		if v.IsNull() {
			return func([]types.Value) (string, bool, error) { return "", true, nil }, nil
		}
		name, err := resolve(v)
		return func([]types.Value) (string, bool, error) { return name, false, err }, nil
	}
	return func(row []types.Value) (string, bool, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return "", true, err
		}
		name, err := resolve(v)
		return name, false, err
	}, nil
}

// seqNameOnPath is seqNameFromText of a name nextval and its kin are given as text: one
// without a schema is public's only where search_path names public (publicSearched).
func (s *Session) seqNameOnPath(text string) (string, error) {
	name, err := seqNameFromText(text)
	if err != nil {
		return "", err
	}
	if parts, _ := splitQualifiedName(text); len(parts) == 1 && !s.publicSearched() {
		return "", relationMissing(name)
	}
	return name, nil
}

// seqNameFromText reads a sequence name as PostgreSQL reads text cast to regclass: an
// identifier, folded to lower case unless double-quoted, optionally qualified by public.
func seqNameFromText(text string) (string, error) {
	parts, err := splitQualifiedName(text)
	if err != nil {
		return "", err
	}
	switch {
	case len(parts) == 1:
		return parts[0], nil
	case len(parts) == 2 && parts[0] == "public":
		return parts[1], nil
	case len(parts) == 2:
		return "", schemaMissing(parts[0])
	}
	return "", Errorf("0A000", "cross-database references are not implemented: %s", text)
}

// splitQualifiedName reads a possibly qualified name in text as PostgreSQL's
// stringToQualifiedName does (regclassin, regprocin, nextval's text): its dot-separated
// parts, an unquoted part folded to lower case, a quoted one as written; 42602 for a
// malformed one.
func splitQualifiedName(text string) ([]string, error) {
	var parts []string
	for rest := strings.TrimSpace(text); ; {
		var part string
		if strings.HasPrefix(rest, `"`) {
			end := 1
			for {
				i := strings.IndexByte(rest[end:], '"')
				if i < 0 {
					return nil, Errorf("42602", "invalid name syntax")
				}
				end += i + 1
				if !strings.HasPrefix(rest[end:], `"`) {
					break
				}
				end++
			}
			part, rest = strings.ReplaceAll(rest[1:end-1], `""`, `"`), rest[end:]
		} else {
			i := strings.IndexByte(rest, '.')
			if i < 0 {
				i = len(rest)
			}
			part, rest = strings.TrimSpace(strings.ToLower(rest[:i])), rest[i:]
			if strings.ContainsAny(part, " \t\n\r\f\v") { // an unquoted name ends at a space
				return nil, Errorf("42602", "invalid name syntax")
			}
		}
		if part == "" {
			return nil, Errorf("42602", "invalid name syntax")
		}
		parts = append(parts, part)
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != '.' {
			return nil, Errorf("42602", "invalid name syntax")
		}
		rest = strings.TrimSpace(rest[1:])
	}
	return parts, nil
}

// sequenceOID is the id pg_class and regclass give a sequence.
func sequenceOID(name string) int64 { return objectOID("sequence", name) }

func (s *Session) sequenceByOID(oid int64) (string, error) {
	seqs, err := s.ts.Sequences()
	if err != nil {
		return "", err
	}
	for _, sq := range seqs {
		if sequenceOID(sq.Name) == oid {
			return sq.Name, nil
		}
	}
	return "", Errorf("42P01", "could not open relation with OID %d", oid)
}

// sequenceRelationOID is relationOID's answer for a sequence's name.
func (s *Session) sequenceRelationOID(name string) (int64, bool) {
	if _, ok, _ := s.ts.SequenceByName(name); ok {
		return sequenceOID(name), true
	}
	return 0, false
}

// notSequence is nextval and friends given a relation that is not a sequence.
func (s *Session) notSequence(name string) error {
	if _, ok := s.ts.Schema(name); ok {
		return Errorf("42809", "%q is not a sequence", name)
	}
	return relationMissing(name)
}

func (s *Session) nextval(name string) (int64, error) {
	if s.set.readOnly {
		return 0, Errorf("25006", "cannot execute nextval() in a read-only transaction")
	}
	v, err := s.ts.NextVal(s.seqContext(), name)
	if errors.Is(err, tablespace.ErrNoSequence) {
		return 0, s.notSequence(name)
	}
	if err != nil {
		return 0, seqError(err, name)
	}
	s.seqState.set(name, v, true)
	return v, nil
}

func (s *Session) currval(name string) (types.Value, error) {
	if _, ok, err := s.ts.SequenceByName(name); err != nil || !ok {
		if err == nil {
			err = s.notSequence(name)
		}
		return types.Value{}, err
	}
	v, ok := s.seqState.vals[name]
	if !ok {
		return types.Value{}, Errorf("55000", "currval of sequence %q is not yet defined in this session", name)
	}
	return types.NewInt(types.Int64, v), nil
}

func (s *Session) lastval() (types.Value, error) {
	name := s.seqState.last
	if name != "" {
		if _, ok, err := s.ts.SequenceByName(name); err != nil {
			return types.Value{}, err
		} else if ok {
			return types.NewInt(types.Int64, s.seqState.vals[name]), nil
		}
	}
	return types.Value{}, Errorf("55000", "lastval is not yet defined in this session")
}

func (s *Session) compileSetval(seq func([]types.Value) (string, bool, error), args []*expr) (*expr, bool, error) {
	for _, a := range args[1:] {
		if a.unknown {
			return nil, true, Errorf("42725", "function setval(regclass, unknown) is not unique")
		}
	}
	if !args[1].typ.IsInteger() || len(args) == 3 && args[2].typ != types.Bool {
		return nil, true, Errorf("42883", "function setval(regclass, %s) does not exist", args[1].typ)
	}
	return &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
		null := types.Value{T: types.Int64, Null: true}
		name, isNull, err := seq(row)
		if err != nil || isNull {
			return null, err
		}
		v, err := args[1].eval(row)
		if err != nil || v.IsNull() {
			return null, err
		}
		called := true
		if len(args) == 3 {
			c, err := args[2].eval(row)
			if err != nil || c.IsNull() {
				return null, err
			}
			called = c.Bool()
		}
		if s.set.readOnly {
			return null, Errorf("25006", "cannot execute setval() in a read-only transaction")
		}
		err = s.ts.AlterSequence(s.seqContext(), name, func(def *tablespace.Sequence, last *int64, isCalled *bool) error {
			if v.I < def.Min || v.I > def.Max {
				return Errorf("22003", "setval: value %d is out of bounds for sequence %q (%d..%d)", v.I, name, def.Min, def.Max)
			}
			*last, *isCalled = v.I, called
			return nil
		})
		if errors.Is(err, tablespace.ErrNoSequence) {
			return null, s.notSequence(name)
		}
		if err != nil {
			return null, seqError(err, name)
		}
		if called { // PostgreSQL sets currval only then, and never lastval
			s.seqState.set(name, v.I, false)
		}
		return types.NewInt(types.Int64, v.I), nil
	}}, true, nil
}

// compileDefault compiles a column's DEFAULT expression. It has no session, so no
// subqueries or parameters, except that a DEFAULT may be nextval of a named sequence, as
// pg_dump writes it: nextval('s'::regclass).
func (s *Session) compileDefault(e sqlparser.Expr) (*expr, error) {
	if f, ok := e.(*sqlparser.FuncExpr); ok && strings.EqualFold(f.Name.String(), "nextval") && len(f.Exprs) == 1 {
		sc := &scope{params: &params{sess: s}}
		arg, err := compile(f.Exprs[0], sc)
		if err != nil {
			return nil, err
		}
		if !isConst(arg) {
			return nil, unsupported("nextval of anything but a sequence's name in DEFAULT")
		}
		x, _, err := sequenceFuncs("nextval", []*expr{arg}, sc)
		if err != nil {
			return nil, err
		}
		// As in PostgreSQL, whose regclass argument is resolved when the DEFAULT is made.
		if v := mustConst(arg); !v.IsNull() {
			name, err := seqNameFromText(v.S)
			if v.T != types.Text {
				name, err = s.sequenceByOID(v.I)
			}
			if err != nil {
				return nil, err
			}
			if !s.isSequence(name) {
				return nil, s.notSequence(name)
			}
		}
		return x, nil
	}
	return compile(e, &scope{})
}

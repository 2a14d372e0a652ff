package sql

import (
	"strconv"
	"strings"
	"sync"

	"github.com/drovedb/drove/types"
)

// The operator registry: every operator drove has, as PostgreSQL 15's pg_operator has it
// (oid, name, kind, argument and result types, oprcode), in one table (operatorRows in
// pgoperator.go) that pg_operator lists and the binder resolves operators through, so the
// catalog and the binder cannot disagree: an operator the table lacks does not exist for
// the binder (42883), and one it lists compiles with the result type listed
// (TestOperatorsCompile). Resolution is PostgreSQL's (oper_select_candidate,
// https://www.postgresql.org/docs/15/typeconv-oper.html): an exact match; with one operand
// untyped, the operator taking the other operand's type on both sides (binary_oper_exact);
// else the candidates every operand converts to implicitly, chosen as functions are
// (selectCandidate). Each row has its implementation (implOf, operator_impls.go), chosen
// once at init; binding resolves the row, binds the operands to its types and compiles the
// implementation, so nothing of the resolution runs per row. Operands of types no row names
// (records, arrays but text[] where the json operators take it) stay with their compilers.

// opDef is one operator: a row of pg_operator.
type opDef struct {
	oid  int64
	name string
	kind byte // 'b' infix, 'l' prefix
	// proc is the operator's signature as its function's: oprcode, the argument types (the
	// right one alone for a prefix operator) and the result type.
	proc *funcProc
	// impl compiles the operator over operands that have its argument types (bindOperands
	// gives them those); nil for the comparisons, which share compileComparison's compare,
	// and for LIKE and the regular expressions, compiled with their patterns (predicates.go).
	impl opImpl
}

// opImpl compiles a resolved operator over its bound operands (a is nil for a prefix one).
type opImpl func(o *opDef, a, b *expr, sc *scope) (*expr, error)

// operatorIndex holds the operators by kind and name.
var operatorIndex = map[string][]*opDef{}

func init() {
	for _, o := range catalogOperators {
		p := &funcProc{oid: o.code, name: o.name, ret: pgTypeOf(o.result), strict: true}
		if o.kind == "b" {
			p.args = []*pgType{pgTypeOf(o.left), pgTypeOf(o.right)}
		} else {
			p.args = []*pgType{pgTypeOf(o.right)}
		}
		d := &opDef{oid: o.oid, name: o.name, kind: o.kind[0], proc: p}
		d.impl = implOf(d)
		operatorIndex[o.kind+o.name] = append(operatorIndex[o.kind+o.name], d)
	}
}

// pgTypeOf is the signature type of a PostgreSQL type oid the operator table names.
func pgTypeOf(oid int64) *pgType {
	for _, t := range pgTypes {
		if t.oid == oid {
			return t
		}
	}
	panic("operator table: no signature type for oid " + strconv.FormatInt(oid, 10))
}

// resolveOperator chooses the infix operator name that operands a and b run, or the prefix
// one when a is nil. Operands of a type no row of the operator names (a record, an array
// but text[] for the json operators) are left to their compiler: resolved is false then.
// The outcome depends only on the operator and the operands' types and untypedness, so it
// is cached (resolvedOperators): binding a statement again resolves nothing.
func resolveOperator(name string, a, b *expr) (op *opDef, resolved bool, err error) {
	k := opKey{name: name}
	if a != nil {
		k.types[0], k.unknown[0], k.binary = a.typ, a.unknown || a.typ == types.Null, true
	}
	k.types[1], k.unknown[1] = b.typ, b.unknown || b.typ == types.Null
	var r opResolution
	if v, ok := resolvedOperators.Load(k); ok {
		r = v.(opResolution)
	} else {
		r = resolveUncached(k)
		resolvedOperators.Store(k, r)
	}
	switch r.outcome {
	case opUnresolved:
		return nil, false, nil
	case opMissing:
		return nil, true, noOperatorError(name, a, b)
	case opAmbiguous:
		return nil, true, ambiguousOperator(name, a, b)
	}
	return r.op, true, nil
}

// opKey is what an operator's resolution depends on.
type opKey struct {
	name    string
	binary  bool
	types   [2]types.Type
	unknown [2]bool
}

// opResolution is the outcome of resolving an opKey.
type opResolution struct {
	op      *opDef
	outcome uint8
}

const (
	opFound uint8 = iota
	opUnresolved
	opMissing
	opAmbiguous
)

// resolvedOperators caches resolveUncached by opKey (a bounded set: the operators' names
// times the types' pairs).
var resolvedOperators sync.Map

func resolveUncached(k opKey) opResolution {
	in, kind := []argIn{{t: k.types[0], unknown: k.unknown[0]}, {t: k.types[1], unknown: k.unknown[1]}}, "b"
	if !k.binary {
		in, kind = in[1:], "l"
	}
	ops := operatorIndex[kind+k.name]
	for i, x := range in {
		if !x.unknown && !operandNamed(ops, i, x.t) {
			return opResolution{outcome: opUnresolved}
		}
	}
	// binary_oper_exact: one operand untyped takes the other's type.
	if len(in) == 2 && in[0].unknown != in[1].unknown {
		known := in[0].t
		if in[0].unknown {
			known = in[1].t
		}
		for _, o := range ops {
			if o.proc.args[0].oid == int64(known.OID()) && o.proc.args[1].oid == int64(known.OID()) {
				return opResolution{op: o}
			}
		}
	}
	var cands []candidate
	byProc := map[*funcProc]*opDef{}
	for _, o := range ops {
		c := candidate{proc: o.proc, args: o.proc.args}
		if c.accepts(in) {
			cands = append(cands, c)
			byProc[o.proc] = o
		}
	}
	if len(cands) == 0 {
		return opResolution{outcome: opMissing}
	}
	if c := selectCandidate(in, cands); c != nil {
		return opResolution{op: byProc[c.proc]}
	}
	return opResolution{outcome: opAmbiguous}
}

// noOperatorError is PostgreSQL's 42883 for an operator no row takes the operands of.
func noOperatorError(name string, a, b *expr) error {
	hint := "No operator matches the given name and argument types. You might need to add explicit type casts."
	if a == nil {
		hint = "No operator matches the given name and argument type. You might need to add an explicit type cast."
	}
	return &Error{Code: "42883", Message: "operator does not exist: " + operatorText(name, a, b), Hint: hint}
}

// operandNamed reports whether an operand of type t at position i is one the operator table
// speaks of: a scalar type of the catalog, or an array type a row of ops names there.
func operandNamed(ops []*opDef, i int, t types.Type) bool {
	if catalogScalar(t) {
		return true
	}
	if !t.IsArray() {
		return false
	}
	for _, o := range ops {
		if i >= len(o.proc.args) {
			continue
		}
		if d := o.proc.args[i]; d.poly == polyNone && d.oid == int64(t.OID()) || d.poly != polyNone && d.poly != polyNonArray {
			return true
		}
	}
	return false
}

// ambiguousOperator is PostgreSQL's error for an operator call with several best candidates.
func ambiguousOperator(name string, a, b *expr) error {
	return &Error{Code: "42725", Message: "operator is not unique: " + operatorText(name, a, b),
		Hint: "Could not choose a best candidate operator. You might need to add explicit type casts."}
}

// catalogScalar reports whether t is a type the operator table can name.
func catalogScalar(t types.Type) bool {
	switch t {
	case types.Null, types.Bool, types.Bytea, types.Int16, types.Int32, types.Int64, types.Text,
		types.Float32, types.Float64, types.Date, types.Timestamp, types.Numeric, types.Timestamptz,
		types.Time, types.TimeTZ, types.Interval, types.UUID, types.JSON, types.JSONB, types.JSONPath:
		return true
	}
	return false
}

// operatorText is an operator applied to its operands' types, as PostgreSQL's messages print it.
func operatorText(name string, a, b *expr) string {
	var sb strings.Builder
	if a != nil {
		sb.WriteString(exprTypeName(a) + " ")
	}
	sb.WriteString(name + " " + exprTypeName(b))
	return sb.String()
}

// coerceUntyped gives an untyped operand the type the resolved operator takes where that is
// not the other operand's type (which unify gives it, with char(n)'s way of comparing):
// date + '1' is date + integer.
func coerceUntyped(o *opDef, a, b *expr) (*expr, *expr, error) {
	if o == nil || len(o.proc.args) != 2 {
		return a, b, nil
	}
	var err error
	if a.unknown && !b.unknown && a.param == 0 && o.proc.args[0].t != b.typ {
		a, err = castLiteral(a, o.proc.args[0].t)
	} else if b.unknown && !a.unknown && b.param == 0 && o.proc.args[1].t != a.typ {
		b, err = castLiteral(b, o.proc.args[1].t)
	}
	return a, b, err
}

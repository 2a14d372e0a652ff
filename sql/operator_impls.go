package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// The implementations of the operator registry's rows (operators.go). Every infix and prefix
// operator is compiled as: resolve the row (resolveOperator, PostgreSQL's rules), give the
// operands the row's argument types (bindOperands: untyped literals read as them, implicit
// casts applied), then the row's implementation, chosen once per row here. All of it
// happens while binding; the compiled expression evaluates only the implementation.

// implOf is the implementation of operator row o.
func implOf(o *opDef) opImpl {
	args := o.proc.args
	isDT := func(t *pgType) bool { return isDateTime(t.t) && t.poly == polyNone }
	isJSON := func(t *pgType) bool { return t.t == types.JSON || t.t == types.JSONB }
	switch {
	case o.kind == 'l':
		return prefixImplOf(o)
	case o.name == "||":
		return concatImplOf(args)
	case args[0].poly == polyArray && (o.name == "@>" || o.name == "<@" || o.name == "&&"):
		return implArrayContains
	case isJSON(args[0]) && (jsonOperators[o.name] || o.name == "-"):
		return implJSON
	case isDT(args[0]) || isDT(args[1]):
		if _, ok := opNameToArith[o.name]; ok {
			return implDateTime
		}
	case bitwiseOperators[o.name]:
		return implBitwise
	case o.name == "^":
		return implPower
	case o.name == "+" || o.name == "-" || o.name == "*" || o.name == "/" || o.name == "%":
		return implNumeric
	}
	return nil
}

// bitwiseOperators are the integers' bit operators of two operands.
var bitwiseOperators = map[string]bool{"&": true, "|": true, "#": true, "<<": true, ">>": true}

// prefixImplOf is implOf for a prefix operator's row.
func prefixImplOf(o *opDef) opImpl {
	switch {
	case o.proc.args[0].t == types.Interval:
		return implNegateInterval
	case o.name == "-":
		return implNegate
	case o.name == "+":
		return implIdentity
	case o.name == "~":
		return implBitNot
	case o.name == "@":
		return implAbs
	case o.name == "|/":
		return implSqrt
	case o.name == "||/":
		return implCbrt
	}
	return nil
}

// concatImplOf is implOf for a row of ||.
func concatImplOf(args []*pgType) opImpl {
	switch {
	case args[0].poly == polyCompatibleArray || args[1].poly == polyCompatibleArray:
		return implArrayConcat
	case args[0].t == types.Bytea:
		return implByteaConcat
	case args[0].t == types.JSONB && args[1].t == types.JSONB:
		return implJSONConcat
	}
	return implTextConcat
}

// opNameToArith is the vitess operator an arithmetic operator's families are written for.
var opNameToArith = map[string]sqlparser.BinaryExprOperator{
	"+": sqlparser.PlusOp, "-": sqlparser.MinusOp, "*": sqlparser.MultOp, "/": sqlparser.DivOp,
	"%": sqlparser.ModOp, "&": sqlparser.BitAndOp, "<<": sqlparser.ShiftLeftOp, ">>": sqlparser.ShiftRightOp,
}

// arithOperatorNames are the infix operators vitess parses as its BinaryExpr (| is the
// dialect pass's spelling of ||).
var arithOperatorNames = map[sqlparser.BinaryExprOperator]string{
	sqlparser.PlusOp: "+", sqlparser.MinusOp: "-", sqlparser.MultOp: "*", sqlparser.DivOp: "/",
	sqlparser.ModOp: "%", sqlparser.BitAndOp: "&", sqlparser.ShiftLeftOp: "<<", sqlparser.ShiftRightOp: ">>",
	sqlparser.BitOrOp: "||",
}

// applyOperator resolves and compiles operator name over compiled operands.
func applyOperator(name string, a, b *expr, sc *scope) (*expr, error) {
	// PostgreSQL also has @> and <@ for arrays and ranges, which drove lacks: between two
	// untyped operands they are ambiguous there, not jsonb's.
	if (name == "@>" || name == "<@") && argsIn([]*expr{a, b})[0].unknown && argsIn([]*expr{a, b})[1].unknown {
		return nil, ambiguousOperator(name, a, b)
	}
	if name == "||" && a != nil { // 'q'::regclass || '' is the name
		a, b = regOutText(a, sc), regOutText(b, sc)
	}
	o, resolved, err := resolveOperator(name, a, b)
	if err != nil {
		return nil, err
	}
	if !resolved { // operands of types the table has no rows for: records, arrays but in ||
		return nil, noOperatorError(name, a, b)
	}
	if o.impl == nil {
		return nil, Errorf("XX000", "operator %s has no implementation", name)
	}
	if a, b, err = bindOperands(o, a, b, sc); err != nil {
		return nil, err
	}
	return o.impl(o, a, b, sc)
}

// bindOperands gives the operands the resolved operator's argument types: an untyped
// literal or parameter is read as its type, a typed operand cast implicitly to it (a
// timestamp or date to a timestamptz in the session's zone). Numeric operands keep their
// types: the numeric implementations compute in the result type. An operand at a
// polymorphic position (text || anynonarray) keeps its type; untyped, it is text.
func bindOperands(o *opDef, a, b *expr, sc *scope) (*expr, *expr, error) {
	var err error
	if a == nil {
		b, err = bindOperand(o.proc.args[0], b, sc)
		return nil, b, err
	}
	if a.unknown && b.unknown && o.proc.args[0].t == o.proc.args[1].t && o.proc.args[0].poly == polyNone {
		a.unknown, b.unknown = false, false // two untyped strings: text || text
	}
	if a, err = bindOperand(o.proc.args[0], a, sc); err != nil {
		return nil, nil, err
	}
	b, err = bindOperand(o.proc.args[1], b, sc)
	return a, b, err
}

func bindOperand(t *pgType, x *expr, sc *scope) (*expr, error) {
	switch {
	case t.poly == polyNonArray && x.unknown:
		return castLiteral(x, types.Text)
	case t.poly != polyNone: // an array's || reads an untyped side itself (arrayconcat.go)
		return x, nil
	case x.unknown:
		return castLiteral(x, t.t)
	case x.typ == t.t || familyOf(x.typ) == famNumeric && familyOf(t.t) == famNumeric:
		return x, nil
	case t.t == types.Timestamptz && (x.typ == types.Timestamp || x.typ == types.Date):
		_, y := zoneOperands(&expr{typ: types.Timestamptz}, x, sc)
		return y, nil
	}
	return coerceArg(x, t.t)
}

// The implementations.

func implNumeric(o *opDef, a, b *expr, _ *scope) (*expr, error) {
	rt, op, sym := o.proc.ret.t, opNameToArith[o.name], o.name
	return strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
		switch {
		case rt.IsInteger():
			return intArith(op, rt, x.I, y.I)
		case rt == types.Numeric:
			return numericArith(sym, x, y)
		}
		return floatArith(op, rt, num(x), num(y))
	})
}

func implBitwise(o *opDef, a, b *expr, _ *scope) (*expr, error) {
	return bitwise(o.proc.ret.t, o.name, a, b)
}

// implPower is ^: dpow for float8, numeric_power for numeric.
func implPower(o *opDef, a, b *expr, _ *scope) (*expr, error) {
	if o.proc.ret.t == types.Numeric {
		return strict2(types.Numeric, a, b, decimalPower)
	}
	return strict2(types.Float64, a, b, func(x, y types.Value) (types.Value, error) { return floatPower(num(x), num(y)) })
}

func implDateTime(o *opDef, a, b *expr, sc *scope) (*expr, error) {
	return compileDateTimeArith(opNameToArith[o.name], o.name, a, b, sc)
}

func implJSON(o *opDef, a, b *expr, _ *scope) (*expr, error) {
	return compileJSONOp(o.name, a, b)
}

func implJSONConcat(_ *opDef, a, b *expr, _ *scope) (*expr, error) { return compileJSONConcat(a, b) }

func implByteaConcat(_ *opDef, a, b *expr, _ *scope) (*expr, error) {
	return strict2(types.Bytea, a, b, func(x, y types.Value) (types.Value, error) {
		return types.Value{T: types.Bytea, S: x.S + y.S}, nil
	})
}

func implArrayConcat(_ *opDef, a, b *expr, _ *scope) (*expr, error) { return compileArrayConcat(a, b) }

func implTextConcat(_ *opDef, a, b *expr, sc *scope) (*expr, error) { return textConcat(a, b, sc) }

func implIdentity(_ *opDef, _, b *expr, _ *scope) (*expr, error) { return b, nil }

func implNegate(_ *opDef, _, b *expr, _ *scope) (*expr, error) { return negate(b) }

func implNegateInterval(_ *opDef, _, b *expr, _ *scope) (*expr, error) {
	return negateIntervalExpr(b, true), nil
}

// implAbs, implSqrt and implCbrt are @, |/ and ||/: abs, sqrt and cbrt of their operand
// (PostgreSQL's int4abs, dsqrt, dcbrt, ...), which bindOperands left of its numeric type:
// the functions' implementations take the argument type they compute in.
func implAbs(o *opDef, _, b *expr, _ *scope) (*expr, error) {
	return buildAbs(prefixCall(o, "abs", b))
}

func implSqrt(o *opDef, _, b *expr, _ *scope) (*expr, error) {
	return buildSqrt(prefixCall(o, "sqrt", b))
}

func implCbrt(o *opDef, _, b *expr, _ *scope) (*expr, error) {
	return strictFunc(prefixCall(o, "cbrt", b), func(v []types.Value) (types.Value, error) {
		return types.NewFloat(types.Float64, glibcCbrt(v[0].F)), nil
	})
}

// prefixCall is the call of function name that prefix operator row o stands for.
func prefixCall(o *opDef, name string, b *expr) *funcCall {
	return &funcCall{name: name, args: []*expr{convertExpr(b, o.proc.args[0].t)}, ret: o.proc.ret.t}
}

func implBitNot(o *opDef, _, b *expr, _ *scope) (*expr, error) {
	rt := o.proc.ret.t
	return foldStrict(&expr{typ: rt, eval: func(row []types.Value) (types.Value, error) {
		v, err := b.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: rt, Null: true}, err
		}
		return types.NewInt(rt, ^v.I), nil
	}}, b)
}

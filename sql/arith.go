package sql

// Arithmetic: the result types of + - * / % on mixed numeric types, integer overflow and
// division checks as PostgreSQL makes them, date arithmetic and the bitwise operators.

import (
	"math"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/types"
)

// commonNumeric is the common type of two numeric types where PostgreSQL's select_common_type
// finds one (CASE, COALESCE, GREATEST, UNION, ARRAY, IN lists): the implicit casts climb
// smallint, integer, bigint, numeric, real, double precision, so the later of the two wins and
// real meets numeric or an integer as real (an operator would pick double precision instead).
func commonNumeric(a, b types.Type) types.Type {
	rank := func(t types.Type) int {
		switch t {
		case types.Int16:
			return 1
		case types.Int32:
			return 2
		case types.Int64:
			return 3
		case types.Numeric:
			return 4
		case types.Float32:
			return 5
		case types.Float64:
			return 6
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// arithType is the result type of a numeric operator, following PostgreSQL: the wider integer,
// numeric with integers or numeric, real with real, double precision as soon as a float meets
// anything else.
func arithType(a, b types.Type) types.Type {
	switch {
	case a == types.Null:
		return b
	case b == types.Null:
		return a
	case a.IsInteger() && b.IsInteger():
		return max(a, b)
	case a == types.Float32 && b == types.Float32:
		return types.Float32
	case !a.IsFloat() && !b.IsFloat():
		return types.Numeric
	}
	return types.Float64
}

// compileArith is reached only by a binary operator the tree does not take (expr_ast.go's
// fromTree): vitess's operators PostgreSQL lacks.
func compileArith(e *sqlparser.BinaryExpr) (*expr, error) {
	return nil, unsupported("operator %s", e.Operator.ToString())
}

// compileDateArith compiles date + integer, integer + date, date - integer (a date) and
// date - date (the days between, an integer), as PostgreSQL has them.
func compileDateArith(op sqlparser.BinaryExprOperator, sym string, a, b *expr) (*expr, error) {
	isInt := func(x *expr) bool { return x.typ == types.Int16 || x.typ == types.Int32 } // date's are integer's; bigint has none
	switch {
	case op == sqlparser.PlusOp && a.typ == types.Date && isInt(b),
		op == sqlparser.MinusOp && a.typ == types.Date && isInt(b):
		sign := int64(1)
		if op == sqlparser.MinusOp {
			sign = -1
		}
		return strict2(types.Date, a, b, func(x, y types.Value) (types.Value, error) {
			return addDays(x.I, sign*y.I)
		})
	case op == sqlparser.PlusOp && isInt(a) && b.typ == types.Date:
		return strict2(types.Date, a, b, func(x, y types.Value) (types.Value, error) { return addDays(y.I, x.I) })
	case op == sqlparser.MinusOp && a.typ == types.Date && b.typ == types.Date:
		return strict2(types.Int32, a, b, func(x, y types.Value) (types.Value, error) {
			if types.IsInfinite(x.I) || types.IsInfinite(y.I) {
				return types.Value{}, Errorf("22008", "cannot subtract infinite dates")
			}
			return types.NewInt(types.Int32, x.I-y.I), nil
		})
	}
	return nil, Errorf("42883", "operator does not exist: %s %s %s", a.typ, sym, b.typ)
}

// addDays is date + n days; an infinite date stays infinite, as in PostgreSQL.
func addDays(date, n int64) (types.Value, error) {
	if types.IsInfinite(date) {
		return types.Value{T: types.Date, I: date}, nil
	}
	return dateValue(date + n)
}

// dateValue is the date days after the epoch, if it is one PostgreSQL can hold.
func dateValue(days int64) (types.Value, error) {
	if !types.DateInRange(days) {
		return types.Value{}, Errorf("22008", "date out of range")
	}
	return types.Value{T: types.Date, I: days}, nil
}

// strict2 builds a function of two operands that is NULL (of type t) when either is.
func strict2(t types.Type, a, b *expr, f func(x, y types.Value) (types.Value, error)) (*expr, error) {
	return foldStrict(&expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		y, err := b.eval(row)
		if err != nil || x.IsNull() || y.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		return f(x, y)
	}}, a, b)
}

func intArith(op sqlparser.BinaryExprOperator, t types.Type, x, y int64) (types.Value, error) {
	var r int64
	switch op {
	case sqlparser.PlusOp:
		r = x + y
		if (r > x) != (y > 0) {
			return types.Value{}, outOfRange(t)
		}
	case sqlparser.MinusOp:
		r = x - y
		if (r < x) != (y > 0) {
			return types.Value{}, outOfRange(t)
		}
	case sqlparser.MultOp:
		r = x * y
		if x != 0 && (r/x != y || x == -1 && y == math.MinInt64) {
			return types.Value{}, outOfRange(t)
		}
	case sqlparser.DivOp, sqlparser.ModOp:
		if y == 0 {
			return types.Value{}, Errorf("22012", "division by zero")
		}
		if x == math.MinInt64 && y == -1 {
			if op == sqlparser.ModOp {
				return types.NewInt(t, 0), nil
			}
			return types.Value{}, outOfRange(t)
		}
		if op == sqlparser.DivOp {
			r = x / y
		} else {
			r = x % y
		}
	}
	if err := intRange(t, r); err != nil {
		return types.Value{}, err
	}
	return types.NewInt(t, r), nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func floatArith(op sqlparser.BinaryExprOperator, t types.Type, x, y float64) (types.Value, error) {
	var r float64
	switch op {
	case sqlparser.PlusOp:
		r = x + y
	case sqlparser.MinusOp:
		r = x - y
	case sqlparser.MultOp:
		r = x * y
	case sqlparser.DivOp:
		if y == 0 && !math.IsNaN(x) { // float8_div: NaN / 0 is NaN
			return types.Value{}, Errorf("22012", "division by zero")
		}
		r = x / y
	case sqlparser.ModOp:
		return types.Value{}, Errorf("42883", "operator does not exist: %s %% %s", t, t)
	}
	if t == types.Float32 { // float4 operators compute in float4: round before the checks
		r = float64(float32(r))
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		return types.Value{}, Errorf("22003", "value out of range: overflow")
	}
	if r == 0 && floatUnderflow(op, x, y) {
		return types.Value{}, errFloatUnder
	}
	return types.NewFloat(t, r), nil
}

// floatUnderflow reports whether a zero result of x op y is an underflow, as float.h's
// float8_mul and float8_div check it (a sum or difference is exact near zero).
func floatUnderflow(op sqlparser.BinaryExprOperator, x, y float64) bool {
	switch op {
	case sqlparser.MultOp:
		return x != 0 && y != 0
	case sqlparser.DivOp:
		return x != 0 && !math.IsInf(y, 0)
	}
	return false
}

// bitwise compiles the integer operators &, |, #, << and >> with result type rt: &, | and #
// take the wider type of their operands, a shift the type of its left one.
func bitwise(rt types.Type, op string, a, b *expr) (*expr, error) {
	bits := int64(64)
	if rt != types.Null {
		bits = int64(rt.Size()) * 8
	}
	return strict2(rt, a, b, func(x, y types.Value) (types.Value, error) {
		n := y.I % bits // PostgreSQL shifts by the count modulo the width, as the CPU does
		if n < 0 {
			n += bits
		}
		var r int64
		switch op {
		case "&":
			r = x.I & y.I
		case "|":
			r = x.I | y.I
		case "#":
			r = x.I ^ y.I
		case "<<":
			r = x.I << n
		default:
			r = x.I >> n
		}
		switch rt { // wrap to the type's width, as PostgreSQL's shifts do
		case types.Int16:
			r = int64(int16(r))
		case types.Int32:
			r = int64(int32(r))
		}
		return types.NewInt(rt, r), nil
	})
}

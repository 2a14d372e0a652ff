package jsonpath

import (
	"math"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/drovedb/drove/types"
)

// unwrapResult is executeItemOptUnwrapResult: the items of n, arrays among them replaced by
// their elements in lax mode.
func (cx *execCtx) unwrapResult(n *Node, jb *types.JSONNode, unwrap bool, found list) (result, error) {
	if !unwrap || !cx.lax {
		return cx.item(n, jb, found)
	}
	var seq []*types.JSONNode
	r, err := cx.item(n, jb, &seq)
	if r == resError || err != nil {
		return r, err
	}
	for _, v := range seq {
		if isArray(v) {
			*found = append(*found, v.Elems...)
		} else {
			*found = append(*found, v)
		}
	}
	return resOK, nil
}

// unwrapResultNoThrow is executeItemOptUnwrapResultNoThrow: predicates see errors as unknown.
func (cx *execCtx) unwrapResultNoThrow(n *Node, jb *types.JSONNode, unwrap bool, found list) (result, error) {
	saved := cx.throw
	cx.throw = false
	r, err := cx.unwrapResult(n, jb, unwrap, found)
	cx.throw = saved
	return r, err
}

func (cx *execCtx) nestedBool(n *Node, jb *types.JSONNode) (tri, error) {
	saved := cx.current
	cx.current = jb
	st, err := cx.boolItem(n, jb)
	cx.current = saved
	return st, err
}

func (cx *execCtx) boolItem(n *Node, jb *types.JSONNode) (tri, error) {
	switch n.Kind {
	case KAnd, KOr:
		stop := triFalse
		if n.Kind == KOr {
			stop = triTrue
		}
		l, err := cx.boolItem(n.Left, jb)
		if err != nil || l == stop {
			return l, err
		}
		r, err := cx.boolItem(n.Right, jb)
		if err != nil {
			return r, err
		}
		if r == 1-stop {
			return l, nil
		}
		return r, nil
	case KNot:
		st, err := cx.boolItem(n.Left, jb)
		if err != nil || st == triUnknown {
			return st, err
		}
		return 1 - st, nil
	case KIsUnknown:
		st, err := cx.boolItem(n.Left, jb)
		if st == triUnknown {
			return triTrue, err
		}
		return triFalse, err
	case KEqual, KNotEqual, KLess, KGreater, KLessEq, KGreaterEq:
		return cx.predicate(n, n.Left, n.Right, jb, true)
	case KStartsWith:
		return cx.predicate(n, n.Left, n.Right, jb, false)
	case KLikeRegex:
		return cx.predicate(n, n.Left, nil, jb, false)
	case KExists:
		var vals []*types.JSONNode
		var found list
		if !cx.lax {
			found = &vals
		}
		r, err := cx.unwrapResultNoThrow(n.Left, jb, false, found)
		switch {
		case err != nil:
			return triUnknown, err
		case r == resError:
			return triUnknown, nil
		case !cx.lax:
			return tri(b2i(len(vals) > 0)), nil
		}
		return tri(b2i(r == resOK)), nil
	}
	return triUnknown, &Error{Code: "XX000", Msg: "invalid boolean jsonpath item type"}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// predicate is executePredicate: a comparison of every left item with every right one.
func (cx *execCtx) predicate(n, larg, rarg *Node, jb *types.JSONNode, unwrapRight bool) (tri, error) {
	var lseq, rseq []*types.JSONNode
	r, err := cx.unwrapResultNoThrow(larg, jb, true, &lseq)
	if err != nil || r == resError {
		return triUnknown, err
	}
	if rarg != nil {
		r, err = cx.unwrapResultNoThrow(rarg, jb, unwrapRight, &rseq)
		if err != nil || r == resError {
			return triUnknown, err
		}
	}
	sawError, found := false, false
	for _, l := range lseq {
		rs := rseq
		if rarg == nil {
			rs = []*types.JSONNode{nil}
		}
		for _, rv := range rs {
			var st tri
			switch n.Kind {
			case KStartsWith:
				st = startsWith(l, rv)
			case KLikeRegex:
				st = triUnknown
				if l.Kind == types.JSONString {
					st = tri(b2i(n.re.MatchString(l.Str)))
				}
			default:
				st = compareItems(n.Kind, l, rv)
			}
			switch st {
			case triUnknown:
				if !cx.lax {
					return triUnknown, nil
				}
				sawError = true
			case triTrue:
				if cx.lax {
					return triTrue, nil
				}
				found = true
			}
		}
	}
	switch {
	case found:
		return triTrue, nil
	case sawError:
		return triUnknown, nil
	}
	return triFalse, nil
}

func startsWith(whole, initial *types.JSONNode) tri {
	if whole.Kind != types.JSONString || initial.Kind != types.JSONString {
		return triUnknown
	}
	return tri(b2i(strings.HasPrefix(whole.Str, initial.Str)))
}

// compareItems is compareItems: null equals only null, other kinds do not compare, strings
// order by code point, containers are unknown.
func compareItems(op Kind, a, b *types.JSONNode) tri {
	if a.Kind != b.Kind {
		if a.Kind == types.JSONNull || b.Kind == types.JSONNull {
			return tri(b2i(op == KNotEqual))
		}
		return triUnknown
	}
	var c int
	switch a.Kind {
	case types.JSONNull:
	case types.JSONBool:
		c = strings.Compare(a.Str, b.Str) // "f" < "t"
	case types.JSONNumber:
		c = types.CompareNumericText(a.Str, b.Str)
	case types.JSONString:
		c = strings.Compare(a.Str, b.Str)
	default:
		return triUnknown
	}
	var ok bool
	switch op {
	case KEqual:
		ok = c == 0
	case KNotEqual:
		ok = c != 0
	case KLess:
		ok = c < 0
	case KGreater:
		ok = c > 0
	case KLessEq:
		ok = c <= 0
	case KGreaterEq:
		ok = c >= 0
	}
	return tri(b2i(ok))
}

var arithOps = map[Kind]byte{KAdd: '+', KSub: '-', KMul: '*', KDiv: '/', KMod: '%'}

func (cx *execCtx) binaryArith(n *Node, jb *types.JSONNode, found list) (result, error) {
	var lseq, rseq []*types.JSONNode
	r, err := cx.unwrapResult(n.Left, jb, true, &lseq)
	if r == resError || err != nil {
		return r, err
	}
	r, err = cx.unwrapResult(n.Right, jb, true, &rseq)
	if r == resError || err != nil {
		return r, err
	}
	op := opNames[n.Kind]
	if len(lseq) != 1 || lseq[0].Kind != types.JSONNumber {
		return cx.fail("22038", "left operand of jsonpath operator "+op+" is not a single numeric value")
	}
	if len(rseq) != 1 || rseq[0].Kind != types.JSONNumber {
		return cx.fail("22038", "right operand of jsonpath operator "+op+" is not a single numeric value")
	}
	s, err := cx.env.Arith(arithOps[n.Kind], lseq[0].Str, rseq[0].Str)
	if err != nil {
		if cx.throw {
			return resError, err
		}
		return resError, nil
	}
	if n.Next == nil && found == nil {
		return resOK, nil
	}
	return cx.next(n, &types.JSONNode{Kind: types.JSONNumber, Str: s}, found)
}

func (cx *execCtx) unaryArith(n *Node, jb *types.JSONNode, found list) (result, error) {
	var seq []*types.JSONNode
	r, err := cx.unwrapResult(n.Left, jb, true, &seq)
	if r == resError || err != nil {
		return r, err
	}
	res := resNotFound
	for _, v := range seq {
		if v.Kind != types.JSONNumber {
			if found == nil && n.Next == nil {
				continue
			}
			return cx.fail("2203B", "operand of unary jsonpath operator "+opNames[n.Kind]+" is not a numeric value")
		}
		if found == nil && n.Next == nil {
			return resOK, nil
		}
		if n.Kind == KMinus {
			v = &types.JSONNode{Kind: types.JSONNumber, Str: negate(v.Str)}
		}
		r, err := cx.next(n, v, found)
		if r == resError || err != nil {
			return r, err
		}
		if r == resOK {
			if found == nil {
				return resOK, nil
			}
			res = resOK
		}
	}
	return res, nil
}

func (cx *execCtx) numericMethod(n *Node, jb *types.JSONNode, found list, unwrap bool) (result, error) {
	if unwrap && isArray(jb) {
		return cx.unwrapArray(n, jb, found, false)
	}
	if jb.Kind != types.JSONNumber {
		return cx.fail("22036", "jsonpath item method ."+opNames[n.Kind]+"() can only be applied to a numeric value")
	}
	var s string
	switch n.Kind {
	case KAbs:
		s = strings.TrimPrefix(jb.Str, "-")
	case KFloor, KCeiling:
		d, _, err := apd.NewFromString(jb.Str)
		if err != nil {
			return resError, &Error{Code: "XX000", Msg: "invalid numeric in jsonpath item"}
		}
		var out apd.Decimal
		ctx := apd.BaseContext.WithPrecision(uint32(d.NumDigits()) + 2)
		if n.Kind == KFloor {
			_, err = ctx.Floor(&out, d)
		} else {
			_, err = ctx.Ceil(&out, d)
		}
		if err != nil {
			return resError, err
		}
		s = types.NewNumeric(&out).S
	}
	return cx.next(n, &types.JSONNode{Kind: types.JSONNumber, Str: s}, found)
}

// parseFloat8 is float8in: spaces around, NaN and infinities in any case.
func parseFloat8(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil || err.(*strconv.NumError).Err == strconv.ErrRange && math.IsInf(f, 0)
}

func (cx *execCtx) double(n *Node, jb *types.JSONNode, found list, unwrap bool) (result, error) {
	if unwrap && isArray(jb) {
		return cx.unwrapArray(n, jb, found, false)
	}
	switch jb.Kind {
	case types.JSONNumber:
		f, ok := parseFloat8(jb.Str)
		if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
			return cx.fail("22036", "numeric argument of jsonpath item method .double() is out of range for type double precision")
		}
	case types.JSONString:
		f, ok := parseFloat8(jb.Str)
		if strings.Contains(strings.ToLower(jb.Str), "_") || strings.Contains(strings.ToLower(jb.Str), "0x") {
			ok = false // strconv reads these forms, float8in does not
		}
		if !ok || math.IsInf(f, 0) || math.IsNaN(f) {
			return cx.fail("22036", "string argument of jsonpath item method .double() is not a valid representation of a double precision number")
		}
		v, err := types.ParseNumeric(strconv.FormatFloat(f, 'g', 15, 64))
		if err != nil {
			return resError, err
		}
		jb = &types.JSONNode{Kind: types.JSONNumber, Str: v.S}
	default:
		return cx.fail("22036", "jsonpath item method .double() can only be applied to a string or numeric value")
	}
	return cx.next(n, jb, found)
}

// truncInt32 is numeric_trunc then numeric_int4: the subscript's integer part.
func truncInt32(s string) (int64, bool) {
	d, _, err := apd.NewFromString(s)
	if err != nil {
		return 0, false
	}
	digits := max(d.NumDigits()+int64(d.Exponent), 1) + 1
	if digits > 20 {
		return 0, false
	}
	tr := apd.Context{Precision: uint32(digits), Rounding: apd.RoundDown, MaxExponent: apd.MaxExponent, MinExponent: apd.MinExponent}
	var t apd.Decimal
	if _, err := tr.Quantize(&t, d, 0); err != nil {
		return 0, false
	}
	i, err := t.Int64()
	if err != nil || i < math.MinInt32 || i > math.MaxInt32 {
		return 0, false
	}
	return i, true
}

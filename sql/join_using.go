package sql

import "github.com/drovedb/drove/types"

// The merged column of JOIN ... USING (k) when the sides' k differ in type, as PostgreSQL's
// buildMergedJoinVar makes it: its type is the sides' common type (select_common_type, and
// the common typmod: the sides' when equal, else none), and a side whose type or typmod
// differs is converted to it. An INNER join's merge is the side not converted (the left when
// neither or both are), a LEFT join's the left side, a RIGHT join's the right, a FULL join's
// COALESCE of both. A converted merge is not the side's column: GROUP BY k does not group
// t.k, nor GROUP BY t.k k (scopeCol.isMerge).

// usingSide is one side of a USING pair as the common type sees it: its type, char(n) or
// varchar kind, and typmod (the declared length or numeric precision; 0: none).
type usingSide struct {
	typ    types.Type
	kind   charKind
	typmod int
}

// usingSideOf is column c's side; for the merge of an earlier join, the merge's.
func usingSideOf(c scopeCol) usingSide {
	if c.coerced {
		return c.mergeAs
	}
	s := usingSide{typ: c.typ, kind: charKind{c.bpchar, c.varchar}}
	if c.src != nil && (c.typ == types.Text || c.typ == types.Numeric) {
		s.typmod = c.src.Length
	}
	return s
}

// usingCommon is the common side of l and r and whether each is converted to it. Types that
// have none are left to the join's equality, which has already failed for them (42883).
func usingCommon(l, r usingSide) (common usingSide, lconv, rconv bool, err error) {
	common = l
	switch {
	case l.typ == r.typ: // text, char(n) and varchar convert to each other implicitly: the left's kind
	case familyOf(l.typ) == famNumeric && familyOf(r.typ) == famNumeric:
		common.typ = numericCommon(l.typ, r.typ)
	case familyOf(l.typ) == famTime && familyOf(r.typ) == famTime:
		common.typ = widerTime(l.typ, r.typ)
	default:
		return usingSide{}, false, false, Errorf("42804", "JOIN/USING types %s and %s cannot be matched", l.typ, r.typ)
	}
	if l.typmod != r.typmod || common.typ != l.typ || common.kind != l.kind {
		common.typmod = 0
	}
	if common.typ != types.Text && common.typ != types.Numeric {
		common.typmod = 0
	}
	return common, common != l, common != r, nil
}

// numericCommon is select_common_type of two numeric types: double precision when either is,
// else real when either is, else numeric when either is, else the wider integer.
func numericCommon(a, b types.Type) types.Type {
	for _, t := range []types.Type{types.Float64, types.Float32, types.Numeric} {
		if a == t || b == t {
			return t
		}
	}
	return max(a, b)
}

// mergeExpr is x, the unqualified value of merged column c, converted to its common type
// when a side needed converting.
func mergeExpr(x *expr, c scopeCol, sc *scope) *expr {
	if !c.coerced {
		return x
	}
	to := c.mergeAs
	y := x
	if x.typ != to.typ {
		y = convertTo(x, to.typ, sc)
	}
	if to.typ == types.Text {
		if x.bpchar && !to.kind.bpchar {
			y = trimmed(y)
		}
		if y == x {
			y = &expr{typ: x.typ, rowFree: x.rowFree, eval: x.eval}
		}
		y = to.kind.set(y)
	}
	return y
}

// markMerge records that the unqualified reference to column v, the visible column of a
// USING pair, reads it converted to common when conv (or when it already was: the merge of
// an earlier join, converted).
func markMerge(c *scopeCol, common usingSide, conv bool) {
	if conv || c.coerced {
		c.coerced, c.mergeAs = true, common
	}
}

package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// compileIn compiles x [NOT] IN (list). PostgreSQL evaluates it as x = ANY (ARRAY[the items
// that read no column]) OR x = (each item that does), in order, when there are two or more
// of the former, and as x = a OR x = b ... otherwise (NOT IN likewise with <> and AND). The
// array's items are all computed; the rest only until the answer is known. The array has
// one type, the first typed one of x and its items, so char(n) against text may compare
// differently in the array than in x = item. An array of constants is a hash set, so a long
// list costs one probe per row, not one comparison per item.
// x IN (subquery) is compileInSubquery's.
func compileIn(e *ast.In, sc *scope) (*expr, error) {
	if _, ok := e.Expr.(*ast.Row); ok {
		return rowInList(e, sc) // rowcompare.go
	}
	left, err := compileAST(e.Expr, sc)
	if err != nil {
		return nil, err
	}
	raw := make([]*expr, len(e.List))
	foldErrs := make([]error, len(e.List)) // an item's folding error, raised unless the item is dead
	rowFree := 0
	for i, t := range e.List {
		if raw[i], err = compileAST(t, sc); err != nil {
			// A constant in it failed to compute; compiled as a branch that never runs, it
			// type-checks (else the error is no folding error). Whether it runs is known once
			// the list is built (decidedBefore).
			if raw[i], foldErrs[i] = compileASTDead(t, sc); foldErrs[i] != nil {
				return nil, err
			}
			foldErrs[i] = err
		}
		if raw[i].rowFree {
			rowFree++
		}
	}
	// Dates, timestamps and timestamptzs become the one type they compare as (crosstime.go).
	all := append([]*expr{left}, raw...)
	leftType := left.typ
	timeCommonList(all, sc)
	// A date or timestamp against timestamptzs compares in the session's zone: a stable
	// operator, which PostgreSQL's planner does not compute even for a NULL left side.
	stableArray := timeCommon(leftType, all[0].typ) == types.Timestamptz
	left, raw = all[0], all[1:]
	// The array's element type decides how char(n) compares (see charTrims).
	elem := &expr{}
	for _, x := range append([]*expr{left}, raw...) {
		if !x.unknown && (x == left || x.rowFree) {
			elem.bpchar, elem.varchar = x.bpchar, x.varchar
			break
		}
	}
	in := &inList{negate: e.Not}
	var arrayErr error
	inputs := []*expr{left}
	arrayNum := arrayNumericType(left, raw, rowFree)
	for _, x := range raw {
		l := left
		if arrayNum != types.Null && x.rowFree && familyOf(x.typ) == famNumeric && x.typ != arrayNum {
			x = convertTo(x, arrayNum, sc) // an array item has the array's type
		}
		if l, x, err = unify(l, x); err != nil {
			return nil, err
		}
		if !comparable(l.typ, x.typ) {
			return nil, Errorf("42883", "operator does not exist: %s = %s", l.typ, x.typ)
		}
		inputs = append(inputs, x)
		if rowFree >= 2 && x.rowFree {
			if x.bpchar && !elem.bpchar {
				x = asText(x) // cast to the array's text or varchar
			}
			in.array = append(in.array, x)
			if arrayErr == nil {
				arrayErr = foldErrs[len(inputs)-2] // the array is computed whole
			}
			continue
		}
		trimL, trimX := charTrims(l, x)
		in.each = append(in.each, inItem{x: x, trimLeft: trimL, trim: trimX, foldErr: foldErrs[len(inputs)-2]})
	}
	if isConst(left) && mustConst(left).IsNull() {
		// PostgreSQL folds NULL = item (a strict operator with a NULL constant) to NULL
		// while planning, so no such item is computed: not even one that would fail. But
		// NULL = ANY (ARRAY[...]) folds only when the whole array is constant; otherwise
		// the array is computed when the statement runs, and may fail; and never with a
		// stable operator (NULL::date IN (tz, tz) keeps a later CASE branch's constants).
		if allConst(in.array) && !stableArray {
			dropPending(inputs)
			return constExpr(types.Value{T: types.Bool, Null: true}, false), nil
		}
		in.each = nil
	}
	if len(in.array) == 0 && allNullConst(in.each) {
		// x = NULL OR x = NULL ...: each a strict operator with a NULL constant operand, so
		// NULL while planning, and x is dropped: not computed, not even planned.
		dropPending(inputs)
		return constExpr(types.Value{T: types.Bool, Null: true}, false), nil
	}
	if left.unknown {
		left.unknown = false
	}
	in.left = left
	if len(in.array) > 0 {
		in.trimLeft, in.trimArray = charTrims(left, elem)
		if left.unknown || left.typ == types.Null {
			in.trimLeft = in.trimArray
		}
		in.buildSet()
	}
	if arrayErr != nil {
		return nil, arrayErr
	}
	for k, it := range in.each {
		if it.foldErr != nil && !in.decidedBefore(k) {
			return nil, it.foldErr
		}
	}
	if in.decidedBefore(len(in.each)) {
		// A constant decides it, whatever the other items: PostgreSQL's planner folds it so
		// (1 IN (1, x) is true), and an enclosing AND, OR or CASE sees a constant.
		return constExpr(types.NewBool(!in.negate), false), nil
	}
	return foldAcross(leftType, left.typ)(&expr{typ: types.Bool, eval: in.eval}, inputs...)
}

// arrayNumericType is the element type of the array PostgreSQL makes of an IN list's
// row-free items when they and x are all numbers (select_common_type: real against numeric is
// real, so 1.1::real IN (1.1::numeric, 2) compares reals); types.Null when there is no such
// array or the list is not all numbers.
func arrayNumericType(left *expr, raw []*expr, rowFree int) types.Type {
	if rowFree < 2 {
		return types.Null
	}
	t := types.Null
	for _, x := range append([]*expr{left}, raw...) {
		switch {
		case x != left && !x.rowFree, x.unknown, x.typ == types.Null:
		case familyOf(x.typ) != famNumeric:
			return types.Null
		case t == types.Null:
			t = x.typ
		default:
			t = commonNumeric(t, x.typ)
		}
	}
	return t
}

// allNullConst reports whether every item is the NULL constant.
func allNullConst(items []inItem) bool {
	for _, it := range items {
		if !isConst(it.x) || !mustConst(it.x).IsNull() {
			return false
		}
	}
	return true
}

type inItem struct {
	x              *expr
	trimLeft, trim bool
	foldErr        error // a constant in x failed to compute (compileIn)
}

// decidedBefore reports whether, with the left side constant, the array (all constants) or
// a constant item before in.each[k] equals it, so PostgreSQL's planner, which simplifies the
// array and then x = item OR ... left to right and stops at a constant that decides, never
// simplifies item k: a constant in it that fails to compute is no error (1 IN (1, x + 1/0)
// is true).
func (in *inList) decidedBefore(k int) bool {
	if !isConst(in.left) {
		return false
	}
	found := func(sub inList) bool {
		v, err := sub.eval(nil)
		return err == nil && !v.IsNull() && v.Bool() != in.negate
	}
	if len(in.array) > 0 && allConst(in.array) &&
		found(inList{left: in.left, negate: in.negate, array: in.array, trimLeft: in.trimLeft, trimArray: in.trimArray}) {
		return true
	}
	for _, it := range in.each[:k] {
		if isConst(it.x) && found(inList{left: in.left, negate: in.negate, each: []inItem{it}}) {
			return true
		}
	}
	return false
}

type inList struct {
	left                *expr
	negate              bool
	array               []*expr
	trimLeft, trimArray bool
	each                []inItem

	// When every item of the array is a constant of a type whose equality is its
	// encoding's, the array is a set: ints (any width) or strings.
	hashed   bool
	ints     map[int64]struct{}
	strs     map[string]struct{}
	nullItem bool // the array has a NULL
}

// buildSet makes the array a set when every item is a constant of the left side's kind of
// value: integers of any width, or text, booleans, dates or timestamps of its own type.
func (in *inList) buildSet() {
	lt := in.left.typ
	intKind := lt.IsInteger() || lt == types.Bool || lt == types.Date || lt == types.Timestamp
	if !intKind && lt != types.Text {
		return
	}
	vals := make([]types.Value, len(in.array))
	for i, x := range in.array {
		if !isConst(x) {
			return
		}
		v := mustConst(x)
		switch {
		case v.IsNull():
		case lt.IsInteger() && v.T.IsInteger(), v.T == lt:
		default:
			return
		}
		vals[i] = v
	}
	in.hashed = true
	if intKind {
		in.ints = make(map[int64]struct{}, len(vals))
	} else {
		in.strs = make(map[string]struct{}, len(vals))
	}
	for _, v := range vals {
		switch {
		case v.IsNull():
			in.nullItem = true
		case intKind:
			in.ints[v.I] = struct{}{}
		case in.trimArray:
			in.strs[trimChar(v).S] = struct{}{}
		default:
			in.strs[v.S] = struct{}{}
		}
	}
}

func (in *inList) eval(row []types.Value) (types.Value, error) {
	x, err := in.left.eval(row)
	if err != nil {
		return types.Value{}, err
	}
	sawNull, found := x.IsNull(), false
	match := func(it *expr, trimL, trim bool) error {
		y, err := it.eval(row)
		if err != nil {
			return err
		}
		l := x
		if trimL {
			l = trimChar(l)
		}
		if trim {
			y = trimChar(y)
		}
		switch {
		case x.IsNull():
		case y.IsNull():
			sawNull = true
		case l.T.IsRecord() && y.T.IsRecord():
			// record_eq, as x = item: fields of different types are an error (42804)
			c, err := compareRecordValues(l, y)
			found = found || c == 0 && err == nil
			return err
		case compare(l, y) == 0:
			found = true
		}
		return nil
	}
	switch {
	case in.hashed:
		sawNull = sawNull || in.nullItem
		if !x.IsNull() {
			if in.ints != nil {
				_, found = in.ints[x.I]
			} else {
				l := x
				if in.trimLeft {
					l = trimChar(l)
				}
				_, found = in.strs[l.S]
			}
		}
	default:
		for _, it := range in.array {
			if err := match(it, in.trimLeft, in.trimArray); err != nil {
				return types.Value{}, err
			}
		}
	}
	for _, it := range in.each {
		if found {
			break
		}
		if err := match(it.x, it.trimLeft, it.trim); err != nil {
			return types.Value{}, err
		}
	}
	switch {
	case found:
		return types.NewBool(!in.negate), nil
	case sawNull:
		return types.Value{T: types.Bool, Null: true}, nil
	}
	return types.NewBool(in.negate), nil
}

// allConst reports whether every expression is a constant that computed without error.
func allConst(xs []*expr) bool {
	for _, x := range xs {
		if !isConst(x) {
			return false
		}
	}
	return true
}

package jsonpath

import (
	"strconv"

	"github.com/drovedb/drove/types"
)

// The evaluator follows jsonpath_exec.c: lax mode unwraps arrays and wraps scalars and
// ignores structural errors; strict mode reports them. In silent mode the errors an item
// raises become "no result" (jperError), as PostgreSQL's throwErrors = false.

// Env is what the evaluator takes from the SQL engine.
type Env struct {
	// Arith is a op b on numeric texts, op one of + - * / %, with PostgreSQL's numeric rules
	// and errors (22012 division by zero).
	Arith func(op byte, a, b string) (string, error)
}

type result uint8

const (
	resOK result = iota
	resNotFound
	resError
)

type tri uint8

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

type baseObject struct {
	root *types.JSONNode
	id   int64
}

type execCtx struct {
	env              *Env
	vars             *types.JSONNode
	root             *types.JSONNode
	current          *types.JSONNode
	base             baseObject
	lastGeneratedID  int64
	innermostArray   int
	lax              bool
	ignoreStructural bool
	throw            bool
	offsets          map[*types.JSONNode]map[*types.JSONNode]int64
	depth            int
}

// list collects results; nil means the caller only asks whether there is one.
type list = *[]*types.JSONNode

// Exec evaluates the path on json as executeJsonPath does. vars is the vars object or nil
// (the @? and @@ operators pass none); throw is !silent. It returns whether the path found
// items (resOK), found none, or failed silently, and appends the items to found when it is
// not nil. The error is the one raised.
func Exec(env *Env, p *Path, vars, json *types.JSONNode, throw bool, found list) (ok, failed bool, err error) {
	if vars != nil && vars.Kind != types.JSONObject {
		return false, false, &Error{Code: "22023", Msg: `"vars" argument is not an object`,
			Detail: `Jsonpath parameters should be encoded as key-value pairs of "vars" object.`}
	}
	cx := &execCtx{env: env, vars: vars, root: json, current: json, lax: !p.Strict,
		ignoreStructural: !p.Strict, throw: throw, innermostArray: -1, lastGeneratedID: 1}
	if vars != nil {
		cx.lastGeneratedID = 2
	}
	var res result
	if p.Strict && found == nil {
		// Strict mode needs every item to know there was no error.
		var vals []*types.JSONNode
		res, err = cx.item(p.Root, json, &vals)
		if res == resOK && len(vals) == 0 {
			res = resNotFound
		}
	} else {
		res, err = cx.item(p.Root, json, found)
	}
	return res == resOK, res == resError, err
}

// fail is RETURN_ERROR: the error is raised unless silent.
func (cx *execCtx) fail(code, msg string) (result, error) {
	if cx.throw {
		return resError, &Error{Code: code, Msg: msg}
	}
	return resError, nil
}

func isArray(n *types.JSONNode) bool  { return n.Kind == types.JSONArray }
func isObject(n *types.JSONNode) bool { return n.Kind == types.JSONObject }

// item is executeItem: the item with lax mode's unwrapping of its target.
func (cx *execCtx) item(n *Node, jb *types.JSONNode, found list) (result, error) {
	return cx.itemOpt(n, jb, found, cx.lax)
}

// next is executeNextItem: n's next item on v, or v itself as a result.
func (cx *execCtx) next(n *Node, v *types.JSONNode, found list) (result, error) {
	if n != nil && n.Next != nil {
		return cx.item(n.Next, v, found)
	}
	if found != nil {
		*found = append(*found, v)
	}
	return resOK, nil
}

// unwrapArray runs n on each element of the array (executeItemUnwrapTargetArray); with n nil
// the elements are the results.
func (cx *execCtx) unwrapArray(n *Node, jb *types.JSONNode, found list, unwrapElements bool) (result, error) {
	return cx.anyItem(n, jb, found, 1, 1, 1, false, unwrapElements)
}

// anyItem is executeAnyItem: the items of jb's levels first..last (1 = its children).
func (cx *execCtx) anyItem(n *Node, jb *types.JSONNode, found list, level, first, last uint32, ignoreStructural, unwrapNext bool) (result, error) {
	res := resNotFound
	if level > last {
		return res, nil
	}
	for _, v := range jb.Elems {
		if level >= first || first == AnyLast && last == AnyLast && !isContainer(v) {
			if n != nil {
				saved := cx.ignoreStructural
				if ignoreStructural {
					cx.ignoreStructural = true
				}
				r, err := cx.itemOpt(n, v, found, unwrapNext)
				cx.ignoreStructural = saved
				if r == resError || err != nil {
					return r, err
				}
				res = r
				if res == resOK && found == nil {
					break
				}
			} else if found != nil {
				*found = append(*found, v)
				res = resOK
			} else {
				return resOK, nil
			}
		}
		if level < last && isContainer(v) {
			r, err := cx.anyItem(n, v, found, level+1, first, last, ignoreStructural, unwrapNext)
			if r == resError || err != nil {
				return r, err
			}
			res = r
			if res == resOK && found == nil {
				break
			}
		}
	}
	return res, nil
}

func isContainer(v *types.JSONNode) bool {
	return v.Kind == types.JSONArray || v.Kind == types.JSONObject
}

// itemOpt is executeItemOptUnwrapTarget.
func (cx *execCtx) itemOpt(n *Node, jb *types.JSONNode, found list, unwrap bool) (result, error) {
	if cx.depth++; cx.depth > 10*maxDepth {
		return resError, &Error{Code: "54001", Msg: "stack depth limit exceeded"}
	}
	defer func() { cx.depth-- }()
	switch n.Kind {
	case KAnd, KOr, KNot, KIsUnknown, KEqual, KNotEqual, KLess, KGreater, KLessEq, KGreaterEq,
		KExists, KStartsWith, KLikeRegex:
		st, err := cx.boolItem(n, jb)
		if err != nil {
			return resError, err
		}
		return cx.appendBool(n, found, st)
	case KAdd, KSub, KMul, KDiv, KMod:
		return cx.binaryArith(n, jb, found)
	case KPlus, KMinus:
		return cx.unaryArith(n, jb, found)
	case KFilter:
		if unwrap && isArray(jb) {
			return cx.unwrapArray(n, jb, found, false)
		}
		st, err := cx.nestedBool(n.Left, jb)
		if err != nil {
			return resError, err
		}
		if st != triTrue {
			return resNotFound, nil
		}
		return cx.next(n, jb, found)
	case KAny:
		return cx.anyPath(n, jb, found)
	case KKey:
		return cx.key(n, jb, found, unwrap)
	case KRoot:
		saved := cx.base
		cx.base = baseObject{root: cx.root, id: 0}
		r, err := cx.next(n, cx.root, found)
		cx.base = saved
		return r, err
	case KCurrent:
		return cx.next(n, cx.current, found)
	case KAnyArray:
		return cx.anyArray(n, jb, found)
	case KIndexArray:
		return cx.indexArray(n, jb, found)
	case KLast:
		if cx.innermostArray < 0 {
			return resError, &Error{Code: "XX000", Msg: "evaluating jsonpath LAST outside of array subscript"}
		}
		if n.Next == nil && found == nil {
			return resOK, nil
		}
		return cx.next(n, numberNode(int64(cx.innermostArray-1)), found)
	case KAnyKey:
		return cx.anyKey(n, jb, found, unwrap)
	case KNull, KBool, KNumeric, KString, KVariable:
		return cx.literal(n, found)
	case KType:
		return cx.next(n, &types.JSONNode{Kind: types.JSONString, Str: typeName(jb)}, found)
	case KSize:
		return cx.size(n, jb, found)
	case KAbs, KFloor, KCeiling:
		return cx.numericMethod(n, jb, found, unwrap)
	case KDouble:
		return cx.double(n, jb, found, unwrap)
	case KKeyValue:
		if unwrap && isArray(jb) {
			return cx.unwrapArray(n, jb, found, false)
		}
		return cx.keyValue(n, jb, found)
	case KDatetime:
		return resError, &Error{Code: "0A000", Msg: "jsonpath item method .datetime() is not supported"}
	}
	return resError, &Error{Code: "XX000", Msg: "unrecognized jsonpath item type"}
}

func numberNode(i int64) *types.JSONNode {
	return &types.JSONNode{Kind: types.JSONNumber, Str: strconv.FormatInt(i, 10)}
}

func typeName(v *types.JSONNode) string {
	switch v.Kind {
	case types.JSONNull:
		return "null"
	case types.JSONBool:
		return "boolean"
	case types.JSONNumber:
		return "number"
	case types.JSONString:
		return "string"
	case types.JSONArray:
		return "array"
	}
	return "object"
}

func (cx *execCtx) appendBool(n *Node, found list, st tri) (result, error) {
	if n.Next == nil && found == nil {
		return resOK, nil
	}
	v := &types.JSONNode{Kind: types.JSONNull}
	switch st {
	case triTrue:
		v = &types.JSONNode{Kind: types.JSONBool, Str: "t"}
	case triFalse:
		v = &types.JSONNode{Kind: types.JSONBool, Str: "f"}
	}
	return cx.next(n, v, found)
}

func (cx *execCtx) key(n *Node, jb *types.JSONNode, found list, unwrap bool) (result, error) {
	switch {
	case isObject(jb):
		if v := objectField(jb, n.Str); v != nil {
			return cx.next(n, v, found)
		}
		if !cx.ignoreStructural {
			return cx.fail("2203A", `JSON object does not contain key "`+n.Str+`"`)
		}
		return resNotFound, nil
	case unwrap && isArray(jb):
		return cx.unwrapArray(n, jb, found, false)
	case !cx.ignoreStructural:
		return cx.fail("2203A", "jsonpath member accessor can only be applied to an object")
	}
	return resNotFound, nil
}

func objectField(obj *types.JSONNode, key string) *types.JSONNode {
	lo, hi := 0, len(obj.Keys)
	for lo < hi {
		m := (lo + hi) / 2
		switch c := types.CompareJSONKeys(obj.Keys[m], key); {
		case c == 0:
			return obj.Elems[m]
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil
}

func (cx *execCtx) anyPath(n *Node, jb *types.JSONNode, found list) (result, error) {
	res := resNotFound
	if n.First == 0 {
		saved := cx.ignoreStructural
		cx.ignoreStructural = true
		r, err := cx.next(n, jb, found)
		cx.ignoreStructural = saved
		if err != nil || r == resError {
			return r, err
		}
		res = r
		if res == resOK && found == nil {
			return res, nil
		}
	}
	if isContainer(jb) {
		return cx.anyItem(n.Next, jb, found, 1, n.First, n.Last, true, cx.lax)
	}
	return res, nil
}

func (cx *execCtx) literal(n *Node, found list) (result, error) {
	if n.Next == nil && found == nil && n.Kind != KVariable {
		return resOK, nil
	}
	var v *types.JSONNode
	switch n.Kind {
	case KNull:
		v = &types.JSONNode{Kind: types.JSONNull}
	case KBool:
		v = &types.JSONNode{Kind: types.JSONBool, Str: n.Str}
	case KNumeric:
		v = &types.JSONNode{Kind: types.JSONNumber, Str: n.Str}
	case KString:
		v = &types.JSONNode{Kind: types.JSONString, Str: n.Str}
	case KVariable:
		var val *types.JSONNode
		if cx.vars != nil {
			val = objectField(cx.vars, n.Str)
		}
		if val == nil {
			return resError, &Error{Code: "42704", Msg: `could not find jsonpath variable "` + n.Str + `"`}
		}
		saved := cx.base
		cx.base = baseObject{root: cx.vars, id: 1}
		r, err := cx.next(n, val, found)
		cx.base = saved
		return r, err
	}
	return cx.next(n, v, found)
}

func (cx *execCtx) indexArray(n *Node, jb *types.JSONNode, found list) (result, error) {
	if !isArray(jb) && !cx.lax {
		if !cx.ignoreStructural {
			return cx.fail("22039", "jsonpath array accessor can only be applied to an array")
		}
		return resNotFound, nil
	}
	saved := cx.innermostArray
	defer func() { cx.innermostArray = saved }()
	singleton := !isArray(jb)
	size := len(jb.Elems)
	if singleton {
		size = 1
	}
	cx.innermostArray = size
	res := resNotFound
	for _, s := range n.Subs {
		from, r, err := cx.arrayIndex(s.From, jb)
		if r == resError || err != nil {
			return r, err
		}
		to := from
		if s.To != nil {
			if to, r, err = cx.arrayIndex(s.To, jb); r == resError || err != nil {
				return r, err
			}
		}
		if !cx.ignoreStructural && (from < 0 || from > to || to >= int64(size)) {
			return cx.fail("22033", "jsonpath array subscript is out of bounds")
		}
		from = max(from, 0)
		to = min(to, int64(size)-1)
		res = resNotFound
		for i := from; i <= to; i++ {
			v := jb
			if !singleton {
				v = jb.Elems[i]
			}
			if n.Next == nil && found == nil {
				return resOK, nil
			}
			r, err := cx.next(n, v, found)
			if r == resError || err != nil {
				return r, err
			}
			res = r
			if res == resOK && found == nil {
				break
			}
		}
		if res == resOK && found == nil {
			break
		}
	}
	return res, nil
}

// arrayIndex is getArrayIndex: a subscript's single number, truncated to an integer.
func (cx *execCtx) arrayIndex(n *Node, jb *types.JSONNode) (int64, result, error) {
	var vals []*types.JSONNode
	r, err := cx.item(n, jb, &vals)
	if r == resError || err != nil {
		return 0, r, err
	}
	if len(vals) != 1 || vals[0].Kind != types.JSONNumber {
		r, err := cx.fail("22033", "jsonpath array subscript is not a single numeric value")
		return 0, r, err
	}
	i, ok := truncInt32(vals[0].Str)
	if !ok {
		r, err := cx.fail("22033", "jsonpath array subscript is out of integer range")
		return 0, r, err
	}
	return i, resOK, nil
}

func (cx *execCtx) anyArray(n *Node, jb *types.JSONNode, found list) (result, error) {
	if isArray(jb) {
		return cx.unwrapArray(n.Next, jb, found, cx.lax)
	}
	if cx.lax {
		return cx.next(n, jb, found)
	}
	if !cx.ignoreStructural {
		return cx.fail("22039", "jsonpath wildcard array accessor can only be applied to an array")
	}
	return resNotFound, nil
}

func (cx *execCtx) anyKey(n *Node, jb *types.JSONNode, found list, unwrap bool) (result, error) {
	if isObject(jb) {
		return cx.anyItem(n.Next, jb, found, 1, 1, 1, false, cx.lax)
	}
	if unwrap && isArray(jb) {
		return cx.unwrapArray(n, jb, found, false)
	}
	if !cx.ignoreStructural {
		return cx.fail("2203C", "jsonpath wildcard member accessor can only be applied to an object")
	}
	return resNotFound, nil
}

func (cx *execCtx) size(n *Node, jb *types.JSONNode, found list) (result, error) {
	size := len(jb.Elems)
	if !isArray(jb) {
		if !cx.lax {
			if !cx.ignoreStructural {
				return cx.fail("22039", "jsonpath item method .size() can only be applied to an array")
			}
			return resNotFound, nil
		}
		size = 1
	}
	return cx.next(n, numberNode(int64(size)), found)
}

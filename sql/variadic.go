package sql

import (
	"slices"

	"github.com/drovedb/drove/types"
)

// VARIADIC in a call, f(a, VARIADIC arr): the array is the function's variadic parameter
// whole, as PostgreSQL passes it. drove's builders take the variadic arguments one by one,
// so the call is resolved with one argument of the array's element type in the variadic
// place (it must land there: concat_ws(VARIADIC ARRAY[',', 'a']) is 42883, as in
// PostgreSQL) and built over the array's elements, at compile time for a constant array,
// else for each row's. An array NULL as a whole makes the call NULL, but format() reads it
// as no arguments (text_format's rule); an argument that is not an array is 42804. The array
// is one argument, so FUNC_MAX_ARGS does not limit its elements (format('%s', VARIADIC
// array_agg(i)) over 200 rows is PostgreSQL's text.sql).

// compileVariadicCall compiles a call of name whose last argument came after VARIADIC.
func compileVariadicCall(name string, args []*expr, sc *scope) (*expr, error) {
	last, fixed := args[len(args)-1], args[:len(args)-1]
	def := funcRegistry[name]
	if def == nil || len(def.procs) == 0 || def.session && (sc.params == nil || sc.params.sess == nil) {
		return nil, noFunction(name, args)
	}
	if !last.typ.IsArray() || last.unknown {
		var err error
		if last, err = variadicLiteral(def, name, args, sc); err != nil {
			return nil, err
		}
		args = append(slices.Clone(fixed), last)
	}
	elem := last.typ.Elem()
	proto := append(slices.Clone(fixed), constExpr(types.Value{T: elem, Null: true}, false))
	proc, err := resolveFunc(name, def.procs, proto)
	if err != nil || !proc.variadic || len(proc.args) != len(proto) {
		return nil, noFunction(name, args)
	}
	spread := func(arr types.Value) (*expr, error) {
		xs := slices.Clone(fixed)
		if !arr.IsNull() {
			elems, err := arrayElems(arr)
			if err != nil {
				return nil, err
			}
			for _, v := range elems {
				if v.IsNull() {
					v = types.Value{T: elem, Null: true}
				}
				xs = append(xs, constExpr(v, false))
			}
		}
		return callProc(def, proc, name, xs, len(xs), sc)
	}
	nullsWhole := name != "format"
	_, ret, err := coerceArgs(proc, proto, sc) // the call's type
	if err != nil {
		return nil, err
	}
	if isConst(last) {
		arr := mustConst(last)
		if arr.IsNull() && nullsWhole {
			return constExpr(types.Value{T: ret, Null: true}, false), nil
		}
		return spread(arr)
	}
	if sc.params != nil {
		sc.params.mutable = sc.params.mutable || proc.vol != 'i'
	}
	return &expr{typ: ret, eval: func(row []types.Value) (types.Value, error) {
		arr, err := last.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if arr.IsNull() && nullsWhole {
			return types.Value{T: ret, Null: true}, nil
		}
		x, err := spread(arr)
		if err != nil {
			return types.Value{}, err
		}
		return x.eval(row)
	}}, nil
}

// variadicLiteral types a VARIADIC argument that is not an array, as PostgreSQL's function
// resolution does: an untyped literal or NULL takes the array type of a typed variadic
// parameter (jsonb_extract_path(j, VARIADIC '{a,b}')); for a variadic "any" (concat,
// format) it is 42804, and a typed argument that is not an array matches no overload (42883).
func variadicLiteral(def *funcDef, name string, args []*expr, sc *scope) (*expr, error) {
	last := args[len(args)-1]
	if !last.unknown && last.typ != types.Null {
		if anyVariadic(def, len(args)) {
			return nil, Errorf("42804", "VARIADIC argument must be an array")
		}
		return nil, noFunction(name, args)
	}
	proto := append(slices.Clone(args[:len(args)-1]), constExpr(types.Value{T: types.Null, Null: true}, false))
	proc, err := resolveFunc(name, def.procs, proto)
	if err != nil || !proc.variadic || len(proc.args) != len(proto) {
		return nil, noFunction(name, args)
	}
	elem := proc.args[len(proc.args)-1]
	if elem.poly != polyNone {
		return nil, Errorf("42804", "VARIADIC argument must be an array")
	}
	return coerceArg(last, types.ArrayOf(elem.t))
}

// anyVariadic reports whether an overload of def for n arguments is variadic "any".
func anyVariadic(def *funcDef, n int) bool {
	return slices.ContainsFunc(def.procs, func(p *funcProc) bool {
		return p.variadic && len(p.args) == n && p.args[n-1].poly == polyAny
	})
}

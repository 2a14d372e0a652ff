package sql

import (
	"strings"

	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// Window calls are bound from sql/ast (sql/DESIGN.md, "Moving the binder onto the tree",
// step 2): an ast.FuncCall with OVER, its window an ast.Window, found in the select list and
// ORDER BY as the binder converts them. Since compile converts anew each time, a call met
// while compiling is matched to the window node's calls structurally (windowOf).

// windowCall is a window call the window node computes, and whether compiling has read it.
type windowCall struct {
	call *ast.FuncCall
	read bool
}

// windowCalls finds the window function calls of the select list, ORDER BY and DISTINCT ON
// (exprs: selectTree.outputExprs), outside subqueries, each occurrence once.
func windowCalls(exprs []ast.Expr) []windowCall {
	var calls []windowCall
	for _, x := range exprs {
		walkOwnLevel(x, func(n ast.Node) bool {
			if f, ok := n.(*ast.FuncCall); ok && f.Over != nil {
				calls = append(calls, windowCall{call: f})
				return false
			}
			return true // a Foreign node is not walked
		})
	}
	return calls
}

// windowOf is the column of the window node that computes call f: the first call written
// alike not yet read (two calls of random() are two), else the first written alike (an
// expression compiled again).
func (sc *scope) windowOf(f *ast.FuncCall) (*expr, bool) {
	first := -1
	m := treeMatcher{sc.windowInput}
	for i := range sc.windows {
		w := &sc.windows[i]
		if !m.sameTree(reflectOf(f), reflectOf(w.call)) {
			continue
		}
		if !w.read {
			w.read = true
			return sc.window.windowColumn(i), true
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return nil, false
	}
	return sc.window.windowColumn(first), true
}

// compileWindowCall compiles a window call: the window node's column computing it.
func compileWindowCall(f *ast.FuncCall, sc *scope) (*expr, error) {
	if x, ok := sc.windowOf(f); ok {
		return x, nil
	}
	return nil, Errorf("42P20", "window functions are not allowed here")
}

// bindWindows plans the window calls over rows of scope sc (the FROM clause's, or the
// groups' when the query aggregates), returning the node, whose input the caller sets, and the
// scope the select list reads the calls in.
func bindWindows(sc *scope, calls []windowCall, defs windowDefs) (*windowNode, *scope, error) {
	n := &windowNode{}
	out := sc.child(slices.Clone(sc.cols))
	out.agg = sc.agg
	out.windows, out.windowInput, out.window = calls, sc, n
	for _, c := range calls {
		spec, err := bindWindow(c.call, sc, defs)
		if err != nil {
			return nil, nil, err
		}
		n.specs = append(n.specs, spec)
	}
	return n, out, nil
}

func bindWindow(f *ast.FuncCall, sc *scope, defs windowDefs) (*windowSpec, error) {
	w, err := defs.resolveOver(f.Over) // window_named.go
	if err != nil {
		return nil, err
	}
	if err := noWindowInDefinition(w); err != nil {
		return nil, err
	}
	spec := &windowSpec{call: f}
	switch { // PostgreSQL's transformAggregateCall refusals for a call with OVER
	case f.WithinGroup:
		return nil, Errorf("0A000", "OVER is not supported for ordered-set aggregate %s", strings.Join(f.Name, "."))
	case len(f.OrderBy) > 0:
		return nil, Errorf("0A000", "aggregate ORDER BY is not implemented for window functions")
	}
	if f.Distinct {
		return nil, unsupported("DISTINCT in window functions")
	}
	if err := refusedCall(f, sc); err != nil { // count() OVER (), funcstar.go
		return nil, err
	}
	bound, err := filteredWindowCall(f)
	if err != nil {
		return nil, err
	}
	arg, err := spec.bindCall(bound, sc)
	if err != nil {
		return nil, err
	}
	if arg != nil {
		if f.Filter != nil {
			if arg, err = windowFilterArg(f.Filter, arg); err != nil {
				return nil, err
			}
		}
		if err := spec.bindArg(arg, sc); err != nil {
			return nil, err
		}
	}
	for _, p := range w.PartitionBy {
		x, err := compileAST(p, sc)
		if err != nil {
			return nil, err
		}
		spec.keys = append(spec.keys, sortKey{pos: len(spec.partition) + len(spec.order), record: x.typ.IsRecord()})
		spec.partition = append(spec.partition, x)
	}
	for _, o := range w.OrderBy {
		x, err := compileAST(o.Expr, sc)
		if err != nil {
			return nil, err
		}
		nullsFirst := o.Desc
		if o.Nulls != ast.NullsDefault {
			nullsFirst = o.Nulls == ast.NullsFirst
		}
		spec.keys = append(spec.keys, sortKey{pos: len(spec.partition) + len(spec.order), desc: o.Desc, nullsFirst: nullsFirst, record: x.typ.IsRecord()})
		spec.order = append(spec.order, x)
	}
	if w.Frame != nil {
		if spec.frame, err = bindFrame(w.Frame, spec, sc); err != nil {
			return nil, err
		}
	}
	return spec, nil
}

// windowFilterArg is a window aggregate's argument under FILTER (WHERE cond): CASE WHEN cond
// THEN arg END, since the aggregates a window computes skip NULL arguments (count(*) has
// the argument 1: aggfilter.go windowFilter).
func windowFilterArg(cond, arg ast.Expr) (ast.Expr, error) {
	if hasAggregateTree(cond) {
		return nil, Errorf("42803", "aggregate functions are not allowed in FILTER")
	}
	windowed := false
	walkOwnLevel(cond, func(n ast.Node) bool {
		if f, ok := n.(*ast.FuncCall); ok && f.Over != nil {
			windowed = true
		}
		return !windowed
	})
	if windowed {
		return nil, Errorf("42P20", "window functions are not allowed in FILTER")
	}
	return &ast.Case{Whens: []ast.When{{Cond: cond, Result: arg}}}, nil
}

// filteredWindowCall is the call a window call with FILTER binds as: an aggregate drove
// computes over a window (PostgreSQL's other window functions take no FILTER, 0A000), count(*)
// as count(1), whose argument the FILTER makes NULL for the rows it filters out.
func filteredWindowCall(f *ast.FuncCall) (*ast.FuncCall, error) {
	if f.Filter == nil {
		return f, nil
	}
	name := f.Name[len(f.Name)-1]
	switch {
	case nonAggregateWindowFunctions[name]:
		return nil, Errorf("0A000", "FILTER is not implemented for non-aggregate window functions")
	case !windowAggregates[name] || len(f.Name) != 1 || f.Distinct || len(f.Args) == 0 && !f.Star:
		return nil, unsupported("FILTER on a window function")
	case f.Star:
		c := *f
		c.Star, c.Args = false, []ast.Expr{&ast.Literal{Type: ast.LitInteger, Val: "1"}}
		return &c, nil
	}
	return f, nil
}

// windowArgCounts are the window functions' numbers of arguments, at least and at most.
var windowArgCounts = map[string][2]int{"row_number": {0, 0}, "rank": {0, 0}, "dense_rank": {0, 0},
	"percent_rank": {0, 0}, "cume_dist": {0, 0}, "ntile": {1, 1}, "lag": {1, 3}, "lead": {1, 3},
	"first_value": {1, 1}, "last_value": {1, 1}, "nth_value": {2, 2}, "count": {1, 1}, "sum": {1, 1},
	"avg": {1, 1}, "min": {1, 1}, "max": {1, 1}}

// notWindowFunction is the error of a plain function called with OVER: PostgreSQL resolves
// the call first (42883 when no overload takes the arguments), then refuses the OVER.
func notWindowFunction(f *ast.FuncCall, sc *scope) error {
	name := f.Name[0]
	args, err := compileArgs(sc, f.Args...)
	if err != nil {
		return err
	}
	if def := funcRegistry[name]; len(def.procs) > 0 {
		if _, err := resolveFunc(name, def.procs, args); err != nil {
			return err
		}
	}
	return Errorf("42809", "OVER specified, but %s is not a window function nor an aggregate function", name)
}

// bindCall sets the window function's kind (and the type of those whose argument does not
// give it) and compiles its other arguments; arg is the argument bindArg compiles.
func (spec *windowSpec) bindCall(f *ast.FuncCall, sc *scope) (arg ast.Expr, err error) {
	name := f.Name[len(f.Name)-1]
	switch {
	case len(f.Name) == 1 && f.Star && name == "count":
		spec.kind, spec.typ = "count", types.Int64
		return nil, nil
	}
	counts, ok := windowArgCounts[name]
	switch {
	case !ok && len(f.Name) == 1 && aggregateNames[name]:
		return nil, spec.bindAgg(f, sc)
	case !ok && len(f.Name) == 1 && funcRegistry[name] != nil:
		return nil, notWindowFunction(f, sc)
	case !ok && len(f.Name) == 1: // no such function: 42883 with its argument types
		args, err := compileArgs(sc, f.Args...)
		if err != nil {
			return nil, err
		}
		return nil, noFunction(name, args)
	case !ok || len(f.Name) != 1:
		return nil, unsupported("window function %s", ast.Print(f, ast.SQL))
	case len(f.Args) > counts[1] && hypotheticalAggregates[name]:
		return nil, Errorf("42809", "WITHIN GROUP is required for ordered-set aggregate %s", name)
	case len(f.Args) < counts[0] || len(f.Args) > counts[1]:
		return nil, Errorf("42883", "function %s with %d arguments does not exist", name, len(f.Args))
	}
	spec.kind = name
	switch name {
	case "row_number", "rank", "dense_rank":
		spec.typ = types.Int64
	case "percent_rank", "cume_dist":
		spec.typ = types.Float64
	case "ntile":
		spec.typ = types.Int32 // int4, as in PostgreSQL (row_number and rank are bigint)
		spec.n, err = compileWindowInt(f.Args[0], sc, false)
	case "lag", "lead":
		err = spec.bindOffsets(f.Args[1:], sc)
	case "nth_value":
		spec.n, err = compileWindowInt(f.Args[1], sc, false)
	}
	if err != nil || len(f.Args) == 0 || name == "ntile" {
		return nil, err
	}
	return f.Args[0], nil
}

// bindOffsets compiles lag's and lead's offset and default, when given.
func (spec *windowSpec) bindOffsets(args []ast.Expr, sc *scope) (err error) {
	if len(args) > 0 {
		if spec.n, err = compileWindowInt(args[0], sc, false); err != nil {
			return err
		}
	}
	if len(args) > 1 {
		spec.def, err = compileAST(args[1], sc)
	}
	return err
}

// bindAgg binds an aggregate drove computes over a window through its aggCall (the
// aggregates the dialect pass writes with a marker: dialect_aggs.go).
func (spec *windowSpec) bindAgg(f *ast.FuncCall, sc *scope) error {
	name := f.Name[0]
	switch name {
	case "jsonb_agg", "json_agg", "jsonb_object_agg", "json_object_agg":
		return unsupported("%s as a window function", name)
	}
	ab := &aggBinder{treeMatcher: treeMatcher{sc}}
	a, err := ab.bindCallAgg(&aggSpec{}, name, &ast.FuncCall{Name: f.Name, Args: f.Args})
	if err != nil {
		return err
	}
	spec.kind, spec.typ, spec.agg = "agg", a.call.typ, a.call
	return nil
}

// bindArg compiles the window function's argument and sets the result type from it.
func (spec *windowSpec) bindArg(arg ast.Expr, sc *scope) error {
	x, err := compileAST(arg, sc)
	if err != nil {
		return err
	}
	if x.unknown {
		switch spec.kind {
		case "lag", "lead", "first_value", "last_value", "nth_value": // anyelement
			return Errorf("42804", "could not determine polymorphic type because input has type unknown")
		}
		x.unknown, x.typ = false, types.Text
	}
	spec.arg = x
	switch spec.kind {
	case "sum", "avg":
		if familyOf(x.typ) != famNumeric && x.typ != types.Interval {
			return Errorf("42883", "function %s(%s) does not exist", spec.kind, x.typ)
		}
		if spec.typ, err = sumType(spec.kind == "avg", x.typ); err != nil {
			return err
		}
	case "count":
		spec.typ = types.Int64
	case "min", "max":
		if x.typ == types.Bool || x.typ == types.Bytea {
			return Errorf("42883", "function %s(%s) does not exist", spec.kind, x.typ)
		}
		spec.typ = x.typ
	case "lag", "lead", "first_value", "last_value", "nth_value":
		spec.typ = x.typ
		if spec.def != nil { // lag(anycompatible, integer, anycompatible)
			xs, t, err := commonTypeOf(spec.kind, []*expr{x, spec.def}, sc)
			if err != nil {
				return Errorf("42883", "function %s(%s, integer, %s) does not exist", spec.kind, x.typ, spec.def.typ)
			}
			spec.arg, spec.def, spec.typ = xs[0], xs[1], t
		}
	}
	return nil
}

// compileWindowInt compiles ntile's bucket count, lag/lead's offset or nth_value's n: an
// integer PostgreSQL casts to int4 implicitly (smallint, integer; not bigint, whose call
// PostgreSQL does not find), or with bigint a ROWS or GROUPS frame's offset (any integer).
func compileWindowInt(e ast.Expr, sc *scope, bigint bool) (*expr, error) {
	x, err := compileAST(e, sc)
	if err != nil {
		return nil, err
	}
	if x.unknown {
		if x, err = castLiteral(x, types.Int32); err != nil {
			return nil, err
		}
	}
	if !x.typ.IsInteger() && x.typ != types.Null || x.typ == types.Int64 && !bigint {
		return nil, Errorf("42883", "the argument must be an integer, not %s", x.typ)
	}
	return x, nil
}

// frameBoundKinds are the frame bounds by the converter's names.
var frameBoundKinds = map[string]boundKind{"UNBOUNDED PRECEDING": unboundedPreceding, "PRECEDING": offsetPreceding,
	"CURRENT ROW": currentRow, "FOLLOWING": offsetFollowing, "UNBOUNDED FOLLOWING": unboundedFollowing}

// bindFrame checks and compiles a frame clause.
func bindFrame(fc *ast.Frame, spec *windowSpec, sc *scope) (*windowFrame, error) {
	f := &windowFrame{rows: fc.Mode == "ROWS", groups: fc.Mode == "GROUPS", exclude: fc.Exclude, end: frameBound{kind: currentRow}}
	if f.groups && len(spec.order) == 0 {
		return nil, Errorf("42P20", "GROUPS mode requires an ORDER BY clause")
	}
	bound := func(p *ast.FrameBound, start bool) (frameBound, error) {
		b := frameBound{kind: frameBoundKinds[p.Kind]}
		if b.kind == offsetPreceding || b.kind == offsetFollowing {
			if frameOffsetRefsColumns(p.Offset) { // window_groups.go
				return b, Errorf("42P10", "argument of %s must not contain variables", fc.Mode)
			}
			if !f.rows && !f.groups {
				return b, bindRangeOffset(&b, p, start, spec, sc) // window_range.go
			}
			x, err := compileWindowInt(p.Offset, sc, true)
			if err != nil {
				return b, err
			}
			b.offset = x
		}
		return b, nil
	}
	var err error
	if f.start, err = bound(fc.Start, true); err != nil {
		return nil, err
	}
	if fc.End != nil {
		if f.end, err = bound(fc.End, false); err != nil {
			return nil, err
		}
	}
	switch {
	case f.start.kind == unboundedFollowing:
		return nil, Errorf("42P20", "frame start cannot be UNBOUNDED FOLLOWING")
	case f.end.kind == unboundedPreceding:
		return nil, Errorf("42P20", "frame end cannot be UNBOUNDED PRECEDING")
	case f.start.kind == currentRow && f.end.kind == offsetPreceding:
		return nil, Errorf("42P20", "frame starting from current row cannot have preceding rows")
	case f.start.kind == offsetFollowing && f.end.kind == offsetPreceding:
		return nil, Errorf("42P20", "frame starting from following row cannot have preceding rows")
	case f.start.kind == offsetFollowing && f.end.kind == currentRow:
		return nil, Errorf("42P20", "frame starting from following row cannot end with current row")
	}
	return f, nil
}

// noWindowIn refuses a window call of the query's own level in e, an expression of clause
// (WHERE, JOIN conditions, GROUP BY, RETURNING), with PostgreSQL's message naming it
// (parse_agg.c's check_agglevels_and_constraints); compiling it would only say "here".
func noWindowIn(e ast.Expr, clause string) error {
	if e == nil {
		return nil
	}
	found := false
	walkOwnLevel(e, func(n ast.Node) bool {
		if f, ok := n.(*ast.FuncCall); ok && f.Over != nil {
			found = true
		}
		return !found
	})
	if found {
		return Errorf("42P20", "window functions are not allowed in %s", clause)
	}
	return nil
}

// noWindowInDefinition refuses a window call in a window's PARTITION BY or ORDER BY.
func noWindowInDefinition(w *ast.Window) error {
	if w == nil {
		return nil
	}
	for _, e := range w.PartitionBy {
		if err := noWindowIn(e, "window definitions"); err != nil {
			return err
		}
	}
	for _, o := range w.OrderBy {
		if err := noWindowIn(o.Expr, "window definitions"); err != nil {
			return err
		}
	}
	return nil
}

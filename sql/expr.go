package sql

import (
	"math"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// expr is a compiled expression: its static type and a function of the current row.
// unknown marks an untyped string literal or parameter, whose type the context decides (as in
// PostgreSQL). constant: known at compile time. rowFree: does not depend on the row (constants
// and parameters), so it can pick a point lookup.
type expr struct {
	typ      types.Type
	unknown  bool
	constant bool
	rowFree  bool
	bpchar   bool // of type char(n)/bpchar: trailing spaces do not count when it is compared
	varchar  bool // of type varchar(n): text, except that it compares with char(n) as char(n)
	// reg: a literal 'name'::regclass or ::regtype, an int8 oid that compares with oid columns
	// but prints as the name it stands for (regOutText) where it becomes text.
	reg string
	// shape is a record's fields where the plan knows them, for (r).f; nil for other types.
	shape *types.Shape
	// failed: folding this constant failed, and eval returns the error. compile raises it,
	// except in a branch that never runs (see compileASTDead).
	failed bool
	// paramFold: a constant but for parameters (1/$1), which a custom plan folds
	// (custom_plan.go); params is then the statement's.
	paramFold bool
	param     int     // 1-based $n for a parameter reference, else 0
	params    *params // the statement's parameters, for param > 0
	// pend: a subquery in x has a constant that failed to fold; raised when the statement
	// is bound unless an expression around x drops x (subfold.go).
	pend *pendingErr
	// conj: for a AND b, its terms (nested ANDs flattened) cheapest first, which qualPasses
	// (a filter) tests one at a time in that order (qualcost.go)
	conj *[]conjTerm
	eval func(row []types.Value) (types.Value, error)
}

func constExpr(v types.Value, unknown bool) *expr {
	return &expr{typ: v.T, unknown: unknown, constant: true, rowFree: true,
		eval: func([]types.Value) (types.Value, error) { return v, nil }}
}

// params are a statement's $n parameters: their types, inferred while binding (or declared by
// the client), and their values during one execution.
type params struct {
	types []types.Type
	vals  []types.Value

	// The rest is the statement's binding and execution context, which every expression of
	// it can reach through its parameters: the session that binds subqueries, the tables
	// the plan depends on, and the current execution (for subqueries' scans and caches).
	sess *Session
	deps []dep
	// views are the views the statement was bound through (view_bind.go).
	views []viewDep
	// checks are the CHECK OPTIONs of the views an INSERT or UPDATE writes through (view_write.go).
	checks []viewCheck
	// sizes are the table sizes a join order was chosen for (see plan.stale).
	sizes []tableSize
	ec    *execCtx
	// zoneUsed: binding read the session's TimeZone (a timestamptz literal folded in it), so
	// the plan is bound again once the zone changes (plan.zone).
	zoneUsed bool
	// orderUsed: binding read DateStyle's field order (a numeric date literal read in it),
	// so a simple query's plan is bound again once the order changes (plan.order).
	orderUsed bool
	// mutable: a function PostgreSQL does not mark immutable was compiled (a generation
	// expression must not call one, gencols.go).
	mutable bool
	// viewWhere is what a query pushes into a view's WHERE as it binds the view again
	// (view_push.go).
	viewWhere *viewWhere
	// defining: the query is a view's, bound to be stored (defineView). PostgreSQL does not
	// plan it then, so a constant that fails to compute (1/0) and an unpopulated
	// materialized view are errors only when the query runs.
	defining bool
	// pkDeps: the tables whose primary key a defined view's own query reads a column
	// through (groupdep.go), its View.PKDeps.
	pkDeps []string
	// splitWheres are the WHERE clauses (ANDs) that bindFrom split into terms placed apart,
	// so that a term compiled alone names AND in 42804 (splitConjunct).
	splitWheres []ast.Expr
	// deferFold: the statement is being prepared (PREPARE, the extended protocol's Parse).
	// PostgreSQL plans it, folding its constants, only when it runs, so the error of the
	// first constant that fails to fold (1/0) is recorded in foldErr rather than raised, and
	// raised when it runs (Session.run, pgwire's Bind). A pointer, set only then, so params
	// keep their allocation size.
	deferFold bool
	// custom: the statement is bound again with its parameters' values, vals, substituted
	// as constants, as PostgreSQL's custom plans fold them (custom_plan.go).
	custom bool
	// customFold: an expression computes from constants and parameters alone (1/$1),
	// which a custom plan folds (custom_plan.go).
	customFold bool
	foldErr    *error
	// pending are the errors of constants that failed to fold inside subqueries of
	// expressions (subfold.go).
	pending *pendingList
	// subs are the statement's subqueries in expressions as EXPLAIN shows them
	// (explain_subplan.go), made by the first one compiled.
	subs *subLinkPlans
}

// ref returns an expression reading parameter n (1-based).
func (p *params) ref(n int) *expr {
	for len(p.types) < n {
		p.types = append(p.types, types.Null)
	}
	t := p.types[n-1]
	if p.custom {
		v := p.vals[n-1]
		if v.IsNull() {
			v = types.Value{T: t, Null: true}
		}
		return &expr{typ: t, constant: true, rowFree: true, param: n, params: p,
			eval: func([]types.Value) (types.Value, error) { return v, nil }}
	}
	return &expr{typ: t, unknown: t == types.Null, rowFree: true, param: n, params: p,
		eval: func([]types.Value) (types.Value, error) { return p.vals[n-1], nil }}
}

// settle gives every parameter whose type nothing decided the type text, as PostgreSQL does.
func (p *params) settle() {
	for i, t := range p.types {
		if t == types.Null {
			p.types[i] = types.Text
		}
	}
}

// compile turns a vitess expression into an expr, from sql/ast for the node kinds the binder
// compiles from the tree (expr_ast.go). Anything it does not implement is a 0A000 error,
// never a guess.
func compile(e sqlparser.Expr, sc *scope) (*expr, error) {
	var x *expr
	var err error
	if fromTree(e) {
		x, err = compileVitess(e, sc)
	} else {
		x, err = compileExpr(e, sc)
	}
	if err == nil && x.failed {
		return foldFailed(x, sc)
	}
	return x, err
}

// compileBound compiles what the scope binds before the expression's own kind decides: in
// an aggregated query's scope, a grouped expression.
func compileBound(e sqlparser.Expr, sc *scope) (*expr, bool, error) {
	if sc.agg != nil {
		return sc.agg.resolve(e, sc)
	}
	return nil, false, nil
}

func compileExpr(e sqlparser.Expr, sc *scope) (*expr, error) {
	if x, ok, err := compileBound(e, sc); ok {
		return x, err
	}
	switch e := e.(type) {
	case *sqlparser.ComparisonExpr:
		return compileComparison(e) // what the tree does not take (comparisonFromTree)
	case *sqlparser.BinaryExpr:
		return compileArith(e)
	case *sqlparser.FuncExpr:
		return compileInternalCall(e, sc)
	case *sqlparser.LocateExpr: // MySQL's LOCATE(sub, s, pos)
		return nil, Errorf("42883", "function position with 3 arguments does not exist")
	}
	return nil, unsupported("expression %s", pgString(e))
}

// negate is -x of a number.
func negate(x *expr) (*expr, error) {
	return fold(&expr{typ: x.typ, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: x.typ, Null: true}, err
		}
		switch {
		case v.T.IsInteger():
			if v.I == math.MinInt64 || intRange(v.T, -v.I) != nil {
				return types.Value{}, outOfRange(v.T)
			}
			v.I = -v.I
		case v.T == types.Numeric:
			return negateNumeric(v), nil
		default:
			v.F = -v.F
		}
		return v, nil
	}}, x)
}

// compileNot compiles NOT.
func compileNot(e ast.Expr, sc *scope) (*expr, error) {
	x, err := compileASTBool(e, sc, "NOT")
	if err != nil {
		return nil, err
	}
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.NullValue, err
		}
		return types.NewBool(!v.Bool()), nil
	}}, x)
}

// maxParams is PostgreSQL's limit on $n parameters.
const maxParams = 65535

// fold evaluates an expression whose inputs are all constant once, at compile time; otherwise
// it records whether the expression depends on the row.
func fold(x *expr, inputs ...*expr) (*expr, error) {
	x.rowFree = true
	constant := true
	for _, in := range inputs {
		x.rowFree = x.rowFree && in.rowFree
		constant = constant && in.constant
	}
	if !constant {
		markParamFold(x, inputs)
		passPending(x, inputs)
		return x, nil
	}
	v, err := x.eval(nil)
	if err != nil {
		return &expr{typ: x.typ, constant: true, rowFree: true, failed: true,
			eval: func([]types.Value) (types.Value, error) { return types.Value{}, err }}, nil
	}
	if v.IsNull() {
		v = types.NullValue
		v.T = types.Null
		c := constExpr(v, false)
		c.typ = x.typ
		return c, nil
	}
	return constExpr(v, false), nil
}

// stable finishes an expression PostgreSQL marks stable (its result depends on settings,
// such as how a date prints): like PostgreSQL, it is never folded, so it is not a constant
// that decides a branch, and it is computed when the statement runs.
func stable(x *expr, inputs ...*expr) (*expr, error) {
	x.rowFree = true
	for _, in := range inputs {
		x.rowFree = x.rowFree && in.rowFree
	}
	passPending(x, inputs)
	return x, nil
}

// stableStrict is stable for a strict expression: as PostgreSQL's planner does for any strict
// function whatever its volatility, a NULL constant input makes it a NULL constant (so
// NULL::date::text is NULL while planning, and decides a CASE branch).
func stableStrict(x *expr, inputs ...*expr) (*expr, error) {
	for _, in := range inputs {
		if isConst(in) && mustConst(in).IsNull() {
			dropPending(inputs)
			c := constExpr(types.Value{T: types.Null, Null: true}, false)
			c.typ = x.typ
			return c, nil
		}
	}
	return stable(x, inputs...)
}

// foldStrict folds an expression that is NULL whenever one of its inputs is (a strict
// function): as in PostgreSQL, a NULL constant among its inputs makes it a NULL constant, and
// its other inputs are then never evaluated (NULL::int + x/0 is NULL on every row).
func foldStrict(x *expr, inputs ...*expr) (*expr, error) {
	for _, in := range inputs {
		if isConst(in) && mustConst(in).IsNull() {
			dropPending(inputs)
			c := constExpr(types.Value{T: types.Null, Null: true}, false)
			c.typ = x.typ
			return c, nil
		}
	}
	return fold(x, inputs...)
}

func compileBool(e sqlparser.Expr, sc *scope, clause string) (*expr, error) {
	x, err := compile(e, sc)
	if err != nil {
		return nil, err
	}
	return asBool(x, clause)
}

// setParamType fixes the type of the untyped parameter x refers to.
func (x *expr) setParamType(t types.Type) *expr {
	if x.params.types[x.param-1] == types.Null {
		x.params.types[x.param-1] = t
	}
	y := *x
	y.typ, y.unknown = x.params.types[x.param-1], false
	return &y
}

// isConst reports whether x is a constant whose value is known (folding it did not fail).
func isConst(x *expr) bool { return x.constant && !x.failed }

func mustConst(x *expr) types.Value {
	v, _ := x.eval(nil)
	return v
}

// logicName is AND's or OR's name, for 42804.
func logicName(and bool) string {
	if and {
		return "AND"
	}
	return "OR"
}

// compileLogic builds AND/OR over args with SQL's three-valued logic.
// Like PostgreSQL, it simplifies left to right: a constant that decides the result (false for
// AND, true for OR) is the result, and what follows it is never simplified (so never fails).
func compileLogic(args []ast.Expr, sc *scope, and bool) (*expr, error) {
	decides := func(x *expr) bool {
		if !isConst(x) {
			return false
		}
		v := mustConst(x)
		return !v.IsNull() && v.Bool() != and
	}
	var acc *expr
	var accCost float64
	var accKind conjKind
	for i, arg := range args {
		if i > 0 && decides(acc) {
			sc.dead++
			x, err := compileAST(arg, sc)
			if err == nil {
				_, err = asBool(x, logicName(and))
			}
			sc.dead--
			if err != nil {
				return nil, err
			}
			continue
		}
		before := sc.cost
		b, err := compileASTBool(arg, sc, logicName(and))
		cost := sc.cost - before
		switch {
		case err != nil:
			return nil, err
		case i == 0 || decides(b):
			acc, accCost, accKind = b, cost, termKind(arg, b) // x AND false is false whatever x is
		default:
			at := conjTerm{x: acc, cost: accCost, kind: accKind}
			if acc, err = logic2(at, conjTerm{x: b, cost: cost, kind: termKind(arg, b)}, and); err != nil {
				return nil, err
			}
			accCost += cost
		}
	}
	return acc, nil
}

// logic2 is a AND b (or a OR b) of two booleans.
func logic2(at, bt conjTerm, and bool) (*expr, error) {
	a, b := at.x, bt.x
	x := &expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		x, err := a.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		if !x.IsNull() && x.Bool() != and {
			return x, nil // false AND _, true OR _
		}
		y, err := b.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		switch {
		case !y.IsNull() && y.Bool() != and:
			return y, nil
		case x.IsNull() || y.IsNull():
			return types.Value{T: types.Bool, Null: true}, nil
		}
		return types.NewBool(and), nil
	}}
	if and {
		x.conj = conjTerms(at, bt)
	}
	return fold(x, a, b)
}

// unify resolves the types of two operands: an untyped literal takes the other side's type.
func unify(a, b *expr) (*expr, *expr, error) {
	var err error
	switch {
	case a.unknown && b.unknown:
		a.unknown, b.unknown = false, false
	case a.unknown && b.typ != types.Null:
		if a, err = castLiteral(a, b.typ); err == nil {
			a.bpchar, a.varchar = b.bpchar, b.varchar // the literal takes the other side's type
		}
	case b.unknown && a.typ != types.Null:
		if b, err = castLiteral(b, a.typ); err == nil {
			b.bpchar, b.varchar = a.bpchar, a.varchar
		}
	}
	return a, b, err
}

// castLiteral gives an untyped literal or parameter the type t.
func castLiteral(x *expr, t types.Type) (*expr, error) {
	if x.param > 0 {
		return x.setParamType(t), nil
	}
	v, err := parseTextAt(mustConst(x).S, t, x.location(), x.now(), x.dateOrder())
	if err != nil {
		return nil, err
	}
	return constExpr(v, false), nil
}

func comparable(a, b types.Type) bool {
	if a == types.JSON || b == types.JSON {
		return false // json has no comparison operators, only jsonb
	}
	fa, fb := familyOf(a), familyOf(b)
	return fa == famNull || fb == famNull || fa == fb
}

var opNames = map[sqlparser.ComparisonExprOperator]string{
	sqlparser.EqualOp: "=", sqlparser.NotEqualOp: "<>", sqlparser.LessThanOp: "<",
	sqlparser.LessEqualOp: "<=", sqlparser.GreaterThanOp: ">", sqlparser.GreaterEqualOp: ">=",
}

func compileComparison(e *sqlparser.ComparisonExpr) (*expr, error) {
	if e.Modifier != sqlparser.Missing {
		return nil, unsupported("ANY/ALL over anything but a subquery")
	}
	return nil, unsupported("%s", pgString(e))
}

// comparisonOutcomes are the comparison operators by name, as the outcome of compare they accept.
var comparisonOutcomes = map[string]func(c int) bool{
	"=": func(c int) bool { return c == 0 }, "<>": func(c int) bool { return c != 0 },
	"<": func(c int) bool { return c < 0 }, "<=": func(c int) bool { return c <= 0 },
	">": func(c int) bool { return c > 0 }, ">=": func(c int) bool { return c >= 0 },
}

// compileCompare compiles a op b for a comparison operator op, whose outcome cmp accepts.
func compileCompare(op string, cmp func(int) bool, a, b *expr, sc *scope) (*expr, error) {
	a, b, err := bindComparison(a, b, op, sc)
	if err != nil {
		return nil, err
	}
	trimA, trimB := charTrims(a, b)
	records := a.typ.IsRecord() && b.typ.IsRecord()
	return strict2(types.Bool, a, b, func(x, y types.Value) (types.Value, error) {
		if trimA {
			x = trimChar(x)
		}
		if trimB {
			y = trimChar(y)
		}
		c := 0
		if records {
			var err error
			if c, err = compareRecordValues(x, y); err != nil {
				return types.Value{}, err
			}
		} else {
			c = compare(x, y)
		}
		return types.NewBool(cmp(c)), nil
	})
}

// castToOperand casts a typed operand of a comparison to the resolved operator's type where
// that is of another family (the comparisons within a family compare across its types).
func castToOperand(t *pgType, x *expr) (*expr, error) {
	if x.unknown || x.typ == types.Null || t.poly != polyNone || familyOf(x.typ) == familyOf(t.t) {
		return x, nil
	}
	return coerceArg(x, t.t)
}

// bindComparison gives the two sides of a comparison one type.
func bindComparison(a, b *expr, op string, sc *scope) (*expr, *expr, error) {
	o, _, err := resolveOperator(op, a, b) // the registry's (operators.go)
	if err != nil {
		return nil, nil, err
	}
	if a, b, err = coerceUntyped(o, a, b); err != nil {
		return nil, nil, err
	}
	if o != nil { // a typed operand of another family is cast to the operator's type: time = interval
		if a, err = castToOperand(o.proc.args[0], a); err != nil {
			return nil, nil, err
		}
		if b, err = castToOperand(o.proc.args[1], b); err != nil {
			return nil, nil, err
		}
	}
	if a, b, err = unify(a, b); err != nil {
		return nil, nil, err
	}
	a, b = zoneCompareOperands(a, b, sc)
	if !comparable(a.typ, b.typ) {
		return nil, nil, &Error{Code: "42883", Message: "operator does not exist: " + a.typ.String() + " " + op + " " + b.typ.String(),
			Hint: "No operator matches the given name and argument types. You might need to add explicit type casts."}
	}
	return a, b, nil
}

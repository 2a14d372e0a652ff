package sql

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// The function registry: every function drove has is one entry of a table (funcs_builtin.go)
// with its overloads as pg_proc describes them (argument types, result type, volatility,
// strictness, kind) and a constructor that compiles a call's arguments into an expr. A call
// is resolved by PostgreSQL's rules for functions (funcresolve.go), its arguments coerced to
// the chosen overload's types, and the constructor builds the expression; pg_proc
// (pgproc.go) is the same table, so psql's \df lists what a call can reach. Aggregates and
// window functions are entries too, for the catalog: vitess parses their calls into their own
// nodes, which aggregate.go and window.go bind.

// pgType is a type as a signature names it: PostgreSQL's oid, name and category for the
// catalog and for overload resolution, and the drove type its values have. Several
// PostgreSQL types share one drove type (oid and bigint, name and text, timestamptz and
// timestamp): such a value converts to the other type without a change.
type pgType struct {
	oid       int64
	name      string // as format_type prints it
	t         types.Type
	cat       byte // PostgreSQL's typcategory
	preferred bool // typispreferred: resolution favours it within its category
	poly      polyKind
}

// polyKind is what a pseudo-type of a signature accepts.
type polyKind uint8

const (
	polyNone            polyKind = iota
	polyAny                      // "any": any argument, as it is
	polyElement                  // anyelement: any type, the same at every anyelement position
	polyCompatible               // anycompatible: like anyelement; unknown alone resolves to text
	polyArray                    // anyarray: an array of the anyelement type
	polyRecord                   // record: a result only
	polyNonArray                 // anynonarray: any type but an array (text || anynonarray)
	polyCompatibleArray          // anycompatiblearray: an array of the anycompatible type
)

// pgTypes are the types signatures name, by the short names the table uses.
var pgTypes = map[string]*pgType{
	"bool":         {oid: 16, name: "boolean", t: types.Bool, cat: 'B', preferred: true},
	"bytea":        {oid: 17, name: "bytea", t: types.Bytea, cat: 'U'},
	"name":         {oid: 19, name: "name", t: types.Text, cat: 'S'},
	"int8":         {oid: 20, name: "bigint", t: types.Int64, cat: 'N'},
	"int2":         {oid: 21, name: "smallint", t: types.Int16, cat: 'N'},
	"int4":         {oid: 23, name: "integer", t: types.Int32, cat: 'N'},
	"text":         {oid: 25, name: "text", t: types.Text, cat: 'S', preferred: true},
	"oid":          {oid: 26, name: "oid", t: types.Int64, cat: 'N', preferred: true},
	"pg_node_tree": {oid: 194, name: "pg_node_tree", t: types.Text, cat: 'Z'},
	"float4":       {oid: 700, name: "real", t: types.Float32, cat: 'N'},
	"float8":       {oid: 701, name: "double precision", t: types.Float64, cat: 'N', preferred: true},
	"date":         {oid: 1082, name: "date", t: types.Date, cat: 'D'},
	"timestamp":    {oid: 1114, name: "timestamp without time zone", t: types.Timestamp, cat: 'D'},
	"timestamptz":  {oid: 1184, name: "timestamp with time zone", t: types.Timestamptz, cat: 'D', preferred: true},
	"interval":     {oid: 1186, name: "interval", t: types.Interval, cat: 'T', preferred: true},
	"time":         {oid: 1083, name: "time without time zone", t: types.Time, cat: 'D'},
	"timetz":       {oid: 1266, name: "time with time zone", t: types.TimeTZ, cat: 'D'},
	"numeric":      {oid: 1700, name: "numeric", t: types.Numeric, cat: 'N'},
	"uuid":         {oid: 2950, name: "uuid", t: types.UUID, cat: 'U'},
	"json":         {oid: 114, name: "json", t: types.JSON, cat: 'U'},
	"jsonb":        {oid: 3802, name: "jsonb", t: types.JSONB, cat: 'U'},
	"jsonpath":     {oid: 4072, name: "jsonpath", t: types.JSONPath, cat: 'U'},
	"_text":        {oid: 1009, name: "text[]", t: types.TextArray, cat: 'A'},
	"_name":        {oid: 1003, name: "name[]", t: types.TextArray, cat: 'A'},
	"_timetz":      {oid: 1270, name: "time with time zone[]", t: types.TimeTZArray, cat: 'A'},
	"_int4":        {oid: 1007, name: "integer[]", t: types.Int32Array, cat: 'A'},
	// void: pg_notify's result in pg_proc; the value is an empty text.
	"void":          {oid: 2278, name: "void", t: types.Text, cat: 'P'},
	"regclass":      {oid: 2205, name: "regclass", t: types.Int64, cat: 'N'},
	"regtype":       {oid: 2206, name: "regtype", t: types.Text, cat: 'N'},
	"record":        {oid: 2249, name: "record", cat: 'P', poly: polyRecord},
	"any":           {oid: 2276, name: `"any"`, cat: 'P', poly: polyAny},
	"anyarray":      {oid: 2277, name: "anyarray", cat: 'P', poly: polyArray},
	"anyelement":    {oid: 2283, name: "anyelement", cat: 'P', poly: polyElement},
	"anycompatible": {oid: 5077, name: "anycompatible", cat: 'P', poly: polyCompatible},
	"anynonarray":   {oid: 2776, name: "anynonarray", cat: 'P', poly: polyNonArray},
	// anycompatiblearray: the arrays' || (operators.go)
	"anycompatiblearray": {oid: 5078, name: "anycompatiblearray", cat: 'P', poly: polyCompatibleArray},
}

// funcProc is one overload: one row of pg_proc.
type funcProc struct {
	oid      int64
	name     string
	schema   int64 // pg_catalog, or information_schema for _pg_expandarray
	args     []*pgType
	variadic bool // the last argument repeats (VARIADIC)
	// withinAt: 1 + an ordered-set aggregate's first WITHIN GROUP argument, after its direct
	// ones; 0 for anything else
	withinAt int
	ret      *pgType
	outArgs  []outArg // the OUT columns of a record result
	kind     byte     // prokind: 'f' function, 'a' aggregate, 'w' window
	vol      byte     // provolatile: 'i', 's' or 'v'
	strict   bool
	retset   bool
	// defaulted: this overload is another's call with its trailing defaulted arguments left
	// out (jsonb_set without create_if_missing); pg_proc lists only the full one.
	defaulted bool
	// argNames and defaults are the arguments' names and DEFAULT values as PostgreSQL
	// prints them ("" where there is none); nil when no argument has one.
	argNames, defaults []string
}

// nDefaults is how many trailing arguments have a DEFAULT (pronargdefaults).
func (p *funcProc) nDefaults() int {
	n := 0
	for i := len(p.defaults) - 1; i >= 0 && p.defaults[i] != ""; i-- {
		n++
	}
	return n
}

// variadicType is the declared type of a VARIADIC argument as the catalog shows it: an array
// of the repeated type (text[] for VARIADIC text), "any" as it is.
func (p *funcProc) variadicType() *pgType {
	a := p.args[len(p.args)-1]
	if a.poly != polyNone {
		return a
	}
	for _, t := range pgTypes {
		if t.cat == 'A' && t.t == types.ArrayOf(a.t) && t.name == a.name+"[]" { // text[], not name[]
			return t
		}
	}
	return a
}

// outArg is an OUT parameter: a column of a function's record result.
type outArg struct {
	name string
	t    *pgType
}

// funcDef is one name's entry: its overloads and its constructor.
type funcDef struct {
	name string
	// procs are the overloads. A name without any is SQL syntax in PostgreSQL (COALESCE,
	// GREATEST, ...) or one of drove's drove_* calls: it resolves its own arguments and is
	// not in pg_proc.
	procs []*funcProc
	kind  byte
	// session: the function reads the session, so it does not exist where there is none (a
	// column's DEFAULT expression).
	session bool
	// volatile: a function without procs that PostgreSQL marks volatile (nextval)
	volatile bool
	// build compiles a call. Without procs it gets the compiled arguments as they are and
	// checks them itself; otherwise they have the chosen overload's types.
	build func(c *funcCall) (*expr, error)
	// inlinedFolds reports, for a stable overload that PostgreSQL defines in SQL and inlines
	// (quote_nullable(anyelement): quote_nullable($1::text)), whether its body is immutable
	// for these arguments: the call is then folded while planning, as the inlined body is.
	inlinedFolds func(args []*expr) bool
}

// funcCall is a call being compiled.
type funcCall struct {
	name string
	args []*expr
	ret  types.Type // the result type, polymorphic ones resolved
	sc   *scope
	live int // COALESCE: the arguments up to the first non-NULL constant
	// padded: the first argument is a char(n) value, which coercing to text trimmed (a
	// function with a bpchar overload, such as octet_length, sees the padding).
	padded *expr
}

// arityError is 42883 for a call with a number of arguments the function does not take.
func (c *funcCall) arityError() error { return noFunction(c.name, c.args) }

// funcRegistry holds every function by name; funcProcs every overload in oid order.
var (
	funcRegistry = map[string]*funcDef{}
	funcProcs    []*funcProc
)

// lookupProc finds an overload by oid.
func lookupProc(oid int64) *funcProc {
	i, ok := slices.BinarySearchFunc(funcProcs, oid, func(p *funcProc, oid int64) int { return cmp.Compare(p.oid, oid) })
	if !ok {
		return nil
	}
	return funcProcs[i]
}

// maxFuncArgs is PostgreSQL's FUNC_MAX_ARGS: a call with more arguments is refused (54023) as
// ParseFuncOrColumn refuses it; drove used to call jsonb_build_array with 100,000.
const maxFuncArgs = 100

// funcSyntax are the calls that are expressions of their own in PostgreSQL's grammar, not
// function calls, so they take any number of arguments.
var funcSyntax = map[string]bool{"coalesce": true, "greatest": true, "least": true}

// compileFunc compiles a call of a function (not an aggregate or window call, which the
// binder still compiles from vitess's nodes: expr_ast.go), its arguments positional or named.
func compileFunc(e *ast.FuncCall, sc *scope) (*expr, error) {
	name := strings.ToLower(e.Name[len(e.Name)-1])
	if e.Syntax == "trim" { // trim([BOTH|LEADING|TRAILING] [chars FROM] s): btrim, ltrim, rtrim
		name = map[string]string{"LEADING": "ltrim", "TRAILING": "rtrim"}[e.TrimSpec]
		if name == "" {
			name = "btrim"
		}
	}
	if x, ok, err := typeFunctionCast(name, e, sc); ok { // typefuncs.go
		return x, err
	}
	if len(e.Args) > maxFuncArgs && !funcSyntax[name] {
		return nil, Errorf("54023", "cannot pass more than %d arguments to a function", maxFuncArgs)
	}
	args := make([]*expr, len(e.Args))
	live := len(args) // COALESCE: the arguments up to the first constant that is not NULL
	var names []string
	for i, a := range e.Args {
		if n, ok := a.(*ast.NamedArg); ok {
			if names == nil {
				names = make([]string, len(args))
			}
			if slices.Contains(names, n.Name) {
				return nil, Errorf("42601", "argument name %q used more than once", n.Name)
			}
			names[i], a = n.Name, n.Value
		} else if names != nil {
			return nil, Errorf("42601", "positional argument cannot follow named argument")
		}
		compileArg := compileAST
		if i >= live {
			compileArg = compileASTDead // as in PostgreSQL, which drops them unsimplified
		}
		x, err := compileArg(a, sc)
		if err != nil {
			return nil, err
		}
		args[i] = x
		if name == "coalesce" && i < live && isConst(x) && !mustConst(x).IsNull() {
			live = i + 1
		}
	}
	if names != nil {
		if e.Variadic {
			return nil, unsupported("VARIADIC with named arguments")
		}
		return callFuncNamed(name, args, names, sc)
	}
	if e.Variadic {
		return compileVariadicCall(name, args, sc) // variadic.go
	}
	return callFunc(name, args, live, sc)
}

// callFunc resolves and compiles a call of the function name with compiled arguments.
func callFunc(name string, args []*expr, live int, sc *scope) (*expr, error) {
	def := funcRegistry[name]
	if def == nil || def.session && (sc.params == nil || sc.params.sess == nil) {
		return nil, noFunction(name, args)
	}
	c := &funcCall{name: name, args: args, sc: sc, live: live}
	if len(def.procs) == 0 {
		return def.build(c)
	}
	proc, err := resolveFunc(name, def.procs, args)
	if err != nil {
		if hypotheticalAggregates[name] && len(args) > 0 { // rank(1): hypothetical.go
			return nil, Errorf("42809", "WITHIN GROUP is required for ordered-set aggregate %s", name)
		}
		return nil, err
	}
	return callProc(def, proc, name, args, live, sc)
}

// callProc compiles a call of the chosen overload proc.
func callProc(def *funcDef, proc *funcProc, name string, args []*expr, live int, sc *scope) (*expr, error) {
	c := &funcCall{name: name, args: args, sc: sc, live: live}
	var err error
	if def.build == nil {
		if proc.kind == 'w' {
			return nil, Errorf("42809", "window function %s requires an OVER clause", name)
		}
		// vitess parses an aggregate call into its own node unless the name is quoted
		return nil, unsupported("aggregate %s called by a quoted name", name)
	}
	// A VARIADIC empty array leaves the variadic argument out: it has no DEFAULT ("").
	for i := len(args); i < len(proc.args) && i < len(proc.defaults) && proc.defaults[i] != ""; i++ {
		v, err := parseText(defaultLiteral(proc.defaults[i]), proc.args[i].t) // an omitted argument's DEFAULT
		if err != nil {
			return nil, err
		}
		args = append(args, constExpr(v, false))
	}
	if args, err = regclassLiterals(proc, args, sc); err != nil {
		return nil, err
	}
	if len(args) > 0 && args[0].bpchar {
		c.padded = args[0]
	}
	if c.args, c.ret, err = coerceArgs(proc, args, sc); err != nil {
		return nil, err
	}
	if proc.vol != 'i' && c.sc.params != nil {
		c.sc.params.mutable = true
	}
	if proc.strict && proc.kind == 'f' && !proc.retset && !c.ret.IsRecord() && hasNullConst(c.args) {
		// PostgreSQL's evaluate_function: whatever its volatility, a strict function with a
		// NULL constant argument is the NULL constant; its other arguments are dropped.
		dropPending(c.args)
		n := constExpr(types.Value{T: types.Null, Null: true}, false)
		n.typ = c.ret
		return n, nil
	}
	if proc.vol == 's' && proc.kind == 'f' && !proc.retset && (def.inlinedFolds == nil || !def.inlinedFolds(c.args)) {
		return stableCall(def, proc, c)
	}
	return def.build(c)
}

// stableCall builds a call of a stable function as PostgreSQL's planner treats one: never
// evaluated while planning (so it decides no CASE branch, and a constant error in a branch
// it guards is still raised), except that a strict one with a NULL constant argument is
// the NULL constant.
func stableCall(def *funcDef, proc *funcProc, c *funcCall) (*expr, error) {
	for i, a := range c.args {
		if !isConst(a) {
			continue
		}
		if proc.strict && mustConst(a).IsNull() {
			n := constExpr(types.Value{T: types.Null, Null: true}, false)
			n.typ = c.ret
			return n, nil
		}
		hidden := *a // the same value, not a constant to fold
		hidden.constant = false
		c.args[i] = &hidden
	}
	return def.build(c)
}

// hasNullConst reports whether one of args is the NULL constant.
func hasNullConst(args []*expr) bool {
	for _, a := range args {
		if isConst(a) && mustConst(a).IsNull() {
			return true
		}
	}
	return false
}

// noFunction is PostgreSQL's error for a call no overload matches.
func noFunction(name string, args []*expr) error {
	return &Error{Code: "42883", Message: "function " + callText(name, args) + " does not exist",
		Hint: "No function matches the given name and argument types. You might need to add explicit type casts."}
}

// callText is name(argument types), as PostgreSQL's errors write a call.
func callText(name string, args []*expr) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(exprTypeName(a))
	}
	b.WriteByte(')')
	return b.String()
}

// exprTypeName is the PostgreSQL name of an expression's type.
func exprTypeName(x *expr) string {
	switch {
	case x.unknown || x.typ == types.Null:
		return "unknown"
	case x.bpchar:
		return "character"
	case x.varchar:
		return "character varying"
	}
	return x.typ.String()
}

// coerceArgs converts the arguments of a call to the types of the overload chosen for it and
// resolves its result type.
func coerceArgs(p *funcProc, args []*expr, sc *scope) ([]*expr, types.Type, error) {
	elem, arr, err := resolvePoly(p, args)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*expr, len(args))
	for i, a := range args {
		to := p.argType(i)
		switch to.poly {
		case polyNone:
			if out[i], err = coerceArgIn(a, to.t, sc); err != nil {
				return nil, 0, err
			}
		case polyElement, polyCompatible:
			if a.unknown || a.typ == types.Null {
				if out[i], err = coerceArg(a, elem); err != nil {
					return nil, 0, err
				}
				continue
			}
			out[i] = a
		default:
			out[i] = a
		}
	}
	ret := p.ret.t
	switch p.ret.poly {
	case polyElement, polyCompatible:
		ret = elem
	case polyArray:
		ret = arr
	}
	return out, ret, nil
}

// argType is the declared type of argument i (the variadic one repeats).
func (p *funcProc) argType(i int) *pgType {
	if i >= len(p.args) {
		return p.args[len(p.args)-1]
	}
	return p.args[i]
}

// coerceArg gives an argument the type t: an untyped literal or parameter takes it, NULL is
// a NULL of it, char(n) loses its padding (PostgreSQL casts it to text), and a number or a
// date converts as PostgreSQL's implicit casts do.
func coerceArg(x *expr, t types.Type) (*expr, error) {
	switch {
	case x.unknown:
		return castLiteral(x, t)
	case x.typ == types.Null:
		y := *x
		y.typ = t
		return &y, nil
	case x.typ == t:
		if t == types.Text {
			return asText(x), nil
		}
		return x, nil
	}
	c := types.Column{Type: t}
	return fold(&expr{typ: t, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: t, Null: true}, err
		}
		return castValue(v, &c)
	}}, x)
}

// coerceArgIn is coerceArg for an argument of a call in scope sc: a date or timestamp given
// for a timestamptz is read in the session's zone, as PostgreSQL's implicit cast reads it
// (to_char(date '2024-03-10', 'DD') is 10 in any zone).
func coerceArgIn(x *expr, t types.Type, sc *scope) (*expr, error) {
	if t == types.Timestamptz && (x.typ == types.Date || x.typ == types.Timestamp) {
		_, y := zoneOperands(&expr{typ: t}, x, sc)
		return y, nil
	}
	return coerceArg(x, t)
}

// argsText is the argument list as pg_get_function_arguments prints it.
func (p *funcProc) argsText() string {
	var b strings.Builder
	for i, a := range p.args {
		switch {
		case i+1 == p.withinAt && i > 0:
			b.WriteString(" ORDER BY ")
		case i+1 == p.withinAt:
			b.WriteString("ORDER BY ")
		case i > 0:
			b.WriteString(", ")
		}
		if p.variadic && i == len(p.args)-1 {
			b.WriteString("VARIADIC ")
			a = p.variadicType()
		}
		if i < len(p.argNames) && p.argNames[i] != "" {
			b.WriteString(p.argNames[i] + " ")
		}
		b.WriteString(a.name)
		if i < len(p.defaults) && p.defaults[i] != "" {
			b.WriteString(" DEFAULT " + p.defaults[i])
		}
	}
	for _, o := range p.outArgs {
		b.WriteString(", OUT " + o.name + " " + o.t.name)
	}
	return b.String()
}

// resultText is the result type as pg_get_function_result prints it.
func (p *funcProc) resultText() string {
	if p.retset {
		return "SETOF " + p.ret.name
	}
	return p.ret.name
}

// register adds the table's entries to the registry. Each overload is written
// "oid: argtype, ... -> result" with the short type names of pgTypes; "variadic" before the
// last argument type makes it repeat, "strict" after the result makes one overload strict
// where its name's others are not, and "defaulted" marks the call of an overload with its
// trailing defaulted arguments left out. An argument may be written with its name ("path
// _text") and a trailing one with its default ("create_if_missing bool = true").
func register(defs []builtin) {
	for _, d := range defs {
		def := &funcDef{name: d.name, kind: d.kind, session: d.session, build: d.build, volatile: d.vol == 'v', inlinedFolds: d.inlinedFolds}
		if def.kind == 0 {
			def.kind = 'f'
		}
		for _, spec := range d.procs {
			def.procs = append(def.procs, parseProc(d, def, spec))
		}
		if funcRegistry[d.name] != nil {
			panic("function registered twice: " + d.name)
		}
		funcRegistry[d.name] = def
		for _, p := range def.procs {
			if !p.defaulted {
				funcProcs = append(funcProcs, p)
			}
		}
	}
	sortProcs(funcProcs)
}

// builtin is one entry of the table, as written (see register).
type builtin struct {
	name    string
	procs   []string
	kind    byte // 'f' (the default), 'a' or 'w'
	vol     byte // 'i', 's' or 'v'
	strict  bool
	retset  bool
	session bool
	schema  int64    // pg_catalog unless set
	outArgs []string // OUT columns of a record result: "name type"
	build   func(c *funcCall) (*expr, error)
	// inlinedFolds: see funcDef.
	inlinedFolds func(args []*expr) bool
}

func parseProc(d builtin, def *funcDef, spec string) *funcProc {
	oidText, sig, ok := strings.Cut(spec, ":")
	argText, retText, ok2 := strings.Cut(sig, "->")
	oid, err := strconv.ParseInt(strings.TrimSpace(oidText), 10, 64)
	if !ok || !ok2 || err != nil {
		panic("bad signature of " + d.name + ": " + spec)
	}
	p := &funcProc{oid: oid, name: d.name, schema: d.schema, kind: def.kind, vol: d.vol, strict: d.strict,
		retset: d.retset}
	for _, o := range d.outArgs {
		name, t, _ := strings.Cut(o, " ")
		p.outArgs = append(p.outArgs, outArg{name: name, t: mustPgType(t)})
	}
	if p.schema == 0 {
		p.schema = oidPgCatalog
	}
	for _, a := range strings.Split(argText, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(a, "variadic "); ok {
			p.variadic, a = true, rest
		}
		if rest, ok := strings.CutPrefix(a, "order by "); ok { // "direct, order by aggregated"
			p.withinAt, a = len(p.args)+1, rest
		}
		// "name type" or "name type = default": a named argument, maybe with a default.
		a, def, _ := strings.Cut(a, " = ")
		name, typ, named := strings.Cut(a, " ")
		if !named {
			typ, name = name, ""
		}
		p.args = append(p.args, mustPgType(typ))
		p.argNames = append(p.argNames, name)
		p.defaults = append(p.defaults, def)
	}
	if strings.Join(p.argNames, "") == "" {
		p.argNames, p.defaults = nil, nil
	}
	retText = strings.TrimSpace(retText)
	if rest, ok := strings.CutSuffix(retText, " defaulted"); ok {
		p.defaulted, retText = true, rest
	}
	for suffix, vol := range map[string]byte{" immutable": 'i', " stable": 's'} {
		if rest, ok := strings.CutSuffix(retText, suffix); ok {
			p.vol, retText = vol, rest // an overload whose volatility differs from its name's others
		}
	}
	if rest, ok := strings.CutSuffix(retText, " strict"); ok {
		p.strict, retText = true, rest // an overload stricter than its name's others
	}
	p.ret = mustPgType(retText)
	return p
}

func mustPgType(name string) *pgType {
	t, ok := pgTypes[name]
	if !ok {
		panic("unknown type in a signature: " + name)
	}
	return t
}

func sortProcs(ps []*funcProc) {
	slices.SortFunc(ps, func(a, b *funcProc) int { return cmp.Compare(a.oid, b.oid) })
}

// defaultLiteral is the text of a DEFAULT as pg_get_function_arguments prints it: '{}'::jsonb
// reads as {}.
func defaultLiteral(d string) string {
	if body, ok := strings.CutPrefix(d, "'"); ok {
		if i := strings.LastIndex(body, "'::"); i >= 0 {
			return strings.ReplaceAll(body[:i], "''", "'")
		}
	}
	return d
}

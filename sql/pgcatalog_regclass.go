package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// regclass output and the partition functions psql's \d asks for a table's foreign keys
// with. drove's regclass is an int8 oid; an oid computed by a query (conrelid::regclass)
// casts to the relation's name as PostgreSQL's regclassout prints it, while a literal
// ('t'::regclass, '16384'::regclass) stays an oid so that it compares with oid columns, and
// prints as the name where it becomes text (regOutText, regColumns). The mark (expr.reg)
// goes with the value through a derived table's, WITH query's or set operation's column
// (scopeCol.reg), a scalar subquery and a GROUP BY key, so it prints as a name there too.

func init() {
	register([]builtin{
		// drove has no partitions, and PostgreSQL gives no rows for a relation that is not one.
		{name: "pg_partition_ancestors", vol: 'v', strict: true, retset: true, outArgs: []string{"relid regclass"},
			procs: []string{"3425: partitionid regclass -> regclass"},
			build: buildPartitionAncestors},
		{name: ordinalityFunc, vol: 'v', build: buildOrdinality},
	})
}

func buildPartitionAncestors(c *funcCall) (*expr, error) {
	return srfExpr(c, &srfCall{args: c.args, typ: types.Int64, start: func([]types.Value) (srfIter, error) {
		return func() (types.Value, bool) { return types.Value{}, false }, nil
	}})
}

// ordinalityFunc is what the dialect pass writes for WITH ORDINALITY after a function in
// FROM: a set-returning call that counts 1, 2, ... beside the function's rows and ends with
// them (it does not make rows of its own).
const ordinalityFunc = "drove_ordinality"

func buildOrdinality(c *funcCall) (*expr, error) {
	if len(c.args) != 0 {
		return nil, Errorf("42883", "function %s does not exist", ordinalityFunc)
	}
	return srfExpr(c, &srfCall{typ: types.Int64, follower: true, start: func([]types.Value) (srfIter, error) {
		n := int64(0)
		return func() (types.Value, bool) {
			n++
			return types.NewInt(types.Int64, n), true
		}, nil
	}})
}

// regclassOut is an oid as regclass prints: the relation's name, quoted when it must be,
// "-" for oid 0, or the number when no relation has that oid.
func (s *Session) regclassOut(oid int64) string {
	if oid == 0 {
		return "-" // InvalidOid
	}
	if name, ok := s.relationName(oid); ok {
		if q := s.hiddenBehind(oid, name); q != "" {
			return types.QuoteIdent(q) + "." + types.QuoteIdent(name)
		}
		return types.QuoteIdent(name)
	}
	return strconv.FormatInt(oid, 10)
}

// hiddenBehind is the schema regclassout qualifies the relation name (of oid) with where
// search_path does not find it by its name (PostgreSQL's RelationIsVisible): public's behind
// the session's temporary table of the name or off the path, the session's temporary table
// behind public's; "" where the name finds it.
func (s *Session) hiddenBehind(oid int64, name string) string {
	if _, ok := catalogOIDs[name]; ok {
		return ""
	}
	hidden, temp := s.tempFound(name)
	if _, own := s.tempTableName(name); own && objectOID("table", hidden) == oid {
		if ns, ok := tempNamespace(s.tempID); ok && !temp {
			return ns
		}
		return ""
	}
	if temp || !s.publicSearched() {
		return "public"
	}
	return ""
}

// relationName is the name of the table, index, sequence, view or catalog table with an oid.
func (s *Session) relationName(oid int64) (string, bool) {
	for name, o := range catalogOIDs {
		if o == oid {
			return name, true
		}
	}
	for _, t := range s.ts.Tables() {
		if objectOID("table", t.Name) == oid {
			return shownTableName(t.Name), true // a temporary table by the name it was created with
		}
		for _, ix := range catalogIndexes(t) {
			if objectOID("index", ix.name) == oid {
				return ix.name, true
			}
		}
	}
	if name, err := s.sequenceByOID(oid); err == nil {
		return name, true
	}
	for _, v := range s.viewSchemas() {
		if objectOID("table", v.Name) == oid {
			return v.Name, true
		}
	}
	return "", false
}

// regclassOutExpr is a computed oid cast to regclass: the relation's name as text.
func regclassOutExpr(x *expr, s *Session) *expr {
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		return types.NewText(s.regclassOut(v.I)), nil
	}}
}

// regOutText is x as text where x is a literal regclass or regtype (x.reg): the name it
// stands for, as PostgreSQL's regclassout and regtypeout print it in a result column, a cast
// to text, || and format(). Another x is returned as it is.
func regOutText(x *expr, sc *scope) *expr {
	if x.reg == "" || x.typ != types.Int64 || x.reg != "regtype" && (sc.params == nil || sc.params.sess == nil) {
		return x
	}
	out := regtypeOut
	if x.reg != "regtype" {
		kind, s := x.reg, sc.params.sess
		out = func(oid int64) string { return s.regOut(kind, oid) }
	}
	return &expr{typ: types.Text, constant: x.constant, rowFree: x.rowFree, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		return types.NewText(out(v.I)), nil
	}}
}

// regColumns are a statement's result columns cols with those of a literal regclass or
// regtype made text, and names, which puts the names they stand for in a result row (nil when
// there are none). The literal stays an oid inside the statement, where it compares with oid
// columns (attrelid = 't'::regclass).
func (s *Session) regColumns(cols []Column) ([]Column, func([]types.Value) []types.Value) {
	var at []int
	for i, c := range cols {
		if c.reg != "" {
			at = append(at, i)
		}
	}
	if at == nil {
		return cols, nil
	}
	cols = append([]Column(nil), cols...)
	for _, i := range at {
		cols[i].Type, cols[i].src = types.Text, nil
	}
	return cols, func(row []types.Value) []types.Value {
		row = append([]types.Value(nil), row...) // the node's row may be one it keeps
		for _, i := range at {
			if v := row[i]; !v.IsNull() {
				row[i] = types.NewText(s.regOut(cols[i].reg, v.I))
			}
		}
		return row
	}
}

// regArgsText is args with regOutText applied, for the functions that print their
// arguments (concat, concat_ws, format).
func regArgsText(args []*expr, sc *scope) []*expr {
	out := make([]*expr, len(args))
	for i, x := range args {
		out[i] = regOutText(x, sc)
	}
	return out
}

// regclassCast is x::regclass where drove gives it meaning (ok): a literal is the oid of the
// relation it names (digits are an oid, as regclassin reads them), a computed integer oid the
// relation's name.
func regclassCast(target string, x *expr, sc *scope) (*expr, bool, error) {
	if target != "regclass" || sc.params == nil || sc.params.sess == nil {
		return nil, false, nil
	}
	if x.unknown && x.param == 0 {
		name := mustConst(x).S
		oid, err := strconv.ParseInt(name, 10, 64)
		if err != nil || oid < 0 {
			if oid, err = sc.params.sess.relationOID(name); err != nil {
				return nil, true, err
			}
		}
		y := constExpr(types.NewInt(types.Int64, oid), false)
		y.reg = target
		return y, true, nil
	}
	if !x.unknown && familyOf(x.typ) == famNumeric && x.typ != types.Numeric {
		return regclassOutExpr(x, sc.params.sess), true, nil
	}
	return nil, false, nil
}

// regtypeCast is a computed oid cast to regtype (prorettype::regtype, atttypid::regtype):
// the type's name as PostgreSQL's regtypeout prints it. A literal stays an oid, as regclass's.
func regtypeCast(target string, x *expr) (*expr, bool, error) {
	if target == "regtype" && x.unknown && x.param == 0 {
		oid, err := regtypeIn(mustConst(x).S)
		y := constExpr(types.NewInt(types.Int64, oid), false)
		y.reg = target
		return y, true, err
	}
	if target != "regtype" || x.unknown || familyOf(x.typ) != famNumeric || x.typ == types.Numeric {
		return nil, false, nil
	}
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		return types.NewText(regtypeOut(v.I)), nil
	}}, true, nil
}

// regtypeIn is the oid of the type a regtype literal names, as PostgreSQL's regtypein reads
// it: digits are an oid; else a type name (pg_type's typname or SQL's, in pg_catalog), 42704
// when there is none.
func regtypeIn(name string) (int64, error) {
	if oid, err := strconv.ParseInt(name, 10, 64); err == nil && oid >= 0 {
		return oid, nil
	}
	n := strings.TrimSpace(name)
	if q, ok := strings.CutPrefix(n, `"`); ok && strings.HasSuffix(q, `"`) && len(q) > 0 {
		n = q[:len(q)-1]
	} else {
		n = strings.Join(strings.Fields(strings.ToLower(n)), " ")
	}
	shown := n
	n = strings.TrimPrefix(n, "pg_catalog.")
	if t, ok := pgTypes[n]; ok {
		return t.oid, nil
	}
	for _, t := range pgTypes {
		if t.name == n {
			return t.oid, nil
		}
	}
	base, _, _ := strings.Cut(n, "(")
	switch strings.TrimSpace(base) {
	case "varchar", "character varying":
		return 1043, nil
	case "char", "character", "bpchar":
		return 1042, nil
	}
	if c, err := castTarget(n); err == nil && c.Type.OID() != 0 {
		return int64(columnTypeOID(c)), nil
	}
	return 0, Errorf("42704", "type %q does not exist", shown)
}

// regtypeOut is an oid as regtype prints it: format_type without a typmod (bpchar is
// "character" there), "-" for oid 0, the number when no type has that oid.
func regtypeOut(oid int64) string {
	switch oid {
	case 0:
		return "-" // InvalidOid
	case 1042:
		return "character"
	case 705:
		return "unknown"
	case 1014:
		return "character[]"
	case 1015:
		return "character varying[]"
	}
	if name := formatType(oid, -1); name != "???" {
		return name
	}
	for _, t := range pgTypes {
		if t.oid == oid {
			return t.name
		}
	}
	return strconv.FormatInt(oid, 10)
}

package sql

import (
	"context"
	"slices"
	"strconv"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// rowBuffers are per-session buffers reused by statements.
type rowBuffers struct {
	out []types.Value
}

// projection is one output column.
type projection struct {
	col Column
	x   *expr
}

// orderKey is one ORDER BY term: an output column position or an expression on the row.
type orderKey struct {
	pos  int // >= 0: output column
	x    *expr
	desc bool
}

type sortedRow struct {
	keys []types.Value
	out  []types.Value
}

func (s *Session) bindSelect(st *sqlparser.Select, ps *params) (*plan, error) {
	switch {
	case st.With != nil || st.Into != nil:
		return nil, unsupported("WITH and SELECT INTO")
	case st.Distinct:
		return nil, unsupported("SELECT DISTINCT")
	case st.GroupBy != nil && len(st.GroupBy.Exprs) > 0, st.Having != nil:
		return nil, unsupported("GROUP BY and HAVING")
	case len(st.Windows) > 0:
		return nil, unsupported("window functions")
	case st.Lock != sqlparser.NoLock:
		return nil, unsupported("SELECT ... FOR UPDATE/SHARE")
	case len(st.From) > 1:
		return nil, unsupported("joins")
	}
	p := &plan{}
	var bt *boundTable
	sc := &scope{params: ps}
	if len(st.From) == 1 && !s.isImplicitDual(st.From[0]) {
		var err error
		if bt, err = s.bindTable(st.From[0], ps); err != nil {
			return nil, err
		}
		sc = bt.scope
		if bt.system == nil { // system schemas never change
			p.deps = []dep{{bt.name, bt.schema}}
		}
	}
	projs, counts, err := s.projections(st.SelectExprs, sc)
	if err != nil {
		return nil, err
	}
	var acc *access
	if bt != nil {
		if acc, err = planAccess(bt, st.Where); err != nil {
			return nil, err
		}
	} else if st.Where != nil {
		return nil, unsupported("WHERE without FROM")
	}
	order, err := orderKeys(st.OrderBy, projs, sc)
	if err != nil {
		return nil, err
	}
	limit, err := bindLimits(st.Limit, ps)
	if err != nil {
		return nil, err
	}
	p.cols = make([]Column, len(projs))
	for i, pr := range projs {
		p.cols[i] = pr.col
	}
	q := &selectPlan{s: s, acc: acc, projs: projs, counts: counts, order: order, limit: limit}
	p.run = q.run
	return p, nil
}

// selectPlan is a bound SELECT.
type selectPlan struct {
	s      *Session
	acc    *access // nil without FROM
	projs  []projection
	counts bool
	order  []orderKey
	limit  *limitExprs
}

func (q *selectPlan) run(ctx context.Context, tx *tablespace.Txn, out Output) error {
	offset, limit, err := q.limit.eval()
	if err != nil {
		return err
	}
	emitted := int64(0)
	skipped := int64(0)
	emit := func(row []types.Value) error {
		if skipped < offset {
			skipped++
			return nil
		}
		if limit >= 0 && emitted >= limit {
			return errStop
		}
		emitted++
		return out.Row(row)
	}
	buf := q.s.row.out[:0]
	defer func() { q.s.row.out = buf[:0] }()
	project := func(row []types.Value) ([]types.Value, error) {
		buf = buf[:0]
		for _, p := range q.projs {
			v, err := p.x.eval(row)
			if err != nil {
				return nil, err
			}
			buf = append(buf, v)
		}
		return buf, nil
	}
	// visit runs fn on every selected row, or once on no row without FROM.
	visit := func(fn func(row []types.Value) error) error {
		if q.acc == nil {
			return fn(nil)
		}
		return q.acc.visit(tx, func(_ []byte, row []types.Value) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fn(row)
		})
	}

	switch {
	case q.counts:
		// count(*) counts rows; count(expr) counts rows where expr is not NULL.
		ns := make([]int64, len(q.projs))
		if err := visit(func(row []types.Value) error {
			for i, p := range q.projs {
				if p.x != nil {
					v, err := p.x.eval(row)
					if err != nil {
						return err
					}
					if v.IsNull() {
						continue
					}
				}
				ns[i]++
			}
			return nil
		}); err != nil {
			return err
		}
		row := make([]types.Value, len(q.projs))
		for i := range row {
			row[i] = types.NewInt(types.Int64, ns[i])
		}
		if err := emit(row); err != nil && err != errStop {
			return err
		}
	case len(q.order) == 0:
		if err := visit(func(row []types.Value) error {
			o, err := project(row)
			if err != nil {
				return err
			}
			return emit(o)
		}); err != nil && err != errStop {
			return err
		}
	default:
		var rows []sortedRow
		if err := visit(func(row []types.Value) error {
			o, err := project(row)
			if err != nil {
				return err
			}
			sr := sortedRow{out: slices.Clone(o)}
			for _, k := range q.order {
				if k.pos >= 0 {
					sr.keys = append(sr.keys, sr.out[k.pos])
					continue
				}
				v, err := k.x.eval(row)
				if err != nil {
					return err
				}
				sr.keys = append(sr.keys, v)
			}
			rows = append(rows, sr)
			return nil
		}); err != nil {
			return err
		}
		slices.SortStableFunc(rows, func(a, b sortedRow) int { return compareKeys(q.order, a.keys, b.keys) })
		for _, r := range rows {
			if err := emit(r.out); err == errStop {
				break
			} else if err != nil {
				return err
			}
		}
	}
	return out.Complete("SELECT " + strconv.FormatInt(emitted, 10))
}

// isImplicitDual reports whether te is the "dual" table vitess puts in a SELECT without FROM.
// (PostgreSQL has no dual, so it is that unless a real table has the name.)
func (s *Session) isImplicitDual(te sqlparser.TableExpr) bool {
	ate, ok := te.(*sqlparser.AliasedTableExpr)
	if !ok || !ate.As.IsEmpty() {
		return false
	}
	tn, ok := ate.Expr.(sqlparser.TableName)
	if !ok || !tn.Qualifier.IsEmpty() || tn.Name.String() != "dual" {
		return false
	}
	_, exists := s.ts.Schema("dual")
	return !exists
}

// compareKeys orders rows by ORDER BY terms; NULLs sort as larger than any value, as in
// PostgreSQL (last ascending, first descending).
func compareKeys(order []orderKey, a, b []types.Value) int {
	for i, k := range order {
		x, y := a[i], b[i]
		var c int
		switch {
		case x.IsNull() && y.IsNull():
			c = 0
		case x.IsNull():
			c = 1
		case y.IsNull():
			c = -1
		default:
			c = compare(x, y)
		}
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// projections compiles the select list. counts reports an aggregate query (count only).
func (s *Session) projections(exprs *sqlparser.SelectExprs, sc *scope) ([]projection, bool, error) {
	var projs []projection
	aggs, plain := 0, 0
	for _, se := range exprs.Exprs {
		switch se := se.(type) {
		case *sqlparser.StarExpr:
			if sc.schema == nil {
				return nil, false, Errorf("42601", "SELECT * with no tables specified is not valid")
			}
			if q := se.TableName.Name.String(); q != "" && !slices.Contains(sc.names, q) {
				return nil, false, Errorf("42P01", "missing FROM-clause entry for table %q", q)
			}
			for i, c := range sc.schema.Columns {
				projs = append(projs, projection{col: Column{Name: c.Name, Type: c.Type}, x: columnExpr(i, c.Type)})
			}
			plain++
		case *sqlparser.AliasedExpr:
			name := se.As.String()
			switch e := se.Expr.(type) {
			case *sqlparser.CountStar:
				projs = append(projs, projection{col: Column{Name: orDefault(name, "count"), Type: types.Int64}})
				aggs++
				continue
			case *sqlparser.Count:
				if e.Distinct || len(e.Args) != 1 {
					return nil, false, unsupported("count(DISTINCT ...)")
				}
				x, err := compile(e.Args[0], sc)
				if err != nil {
					return nil, false, err
				}
				projs = append(projs, projection{col: Column{Name: orDefault(name, "count"), Type: types.Int64}, x: x})
				aggs++
				continue
			case *sqlparser.Sum, *sqlparser.Min, *sqlparser.Max, *sqlparser.Avg:
				return nil, false, unsupported("aggregate %s", sqlparser.String(e))
			}
			x, err := compile(se.Expr, sc)
			if err != nil {
				return nil, false, err
			}
			if x.unknown {
				x.unknown, x.typ = false, types.Text
			}
			if name == "" {
				name = columnName(se.Expr)
			}
			projs = append(projs, projection{col: Column{Name: name, Type: x.typ}, x: x})
			plain++
		default:
			return nil, false, unsupported("select expression %s", sqlparser.String(se))
		}
	}
	if aggs > 0 && plain > 0 {
		return nil, false, Errorf("42803", "column must appear in the GROUP BY clause or be used in an aggregate function")
	}
	return projs, aggs > 0, nil
}

func columnExpr(i int, t types.Type) *expr {
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[i], nil }}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// columnName is the name PostgreSQL gives an unaliased output column.
func columnName(e sqlparser.Expr) string {
	switch e := e.(type) {
	case *sqlparser.ColName:
		return e.Name.String()
	case *sqlparser.FuncExpr:
		return e.Name.Lowered()
	case sqlparser.BoolVal:
		return "bool"
	}
	return "?column?"
}

func orderKeys(ob sqlparser.OrderBy, projs []projection, sc *scope) ([]orderKey, error) {
	var keys []orderKey
	for _, o := range ob {
		k := orderKey{pos: -1, desc: o.Direction == sqlparser.DescOrder}
		switch e := o.Expr.(type) {
		case *sqlparser.Literal:
			if e.Type == sqlparser.IntVal {
				n, _ := strconv.Atoi(e.Val)
				if n < 1 || n > len(projs) {
					return nil, Errorf("42P10", "ORDER BY position %s is not in select list", e.Val)
				}
				k.pos = n - 1
			}
		case *sqlparser.ColName:
			if e.Qualifier.IsEmpty() {
				// PostgreSQL resolves a bare ORDER BY name against the output columns first.
				for i, p := range projs {
					if p.col.Name == e.Name.String() {
						k.pos = i
						break
					}
				}
			}
		}
		if k.pos < 0 {
			x, err := compile(o.Expr, sc)
			if err != nil {
				return nil, err
			}
			if x.unknown {
				return nil, Errorf("42601", "non-integer constant in ORDER BY")
			}
			k.x = x
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// limitExprs are a statement's LIMIT and OFFSET, evaluated at each execution (they may be
// parameters).
type limitExprs struct {
	limit, offset *expr
}

func bindLimits(l *sqlparser.Limit, ps *params) (*limitExprs, error) {
	le := &limitExprs{}
	if l == nil {
		return le, nil
	}
	bindOne := func(e sqlparser.Expr, what string) (*expr, error) {
		if e == nil {
			return nil, nil
		}
		x, err := compile(e, &scope{params: ps})
		if err != nil {
			return nil, err
		}
		if x.unknown {
			if x, err = castLiteral(x, types.Int64); err != nil {
				return nil, err
			}
		}
		if !x.rowFree || !x.typ.IsInteger() && x.typ != types.Null {
			return nil, Errorf("42804", "argument of %s must be type bigint, not type %s", what, x.typ)
		}
		return x, nil
	}
	var err error
	if le.limit, err = bindOne(l.Rowcount, "LIMIT"); err != nil {
		return nil, err
	}
	if le.offset, err = bindOne(l.Offset, "OFFSET"); err != nil {
		return nil, err
	}
	return le, nil
}

// eval returns the offset and the limit (-1: none).
func (le *limitExprs) eval() (offset, limit int64, err error) {
	limit = -1
	get := func(x *expr, what string) (int64, bool, error) {
		if x == nil {
			return 0, false, nil
		}
		v, err := x.eval(nil)
		if err != nil || v.IsNull() {
			return 0, false, err
		}
		if v.I < 0 {
			return 0, false, Errorf("2201W", "%s must not be negative", what)
		}
		return v.I, true, nil
	}
	if n, ok, err := get(le.limit, "LIMIT"); err != nil {
		return 0, 0, err
	} else if ok {
		limit = n
	}
	if offset, _, err = get(le.offset, "OFFSET"); err != nil {
		return 0, 0, err
	}
	return offset, limit, nil
}

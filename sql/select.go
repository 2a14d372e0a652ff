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

func (s *Session) selectStmt(ctx context.Context, tx *tablespace.Txn, st *sqlparser.Select, out Output) error {
	switch {
	case st.With != nil || st.Into != nil:
		return unsupported("WITH and SELECT INTO")
	case st.Distinct:
		return unsupported("SELECT DISTINCT")
	case st.GroupBy != nil && len(st.GroupBy.Exprs) > 0, st.Having != nil:
		return unsupported("GROUP BY and HAVING")
	case len(st.Windows) > 0:
		return unsupported("window functions")
	case st.Lock != sqlparser.NoLock:
		return unsupported("SELECT ... FOR UPDATE/SHARE")
	case len(st.From) > 1:
		return unsupported("joins")
	}
	var bt *boundTable
	sc := &scope{}
	if len(st.From) == 1 && !s.isImplicitDual(st.From[0]) {
		var err error
		if bt, err = s.bindTable(st.From[0]); err != nil {
			return err
		}
		sc = bt.scope
	}
	projs, counts, err := s.projections(st.SelectExprs, sc)
	if err != nil {
		return err
	}
	var acc *access
	if bt != nil {
		if acc, err = planAccess(bt, st.Where); err != nil {
			return err
		}
	} else if st.Where != nil {
		return unsupported("WHERE without FROM")
	}
	order, err := orderKeys(st.OrderBy, projs, sc)
	if err != nil {
		return err
	}
	offset, limit, err := limits(st.Limit)
	if err != nil {
		return err
	}
	cols := make([]Column, len(projs))
	for i, p := range projs {
		cols[i] = p.col
	}
	if err := out.Columns(cols); err != nil {
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
	buf := s.row.out[:0]
	project := func(row []types.Value) ([]types.Value, error) {
		buf = buf[:0]
		for _, p := range projs {
			v, err := p.x.eval(row)
			if err != nil {
				return nil, err
			}
			buf = append(buf, v)
		}
		return buf, nil
	}
	defer func() { s.row.out = buf[:0] }()

	switch {
	case counts:
		// count(*) counts rows; count(expr) counts rows where expr is not NULL.
		ns := make([]int64, len(projs))
		countRow := func(row []types.Value) error {
			for i, p := range projs {
				if p.x != nil {
					if v, err := p.x.eval(row); err != nil || v.IsNull() {
						if err != nil {
							return err
						}
						continue
					}
				}
				ns[i]++
			}
			return nil
		}
		if acc == nil {
			if err := countRow(nil); err != nil {
				return err
			}
		} else if err := acc.visit(tx, func(_ []byte, row []types.Value) error { return countRow(row) }); err != nil {
			return err
		}
		row := make([]types.Value, len(projs))
		for i := range row {
			row[i] = types.NewInt(types.Int64, ns[i])
		}
		if err := emit(row); err != nil && err != errStop {
			return err
		}
	case len(order) == 0 && acc != nil:
		if err := acc.visit(tx, func(_ []byte, row []types.Value) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			o, err := project(row)
			if err != nil {
				return err
			}
			return emit(o)
		}); err != nil {
			return err
		}
	default:
		var rows []sortedRow
		add := func(row []types.Value) error {
			o, err := project(row)
			if err != nil {
				return err
			}
			sr := sortedRow{out: slices.Clone(o)}
			for _, k := range order {
				if k.pos >= 0 {
					sr.keys = append(sr.keys, sr.out[k.pos])
				} else {
					v, err := k.x.eval(row)
					if err != nil {
						return err
					}
					sr.keys = append(sr.keys, v)
				}
			}
			rows = append(rows, sr)
			return nil
		}
		if acc == nil {
			if err := add(nil); err != nil {
				return err
			}
		} else if err := acc.visit(tx, func(_ []byte, row []types.Value) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return add(row)
		}); err != nil {
			return err
		}
		slices.SortStableFunc(rows, func(a, b sortedRow) int { return compareKeys(order, a.keys, b.keys) })
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

// limits evaluates LIMIT and OFFSET; limit -1 means none.
func limits(l *sqlparser.Limit) (offset, limit int64, err error) {
	limit = -1
	if l == nil {
		return 0, -1, nil
	}
	eval := func(e sqlparser.Expr, what string) (int64, error) {
		x, err := compile(e, &scope{})
		if err != nil {
			return 0, err
		}
		if !x.constant || !x.typ.IsInteger() && x.typ != types.Null {
			return 0, Errorf("42804", "argument of %s must be an integer constant", what)
		}
		v := mustConst(x)
		if v.IsNull() {
			return -1, nil
		}
		if v.I < 0 {
			return 0, Errorf("2201W", "%s must not be negative", what)
		}
		return v.I, nil
	}
	if l.Rowcount != nil {
		if limit, err = eval(l.Rowcount, "LIMIT"); err != nil {
			return 0, 0, err
		}
	}
	if l.Offset != nil {
		if offset, err = eval(l.Offset, "OFFSET"); err != nil {
			return 0, 0, err
		}
		offset = max(offset, 0)
	}
	return offset, limit, nil
}

package sql

import (
	"context"
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// rowIter is a pull-based iterator over the rows of a relation. next returns a nil row at the
// end. The row it returns may be overwritten by the following call: a consumer that keeps rows
// (sort, hash build) clones them.
type rowIter interface {
	next() ([]types.Value, error)
}

// node is one operator of a query plan. open starts an execution of it; a node can be opened
// any number of times (the inner side of a correlated subquery is, once per outer row).
type node interface {
	open(ec *execCtx) (rowIter, error)
	explain(ex *explainer)
}

// execCtx is what one execution of a statement runs with.
type execCtx struct {
	ctx context.Context
	tx  *tablespace.Txn
	mem memAccount
	// ticks counts units of work for the cancellation checks (cancel.go).
	ticks uint64
	// builds are the hash tables of joins that keep theirs across opens (joinNode.keepBuild),
	// dropped with the execution.
	builds map[*joinNode]*joinBuild
	// subq holds the results of the statement's uncorrelated subqueries in this execution
	// (subqcache.go); emptied when it ends, the map kept for the next.
	subq map[*subqSite]any
	// cur, in a cursor's execution only, notes the table row its result row comes from
	// (WHERE CURRENT OF: cursor_current.go).
	cur *curRow
}

// defaultQueryMemory bounds what one query may hold in sorts, hash tables and groups. It is
// generous: its job is to fail one query with 53200 before the process runs out of memory.
const defaultQueryMemory = 1 << 30

// memAccount counts the bytes a query's materializing operators hold.
type memAccount struct {
	used, limit int64
	budget      *MemoryBudget // the server's, shared by every query (membudget.go); nil: none
	reserved    int64         // taken from budget, given back by done
}

func (m *memAccount) grow(n int64) error {
	m.used += n
	if m.limit > 0 && m.used > m.limit {
		return &Error{Code: "53200", Message: "out of memory",
			Detail: "The query needs more than its memory limit of " + formatBytes(m.limit) + " for sorting, hashing or grouping."}
	}
	if m.budget != nil && m.used > m.reserved {
		return m.take()
	}
	return nil
}

// release gives back n bytes an operator no longer holds.
func (m *memAccount) release(n int64) { m.used -= n }

func formatBytes(n int64) string { return strconv.FormatInt(n>>20, 10) + " MiB" }

// rowBytes estimates the memory a kept row takes.
func rowBytes(row []types.Value) int64 {
	n := int64(24 + 40*len(row))
	for i := range row {
		n += int64(len(row[i].S))
	}
	return n
}

// --- leaves ---

// oneRowNode is the single empty row a SELECT without FROM computes its list over.
type oneRowNode struct{}

func (oneRowNode) open(*execCtx) (rowIter, error) { return &sliceIter{rows: [][]types.Value{{}}}, nil }
func (oneRowNode) explain(ex *explainer)          { ex.line("Result") }

// sliceIter returns rows held in memory.
type sliceIter struct {
	rows [][]types.Value
	i    int
}

func (it *sliceIter) next() ([]types.Value, error) {
	if it.i >= len(it.rows) {
		return nil, nil
	}
	it.i++
	return it.rows[it.i-1], nil
}

// scanNode reads one table through its access plan: a point lookup, or a cursor over every
// row, with the table's pushed-down filter.
type scanNode struct {
	acc  *access
	cols []scopeCol // the table's columns as the query sees them, with their used flags
	need []bool     // computed at first open, once binding has marked every use
	it   scanIter   // reused by every open (see below)
	// key is the point lookup's key buffer, reused by every open: the lookup and the row's
	// decode read it before the node opens again, and the transaction copies any key it keeps.
	key []byte
	// ordered: an index scan reads its ordered index in batches, in order (descending when
	// desc), for a sort it spares (keyset.go).
	ordered, desc bool
	// removed counts the rows the filter rejected, over every open (EXPLAIN ANALYZE's Rows
	// Removed by Filter; bindExplain zeroes it before an analyzed run)
	removed int64
}

// Nodes reuse one iterator across executions: a plan runs on one session at a time and a node
// is never open twice at once (a correlated subquery's previous run is over when it is opened
// again), and a point lookup then allocates nothing to set up.

func (n *scanNode) open(ec *execCtx) (rowIter, error) {
	a := n.acc
	row := n.it.row
	if row == nil {
		row = make([]types.Value, len(a.table.schema.Columns))
	}
	if n.need == nil {
		n.need = make([]bool, len(a.table.schema.Columns))
		for i := range n.need {
			n.need[i] = i >= len(n.cols) || n.cols[i].used == nil || *n.cols[i].used
		}
	}
	it := &n.it
	*it = scanIter{ec: ec, acc: a, row: row, need: n.need, removed: &n.removed}
	switch {
	case a.kind == pointLookup:
		key, m, err := a.lookupKey(n.key, it.row)
		if key != nil {
			n.key = key
		}
		if err != nil || m == keyNone {
			return it, err
		}
		if m == keyScan {
			return n.openCursor(ec, it)
		}
		value, found, err := ec.tx.Get(a.table.name, key)
		if err != nil || !found {
			return it, err
		}
		it.one = [2][]byte{key, value}
		it.pending = true
	case a.table.system != nil:
		it.sys = a.table.system.rows(a.table.session)
	case a.kind == indexScan && n.ordered:
		return n.openOrdered(ec, it)
	case a.kind == indexScan || a.kind == pkRange || a.kind == pkList:
		var pks []string
		var ok bool
		var err error
		switch a.kind {
		case indexScan:
			pks, ok, err = a.ix.keys(ec.tx, a.table.name)
		case pkRange:
			pks, ok, err = a.pk.keys(a.table.schema)
		default:
			pks, ok, err = a.list.keys(a.table.schema)
		}
		if err != nil {
			return nil, err
		}
		if ok {
			it.pks, it.viaIndex = pks, true
			break
		}
		return n.openCursor(ec, it) // the index cannot answer (see indexAccess.keys): scan
	default:
		return n.openCursor(ec, it)
	}
	return it, nil
}

// openCursor makes it read every row of the table (each still passes the filter).
func (n *scanNode) openCursor(ec *execCtx, it *scanIter) (rowIter, error) {
	c, err := ec.tx.Cursor(n.acc.table.name)
	if err != nil {
		return nil, err
	}
	it.cursor = c
	return it, nil
}

type scanIter struct {
	ec      *execCtx
	acc     *access
	row     []types.Value
	cursor  *tablespace.Cursor
	sys     [][]types.Value
	one     [2][]byte
	pending bool
	need    []bool
	// viaIndex: the rows are those of pks, the primary keys an index scan found.
	viaIndex bool
	pks      []string
	// An ordered index scan's range is [ixLo, ixHi); its next batch starts at ixNext
	// (descending: ends at ixNext; nil: there is none).
	ixNext, ixLo, ixHi []byte
	desc               bool
	batch              int
	removed            *int64 // the node's count of rows the filter rejected
}

func (it *scanIter) next() ([]types.Value, error) {
	for {
		var key []byte // the row's, for a cursor's WHERE CURRENT OF (cursor_current.go)
		switch {
		case it.pending:
			it.pending = false
			key = it.one[0]
			if err := types.DecodeRow(it.acc.table.schema, it.one[0], it.one[1], it.row); err != nil {
				return nil, err
			}
		case it.cursor != nil:
			if err := it.ec.check(); err != nil {
				return nil, err
			}
			k, v, ok, err := it.cursor.Next()
			if err != nil || !ok {
				return nil, err
			}
			key = k
			if err := types.DecodeColumns(it.acc.table.schema, k, v, it.row, it.need); err != nil {
				return nil, err
			}
		case len(it.sys) > 0:
			copy(it.row, it.sys[0])
			it.sys = it.sys[1:]
		case it.viaIndex && len(it.pks) == 0 && it.ixNext != nil:
			if err := it.nextBatch(); err != nil {
				return nil, err
			}
			continue
		case it.viaIndex && len(it.pks) > 0:
			if err := it.ec.check(); err != nil {
				return nil, err
			}
			pk := []byte(it.pks[0])
			it.pks = it.pks[1:]
			v, found, err := it.ec.tx.Get(it.acc.table.name, pk)
			if err != nil {
				return nil, err
			}
			if !found {
				continue // deleted since the index was read
			}
			key = pk
			if err := types.DecodeColumns(it.acc.table.schema, pk, v, it.row, it.need); err != nil {
				return nil, err
			}
		default:
			return nil, nil
		}
		if ok, err := qualPasses(it.acc.filter, it.row); err != nil || ok {
			it.ec.cur.noteScan(it.acc, key)
			return it.row, err
		}
		*it.removed++
	}
}

// passes evaluates a filter (nil: every row passes); NULL counts as false.
// qualPasses is passes for a filter (WHERE, JOIN ON, HAVING): like PostgreSQL's ExecQual over
// the condition's implicit-AND list, it rejects the row at the first conjunct that is false or
// NULL, without evaluating the ones after it (which may fail). Three-valued AND inside an
// expression (passes, a CASE condition, a CHECK constraint) evaluates on past a NULL.
func qualPasses(f *expr, row []types.Value) (bool, error) {
	if f == nil {
		return true, nil
	}
	if f.conj != nil {
		for _, t := range *f.conj {
			if ok, err := passes(t.x, row); !ok || err != nil {
				return false, err
			}
		}
		return true, nil
	}
	v, err := f.eval(row)
	if err != nil {
		return false, err
	}
	return !v.IsNull() && v.Bool(), nil
}

func passes(f *expr, row []types.Value) (bool, error) {
	if f == nil {
		return true, nil
	}
	v, err := f.eval(row)
	if err != nil {
		return false, err
	}
	return !v.IsNull() && v.Bool(), nil
}

func (n *scanNode) explain(ex *explainer) { n.explainFiltered(ex, nil) }

// explainFiltered explains the scan with the conditions of the filter node f over it (nil:
// none) among its own: drove checks a condition holding a subquery above the scan it does not
// push it into, which is a qual of the scan as PostgreSQL shows it (explain_subplan.go).
func (n *scanNode) explainFiltered(ex *explainer, f *filterNode) {
	a := n.acc
	pkey := a.table.schema.PKConstraintName()
	removed := n.removed
	if f != nil {
		removed += filteredOut(ex, f, ex.pending)
	}
	switch {
	case a.kind == pointLookup || a.kind == pkList || a.kind == pkRange:
		explainIndexScan(ex, a, pkey, "", removed, f)
		return
	case a.kind == indexScan:
		backward := ""
		if n.ordered && n.desc {
			backward = " Backward"
		}
		if a.ix.rowLo == nil && a.ix.rowHi == nil {
			explainIndexScan(ex, a, a.ix.def.Name, backward, removed, f)
			return
		}
		ex.line("Index Scan%s using %s on %s", backward, a.ix.def.Name, tableLabel(a.table))
		for _, rb := range []*rowBound{a.ix.rowLo, a.ix.rowHi} {
			if rb != nil {
				ex.detail("Index Cond: %s", rb.text)
			}
		}
	default:
		ex.line("Seq Scan on %s", tableLabel(a.table))
	}
	var more []string
	if a.filter != nil {
		more = []string{ex.exprText(a.where, a.table.alias, a.filterText)}
	}
	if more = append(more, f.texts(ex, a)...); len(more) > 0 {
		ex.detail("Filter: %s", andText(more))
		ex.removedByFilter(removed)
	}
}

// texts are the conditions of a filter node folded into the scan a (none for no node), as the
// scan shows its own; called once the scan's line is made, which shows their subplans.
func (f *filterNode) texts(ex *explainer, a *access) []string {
	if f == nil {
		return nil
	}
	return []string{ex.exprText(f.tree, a.table.alias, f.text)}
}

func tableLabel(bt *boundTable) string {
	if bt.alias != bt.name {
		return bt.name + " " + bt.alias
	}
	return bt.name
}

// --- row-at-a-time operators ---

// filterNode keeps the rows its predicate is true for.
type filterNode struct {
	in   node
	pred *expr
	text string
	tree ast.Expr // the condition text prints, for its subqueries' subplans
}

func (n *filterNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &filterIter{ec: ec, in: in, pred: n.pred}, nil
}

func (n *filterNode) explain(ex *explainer) {
	if _, ok := unwrapAnalyze(n.in).(oneRowNode); ok { // no FROM: PostgreSQL's Result tests the WHERE once
		ex.line("Result")
		ex.detail("One-Time Filter: %s", ex.exprText(n.tree, "", n.text))
		return
	}
	if _, ok := unwrapAnalyze(n.in).(*aggNode); ok { // HAVING: PostgreSQL's Aggregate checks it itself
		at := len(ex.entries)
		n.in.explain(ex)
		ex.detail("Filter: %s", ex.exprText(n.tree, "", n.text))
		ex.filterRemovedAt(at, n.in)
		return
	}
	if sn, ok := unwrapAnalyze(n.in).(*scanNode); ok && n.tree != nil {
		sn.explainFiltered(ex, n)
		return
	}
	ex.line("Filter")
	ex.detail("Filter: %s", ex.exprText(n.tree, "", n.text))
	ex.filterRemoved(n.in)
	ex.child(n.in)
}

type filterIter struct {
	ec   *execCtx
	in   rowIter
	pred *expr
}

func (it *filterIter) next() ([]types.Value, error) {
	for {
		row, err := it.ec.pull(it.in)
		if err != nil || row == nil {
			return nil, err
		}
		if ok, err := qualPasses(it.pred, row); err != nil || ok {
			return row, err
		}
	}
}

// projectNode computes expressions over each input row.
type projectNode struct {
	in    node
	exprs []*expr
	// keepInput: each output row is the exprs' values followed by the input row's
	keepInput bool
	it        projectIter
	trees     []ast.Expr // the select list's, for EXPLAIN's subplans (nil: none kept)
}

func (n *projectNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	if n.it.out == nil {
		n.it = projectIter{exprs: n.exprs, out: make([]types.Value, len(n.exprs)), keep: n.keepInput}
	}
	n.it.in = in
	return &n.it, nil
}

func (n *projectNode) explain(ex *explainer) {
	// Projection is not a step of its own in PostgreSQL's plans either; show the input, and
	// under it the SubPlans of the select list (PostgreSQL's scan computes its target list).
	n.in.explain(ex)
	ex.useSubLinksOf(n.trees...)
}

type projectIter struct {
	in    rowIter
	exprs []*expr
	out   []types.Value
	keep  bool // see projectNode.keepInput
}

func (it *projectIter) next() ([]types.Value, error) {
	row, err := it.in.next()
	if err != nil || row == nil {
		return nil, err
	}
	for i, x := range it.exprs {
		if it.out[i], err = x.eval(row); err != nil {
			return nil, err
		}
	}
	if it.keep {
		it.out = append(it.out[:len(it.exprs)], row...)
	}
	return it.out, nil
}

// limitNode skips OFFSET rows and stops after LIMIT.
type limitNode struct {
	in     node
	limits *limitExprs
}

func (n *limitNode) open(ec *execCtx) (rowIter, error) {
	offset, limit, err := n.limits.eval()
	if err != nil {
		return nil, err
	}
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	return &limitIter{ec: ec, in: in, skip: offset, left: limit, ties: n.limits.ties}, nil
}

func (n *limitNode) explain(ex *explainer) {
	ex.line("Limit")
	ex.child(n.in)
}

type limitIter struct {
	ec         *execCtx
	in         rowIter
	skip, left int64         // left < 0: no limit
	ties       []sortKey     // WITH TIES: the ORDER BY keys (ties.go)
	last       []types.Value // WITH TIES: the last row returned
}

func (it *limitIter) next() ([]types.Value, error) {
	for ; it.skip > 0; it.skip-- {
		row, err := it.ec.pull(it.in)
		if err != nil || row == nil {
			return nil, err
		}
	}
	if it.left == 0 {
		return it.tie()
	}
	it.left--
	row, err := it.in.next()
	if it.ties != nil && row != nil {
		// A copy: the input may hand back the same slice, refilled, for its next row (the
		// row lock's does), and the rows after it are compared with this one.
		it.last = append(it.last[:0], row...)
	}
	return row, err
}

// distinctNode drops rows equal to one already returned (NULLs equal to each other).
type distinctNode struct {
	in   node
	trim []bool // per column: char(n), whose trailing spaces do not count; nil: none
	// records is every column when one is a record, checked first (checkRecordKeys); else nil
	records []int
	// keys is EXPLAIN's Group Key: the compared columns as PostgreSQL prints them, constants
	// left out (none left: PostgreSQL's Unique)
	keys []string
}

// noJSONEquality refuses json among the columns DISTINCT or UNION compares: json has no
// equality operator (jsonb has), as in PostgreSQL.
func noJSONEquality(cols []Column) error {
	for _, c := range cols {
		if c.Type == types.JSON {
			return Errorf("42883", "could not identify an equality operator for type json")
		}
	}
	return nil
}

// charTrimFlags says which columns are char(n); nil when none is.
func charTrimFlags(cols []Column) []bool {
	var trim []bool
	for i, c := range cols {
		if c.bpchar {
			if trim == nil {
				trim = make([]bool, len(cols))
			}
			trim[i] = true
		}
	}
	return trim
}

func (n *distinctNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	if n.records != nil {
		if in, err = recordChecked(ec, in, n.records, true); err != nil {
			return nil, err
		}
	}
	return &distinctIter{ec: ec, in: in, trim: n.trim, seen: make(map[string]struct{})}, nil
}

func (n *distinctNode) explain(ex *explainer) {
	if len(n.keys) == 0 {
		ex.line("Unique")
	} else {
		ex.line("HashAggregate")
		ex.detail("Group Key: %s", strings.Join(n.keys, ", "))
	}
	ex.child(n.in)
}

type distinctIter struct {
	ec   *execCtx
	in   rowIter
	seen map[string]struct{}
	key  []byte
	trim []bool
}

func (it *distinctIter) next() ([]types.Value, error) {
	for {
		row, err := it.ec.pull(it.in)
		if err != nil || row == nil {
			return nil, err
		}
		if it.trim == nil {
			it.key = appendRowKey(it.key[:0], row)
		} else {
			it.key = it.key[:0]
			for i, v := range row {
				if it.trim[i] {
					v = trimChar(v)
				}
				it.key = appendValueKey(it.key, v)
			}
		}
		if _, dup := it.seen[string(it.key)]; dup {
			continue
		}
		if err := it.ec.mem.grow(int64(len(it.key) + 48)); err != nil {
			return nil, err
		}
		it.seen[string(it.key)] = struct{}{}
		return row, nil
	}
}

// appendNode returns the rows of each input in turn (UNION ALL).
type appendNode struct {
	ins []node
	// values: a VALUES list's rows, each a SELECT of no table (explain_values.go)
	values bool
}

func (n *appendNode) open(ec *execCtx) (rowIter, error) {
	return &appendIter{ec: ec, ins: n.ins}, nil
}

func (n *appendNode) explain(ex *explainer) {
	if n.values && valuesRows(n) {
		ex.line(`Values Scan on "*VALUES*"`)
		return
	}
	ex.line("Append")
	for _, in := range n.ins {
		ex.child(in)
	}
}

type appendIter struct {
	ec  *execCtx
	ins []node
	cur rowIter
}

func (it *appendIter) next() ([]types.Value, error) {
	for {
		if it.cur == nil {
			if len(it.ins) == 0 {
				return nil, nil
			}
			var err error
			if it.cur, err = it.ins[0].open(it.ec); err != nil {
				return nil, err
			}
			it.ins = it.ins[1:]
		}
		row, err := it.cur.next()
		if err != nil || row != nil {
			return row, err
		}
		it.cur = nil
	}
}

// --- value keys for hashing ---

// hashType is the type both sides of an equality between numbers of types a and b take
// before they are hashed, so that equal values hash alike; Null when they need no conversion
// (the same type, or integers of any width, which hash alike).
func hashType(a, b types.Type) types.Type {
	switch {
	case a == b || a.IsInteger() && b.IsInteger():
		return types.Null
	case a.IsFloat() || b.IsFloat():
		return types.Float64
	}
	return types.Numeric
}

// appendValueKey appends an encoding of v that is equal for equal values of one type (and for
// integers of any width), with NULL distinct from every value: hash join, GROUP BY and DISTINCT
// keys.
func appendValueKey(dst []byte, v types.Value) []byte {
	if v.IsNull() {
		return append(dst, 0)
	}
	switch {
	case v.T.IsFloat():
		f := v.F
		if f == 0 {
			f = 0 // -0 = 0
		}
		if math.IsNaN(f) {
			f = math.NaN()
		}
		return appendUint64(append(dst, 2), math.Float64bits(f))
	case v.T == types.Numeric: // by value: 1.5 and 1.50 are one group
		start := len(dst)
		dst = types.AppendNumericKey(appendUint64(append(dst, 4), 0), v)
		binary.BigEndian.PutUint64(dst[start+1:], uint64(len(dst)-start-9))
		return dst
	case v.T == types.JSONB: // by value: {"a": 1.0} and {"a": 1} are one group
		start := len(dst)
		dst = appendJSONBValueKey(appendUint64(append(dst, 5), 0), v)
		binary.BigEndian.PutUint64(dst[start+1:], uint64(len(dst)-start-9))
		return dst
	case v.T == types.Interval: // by span: '1 mon' and '30 days' are one group, as in PostgreSQL
		days, us := v.Interval().Span()
		return appendUint64(appendUint64(append(dst, 6), uint64(days)), uint64(us))
	case v.T.IsRecord(): // by its fields' types and values, whatever their names
		fields, vals, err := v.RecordFields()
		if err != nil {
			break
		}
		dst = appendUint64(append(dst, 7), uint64(len(fields)))
		for _, f := range fields {
			dst = append(dst, byte(f.Type))
		}
		return appendRowKey(dst, vals)
	}
	if v.T.IsArray() && valueKeyed(v.T.Elem()) {
		// by its elements' values: {1.0} and {1.00} are one group, as they are equal
		if elems, err := v.Elems(); err == nil {
			return appendRowKey(appendUint64(append(dst, 8), uint64(len(elems))), elems)
		}
	}
	if v.T.HoldsBytes() {
		dst = appendUint64(append(dst, 3), uint64(len(v.S)))
		return append(dst, v.S...)
	}
	return appendUint64(append(dst, 1), uint64(v.I))
}

// valueKeyed reports whether equal values of type t may print differently (1.0 and 1.00,
// 0 and -0, '1 mon' and '30 days'), so that an array of them is keyed by its elements.
func valueKeyed(t types.Type) bool {
	return t.IsFloat() || t == types.Numeric || t == types.JSONB || t == types.Interval || t.IsRecord()
}

func appendRowKey(dst []byte, row []types.Value) []byte {
	for _, v := range row {
		dst = appendValueKey(dst, v)
	}
	return dst
}

func appendUint64(dst []byte, u uint64) []byte {
	return append(dst, byte(u>>56), byte(u>>48), byte(u>>40), byte(u>>32), byte(u>>24), byte(u>>16), byte(u>>8), byte(u))
}

// collect reads every row of it, copied, counting their memory. Rows are carved out of
// shared chunks rather than allocated one by one.
func collect(ec *execCtx, it rowIter) ([][]types.Value, error) {
	var rows [][]types.Value
	var chunk []types.Value
	for n := 0; ; n++ {
		row, err := ec.pull(it)
		if err != nil || row == nil {
			return rows, err
		}
		if err := ec.mem.grow(rowBytes(row)); err != nil {
			return nil, err
		}
		if cap(chunk)-len(chunk) < len(row) {
			// Chunks double up to 4096 values, so the many small inputs of a many-table
			// join (whose rows may be wide) do not each take a full one.
			chunk = make([]types.Value, 0, max(min(4096, 2*cap(chunk)), len(row)))
		}
		start := len(chunk)
		chunk = append(chunk, row...)
		rows = append(rows, chunk[start:len(chunk):len(chunk)])
	}
}

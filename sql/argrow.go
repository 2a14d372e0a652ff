package sql

import (
	"sync"

	"github.com/drovedb/drove/types"
)

// argRow runs an expression compiled over stand-ins for values its caller computes at run
// time (x and each array element of x op ANY|ALL (array)) instead of over the statement's
// row. A compiled expression may run on several goroutines at once (parallel scans, a plan
// shared between sessions), so such a value cannot live in a variable the stand-in captures
// (DESIGN.md, "Compiled expressions are goroutine-safe"): stand-in k reads column k of a row
// of the caller's own, taken from a pool for one evaluation so that none allocates.
type argRow struct {
	n    int
	rows sync.Pool // *[]types.Value of n columns
}

func newArgRow(n int) *argRow { return &argRow{n: n} }

// arg is the stand-in for argument k, typed like like.
func (a *argRow) arg(k int, like *expr) *expr {
	return &expr{typ: like.typ, bpchar: like.bpchar, varchar: like.varchar, shape: like.shape,
		eval: func(row []types.Value) (types.Value, error) { return row[k], nil }}
}

// get returns a row of n columns for one evaluation; put gives it back.
func (a *argRow) get() *[]types.Value {
	if p, ok := a.rows.Get().(*[]types.Value); ok {
		return p
	}
	r := make([]types.Value, a.n)
	return &r
}

func (a *argRow) put(p *[]types.Value) {
	clear(*p) // the pool keeps no values alive
	a.rows.Put(p)
}

// A row compared with a subquery's row (rowsubquery.go, rowquantified.go) is compiled over
// stand-ins for the subquery's n fields that read the last n columns of the row they are
// given (fieldArg): the caller evaluates the comparison over the statement's row followed by
// the fields, built for one evaluation in a pooled row (withFields), so the fields of one
// evaluation are never seen by another on another goroutine. The statement's columns keep
// their places, so the row's own expressions read it as before.
var fieldRows sync.Pool // *[]types.Value

// fieldArg is the stand-in for field k of n, typed like c.
func fieldArg(k, n int, c Column) *expr {
	return &expr{typ: c.Type, bpchar: c.bpchar, varchar: c.varchar, shape: c.shape, reg: c.reg,
		eval: func(row []types.Value) (types.Value, error) { return row[len(row)-n+k], nil }}
}

// withFields returns row followed by n zero fields; putFields gives it back.
func withFields(row []types.Value, n int) *[]types.Value {
	p, _ := fieldRows.Get().(*[]types.Value)
	if p == nil {
		p = new([]types.Value)
	}
	r := append((*p)[:0], row...)
	for range n {
		r = append(r, types.Value{})
	}
	*p = r
	return p
}

func putFields(p *[]types.Value) {
	clear(*p) // the pool keeps no values alive
	fieldRows.Put(p)
}

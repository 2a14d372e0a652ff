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

package sql

import (
	"sync"

	"github.com/drovedb/drove/types"
)

// elemSlot passes the array element x op ANY|ALL (array) is testing to the operator compiled
// over a stand-in for it (anyall_op.go, like_any.go). A compiled expression may run on
// several goroutines at once (a plan shared by parallel scans, a cached statement), so the
// element cannot live in a variable the stand-in captures: each evaluation copies its row
// into a row one column wider, from a pool so that no row allocates, and the stand-in reads
// that last column.
type elemSlot struct{ rows sync.Pool } // *[]types.Value

// standIn is the expression that reads the element: the last column of the row it is given.
func (s *elemSlot) standIn(t types.Type) *expr {
	return &expr{typ: t, eval: func(row []types.Value) (types.Value, error) { return row[len(row)-1], nil }}
}

// extend returns row with one more column, for the element; release gives it back.
func (s *elemSlot) extend(row []types.Value) *[]types.Value {
	p, _ := s.rows.Get().(*[]types.Value)
	if p == nil {
		p = new([]types.Value)
	}
	*p = append(append((*p)[:0], row...), types.Value{})
	return p
}

func (s *elemSlot) release(p *[]types.Value) {
	clear(*p) // keep no values alive in the pool
	s.rows.Put(p)
}

package sql

import "github.com/drovedb/drove/types"

// An uncorrelated subquery runs once per execution of its statement, as PostgreSQL's
// InitPlan, and every row reads its result. The result is the execution's, not the compiled
// expression's: it lives in the execCtx (execCtx.subq, emptied when the execution ends), keyed
// by the subquery's site, so a compiled expression holds nothing an execution writes and a plan
// can run in several sessions' executions (DESIGN.md, "Compiled expressions are
// goroutine-safe").

// subqSite names one subquery's entries in an execution's cache. Not of size zero: distinct
// sites must have distinct addresses.
type subqSite struct{ _ byte }

// subqOnce returns what run computes for row: for an uncorrelated subquery the value its first
// call in this execution computed (an error is not kept), for a correlated one a new one.
func subqOnce[T any](sp *subplan, site *subqSite, row []types.Value, run func([]types.Value) (T, error)) (T, error) {
	if sp.correlated {
		return run(row)
	}
	ec := sp.sc.params.ec
	if v, ok := ec.subq[site]; ok {
		return v.(T), nil
	}
	v, err := run(row)
	if err != nil {
		return v, err
	}
	if ec.subq == nil {
		ec.subq = make(map[*subqSite]any)
	}
	ec.subq[site] = v
	return v, nil
}

// subqCount counts the calls of site in this execution, this one included (compileExists's
// switch to a hash set).
func subqCount(ec *execCtx, site *subqSite) int {
	n, _ := ec.subq[site].(*int)
	if n == nil {
		n = new(int)
		if ec.subq == nil {
			ec.subq = make(map[*subqSite]any)
		}
		ec.subq[site] = n
	}
	*n++
	return *n
}

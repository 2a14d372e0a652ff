package sql

import (
	"context"
	"slices"

	"github.com/drovedb/drove/types"
)

// Every phase of a statement stops soon after its context ends (a CancelRequest, a client
// that went away, statement_timeout, shutdown): binding checks once per query block it binds,
// and execution counts units of work (a row pulled, produced or skipped, a comparison) in the
// statement's execCtx and looks at the context every checkEvery of them, so a hot loop pays
// an increment and a branch, not a channel operation. The counter is per statement, not per
// iterator: the inner side of a nested loop re-opens its scan for every outer row, and a
// per-iterator count would never reach checkEvery.

// checkEvery is how many units of work a statement does between checks for cancellation.
const checkEvery = 1024

// check counts one unit of work and, every checkEvery units, returns the context's error.
func (ec *execCtx) check() error {
	ec.ticks++
	if ec.ticks%checkEvery != 0 {
		return nil
	}
	return ec.ctx.Err()
}

// every returns ctx's error on every checkEvery-th call of a loop outside the executor (n
// counts its iterations), such as COPY reading the client's rows.
func every(ctx context.Context, n int) error {
	if n%checkEvery != checkEvery-1 {
		return nil
	}
	return ctx.Err()
}

// pull returns the next row of it, counting it as a unit of work.
func (ec *execCtx) pull(it rowIter) ([]types.Value, error) {
	if err := ec.check(); err != nil {
		return nil, err
	}
	return it.next()
}

// interrupted returns the statement's context error while it is being parsed and bound.
func (s *Session) interrupted() error {
	if s.stmtCtx == nil {
		return nil
	}
	return s.stmtCtx.Err()
}

// statementContext sets the context the statement being parsed and bound checks; the
// returned function clears it.
func (s *Session) statementContext(ctx context.Context) func() {
	s.stmtCtx, s.blocks = ctx, 0
	return func() { s.stmtCtx = nil }
}

// maxQueryBlocks bounds the query blocks (SELECTs, UNION branches, subqueries, references to
// WITH queries) one statement binds. A WITH query is bound again for every reference, so a
// chain of WITH queries that each read the previous one twice doubles at every step: without
// a bound, a statement of a few lines would bind millions of blocks and exhaust memory.
const maxQueryBlocks = 100_000

// enterBlock counts a query block being bound, and checks for cancellation.
func (s *Session) enterBlock() error {
	if err := s.interrupted(); err != nil {
		return err
	}
	if s.blocks++; s.blocks > maxQueryBlocks {
		return Errorf("54001", "statement too complex: it has more than %d query blocks (each reference to a WITH query counts its blocks again)", maxQueryBlocks)
	}
	return nil
}

// sortStable is slices.SortStableFunc counting each comparison as work: once the statement
// is cancelled the remaining comparisons return at once, and sortStable returns the error.
func sortStable[E any](ec *execCtx, s []E, cmp func(a, b E) int) error {
	var err error
	slices.SortStableFunc(s, func(a, b E) int {
		if err != nil {
			return 0
		}
		if err = ec.check(); err != nil {
			return 0
		}
		return cmp(a, b)
	})
	return err
}

package sql

import (
	"sync/atomic"
)

// MemoryBudget is the memory every running query of a server may hold together in sorts,
// hash tables and groups. Each query is bounded on its own (queryMemory), but a hundred
// sessions each near that bound would take the process far past the machine's memory; with
// a budget the query that would pass it fails with 53200 instead, and the others, and the
// process, go on. Queries reserve from it in chunks (budgetChunk), so the shared counter is
// touched once a megabyte, not once a row, and give their reservation back when they end.
type MemoryBudget struct {
	limit int64
	used  atomic.Int64
}

// NewMemoryBudget returns a budget of limit bytes; limit <= 0 means none (nil), and a nil
// budget bounds nothing.
func NewMemoryBudget(limit int64) *MemoryBudget {
	if limit <= 0 {
		return nil
	}
	return &MemoryBudget{limit: limit}
}

// Limit is the budget's size in bytes.
func (b *MemoryBudget) Limit() int64 { return b.limit }

// Used is what running queries have reserved from it now.
func (b *MemoryBudget) Used() int64 { return b.used.Load() }

// reserve takes n bytes if they fit.
func (b *MemoryBudget) reserve(n int64) bool {
	if b.used.Add(n) > b.limit {
		b.used.Add(-n)
		return false
	}
	return true
}

func (b *MemoryBudget) release(n int64) { b.used.Add(-n) }

// budgetChunk is how much a query reserves from the budget at a time.
const budgetChunk = 1 << 20

// take reserves what m.used has grown past m.reserved, a chunk at least.
func (m *memAccount) take() error {
	need := m.used - m.reserved
	n := max(need, budgetChunk)
	if !m.budget.reserve(n) {
		if n == need || !m.budget.reserve(need) {
			return &Error{Code: "53200", Message: "out of memory",
				Detail: "The queries running on this server together need more than its query memory budget of " + formatBytes(m.budget.limit) + " for sorting, hashing or grouping.",
				Hint:   "Retry when fewer large queries run, or raise the server's --max-query-memory."}
		}
		n = need
	}
	m.reserved += n
	return nil
}

// done gives the query's reservation back to the budget.
func (m *memAccount) done() {
	if m.budget != nil {
		m.budget.release(m.reserved)
	}
	m.reserved = 0
}

// SetMemoryBudget makes the session's queries reserve their memory from b (nil: none).
func (s *Session) SetMemoryBudget(b *MemoryBudget) { s.budget = b }

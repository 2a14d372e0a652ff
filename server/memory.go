package server

import (
	"github.com/drovedb/drove/internal/sysmem"
	"github.com/drovedb/drove/sql"
)

// Memory a node's queries may use together (DESIGN.md, "Memory"): one budget every session's
// sorts, hash tables and groups reserve from, sized from the machine by default, and the Go
// runtime's soft limit set above it so the collector works harder before the process grows
// past what the machine has.

// unknownMachineMemory stands in for the machine's memory when it cannot be read.
const unknownMachineMemory = 4 << 30

// defaultQueryBudget is half the memory available to the process: the rest is for the page
// cache, dirty buffers, transactions' write sets, connections and the collector's slack.
func defaultQueryBudget(total int64) int64 {
	if total <= 0 {
		total = unknownMachineMemory
	}
	return max(total/2, 64<<20)
}

// queryBudget resolves Config.MaxQueryMemory: 0 the default, negative none.
func queryBudget(cfg *Config, total int64) *sql.MemoryBudget {
	if cfg.MaxQueryMemory == 0 {
		cfg.MaxQueryMemory = defaultQueryBudget(total)
	}
	return sql.NewMemoryBudget(cfg.MaxQueryMemory)
}

// softMemoryLimit is the Go heap size the node aims to stay under: the query budget with half
// again for the garbage queries leave behind, the page cache, and 256 MiB for the rest, never
// above nine tenths of the machine's memory. With no query budget, nine tenths of the
// machine's, or 0 (no limit) when that is unknown.
func softMemoryLimit(cfg Config, total int64) int64 {
	limit := int64(0)
	if cfg.MaxQueryMemory > 0 {
		limit = cfg.MaxQueryMemory + cfg.MaxQueryMemory/2 + cfg.PageCacheMemory + 256<<20
	}
	if total > 0 {
		ceiling := total / 10 * 9
		if limit == 0 || limit > ceiling {
			limit = ceiling
		}
	}
	return limit
}

// SoftMemoryLimit is the Go runtime soft memory limit (debug.SetMemoryLimit) that suits
// this node's memory settings on this machine; 0: none. The drove binary sets it unless the
// user set GOMEMLIMIT; an embedding program decides for itself.
func (s *Server) SoftMemoryLimit() int64 { return softMemoryLimit(s.cfg, sysmem.Total()) }

// QueryMemory reports the node's query memory budget: bytes reserved now and its size (0, 0
// with no budget).
func (s *Server) QueryMemory() (used, limit int64) {
	if s.budget == nil {
		return 0, 0
	}
	return s.budget.Used(), s.budget.Limit()
}

// Package sql turns SQL text into work on a tablespace: a small PostgreSQL-dialect pass, the
// vitess parser, a planner that finds primary-key point lookups, and an executor that reads and
// writes rows through tablespace transactions. Results and errors follow PostgreSQL 15.
//
// It never sees Raft or the wire protocol: pgwire reaches it through the Executor interface,
// and the embedded driver calls it directly.
package sql

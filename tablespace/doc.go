// Package tablespace is drove's replicated state machine: the tables of one tablespace, their
// primary-key hash maps, the buffer of records changed since the last checkpoint, the page cache,
// row locks and transactions, and the raft.FSM that applies committed log entries.
//
// Every replica applies the same committed entries in the same order and so holds the same
// state; only the leader runs transactions, and a transaction becomes one log entry at commit.
// A checkpoint is the Raft snapshot: it writes dirty records to new immutable pages and a
// manifest, after which Raft truncates the log.
//
// It never sees SQL text: callers hand it encoded keys and rows (package types).
package tablespace

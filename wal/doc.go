// Package wal defines the tablespace log entry: the versioned, checksummed binary format in
// which committed transactions (as row images) and schema changes travel through Raft and sit
// in its log.
//
// It knows neither SQL nor Raft internals: entries are bytes in, bytes out. Decoding never
// trusts its input: any corrupt, truncated or unknown entry is an error wrapping ErrCorrupt.
package wal

// Package types defines drove's column types and values and the two byte encodings every layer
// shares: the order-preserving primary-key encoding (so encoded keys compare like the values they
// encode) and the compact row encoding stored in the log, the dirty buffer and data pages.
//
// It is a leaf: the log, the tablespace and SQL all speak these encodings, so none of them has to
// know the others. It also reads and prints values in PostgreSQL's text formats (numeric, arrays,
// dates, timestamps, timestamptz, interval and time: datetime.go is a port of PostgreSQL 15's
// DecodeDateTime; timestamptz.go resolves zones), so every
// input path accepts the same strings. It must not grow SQL semantics (casts, operators): those
// live in package sql.
package types

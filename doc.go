// Package drove embeds a drove database in a Go program.
//
//	db, err := drove.Open("/var/lib/myapp/drove")      // the engine, in-process
//	sqldb, err := sql.Open("drove", "/var/lib/myapp/drove") // or through database/sql
//
// Both run the same engine as the drove server: the same durable Raft log, checkpoints and SQL,
// with no network in between. Opening the same directory twice in one process shares one
// engine (options that differ from the running engine's are refused); another process is
// refused with "locked by process N".
//
// The database/sql driver prepares a statement once and keeps its plan (bound again when a
// table it uses changes schema), streams rows from the executor as they are read, maps types
// as pgx's driver does, runs transactions at READ COMMITTED or REPEATABLE READ
// (sql.LevelSnapshot too), stops a statement when its context ends, and returns errors as
// *sql.Error values carrying their SQLSTATE (errors.As). Its DSN is the data directory,
// optionally with options: /path?checkpoint_interval=30s&page_cache_memory=64MiB&log_level=warn
// (see ParseDSN).
//
// The key-value API (DB.KV) reads and writes a table's rows by primary key without SQL: Get
// is a gate check, a hash lookup and a decode; GetInto decodes into a reusable Record without
// allocating; Update and Batch commit many writes as one log entry.
package drove

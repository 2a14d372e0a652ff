// Package drove embeds a drove database in a Go program.
//
//	db, err := drove.Open("/var/lib/myapp/drove")      // the engine, in-process
//	sqldb, err := sql.Open("drove", "/var/lib/myapp/drove") // or through database/sql
//
// Both run the same engine as the drove server: the same durable Raft log, checkpoints and SQL,
// with no network in between. Opening the same directory twice in one process shares one
// engine; another process must not use the directory at the same time (it is locked).
package drove

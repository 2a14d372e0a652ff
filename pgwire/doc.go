// Package pgwire speaks the PostgreSQL v3 frontend/backend protocol (message framing by
// jackc/pgx's pgproto3) on top of a Backend that opens SQL sessions.
//
// It owns connections, startup, authentication and the query message loop, and turns results
// and errors into protocol messages. It must not interpret SQL: every query string goes to the
// session as is. The one exception is the relay of a session forwarded to another node
// (forward.go), which recognizes ROLLBACK/COMMIT and SET/RESET/DISCARD/DEALLOCATE by their
// first words, to answer for a transaction whose leader was lost and to replay settings.
package pgwire

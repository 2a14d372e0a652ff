// Package auth keeps a node's password users: for each, the SCRAM-SHA-256 verifier
// (salt, iteration count, StoredKey, ServerKey) PostgreSQL keeps in pg_authid, never the
// password. pgwire runs the SCRAM exchange against it with xdg-go/scram, so a password never
// crosses the wire and a stolen users file does not reveal one.
//
// The file is small and rewritten whole (temporary file, fsync, rename) on every change.
package auth

// Package e2e holds end-to-end tests: they build the drove binary, run it as a real process
// and drive it with real clients (psql, pgx), including killing it with SIGKILL.
//
// It has no non-test code but this file and the process harness.
package e2e

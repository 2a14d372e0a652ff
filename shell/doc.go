// Package shell is drove's interactive SQL client, behind `drove sql`: it splits input into
// statements, sends each with the simple query protocol, and prints results the way psql
// does. It talks to any PostgreSQL-protocol server through pgconn and knows nothing of the
// server's internals.
package shell

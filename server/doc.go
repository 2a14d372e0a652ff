// Package server runs a drove node: it owns the data directory layout, opens the node's
// tablespace replicas, serves the PostgreSQL protocol and routes each session to the
// tablespace its database name selects.
//
// It holds no SQL or storage logic of its own: those are packages sql and tablespace.
package server

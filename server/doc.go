// Package server runs a drove node: it owns the data directory layout, the cluster port and
// the node's member of the metadata group, opens the tablespace replicas the catalog places
// on it, serves the PostgreSQL protocol and routes each session to the leader of the
// tablespace its database name selects.
//
// It holds no SQL or storage logic of its own: those are packages sql and tablespace.
package server

// Package meta is the cluster's metadata group: a Raft group, on every node, whose state is the
// catalog — the nodes (ids, addresses, liveness), the tablespaces (replicas, expected replica
// count, preferred and current leader) and the password users. Every node applies it and
// watches it (Watch) to start and stop its local tablespace replicas; any node may change it,
// forwarding the change to the meta leader and returning once it has applied the outcome
// itself, so a caller reads its own writes.
//
// The first nodes are voters (up to Options.MaxVoters, 3 by default), the rest non-voters. A
// node bootstraps a new cluster (Open with Bootstrap), joins one through any of its nodes
// (Join), or restarts from its directory (Open). The meta leader watches its members'
// heartbeats, records in the catalog when a node goes dead or comes back, replaces dead
// replicas (Heal) and dead voters.
//
// The package knows nothing of the network: it takes a raft.Transport for the group's Raft
// traffic and a dial function for its small request/response service (ServeConn), which the
// server routes over its cluster port. DESIGN.md says why it is built this way.
package meta

// Package clusternet is a node's cluster port: one TCP listener (mutual TLS 1.3 when
// configured) that carries every Raft group's traffic and drove's internal RPCs.
//
// A dialer opens a connection, runs the TLS handshake, and sends a small header: magic,
// version, kind (Raft group or service), the group or service name and its own node id. The
// acceptor reads the header under a deadline, answers with a one-byte status and its node id,
// and hands the connection to the group's Raft transport or to the service's handler; an
// unknown name is refused (Raft retries, so a group registered later is reached on a later
// dial). After the header the connection is the Raft transport's or the handler's own byte
// stream; the mux adds no framing.
//
// Each Raft group gets a Transport: a raft.NetworkTransport that sends (it Dials peers' cluster
// ports with the group's header), and drove's receiver of the group's routed connections, which
// speaks the same wire format and hands Raft consecutive AppendEntries queued on a connection as
// one request (serve.go, coalesce.go). ObservedPipeline is the AppendEntries pipeline with a
// hook on each answer (pipeline.go); it sends drove's binary AppendEntries (appendcodec.go) on
// a connection of its own kind, which a node older than it refuses at the header:
//
//	mux, err := clusternet.Listen(clusternet.Config{NodeID: "n1", Addr: "127.0.0.1:5434"})
//	trans := mux.Transport("ts1") // raft.NewRaft(..., trans); ServerAddress = peer's mux.Addr()
//	mux.Handle("forward", func(c net.Conn, from string) { ... })
//	c, err := mux.Dial(ctx, peerAddr, "forward")
//
// Faults injects partitions (both ways, one way, isolation), silent stalls and write delays
// with jitter between the nodes of an in-process test cluster; one *Faults is shared by every
// Mux of the cluster. In production Config.Faults is nil and connections are not wrapped for it.
//
// See DESIGN.md for the header layout, the bounds and why the Raft transport settings are what
// they are.
package clusternet

package clusternet

import (
	"bytes"

	"github.com/hashicorp/raft"
)

// Coalescing a pipeline's AppendEntries on the follower (DESIGN.md, "Coalesced appends").
// hashicorp/raft's follower handles one AppendEntries at a time, each with its own log append
// (one fsync). The receiving side of the transport (serve.go) reads a connection ahead, and
// when several AppendEntries of the leader's pipeline are already waiting, hands Raft one
// request carrying all their entries, then answers each original request with the merged
// request's answer. Raft's follower would have processed them one after the other; the merged
// request does the same work in one append:
//   - only requests that continue each other are merged: the same leader (RPC header) and
//     term, each one's previous entry (index and term) being the last entry of the one before,
//     and each one's entries numbered consecutively after its previous entry;
//   - the merged request has the first one's previous entry, all the entries in order, and
//     the largest commit index (a leader's commit index does not decrease within a term; each
//     is at most what the leader had durably committed when it sent it, see the tablespace's
//     capCommit, so the follower applies nothing any single request would not have let it
//     apply once it holds all the entries);
//   - success of the merged request means the follower's log holds the first previous entry
//     and every entry after it, as the leader sent them, on disk: exactly what each original
//     request's success claims. A failure (term, missing or mismatching previous entry, a log
//     error) is answered to all of them; a request answered "failed" that would have succeeded
//     alone only makes the leader retry (it leaves its pipeline and probes), which Raft allows.
// Heartbeats, votes, snapshots and TimeoutNow are never merged.

// maxCoalesce bounds how many requests one merged request may carry.
const maxCoalesce = 64

// isHeartbeat reports whether a is a heartbeat, by NetworkTransport's rule (the follower
// answers those on its fast path, without the log).
func isHeartbeat(a *raft.AppendEntriesRequest) bool {
	leader := a.RPCHeader.Addr
	if len(leader) == 0 {
		//lint:ignore SA1019 older leaders fill only this field, and NetworkTransport reads it
		leader = a.Leader
	}
	return a.Term != 0 && leader != nil && a.PrevLogEntry == 0 && a.PrevLogTerm == 0 &&
		len(a.Entries) == 0 && a.LeaderCommitIndex == 0
}

// coalescable reports whether a may start or join a merged request: not a heartbeat, and its
// entries numbered consecutively after its previous entry.
func coalescable(a *raft.AppendEntriesRequest) bool {
	if isHeartbeat(a) {
		return false
	}
	for i, e := range a.Entries {
		if e == nil || e.Index != a.PrevLogEntry+1+uint64(i) {
			return false
		}
	}
	return true
}

// continues reports whether next picks up where prev ends: same leader and term, and next's
// previous entry is prev's last one (index and term). Both must be coalescable.
func continues(prev, next *raft.AppendEntriesRequest) bool {
	if next.Term != prev.Term ||
		next.RPCHeader.ProtocolVersion != prev.RPCHeader.ProtocolVersion ||
		!bytes.Equal(next.RPCHeader.ID, prev.RPCHeader.ID) ||
		!bytes.Equal(next.RPCHeader.Addr, prev.RPCHeader.Addr) {
		return false
	}
	lastIdx, lastTerm := prev.PrevLogEntry, prev.PrevLogTerm
	if n := len(prev.Entries); n > 0 {
		lastIdx, lastTerm = prev.Entries[n-1].Index, prev.Entries[n-1].Term
	}
	return next.PrevLogEntry == lastIdx && next.PrevLogTerm == lastTerm
}

// mergeAppends returns one request doing the work of reqs (at least one; each continuing the
// one before). A single request is returned as is.
func mergeAppends(reqs []*raft.AppendEntriesRequest) *raft.AppendEntriesRequest {
	if len(reqs) == 1 {
		return reqs[0]
	}
	n := 0
	for _, r := range reqs {
		n += len(r.Entries)
	}
	m := *reqs[0]
	m.Entries = make([]*raft.Log, 0, n)
	for _, r := range reqs {
		m.Entries = append(m.Entries, r.Entries...)
		m.LeaderCommitIndex = max(m.LeaderCommitIndex, r.LeaderCommitIndex)
	}
	return &m
}

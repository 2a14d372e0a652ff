// Package committrace is an opt-in trace of where a replicated commit's time goes, stage by
// stage (tablespace/DESIGN.md, "Where a replicated commit's time goes"). Built without the
// committrace build tag, Mark is an empty function the compiler removes and Enabled is false:
// nothing is recorded and the hot path pays nothing. Built with it
// (`go build -tags committrace ./cmd/drove`) and run with DROVE_COMMITTRACE=DIR, every
// process appends its marks to DIR/<pid>.trace (text, one mark a line: stage, unix ns, two
// values; the file is named after the process's --node-id, else its pid), flushed twice a second; bench/committrace (a main package) joins the files of a
// cluster's processes by log index and prints each stage's latency.
package committrace

import "unsafe"

// Stage names a point on a commit's path. The values a mark carries are given per stage.
type Stage byte

// The stages. "Last" is the last log index of the batch or request the mark is about.
const (
	Apply     Stage = 'c' // a leader session hands its entry to raft.Apply: a = data pointer
	Answered  Stage = 'z' // the session has its answer: a = data pointer
	Buffered  Stage = 's' // StoreLogs called: a = index, b = data pointer (one mark per entry)
	WriteFrom Stage = 'w' // a log append (write + fdatasync) starts: a = last
	Durable   Stage = 'd' // the log is durable: a = last
	Sent      Stage = 'p' // the leader wrote an AppendEntries to a follower: a = last, b = peer
	Acked     Stage = 'r' // the leader decoded a follower's answer: a = last, b = peer
	FSMBatch  Stage = 'a' // the FSM got a batch: a = last
	FSMReady  Stage = 'b' // the FSM found the local log durable up to it: a = last
	FSMDone   Stage = 'e' // the FSM applied it: a = last
	Received  Stage = 'q' // a follower's receiver decoded a request: a = last
	ToRaft    Stage = 'h' // the receiver handed Raft a (merged) request: a = last
	Answer    Stage = 'o' // the receiver wrote and flushed the answers: a = last
)

// DataID identifies an entry's data by its first byte's address, which a session knows
// before Raft gives the entry an index (0 for empty data).
func DataID(data []byte) uint64 {
	if len(data) == 0 {
		return 0
	}
	return uint64(uintptr(unsafe.Pointer(&data[0])))
}

// Package raftlog is the durable Raft log of every Raft group a node runs (each tablespace's
// and the metadata group's): a raft.LogStore and raft.StableStore on raft-wal that survives
// what plain raft-wal does not.
//
//   - A full disk refuses writers with ErrDiskFull instead of bricking the log, and writes
//     resume by themselves once space returns (a reserve of preallocated files keeps Raft's
//     own appends and the batch in flight going; see Store).
//   - A segment rotation cut short by a crash, a full disk or an I/O error (the tail sealed
//     in its file but not in the metadata) is completed at open, where raft-wal would refuse
//     every append.
//   - A new segment's directory entry is fsynced until that succeeds.
//   - Entries before the first index are not found, even when raft-wal still holds them.
//   - Optionally (SetAsyncIf: a leader of several voters) StoreLogs only buffers a batch and a
//     writer goroutine appends and fsyncs it in the background, group-committing what was
//     buffered meanwhile; Durable and WaitDurable say how far the log is on disk. The owner must
//     not let anything observe an entry above Durable: see async.go for the safety argument
//     (an entry Raft committed but the leader has not fsynced is neither applied nor sent as
//     committed, so a leader crash before its fsync loses only what nobody was told about).
//
// Around it: Cache (recent small entries in memory), MigrateBolt (a raft-boltdb log moved
// into raft-wal once), DropBehindSnapshot (a log a crash left behind the newest snapshot is
// emptied) and OpenSnapshotStore (the file snapshot store, without the unfinished snapshots
// a crash left). Package logfault injects the faults of a failing disk under a Store in tests.
//
// The design, what each protection fixed and what the reserve costs are in tablespace/DESIGN.md
// ("A full disk, and failing writes"); the metadata group's use in server/meta/DESIGN.md.
package raftlog

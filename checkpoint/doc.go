// Package checkpoint owns what a checkpoint leaves on disk: immutable, checksummed data page
// files, the manifest that lists which pages (and which of their slots) are live, garbage
// collection of pages no manifest references, and the byte-bounded cache of pages read back.
//
// Page ids are unique within a Store only (every tablespace's store starts at one, and a
// restored store keeps the backup's ids), so the Cache, which a node shares between its
// tablespaces, keys a page by its store's process-unique id and the page id.
//
// It is a leaf: schemas and records are opaque bytes here, and it knows nothing of Raft.
package checkpoint

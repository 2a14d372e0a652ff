// Package checkpoint owns what a checkpoint leaves on disk: immutable, checksummed data page
// files, the manifest that lists which pages (and which of their slots) are live, garbage
// collection of pages no manifest references, and the byte-bounded cache of pages read back.
//
// It is a leaf: schemas and records are opaque bytes here, and it knows nothing of Raft.
package checkpoint

// Package backup is the file format of a tablespace backup: a checkpoint (its manifest and
// every page it names) written as a tar stream inside zstd.
//
//	drove-backup.json   Info: format version, tablespace, Raft index, tables, page count
//	manifest            the checkpoint manifest (CRC-checked)
//	pages/<id>.page     each page file as it is on disk (CRC-checked)
//
// Three layers of checks catch damage: zstd's content checksum over the whole stream, each
// page's and the manifest's own CRC, and completeness (every page the manifest names must
// arrive, and nothing else). Reading never trusts sizes from the stream beyond a limit, so a
// hostile file cannot make the server allocate without bound.
package backup

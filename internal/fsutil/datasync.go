package fsutil

import (
	"os"
	"syscall"
)

// DataSync makes what was written to f durable, with the metadata needed to read it back (its
// size, its blocks) but not its modification time: fdatasync where the system has it
// (datasync_linux.go), else fsync. For an append to a preallocated file (a log segment) that
// skips a journal commit per sync that only recorded the new mtime, as PostgreSQL's default
// wal_sync_method does.
func DataSync(f *os.File) error {
	c, err := f.SyscallConn()
	if err != nil {
		return f.Sync()
	}
	var serr error
	if err := c.Control(func(fd uintptr) { serr = datasync(int(fd)) }); err != nil {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: err}
	}
	if serr == errNoDatasync {
		return f.Sync()
	}
	if serr != nil {
		return &os.PathError{Op: "fdatasync", Path: f.Name(), Err: serr}
	}
	return nil
}

// errNoDatasync: this system has no fdatasync; DataSync falls back to fsync.
var errNoDatasync = syscall.ENOSYS

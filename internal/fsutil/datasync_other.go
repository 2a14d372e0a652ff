//go:build !linux

package fsutil

// datasync is left to fsync (os.File.Sync) where fdatasync is not known to be available.
func datasync(int) error { return errNoDatasync }

// Package fsutil holds the small durable-file helpers every package that keeps state on disk
// needs: writing a file atomically and durably, and making a directory's entries durable.
package fsutil

//go:build !unix

package sql

// cpuTime is not measured on this platform: cpu-ns/op reads 0.
func cpuTime() int64 { return 0 }

//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks that report
// cpu-ns/op: on a machine other work loads, CPU time per operation varies far less than
// elapsed time.
package cputime

// Now is not measured on this platform: cpu-ns/op reads 0.
func Now() int64 { return 0 }

// Switches is not measured on this platform: ctxsw/op reads 0.
func Switches() int64 { return 0 }

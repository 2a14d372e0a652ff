//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks that report
// cpu-ns/op: on a machine other work loads, CPU time per operation varies far less than
// elapsed time.
package cputime

import "syscall"

// Now is the CPU time the process has used (user and system), in nanoseconds.
func Now() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// Switches is the number of context switches the process's threads have made (voluntary, a
// thread blocking or parking, and involuntary, a thread preempted): per operation, how
// often a path hands work between goroutines that park their threads.
func Switches() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Nvcsw + ru.Nivcsw
}

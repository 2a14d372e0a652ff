// Package sysmonslack lengthens the timer slack of the Go runtime's sysmon thread, so it wakes
// less often on a server that alternates short bursts of system calls with idleness.
//
// The runtime's sysmon thread sleeps 20 µs between checks whenever it was just woken by a
// system call after all Ps were idle, and only starts doubling the sleep after 50 such cycles
// (runtime.sysmon). A Raft replica is exactly that: each AppendEntries is a burst of reads,
// writes and an fdatasync between idle waits, so sysmon spends its life in 20 µs nanosleeps —
// on the 2-vCPU test VM 21% of a leader's and 28% of a follower's CPU (perf, not pprof: sysmon
// runs without a P and is not in Go's profiles), each sleep a context switch the hypervisor
// makes expensive. A timer slack lets the kernel wake it later, so several of those short
// sleeps become one. Nothing else changes: the runtime's Go timers, network poller and idle
// threads keep the default slack (a slack on every thread measured slower: the spinning
// threads' 3 µs sleeps then hold a P for up to the slack).
//
// Set is best effort: setting another thread's slack needs CAP_SYS_NICE (Linux checks it
// for any thread but the caller), and the sysmon thread is found as the first thread the
// runtime started after the main one (runtime.main starts it before any package's init).
// Without the capability, or on other systems, Set changes nothing and says why.
package sysmonslack

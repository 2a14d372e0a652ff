package sysmonslack

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Set sets the timer slack of the runtime's sysmon thread to d; it returns the thread's id.
func Set(d time.Duration) (int, error) {
	tid, err := sysmonThread()
	if err != nil {
		return 0, err
	}
	p := fmt.Sprintf("/proc/self/task/%d/timerslack_ns", tid)
	if _, err := os.Stat(p); err != nil {
		p = fmt.Sprintf("/proc/%d/timerslack_ns", tid) // older kernels list it per process only
	}
	if err := os.WriteFile(p, []byte(strconv.FormatInt(d.Nanoseconds(), 10)), 0); err != nil {
		return tid, fmt.Errorf("sysmonslack: %w", err)
	}
	return tid, nil
}

// sysmonThread returns the id of the thread started first after the main thread: the runtime's
// sysmon, which runtime.main starts before anything else runs.
func sysmonThread() (int, error) {
	pid := os.Getpid()
	ents, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return 0, fmt.Errorf("sysmonslack: %w", err)
	}
	best, bestStart := 0, uint64(0)
	for _, e := range ents {
		tid, err := strconv.Atoi(e.Name())
		if err != nil || tid == pid {
			continue
		}
		start, err := startTime(tid)
		if err != nil {
			continue // the thread ended meanwhile
		}
		// Started first; among threads started in the same clock tick, the lowest id (ids
		// grow, unless they wrapped around in between).
		if best == 0 || start < bestStart || (start == bestStart && tid < best) {
			best, bestStart = tid, start
		}
	}
	if best == 0 {
		return 0, errors.New("sysmonslack: no thread but the main one")
	}
	return best, nil
}

// startTime reads a thread's start time (clock ticks since boot, /proc/PID/task/TID/stat's
// 22nd field).
func startTime(tid int) (uint64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/stat", tid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces and parentheses
	if i < 0 {
		return 0, errors.New("sysmonslack: unreadable stat")
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state)
	if len(f) < 20 {
		return 0, errors.New("sysmonslack: unreadable stat")
	}
	return strconv.ParseUint(f[19], 10, 64)
}

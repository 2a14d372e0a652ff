package sysmonslack

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func slackOf(t *testing.T, tid int) string {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/timerslack_ns", tid))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestSetSlowsSysmon: Set gives the sysmon thread, and only it, the slack, and that thread is
// sysmon: the one thread that sleeps in nanosleep (usleep) while the process makes system
// calls in a loop (the others wait in futex or epoll, or run).
func TestSetSlowsSysmon(t *testing.T) {
	main := slackOf(t, os.Getpid())
	tid, err := Set(3 * time.Millisecond)
	if errors.Is(err, os.ErrPermission) {
		t.Skip("no CAP_SYS_NICE:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.WriteFile(fmt.Sprintf("/proc/%d/timerslack_ns", tid), []byte(main), 0) }()
	if got := slackOf(t, tid); got != "3000000" {
		t.Fatalf("thread %d's slack %s, want 3000000", tid, got)
	}
	if got := slackOf(t, os.Getpid()); got != main {
		t.Fatalf("the main thread's slack changed: %s → %s", main, got)
	}
	// sysmon sleeps in usleep (nanosleep, x86-64 and arm64 system calls 35 and 101) or, with
	// every P idle, in a futex; keep a P busy in system calls so it polls.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				_, _ = os.Stat("/")
			}
		}
	}()
	nano := map[string]bool{"35": true, "101": true}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/syscall", tid))
		if err != nil {
			t.Skip("no /proc/self/task/N/syscall:", err)
		}
		if nano[strings.Fields(string(b) + " x")[0]] {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("thread %d never seen in nanosleep (last %q): not sysmon", tid, b)
		}
	}
}

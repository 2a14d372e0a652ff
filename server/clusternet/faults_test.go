package clusternet

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"testing"
	"time"
)

// TestFaults checks each rule at the stream level: which dials fail, which open connections
// are cut, which keep working.
func TestFaults(t *testing.T) {
	type pair struct{ from, to int } // indexes into n1..n3
	tests := []struct {
		name    string
		fault   func(f *Faults)
		blocked []pair // dials that fail and open conns that are cut; every other pair works
		allCut  bool   // every open conn was cut (by a rule since healed)
	}{
		{"one way n1 to n2", func(f *Faults) { f.PartitionOneWay("n1", "n2") }, []pair{{0, 1}}, false},
		{"partition n1 n2", func(f *Faults) { f.Partition("n1", "n2") }, []pair{{0, 1}, {1, 0}}, false},
		{"isolate n1", func(f *Faults) { f.Isolate("n1") }, []pair{{0, 1}, {1, 0}, {0, 2}, {2, 0}}, false},
		{"healed", func(f *Faults) { f.Partition("n1", "n2"); f.Isolate("n3"); f.Heal() }, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &Faults{} // the zero value works
			ms := newMuxes(t, 3, f, nil)
			open := map[pair]net.Conn{}
			for _, m := range ms {
				m.Handle("echo", echo)
			}
			for i, a := range ms {
				for j, b := range ms {
					if i != j {
						open[pair{i, j}] = dialEcho(t, a, b)
					}
				}
			}
			tt.fault(f)
			isBlocked := func(p pair) bool {
				for _, b := range tt.blocked {
					if b == p {
						return true
					}
				}
				return false
			}
			for p, c := range open {
				_, err := roundTrip(c, "x")
				if cut := tt.allCut || isBlocked(p); cut != (err != nil) {
					t.Errorf("open conn n%d→n%d: cut=%v, round trip error %v", p.from+1, p.to+1, cut, err)
				}
				_, err = ms[p.from].Dial(context.Background(), ms[p.to].Addr(), "echo")
				if isBlocked(p) != errors.Is(err, ErrPartitioned) || (!isBlocked(p) && err != nil) {
					t.Errorf("new dial n%d→n%d: blocked=%v, error %v", p.from+1, p.to+1, isBlocked(p), err)
				}
			}
		})
	}
}

// TestFaultsAcceptorSide: a dial by an address the rules do not know (a different spelling of
// the peer's address) is refused by the acceptor, which knows the dialer's id from the header.
func TestFaultsAcceptorSide(t *testing.T) {
	f := NewFaults(7)
	ms := newMuxes(t, 2, f, nil)
	ms[1].Handle("echo", echo)
	f.PartitionOneWay("n1", "n2")
	_, port, _ := net.SplitHostPort(ms[1].Addr())
	_, err := ms[0].Dial(context.Background(), net.JoinHostPort("localhost", port), "echo")
	if err == nil {
		t.Fatal("dial through an unregistered address spelling: want an error")
	}
}

func TestFaultsDelay(t *testing.T) {
	f := NewFaults(3)
	ms := newMuxes(t, 2, f, nil)
	ms[1].Handle("echo", echo)
	c := dialEcho(t, ms[0], ms[1])
	tests := []struct {
		name     string
		set      func()
		min, max time.Duration
	}{
		{"none", func() {}, 0, 100 * time.Millisecond},
		{"request", func() { f.SetDelay("n1", "n2", 150*time.Millisecond) }, 150 * time.Millisecond, time.Second},
		{"both ways", func() { f.SetDelay("n2", "n1", 100*time.Millisecond) }, 250 * time.Millisecond, time.Second},
		{"jitter", func() {
			f.SetDelay("n1", "n2", 0)
			f.SetDelay("n2", "n1", 0)
			f.SetJitter("n1", "n2", 50*time.Millisecond)
		}, 0, 500 * time.Millisecond},
		{"cleared", func() { f.SetJitter("n1", "n2", 0) }, 0, 100 * time.Millisecond},
	}
	for _, tt := range tests {
		tt.set()
		start := time.Now()
		if _, err := roundTrip(c, "x"); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took < tt.min || took > tt.max {
			t.Errorf("%s: round trip took %v, want [%v, %v]", tt.name, took, tt.min, tt.max)
		}
	}
	// A partition ends a write waiting out its delay.
	f.SetDelay("n1", "n2", time.Hour)
	done := make(chan error, 1)
	go func() { _, err := roundTrip(c, "x"); done <- err }()
	time.Sleep(20 * time.Millisecond)
	f.Partition("n1", "n2")
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("delayed write across a partition succeeded")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("partition did not end a delayed write")
	}
}

// TestFaultsStall: a stalled network keeps connections open but silent: writes time out at
// their deadline, dials hang until their context ends, and after Heal the same connection
// works again.
func TestFaultsStall(t *testing.T) {
	for _, whole := range []bool{false, true} {
		f := NewFaults(4)
		ms := newMuxes(t, 2, f, nil)
		ms[1].Handle("echo", echo)
		c := dialEcho(t, ms[0], ms[1])
		if whole {
			f.StallNode("n2")
		} else {
			f.Stall("n1", "n2")
		}
		_ = c.SetDeadline(time.Now().Add(100 * time.Millisecond))
		if _, err := c.Write([]byte("lost?\n")); !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("write across a stall: %v, want a deadline error", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, err := ms[0].Dial(ctx, ms[1].Addr(), "echo")
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("dial across a stall: %v, want the context's deadline", err)
		}
		// A write blocked by the stall goes through once it is lifted.
		done := make(chan error, 1)
		go func() {
			_ = c.SetDeadline(time.Time{})
			got, err := roundTrip(c, "after")
			if err == nil && got != "n1: after" {
				err = fmt.Errorf("got %q", got)
			}
			done <- err
		}()
		time.Sleep(50 * time.Millisecond)
		f.Heal()
		if err := <-done; err != nil {
			t.Fatalf("whole=%v: round trip after Heal: %v", whole, err)
		}
	}
}

// TestCloseDuringStalledHandshake: Close does not wait out the handshake timeout of a
// connection held by a stall.
func TestCloseDuringStalledHandshake(t *testing.T) {
	f := NewFaults(5)
	ms := newMuxes(t, 2, f, func(c *Config) { c.HandshakeTimeout = 10 * time.Second })
	ms[1].Handle("echo", echo)
	f.StallNode("n1")
	// Dial by a spelling of the address the rules do not know, so the stall is met by the
	// acceptor, which holds the connection in its handshake.
	_, port, _ := net.SplitHostPort(ms[1].Addr())
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, _ = ms[0].Dial(ctx, net.JoinHostPort("localhost", port), "echo")
	}()
	waitFor(t, "a handshake in progress", 5*time.Second, func() bool { return len(ms[1].sem) == 1 })
	start := time.Now()
	ms[1].Close()
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("Close took %v", took)
	}
}

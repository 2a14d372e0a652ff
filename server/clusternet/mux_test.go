package clusternet

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"
)

// quiet is a logger for tests that only shows errors.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// newMuxes starts n muxes n1..nn on loopback port 0 sharing faults (may be nil).
func newMuxes(t testing.TB, n int, faults *Faults, mod func(*Config)) []*Mux {
	t.Helper()
	ms := make([]*Mux, n)
	for i := range ms {
		cfg := Config{NodeID: fmt.Sprintf("n%d", i+1), Addr: "127.0.0.1:0", Faults: faults, Logger: quiet}
		if mod != nil {
			mod(&cfg)
		}
		m, err := Listen(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { m.Close() })
		ms[i] = m
	}
	return ms
}

// echo is a service that answers each line with "<fromNode>: <line>".
func echo(c net.Conn, from string) {
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		if _, err := fmt.Fprintf(c, "%s: %s", from, line); err != nil {
			return
		}
	}
}

// roundTrip sends a line over c and returns the answer.
func roundTrip(c net.Conn, line string) (string, error) {
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, line+"\n"); err != nil {
		return "", err
	}
	s, err := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSuffix(s, "\n"), err
}

func dialEcho(t testing.TB, from, to *Mux) net.Conn {
	t.Helper()
	c, err := from.Dial(context.Background(), to.Addr(), "echo")
	if err != nil {
		t.Fatalf("%s dial %s: %v", from.NodeID(), to.NodeID(), err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestService(t *testing.T) {
	ms := newMuxes(t, 2, nil, nil)
	ms[1].Handle("echo", echo)
	c := dialEcho(t, ms[0], ms[1])
	if got, err := roundTrip(c, "hello"); err != nil || got != "n1: hello" {
		t.Fatalf("got %q, %v", got, err)
	}
	// unknown service, unknown group
	if _, err := ms[0].Dial(context.Background(), ms[1].Addr(), "nope"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("unknown service: %v", err)
	}
	if _, err := ms[1].Dial(context.Background(), ms[0].Addr(), "echo"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("service registered on the other node only: %v", err)
	}
	// Close of the accepting mux closes the service connection.
	ms[1].Close()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil || isTimeout(err) {
		t.Fatalf("read after peer Close: %v, want EOF", err)
	}
	ms[0].Close()
	if _, err := ms[0].Dial(context.Background(), ms[1].Addr(), "echo"); !errors.Is(err, ErrClosed) {
		t.Fatalf("dial after Close: %v", err)
	}
}

func TestDialContextCancel(t *testing.T) {
	ms := newMuxes(t, 1, nil, nil)
	// A listener that accepts and never answers: the dial must end with the context.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = ms[0].Dial(ctx, ln.Addr().String(), "echo")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
		t.Fatalf("dial to a silent peer: %v after %v", err, time.Since(start))
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// TestBadHeaders: garbage, oversized names and silent peers are closed (garbage at once, the
// silent ones at the handshake timeout) and leave no goroutine behind.
func TestBadHeaders(t *testing.T) {
	const hs = 500 * time.Millisecond
	ms := newMuxes(t, 1, nil, func(c *Config) { c.HandshakeTimeout = hs })
	ms[0].Transport("g") // a registered group, so "unknown" below is about the name
	before := runtime.NumGoroutine()
	unknown, _ := header{kindRaft, "nosuch", "x"}.encode()
	tests := []struct {
		name string
		send string
		slow bool   // closed by the handshake timeout, not at once
		want string // bytes the server sends before closing
	}{
		{name: "http", send: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"},
		{name: "tls client hello", send: "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"},
		{name: "bad version", send: "DRVC\x09\x01\x00\x01g\x00\x01n"},
		{name: "bad kind", send: "DRVC\x01\x05\x00\x01g\x00\x01n"},
		{name: "oversized name", send: "DRVC\x01\x01\x01\x00" + strings.Repeat("g", 256)},
		{name: "oversized from", send: "DRVC\x01\x01\x00\x01g\xff\xff"},
		{name: "empty name", send: "DRVC\x01\x01\x00\x00"},
		{name: "unknown group", send: string(unknown), want: string(encodeAck(ackUnknown, "n1"))},
		{name: "silent", send: "", slow: true},
		{name: "partial header", send: "DRVC\x01\x01\x00\xffabc", slow: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := net.Dial("tcp", ms[0].Addr())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			start := time.Now()
			if _, err := io.WriteString(c, tt.send); err != nil {
				t.Fatal(err)
			}
			_ = c.SetReadDeadline(time.Now().Add(hs + 5*time.Second))
			got, err := io.ReadAll(c)
			took := time.Since(start)
			if err != nil && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "reset") {
				t.Fatalf("not closed by the server: %v after %v", err, took)
			}
			if string(got) != tt.want {
				t.Fatalf("server sent %q, want %q", got, tt.want)
			}
			if tt.slow != (took >= hs*8/10) {
				t.Fatalf("closed after %v (handshake timeout %v, slow=%v)", took, hs, tt.slow)
			}
		})
	}
	t.Cleanup(func() { waitGoroutines(t, before) })
}

// waitGoroutines fails unless the goroutine count drops back to at most n within 3 s.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines: %d > %d\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestTransportRegistration(t *testing.T) {
	ms := newMuxes(t, 2, nil, nil)
	a := ms[0].Transport("g")
	if ms[0].Transport("g") != a {
		t.Fatal("Transport twice: want the same transport")
	}
	if _, err := ms[0].NewTransport("g"); err == nil {
		t.Fatal("NewTransport on an open group: want an error")
	}
	if got := string(a.LocalAddr()); got != ms[0].Addr() {
		t.Fatalf("LocalAddr %q, want %q", got, ms[0].Addr())
	}
	b := ms[1].Transport("g")
	// the group is reachable, then unregistered by Close of the transport
	if _, err := ms[0].dial(context.Background(), ms[1].Addr(), header{kindRaft, "g", "n1"}, nil); err != nil {
		t.Fatalf("dial open group: %v", err)
	}
	b.Close()
	if _, err := ms[0].dial(context.Background(), ms[1].Addr(), header{kindRaft, "g", "n1"}, nil); !errors.Is(err, ErrUnknown) {
		t.Fatalf("dial closed group: %v", err)
	}
	if _, err := ms[1].NewTransport("g"); err != nil {
		t.Fatalf("re-register after Close: %v", err)
	}
	for _, bad := range []string{"", strings.Repeat("x", 256)} {
		if _, err := ms[0].NewTransport(bad); err == nil {
			t.Fatalf("group name of %d bytes accepted", len(bad))
		}
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr          string
		tls, insecure bool
		ok            bool
	}{
		{"127.0.0.1:5434", false, false, true},
		{"[::1]:5434", false, false, true},
		{"localhost:0", false, false, true},
		{"0.0.0.0:5434", false, false, false},
		{":5434", false, false, false},
		{"10.0.0.5:5434", false, false, false},
		{"node1:5434", false, false, false},
		{"10.0.0.5:5434", true, false, true},
		{"10.0.0.5:5434", false, true, true},
		{"nonsense", true, true, false},
	}
	for _, tt := range tests {
		err := checkAddr(tt.addr, tt.tls, tt.insecure)
		if (err == nil) != tt.ok {
			t.Errorf("checkAddr(%q, tls=%v, insecure=%v) = %v", tt.addr, tt.tls, tt.insecure, err)
		}
		if err != nil && tt.ok == false && tt.addr != "nonsense" {
			for _, flag := range []string{"--cluster-tls-cert", "--cluster-tls-key", "--cluster-tls-ca", "--cluster-insecure"} {
				if !strings.Contains(err.Error(), flag) {
					t.Errorf("error %q does not name %s", err, flag)
				}
			}
		}
	}
	if _, err := Listen(Config{NodeID: "n1", Addr: "0.0.0.0:0"}); err == nil {
		t.Fatal("Listen on all interfaces without TLS: want an error")
	}
}

// TestHandshakeLimit: with maxPending connections silent in their handshake, the next one is
// closed at once instead of costing another goroutine.
func TestHandshakeLimit(t *testing.T) {
	ms := newMuxes(t, 1, nil, func(c *Config) { c.HandshakeTimeout = 10 * time.Second })
	m := ms[0]
	var silent []net.Conn
	defer func() {
		for _, c := range silent {
			c.Close()
		}
	}()
	for i := 0; i < maxPending; i++ {
		c, err := net.Dial("tcp", m.Addr())
		if err != nil {
			t.Fatal(err)
		}
		silent = append(silent, c)
	}
	waitFor(t, "the handshake slots to fill", 5*time.Second, func() bool { return len(m.sem) == maxPending })
	c, err := net.Dial("tcp", m.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil || isTimeout(err) {
		t.Fatalf("connection over the limit: read %v, want closed", err)
	}
}

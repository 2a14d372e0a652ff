//go:build unix

package pgwire

import (
	"net"
	"syscall"
)

// withFD runs fn on the socket's file descriptor without taking it out of Go's poller; it
// reports false when c is not a socket it can reach (a test's pipe, say).
func withFD(c net.Conn, fn func(fd uintptr)) bool {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return false
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	return rc.Control(fn) == nil
}

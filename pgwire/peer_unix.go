//go:build unix && !linux

package pgwire

import (
	"net"

	"golang.org/x/sys/unix"
)

// peerClosed reports whether the peer of c has closed the connection: a peeking, non-blocking
// read that finds the end of the stream. Without POLLRDHUP, data the client sent before
// closing hides the close until it has been read.
func peerClosed(c net.Conn) bool {
	closed := false
	withFD(c, func(fd uintptr) {
		var b [1]byte
		n, _, err := unix.Recvfrom(int(fd), b[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
		closed = err == nil && n == 0 || err == unix.ECONNRESET
	})
	return closed
}

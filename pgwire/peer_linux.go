package pgwire

import (
	"net"

	"golang.org/x/sys/unix"
)

// peerClosed reports whether the peer of c has closed or reset the connection: poll with
// POLLRDHUP sees the end of the stream even when unread data comes before it, as
// PostgreSQL's pq_check_connection does. It never blocks and reads nothing.
func peerClosed(c net.Conn) bool {
	closed := false
	withFD(c, func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLRDHUP}}
		n, err := unix.Poll(fds, 0)
		closed = err == nil && n > 0 && fds[0].Revents&(unix.POLLRDHUP|unix.POLLHUP|unix.POLLERR) != 0
	})
	return closed
}

//go:build !unix

package pgwire

import "net"

// peerClosed cannot look at the socket on this platform: a client that goes away is noticed
// when its statement writes to it, or ends.
func peerClosed(net.Conn) bool { return false }

package pgwire

import (
	"errors"
	"net"
	"time"

	"github.com/drovedb/drove/sql"
)

// errIdleInTransaction ends a session that waited longer than idle_in_transaction_session_timeout
// for its next message inside a transaction: its snapshot, row locks and table gates would
// otherwise be held for as long as the client likes. PostgreSQL sends the same FATAL.
var errIdleInTransaction = &sql.Error{Code: "25P03",
	Message: "terminating connection due to idle-in-transaction timeout"}

// armIdleTimeout sets the read deadline for the wait before the next message: now plus the
// session's idle_in_transaction_session_timeout while a transaction is open, none otherwise.
// armed says whether the previous wait had one, so a connection that never uses the setting
// never touches its deadline. It returns whether this wait has one.
func (c *conn) armIdleTimeout(armed bool) bool {
	var d time.Duration
	if c.session.TxStatus() != sql.TxIdle {
		d = c.session.IdleInTransactionTimeout()
	}
	switch {
	case c.srv.stopping.Load():
		// Shutdown has set a deadline of its own to wake this read; keep it.
	case d > 0:
		c.nc.SetReadDeadline(time.Now().Add(d))
		return true
	case armed:
		c.nc.SetReadDeadline(time.Time{})
	}
	return false
}

// idleTimedOut reports whether err ended a wait that armIdleTimeout bounded.
func idleTimedOut(armed bool, err error) bool {
	var ne net.Error
	return armed && errors.As(err, &ne) && ne.Timeout()
}

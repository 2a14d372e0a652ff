package sql

// A listener's unread notifications are bounded. PostgreSQL keeps every notification in one
// queue of 8 GB shared by all listeners, from which a listener that does not read (or sits in
// a long transaction) keeps the old entries; when the queue is full, NOTIFY fails with 54000
// "too many notifications in the NOTIFY queue" at the notifying transaction's commit, which
// rolls back: a committed notification is never dropped. drove has a queue per listening
// session (its connection's: pgwire) and bounds each to maxUnreadNotify bytes: a transaction
// whose notifications would take a listener of their channel past the bound fails its commit
// with PostgreSQL's 54000 and rolls back, so, as in PostgreSQL, nothing committed is lost and
// the cost of a listener that does not read falls on the notifiers of its channels (and only
// those), which get an error rather than an unbounded use of memory. Concurrent commits are
// checked against the same count, so the bound may be passed by what they carry together.

import (
	"slices"
	"sync/atomic"
)

// maxUnreadNotify is the bytes of notifications (noteSize) a session may have waiting for
// its client; a variable so that tests can lower it.
var maxUnreadNotify atomic.Int64

func init() { maxUnreadNotify.Store(64 << 20) }

// noteSize is what a queued notification counts for: its strings and the queue's entry.
func noteSize(n Notification) int64 { return int64(len(n.Channel) + len(n.Payload) + 48) }

// notifyRoom fails, with 54000, a commit whose notifications some listener of their
// channels has no room for. Called before the commit; nothing is reserved.
func (s *Session) notifyRoom() error {
	if len(s.notify.pending) == 0 {
		return nil
	}
	hubsMu.Lock()
	h := hubs[s.ts]
	hubsMu.Unlock()
	if h == nil {
		return nil
	}
	limit := maxUnreadNotify.Load()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, l := range h.listeners {
		if l.sink == nil {
			continue
		}
		var add int64
		for _, n := range s.notify.pending {
			if slices.Contains(l.channels, n.Channel) {
				add += noteSize(n)
			}
		}
		if add > 0 && l.unread.Load()+add > limit {
			return &Error{Code: "54000", Message: "too many notifications in the NOTIFY queue"}
		}
	}
	return nil
}

// NotificationsSent tells the session that its connection sent these notifications to the
// client, so they no longer count against its bound.
func (s *Session) NotificationsSent(notes []Notification) {
	var n int64
	for _, note := range notes {
		n += noteSize(note)
	}
	s.notify.unread.Add(-n)
}

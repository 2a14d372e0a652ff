package pgwire

import (
	"sync"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// Notifications (LISTEN/NOTIFY). The session hands each one to the connection's queue from
// the notifying session's goroutine, at its commit. As PostgreSQL does, they go to the client
// as NotificationResponse just before a ReadyForQuery that leaves the session outside a
// transaction, or at once while the connection waits idle for its client's next message: a
// listener that sends nothing still hears them promptly. The idle write is done by a goroutine
// of the connection's own (started by the first notification) outside the queue's lock, so a
// client that does not read blocks neither the notifying sessions nor the registry; the loop
// waits for that write to end before it writes again, so the two never interleave.

// noteQueue is a connection's undelivered notifications.
type noteQueue struct {
	mu    sync.Mutex
	notes []sql.Notification
	idle  bool // the loop waits for the client outside a transaction, its output flushed
	// writing: the idle writer is writing buf; the loop waits on written before writing.
	writing bool
	written *sync.Cond
	buf     []byte
	wake    chan struct{}            // the idle writer's; nil until the first notification
	done    chan struct{}            // closed when the connection ends
	sent    func([]sql.Notification) // the session's NotificationsSent; nil: none
}

// took empties the queue of the notifications just sent. Caller holds mu.
func (q *noteQueue) took() {
	if q.sent != nil {
		q.sent(q.notes)
	}
	q.notes = q.notes[:0]
}

// notifier is what a session that can listen implements (sql.Session does); it bounds the
// notifications it handed to the connection and not yet sent (sql/notify_bound.go), so the
// connection tells it what it sent.
type notifier interface {
	SetNotificationSink(func(sql.Notification))
	NotificationsSent([]sql.Notification)
}

// listenFor connects the session's notifications to the connection.
func (c *conn) listenFor(s sql.Executor) {
	if n, ok := s.(notifier); ok {
		n.SetNotificationSink(c.queueNote)
		c.notes.sent = n.NotificationsSent
	}
}

// queueNote takes a notification for the client; it never blocks on the client.
func (c *conn) queueNote(n sql.Notification) {
	q := &c.notes
	q.mu.Lock()
	defer q.mu.Unlock()
	q.notes = append(q.notes, n)
	if q.wake == nil {
		q.wake, q.done = make(chan struct{}, 1), make(chan struct{})
		q.written = sync.NewCond(&q.mu)
		go c.idleNotes(q.wake, q.done)
	}
	if q.idle {
		select {
		case q.wake <- struct{}{}:
		default:
		}
	}
}

// idleNotes writes notifications that arrive while the connection is idle.
func (c *conn) idleNotes(wake, done chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-wake:
		}
		q := &c.notes
		q.mu.Lock()
		if !q.idle || len(q.notes) == 0 {
			q.mu.Unlock()
			continue
		}
		q.buf = q.buf[:0]
		for _, n := range q.notes {
			q.buf, _ = (&pgproto3.NotificationResponse{PID: n.PID, Channel: n.Channel, Payload: n.Payload}).Encode(q.buf)
		}
		q.took()
		q.writing = true
		q.mu.Unlock()
		// An error is the loop's to see, on its next read.
		_, _ = c.nc.Write(q.buf)
		q.mu.Lock()
		q.writing = false
		q.written.Broadcast()
		q.mu.Unlock()
	}
}

// sendNotes queues the pending notifications for the client ahead of a ReadyForQuery, when
// the session is outside a transaction (inside one, PostgreSQL holds them until it ends).
func (c *conn) sendNotes() {
	if c.session == nil || c.session.TxStatus() != sql.TxIdle {
		return
	}
	q := &c.notes
	q.mu.Lock()
	for _, n := range q.notes {
		c.be.Send(&pgproto3.NotificationResponse{PID: n.PID, Channel: n.Channel, Payload: n.Payload})
	}
	q.took()
	q.mu.Unlock()
}

// waitIdle marks the connection idle before the loop reads the next message: notifications
// may go out at once from now on; those that came since the last ReadyForQuery go now.
// false means the client cannot be written to.
func (c *conn) waitIdle() bool {
	q := &c.notes
	q.mu.Lock()
	defer q.mu.Unlock()
	q.idle = c.session != nil && c.session.TxStatus() == sql.TxIdle
	if !q.idle || len(q.notes) == 0 {
		return true
	}
	for _, n := range q.notes {
		c.be.Send(&pgproto3.NotificationResponse{PID: n.PID, Channel: n.Channel, Payload: n.Payload})
	}
	q.took()
	return c.be.Flush() == nil
}

// busyNotes marks the connection busy once a message arrived: the loop writes again, once
// the idle writer is done.
func (c *conn) busyNotes() {
	q := &c.notes
	q.mu.Lock()
	q.idle = false
	for q.writing {
		q.written.Wait()
	}
	q.mu.Unlock()
}

// stopNotes ends the idle writer.
func (c *conn) stopNotes() {
	q := &c.notes
	q.mu.Lock()
	defer q.mu.Unlock()
	q.idle = false
	// Not waiting for a write in progress: it may be blocked on a client that reads nothing
	// until the connection is closed, which happens after this.
	if q.done != nil {
		close(q.done)
		q.done, q.wake = nil, nil
	}
}

package sql

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// LISTEN, UNLISTEN, NOTIFY, pg_notify() and pg_listening_channels(), with PostgreSQL's
// semantics: a notification goes to the sessions listening on its channel in the same
// tablespace when the notifying transaction commits (never when it rolls back); within a
// transaction a notification equal to one already queued (same channel and payload) is
// dropped; LISTEN and UNLISTEN inside a transaction take effect at its commit. Each session
// hands its notifications to the sink its protocol layer set (pgwire queues them and sends
// NotificationResponse between statements, or at once while the connection is idle).
//
// The registry is in memory, per tablespace, on the node whose replica serves the sessions:
// the tablespace's leader, where every session runs (other nodes relay theirs to it), so a
// notification reaches listeners whichever node their client connected to.

// Notification is one notification delivered to a listening session.
type Notification struct {
	PID     uint32 // the notifying session's backend process id
	Channel string
	Payload string
}

// maxNotifyPayload is PostgreSQL's NOTIFY_PAYLOAD_MAX_LENGTH: a payload must be shorter.
const maxNotifyPayload = 8000

// maxChannelName is NAMEDATALEN: a channel name must be shorter.
const maxChannelName = 64

// notifyStmt is one LISTEN, UNLISTEN or NOTIFY.
type notifyStmt struct {
	kind    string // "listen", "unlisten" or "notify"
	channel string // "" with kind "unlisten": UNLISTEN *
	payload string
}

// notifyState is what a session keeps of its notifications.
type notifyState struct {
	sink    func(Notification) // where delivered notifications go; nil: dropped
	pending []Notification     // queued by the open transaction, delivered at its commit
	actions []notifyStmt       // LISTEN/UNLISTEN of the open transaction, applied at commit
	marks   []notifyMark       // per live savepoint, what ROLLBACK TO keeps
	hub     *notifyHub         // set once the session has listened
	unread  atomic.Int64       // bytes of notifications handed to the sink and not yet sent (notify_bound.go)
}

type notifyMark struct{ pending, actions int }

// notifyHub is the registry of one tablespace's listening sessions.
type notifyHub struct {
	mu        sync.Mutex
	listeners map[*Session]*listener
}

// listener is one session's channels, in the order it listened, and its sink.
type listener struct {
	channels []string
	sink     func(Notification)
	unread   *atomic.Int64 // the session's notifyState.unread
}

var (
	hubsMu sync.Mutex
	hubs   = map[*tablespace.Tablespace]*notifyHub{}
)

// hubFor returns ts's registry, creating it.
func hubFor(ts *tablespace.Tablespace) *notifyHub {
	hubsMu.Lock()
	defer hubsMu.Unlock()
	h := hubs[ts]
	if h == nil {
		h = &notifyHub{listeners: map[*Session]*listener{}}
		hubs[ts] = h
	}
	return h
}

// SetNotificationSink sets where the session's notifications go. fn is called from the
// notifying session's goroutine (possibly this session's own, at its commit) and must not
// block.
func (s *Session) SetNotificationSink(fn func(Notification)) {
	s.notify.sink = fn
	if h := s.notify.hub; h != nil {
		h.mu.Lock()
		if l := h.listeners[s]; l != nil {
			l.sink = fn
		}
		h.mu.Unlock()
	}
}

// execNotifyStmt runs a notifyStmt.
func (s *Session) execNotifyStmt(_ context.Context, st *notifyStmt, out Output) error {
	switch st.kind {
	case "notify":
		if err := s.queueNotify(st.channel, st.payload); err != nil {
			return err
		}
		if s.tx == nil {
			if err := s.notifyRoom(); err != nil {
				s.notify.pending = s.notify.pending[:0]
				return err
			}
			s.deliverNotifications()
		}
		return out.Complete("NOTIFY")
	case "listen":
		if s.tx == nil {
			s.applyListen(*st)
		} else {
			s.notify.actions = append(s.notify.actions, *st)
		}
		return out.Complete("LISTEN")
	}
	if s.tx == nil {
		s.applyListen(*st)
	} else {
		s.notify.actions = append(s.notify.actions, *st)
	}
	return out.Complete("UNLISTEN")
}

// checkChannel refuses a channel name PostgreSQL refuses.
func checkChannel(channel string) error {
	switch {
	case channel == "":
		return Errorf("22023", "channel name cannot be empty")
	case len(channel) >= maxChannelName:
		return Errorf("22023", "channel name too long")
	}
	return nil
}

// queueNotify queues a notification for the commit of the session's transaction, unless an
// equal one is queued already.
func (s *Session) queueNotify(channel, payload string) error {
	if err := checkChannel(channel); err != nil {
		return err
	}
	if len(payload) >= maxNotifyPayload {
		return Errorf("22023", "payload string too long")
	}
	n := Notification{PID: s.set.pid, Channel: channel, Payload: payload}
	if !slices.Contains(s.notify.pending, n) {
		s.notify.pending = append(s.notify.pending, n)
	}
	return nil
}

// applyListen makes a LISTEN or UNLISTEN take effect.
func (s *Session) applyListen(st notifyStmt) {
	h := s.notify.hub
	if h == nil {
		if st.kind != "listen" {
			return
		}
		h = hubFor(s.ts)
		s.notify.hub = h
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	l := h.listeners[s]
	switch {
	case st.kind == "listen":
		if l == nil {
			l = &listener{sink: s.notify.sink, unread: &s.notify.unread}
			h.listeners[s] = l
		}
		if !slices.Contains(l.channels, st.channel) {
			l.channels = append(l.channels, st.channel)
		}
		return
	case l == nil:
		return
	case st.channel == "":
		l.channels = nil
	default:
		if i := slices.Index(l.channels, st.channel); i >= 0 {
			l.channels = slices.Delete(l.channels, i, i+1)
		}
	}
	if len(l.channels) == 0 {
		delete(h.listeners, s)
	}
}

// deliverNotifications sends what the transaction queued to the listeners: its commit
// succeeded (or there was no transaction). The hub's lock keeps each transaction's
// notifications together and in commit order for every listener.
func (s *Session) deliverNotifications() {
	pending := s.notify.pending
	s.notify.pending = s.notify.pending[:0]
	if len(pending) == 0 {
		return
	}
	hubsMu.Lock()
	h := hubs[s.ts]
	hubsMu.Unlock()
	if h == nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, n := range pending {
		for _, l := range h.listeners {
			if l.sink != nil && slices.Contains(l.channels, n.Channel) {
				l.unread.Add(noteSize(n))
				l.sink(n)
			}
		}
	}
}

// endTxnNotify applies the end of the explicit transaction: at a commit its LISTEN and
// UNLISTEN take effect, then its notifications go out (so a session that listened in the
// transaction hears its own); a rollback discards both.
func (s *Session) endTxnNotify(committed bool) {
	if committed {
		for _, a := range s.notify.actions {
			s.applyListen(a)
		}
		s.deliverNotifications()
	}
	s.notify.pending = s.notify.pending[:0]
	s.notify.actions = s.notify.actions[:0]
	s.notify.marks = s.notify.marks[:0]
}

// endAutocommitNotify ends a statement's own transaction: what it queued (pg_notify in a
// SELECT) goes out once it committed.
func (s *Session) endAutocommitNotify(committed bool) {
	if s.tx != nil || len(s.notify.pending) == 0 {
		return
	}
	if committed {
		s.deliverNotifications()
	}
	s.notify.pending = s.notify.pending[:0]
}

// savepointNotify records, at a new savepoint (the level-th live one, 1-based), what a
// ROLLBACK TO it keeps.
func (s *Session) savepointNotify(level int) {
	s.notify.marks = append(s.notify.marks[:level-1], notifyMark{len(s.notify.pending), len(s.notify.actions)})
}

// rollbackToNotify drops what the transaction queued since its level-th savepoint.
func (s *Session) rollbackToNotify(level int) {
	if level < 1 || level > len(s.notify.marks) {
		return
	}
	m := s.notify.marks[level-1]
	s.notify.pending = s.notify.pending[:min(m.pending, len(s.notify.pending))]
	s.notify.actions = s.notify.actions[:min(m.actions, len(s.notify.actions))]
	s.notify.marks = s.notify.marks[:level]
}

// closeNotify stops the session's listening: UNLISTEN * at its end.
func (s *Session) closeNotify() {
	h := s.notify.hub
	if h == nil {
		return
	}
	h.mu.Lock()
	delete(h.listeners, s)
	empty := len(h.listeners) == 0
	h.mu.Unlock()
	s.notify.hub = nil
	if empty {
		hubsMu.Lock()
		if hubs[s.ts] == h {
			h.mu.Lock()
			if len(h.listeners) == 0 {
				delete(hubs, s.ts)
			}
			h.mu.Unlock()
		}
		hubsMu.Unlock()
	}
}

// listeningChannels is pg_listening_channels(): the channels the session listens on.
func (s *Session) listeningChannels() []string {
	h := s.notify.hub
	if h == nil {
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if l := h.listeners[s]; l != nil {
		return slices.Clone(l.channels)
	}
	return nil
}

func init() {
	register([]builtin{
		{name: "pg_notify", vol: 'v', session: true, procs: []string{"3036: text, text -> void"}, build: buildPgNotify},
		{name: "pg_listening_channels", vol: 's', strict: true, session: true, retset: true,
			procs: []string{"3035: -> text"}, build: buildListeningChannels},
	})
}

// buildPgNotify is pg_notify(channel, payload): NOTIFY with computed arguments. A NULL
// channel is an empty one (refused), a NULL payload an empty one, as in PostgreSQL. Its
// result is void in PostgreSQL; here an empty text.
func buildPgNotify(c *funcCall) (*expr, error) {
	s := c.sc.params.sess
	ch, pl := c.args[0], c.args[1]
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		cv, err := ch.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		pv, err := pl.eval(row)
		if err != nil {
			return types.Value{}, err
		}
		channel, payload := "", ""
		if !cv.IsNull() {
			channel = cv.S
		}
		if !pv.IsNull() {
			payload = pv.S
		}
		return types.NewText(""), s.queueNotify(channel, payload)
	}}, nil
}

// buildListeningChannels is pg_listening_channels().
func buildListeningChannels(c *funcCall) (*expr, error) {
	s := c.sc.params.sess
	return srfExpr(c, &srfCall{typ: types.Text, start: func([]types.Value) (srfIter, error) {
		chans := s.listeningChannels()
		i := 0
		return func() (types.Value, bool) {
			if i >= len(chans) {
				return types.Value{}, false
			}
			i++
			return types.NewText(chans[i-1]), true
		}, nil
	}})
}

package pgwire

import (
	"context"
	"strings"
)

// A relayed session's LISTENs are part of the state the relay replays on a new upstream (the
// tablespace's new leader): they are logged with its SETs, under the key "listen <channel>",
// by the channel as written (a quoted name keeps its case), so that UNLISTEN removes them.
// An upstream lost while the session listens is replaced at once rather than at the client's
// next message (reconnectListener), since a listening client may send nothing for a long
// time. Notifications committed between the loss and the new LISTEN are not delivered.

// listenKey is the settingLog key of LISTEN or UNLISTEN q's channel.
func listenKey(q string) string {
	f := strings.Fields(strings.TrimSpace(q))
	if len(f) < 2 {
		return "listen "
	}
	ch := strings.Join(f[1:], " ")
	ch = strings.TrimRight(ch, "; \t\r\n")
	if !strings.HasPrefix(ch, `"`) {
		ch = strings.ToLower(ch)
	}
	return "listen " + ch
}

// isListenKey says whether a settingLog key is a LISTEN's.
func isListenKey(key string) bool { return strings.HasPrefix(key, "listen ") }

// keep keeps only the LISTEN entries (listens true) or only the others.
func (l *settingLog) keep(listens bool) {
	out := (*l)[:0]
	for _, e := range *l {
		if isListenKey(e.key) == listens {
			out = append(out, e)
		}
	}
	clear((*l)[len(out):])
	*l = out
}

// listening says whether the log has a LISTEN.
func (l settingLog) listening() bool {
	for _, e := range l {
		if isListenKey(e.key) {
			return true
		}
	}
	return false
}

// reconnectListener replaces a lost upstream at once for an idle session that listens, so
// that its LISTENs are in force on the new leader without waiting for the client to speak.
// On failure the next client message reconnects as usual.
func (p *proxy) reconnectListener(ctx context.Context) {
	if !p.sets.listening() {
		return
	}
	if err := p.connect(ctx); err != nil {
		p.log.Info("a listening session could not reach the new leader yet", "err", err)
	}
}

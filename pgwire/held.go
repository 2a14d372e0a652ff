package pgwire

import (
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// After the upstream is lost inside a transaction, the relay answers for the failed
// transaction itself, as PostgreSQL answers in one: the first statement gets 40001 (unless
// the client was told already, with the statement in flight), the others 25P02, until
// ROLLBACK (or COMMIT, answered ROLLBACK; a COMMIT the client sends before it was told gets
// the 40001 and ends the transaction too). Only then does the next message reconnect.

// heldQuery answers a simple Query inside a held transaction.
func (p *proxy) heldQuery(q string) {
	switch txExit(q) {
	case 'R':
		p.write(&pgproto3.CommandComplete{CommandTag: []byte("ROLLBACK")})
		p.endHeld()
	case 'C':
		if p.heldTold {
			p.write(&pgproto3.CommandComplete{CommandTag: []byte("ROLLBACK")})
		} else {
			p.write(errorResponse("ERROR", errLeaderChanged))
		}
		p.endHeld()
	default:
		p.write(errorResponse("ERROR", p.heldError()))
		p.tx = sql.TxFailed
	}
	p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
}

// heldError is the error a statement of the held transaction gets.
func (p *proxy) heldError() *sql.Error {
	if !p.heldTold {
		p.heldTold = true
		return errLeaderChanged
	}
	return errHeldAborted
}

func (p *proxy) endHeld() {
	p.held, p.heldTold = false, false
	p.tx = sql.TxIdle
	p.txSets = nil
}

// heldExtended answers an extended-protocol message inside a held transaction: a
// ROLLBACK or COMMIT goes through Parse, Bind, Describe and Execute; anything else fails
// and the rest is skipped to Sync.
func (p *proxy) heldExtended(m pgproto3.FrontendMessage) {
	if p.portals == nil {
		p.portals = make(map[string]string)
	}
	switch m := m.(type) {
	case *pgproto3.Parse:
		if txExit(m.Query) != 0 {
			p.portals["S"+m.Name] = m.Query
			p.write(&pgproto3.ParseComplete{})
			return
		}
	case *pgproto3.Bind:
		if q := p.heldStatement(m.PreparedStatement); txExit(q) != 0 {
			p.portals["P"+m.DestinationPortal] = q
			p.write(&pgproto3.BindComplete{})
			return
		}
	case *pgproto3.Describe:
		q := p.portals["P"+m.Name]
		if m.ObjectType == 'S' {
			q = p.heldStatement(m.Name)
		}
		if txExit(q) != 0 {
			if m.ObjectType == 'S' {
				p.write(&pgproto3.ParameterDescription{})
			}
			p.write(&pgproto3.NoData{})
			return
		}
	case *pgproto3.Execute:
		if txExit(p.portals["P"+m.Portal]) != 0 {
			if p.heldTold {
				p.write(&pgproto3.CommandComplete{CommandTag: []byte("ROLLBACK")})
				p.endHeld()
				return
			}
			p.endHeld()
			p.failBatch(errLeaderChanged)
			return
		}
	case *pgproto3.Close:
		p.write(&pgproto3.CloseComplete{})
		return
	}
	p.tx = sql.TxFailed
	p.failBatch(p.heldError())
}

// heldStatement is the text of a statement prepared in the held transaction, or before it.
func (p *proxy) heldStatement(name string) string {
	if q, ok := p.portals["S"+name]; ok {
		return q
	}
	if ps := p.stmts[name]; ps != nil {
		return ps.Query
	}
	return ""
}

// words splits a single statement into lower-case words; nil for several statements.
func words(q string) []string {
	q = strings.TrimRight(strings.TrimSpace(q), "; \t\r\n")
	if strings.ContainsRune(q, ';') {
		return nil
	}
	return strings.Fields(strings.ToLower(q))
}

// txExit classifies a statement that ends a transaction: 'R' for ROLLBACK or ABORT, 'C' for
// COMMIT or END, 0 for anything else (ROLLBACK TO SAVEPOINT and two-phase commands
// included).
func txExit(q string) byte {
	w := words(q)
	if len(w) == 0 {
		return 0
	}
	if len(w) > 1 && (w[1] == "to" || w[1] == "prepared") {
		return 0
	}
	switch w[0] {
	case "rollback", "abort":
		return 'R'
	case "commit", "end":
		return 'C'
	}
	return 0
}

// Kinds of statements that change what a new upstream must be told (classifySetting).
const (
	settingSet         = 'S' // SET name ... (not SET LOCAL): key is the name
	settingReset       = 'R' // RESET name
	settingResetAll    = 'A' // RESET ALL
	settingDiscardAll  = 'D' // DISCARD ALL: settings and prepared statements
	settingDeallocate  = 'X' // DEALLOCATE name, or ALL (key "")
	settingUnlistenAll = 'U' // UNLISTEN *: LISTEN and UNLISTEN are logged as "listen <channel>"
)

// classifySetting says whether a single statement changes session state the relay
// replays on a new upstream, and under which key.
func classifySetting(q string) (kind byte, key string) {
	w := words(q)
	if len(w) < 2 {
		return 0, ""
	}
	switch w[0] {
	case "set":
		name := w[1]
		switch name {
		case "local", "transaction", "constraints":
			return 0, ""
		case "session":
			if len(w) < 3 || w[2] == "authorization" {
				return 0, ""
			}
			name = w[2]
		}
		name, _, _ = strings.Cut(name, "=")
		return settingSet, name
	case "reset":
		if w[1] == "all" {
			return settingResetAll, ""
		}
		return settingReset, w[1]
	case "discard":
		if w[1] == "all" {
			return settingDiscardAll, ""
		}
	case "listen":
		return settingSet, listenKey(q)
	case "unlisten":
		if w[1] == "*" || w[1] == "*;" {
			return settingUnlistenAll, ""
		}
		return settingReset, listenKey(q)
	case "deallocate":
		name := w[1]
		if name == "prepare" && len(w) > 2 {
			name = w[2]
		}
		if name == "all" {
			name = ""
		}
		return settingDeallocate, name
	}
	return 0, ""
}

// settingLog is the SET statements in force, one per setting, oldest first.
type settingLog []settingEntry

type settingEntry struct{ key, stmt string }

func (l *settingLog) set(key, stmt string) {
	l.reset(key)
	*l = append(*l, settingEntry{key, stmt})
}

func (l *settingLog) reset(key string) {
	for i, e := range *l {
		if e.key == key {
			*l = append((*l)[:i], (*l)[i+1:]...)
			return
		}
	}
}

// apply records what q changes in the settings and returns its kind and key.
func (l *settingLog) apply(q string) (kind byte, key string) {
	kind, key = classifySetting(q)
	switch kind {
	case settingSet:
		l.set(key, q)
	case settingReset:
		l.reset(key)
	case settingDiscardAll:
		*l = nil
	case settingResetAll:
		l.keep(true) // RESET ALL does not UNLISTEN
	case settingUnlistenAll:
		l.keep(false)
	}
	return kind, key
}

func (l settingLog) stmts() []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.stmt
	}
	return out
}

// noteSettings records what a finished simple Query changed in the session: its SET and
// RESET statements (kept at once in autocommit, at COMMIT inside a transaction, dropped
// by a rollback) and DEALLOCATE/DISCARD of prepared statements.
func (p *proxy) noteSettings(head *inflight, status byte) {
	if head.query != "" && !head.failed {
		if head.txBefore == sql.TxIdle && status == sql.TxIdle {
			p.applySetting(head.query)
		} else if kind, _ := classifySetting(head.query); kind != 0 {
			p.txSets = append(p.txSets, head.query)
		}
	}
	if p.tx != sql.TxIdle && status == sql.TxIdle {
		if head.tag == "COMMIT" {
			for _, q := range p.txSets {
				p.applySetting(q)
			}
		}
		p.txSets = nil
	}
}

func (p *proxy) applySetting(q string) {
	switch kind, key := p.sets.apply(q); kind {
	case settingDiscardAll:
		clear(p.stmts)
	case settingDeallocate:
		if key == "" {
			clear(p.stmts)
		} else {
			delete(p.stmts, key)
		}
	}
}

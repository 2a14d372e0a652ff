package pgwire

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// A local session whose replica of the tablespace loses leadership gets NotLeaderError for
// its writes. When that happens to a simple Query in autocommit before it sent any result
// (nothing was applied), and the Router now sends the tablespace elsewhere, the connection
// switches to forwarding: the local session closes, a relay (forward.go) opens an upstream
// session on the leader with the same startup parameters, SET statements and named
// prepared statements, and the query is sent there; the client sees its answer, not the
// refusal. The same holds for an extended-protocol Execute that is the first of its
// autocommit batch (switchExecute): the unnamed statement's Parse and the portal's Bind go
// upstream again before it, the relay drops their replies, which the client already has,
// and relays the rest of the batch. To make that possible the local session remembers its SET statements as the
// relay does (noteSettings, a few byte comparisons per query unless the query starts with
// SET, RESET, DISCARD or DEALLOCATE). Named portals do not survive the switch, nor do
// settings changed by set_config() or by a SET inside a multi-statement query.

// noteSettings records what a successful simple Query changed in the session's settings.
func (c *conn) noteSettings(q string, txBefore byte) {
	status := c.session.TxStatus()
	if settingLike(q) {
		if txBefore == sql.TxIdle && status == sql.TxIdle {
			c.sets.apply(q)
		} else if status != sql.TxIdle {
			c.txSets = append(c.txSets, q)
		}
	}
	if txBefore != sql.TxIdle && status == sql.TxIdle {
		if c.out.tag == "COMMIT" {
			for _, s := range c.txSets {
				c.sets.apply(s)
			}
		}
		c.txSets = nil
	}
}

// settingLike is a cheap first look: does q start with SET, RESET, DISCARD, DEALLOCATE,
// LISTEN or UNLISTEN?
func settingLike(q string) bool {
	q = strings.TrimLeft(q, " \t\r\n")
	for _, w := range [...]string{"set", "reset", "discard", "deallocate", "listen", "unlisten"} {
		if len(q) > len(w) && strings.EqualFold(q[:len(w)], w) && strings.IndexByte(" \t\r\n", q[len(w)]) >= 0 {
			return true
		}
	}
	return false
}

// mustSwitch says whether a local statement's failure should move the session to the new
// leader: a NotLeaderError in autocommit, before any result, from a routing Backend. A
// session forwarded here never switches: its forwarding node retries, so sessions do not
// chain through former leaders.
func (c *conn) mustSwitch(err error, txBefore byte) bool {
	return txBefore == sql.TxIdle && !c.out.started && c.refusedNotLeader(err)
}

// refusedNotLeader says whether err is a NotLeaderError that leaves this session (local,
// on a routing Backend) idle, so that it may switch to forwarding.
func (c *conn) refusedNotLeader(err error) bool {
	if _, ok := c.srv.cfg.Backend.(Router); !ok || c.forwarded || c.out.copyIn != nil || err == nil {
		return false
	}
	e := toSQLError(err)
	return (isNotLeader(e.Code, e.Message) || isGone(e.Code, e.Message)) && c.session.TxStatus() == sql.TxIdle
}

// isGone reports the refusal of a session whose tablespace's replica closed here before the
// statement ran: if the tablespace lives on elsewhere, the session switches to its leader,
// else (dropped) the connection ends with the 57P01.
func isGone(code, message string) bool {
	return code == sessionGone && strings.Contains(message, sql.GoneMessage)
}

// noteLeaderMoved remembers that a statement's error, which goes to the client, said this
// node no longer leads the session's tablespace (a NotLeaderError the session could not
// switch on, such as an extended-protocol one, or a transaction's 40001 or 08007): once the
// session is idle, switchIfMoved moves it to the new leader, or its later statements would
// be refused here for good.
func (c *conn) noteLeaderMoved(err error) {
	if err == nil || c.forwarded {
		return
	}
	if _, ok := c.srv.cfg.Backend.(Router); !ok {
		return
	}
	if e := toSQLError(err); leaderMoved(e.Code, e.Message) {
		c.leaderMoved = true
	}
}

// switchIfMoved, at a ReadyForQuery, switches a session that noteLeaderMoved marked to
// forwarding when it is idle and the Router now names another node; true means it
// switched (the client's ReadyForQuery has been flushed).
func (c *conn) switchIfMoved(ctx context.Context) bool {
	if !c.leaderMoved || c.session.TxStatus() != sql.TxIdle {
		return false
	}
	if err := c.be.Flush(); err != nil {
		return false
	}
	c.leaderMoved = false
	return c.switchToForward(ctx, "")
}

// switchToForward makes the session a forwarded one and sends q to the leader (with q "",
// the session is idle: nothing is sent); false means it stays local (the leader is not
// known elsewhere yet, or cannot be reached) and the refusal goes to the client.
func (c *conn) switchToForward(ctx context.Context, q string) bool {
	p := c.switchProxy(ctx)
	if p == nil {
		return false
	}
	if q == "" {
		return true // what report queued goes out with the next reply
	}
	p.pending = append(p.pending, &inflight{query: q, txBefore: sql.TxIdle, started: time.Now()})
	p.sendUp(&pgproto3.Query{String: q})
	p.flushUp()
	return true
}

// switchProxy opens an upstream on the tablespace's leader elsewhere with the session's
// settings and named prepared statements, closes the local session and makes the
// connection a forwarded one; nil means it stays local.
func (c *conn) switchProxy(ctx context.Context) *proxy {
	router := c.srv.cfg.Backend.(Router)
	route, err := router.Route(ctx, c.user, c.database)
	if err != nil || route.Local() {
		return nil
	}
	p := newProxy(c, router, c.user, c.database, c.params)
	p.sets = c.sets
	for name, st := range c.statements {
		if name != "" {
			p.stmts[name] = &pgproto3.Parse{Name: name, Query: st.query, ParameterOIDs: st.declared}
		}
	}
	up, status, err := p.reach(ctx, &route)
	if err != nil {
		c.log.Info("the session cannot switch to the new leader", "node", route.Node, "err", err)
		return nil
	}
	c.log.Info("this node no longer leads the tablespace; forwarding the session", "node", route.Node)
	// What the session queued goes out first: ParameterStatus, and the replies to the
	// extended batch so far (ParseComplete, BindComplete, descriptions).
	if err := c.be.Flush(); err != nil {
		up.nc.Close()
		return nil
	}
	c.session.Close()
	c.session, c.batcher = nil, nil
	c.setForward(p)
	p.use(up)
	p.report(status)
	return p
}

// boundPortal is the last Bind of the extended batch, encoded: its parameters point into
// the connection's read buffer, which the next message overwrites. The buffer is reused, so
// keeping it costs a copy, not an allocation.
type boundPortal struct {
	raw       []byte
	portal    string
	statement string
}

func (b *boundPortal) forget() { b.raw = b.raw[:0] }

// keepBind remembers a Bind that succeeded, on a session that may switch.
func (c *conn) keepBind(m *pgproto3.Bind) {
	if _, ok := c.srv.cfg.Backend.(Router); !ok || c.forwarded {
		return
	}
	raw, err := m.Encode(c.lastBind.raw[:0])
	if err != nil {
		c.lastBind.forget()
		return
	}
	c.lastBind = boundPortal{raw: raw, portal: m.DestinationPortal, statement: m.PreparedStatement}
}

// executeOrSwitch runs an Execute; true means it was refused as not-leader where sending it
// to the new leader is safe, and the connection is now forwarded with it in flight there.
func (c *conn) executeOrSwitch(ctx context.Context, m *pgproto3.Execute) (bool, error) {
	first := !c.batchExec
	c.batchExec = true
	txBefore := c.session.TxStatus()
	c.out.started = false
	err := c.execute(ctx, m)
	if err == nil || !first || txBefore != sql.TxIdle || c.out.started || !c.refusedNotLeader(err) {
		return false, err
	}
	return c.switchExecute(ctx, m), err
}

// switchExecute moves the session to the new leader with the Execute the former leader
// refused: the first Execute of an autocommit batch, refused before any result, so nothing
// was applied. The upstream gets the unnamed statement's Parse again if the portal is bound
// to it (named ones are replayed as on any new upstream), the portal's Bind and the
// Execute; the relay drops their ParseComplete and BindComplete, which the client has
// already been sent, and relays the rest of the batch. false: the portal cannot be rebuilt
// there (it is not the batch's last Bind, or its statement changed or came from SQL's
// PREPARE), and the refusal goes to the client.
func (c *conn) switchExecute(ctx context.Context, m *pgproto3.Execute) bool {
	b := &c.lastBind
	pt, ok := c.portals[m.Portal]
	if len(b.raw) == 0 || b.portal != m.Portal || !ok {
		return false
	}
	s, ok := c.statement(b.statement)
	if !ok || s.query == "" || s.st != pt.st || (b.statement != "" && c.statements[b.statement] != s) {
		return false
	}
	var batch []byte
	swallow := 1
	if b.statement == "" {
		batch, _ = (&pgproto3.Parse{Query: s.query, ParameterOIDs: s.declared}).Encode(batch)
		swallow = 2
	}
	batch = append(batch, b.raw...)
	batch, _ = m.Encode(batch)
	p := c.switchProxy(ctx)
	if p == nil {
		return false
	}
	c.log.Debug("sending the refused Execute to the new leader")
	p.batch, p.batchExec = true, true
	p.batchRaw = append(make([]byte, 0, len(batch)+256), batch...)
	p.swallow, p.batchSwallow = swallow, swallow
	if b.statement == "" {
		p.unnamedEnd = mayEndTx(s.query)
	}
	p.upBuf = append(p.upBuf, batch...)
	p.flushUp()
	return true
}

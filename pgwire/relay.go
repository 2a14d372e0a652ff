package pgwire

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// maxNotLeaderRetries bounds the retries of one statement refused by a former leader.
const maxNotLeaderRetries = 20

// fromUpstream handles one message from the upstream; false ends the session.
func (p *proxy) fromUpstream(ctx context.Context, ev event) bool {
	if ev.err != nil {
		p.lost(ctx, ev.err)
		return true
	}
	if p.swallowed(ev.msg) {
		return true
	}
	var head *inflight
	if len(p.pending) > 0 {
		head = p.pending[0]
	}
	if head != nil && p.hold(head, ev.msg) {
		return true
	}
	switch m := ev.msg.(type) {
	case *pgproto3.ReadyForQuery:
		if head == nil {
			p.lost(ctx, errors.New("ReadyForQuery with nothing in flight"))
			return true
		}
		p.ready(ctx, head, m.TxStatus)
		return true
	case *pgproto3.ErrorResponse:
		if m.Severity == "FATAL" || m.SeverityUnlocalized == "FATAL" {
			if isShutdown(m.Code) {
				p.lost(ctx, errors.New(m.Message)) // the leader is going away: like a lost connection
				return true
			}
			p.write(m)
			return false
		}
		if leaderMoved(m.Code, m.Message) {
			p.stale = true
		}
		if head != nil {
			head.failed = true
			if (head.query != "" || head.batch != nil) && head.results == 0 && isNotLeader(m.Code, m.Message) && p.retryable(head) {
				held := *m
				head.notLead = &held
				return true
			}
			p.release(head)
			head.batch = nil
		}
	case *pgproto3.CommandComplete:
		if head != nil {
			head.tag = string(m.CommandTag)
			head.results++
		}
	case *pgproto3.CopyInResponse:
		p.copyIn = true
		if head != nil {
			head.results++
		}
	case *pgproto3.ParameterStatus:
		p.status[m.Name] = m.Value
	case *pgproto3.NoticeResponse, *pgproto3.NotificationResponse:
	case *pgproto3.BackendKeyData, *pgproto3.AuthenticationOk:
		return true // not after startup; nothing for the client
	default:
		if head != nil {
			head.results++
		}
	}
	p.write(ev.msg.(pgproto3.BackendMessage))
	return true
}

// swallowed drops the ParseComplete and BindComplete of a Parse and Bind the relay sent
// again after a switch (switchExecute): the client had them from the former leader.
func (p *proxy) swallowed(msg any) bool {
	if p.swallow == 0 {
		return false
	}
	switch msg.(type) {
	case *pgproto3.ParseComplete, *pgproto3.BindComplete:
		p.swallow--
		return true
	case *pgproto3.ErrorResponse, *pgproto3.ReadyForQuery:
		p.swallow = 0 // the rest of the batch is skipped upstream
	}
	return false
}

// mayEndTx says whether query text may commit a transaction: it has the word COMMIT or END
// (PostgreSQL's synonym) anywhere. A false positive costs only a 08007 where a 40001 would
// do; a false negative would tell a client that its committed transaction rolled back.
func mayEndTx(q string) bool {
	for i := 0; i < len(q); {
		if !isWordByte(q[i]) {
			i++
			continue
		}
		j := i
		for j < len(q) && isWordByte(q[j]) {
			j++
		}
		if w := q[i:j]; strings.EqualFold(w, "commit") || strings.EqualFold(w, "end") {
			return true
		}
		i = j
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// isShutdown reports the codes of a server that is going away.
func isShutdown(code string) bool { return code == "57P01" || code == "57P02" || code == "57P03" }

// retryable says whether a statement refused as not-leader may be sent again: it ran in
// autocommit and its retries have time left.
func (p *proxy) retryable(f *inflight) bool {
	return f.txBefore == sql.TxIdle && f.retries < maxNotLeaderRetries && time.Since(f.started) < retryBudget
}

// ready ends the oldest sync point: the client gets its ReadyForQuery, or the statement is
// retried on the new leader.
func (p *proxy) ready(ctx context.Context, head *inflight, status byte) {
	p.pending = p.pending[1:]
	p.copyIn = false
	if head.notLead != nil {
		if len(p.pending) == 0 && !p.batch && status == sql.TxIdle {
			p.retry(ctx, head)
			return
		}
		p.release(head)
		p.write(head.notLead)
	}
	p.release(head)
	p.noteSettings(head, status)
	p.tx = status
	p.write(&pgproto3.ReadyForQuery{TxStatus: status})
	p.dropIfStale()
}

// dropIfStale closes an upstream that said it no longer leads (an error that reached the
// client: inside a transaction, say, where a statement is not retried) once the session is
// idle there, so the next statement asks the Router again instead of being refused by the
// former leader for good.
func (p *proxy) dropIfStale() {
	if !p.stale || p.tx != sql.TxIdle || len(p.pending) > 0 || p.batch || p.copyIn {
		return
	}
	p.log.Debug("the upstream no longer leads the tablespace; routing the next statement again")
	p.stale = false
	p.drop()
}

// retry sends a statement the former leader refused to the tablespace's leader now. The
// refusal came before any result, in autocommit, so nothing was applied.
func (p *proxy) retry(ctx context.Context, head *inflight) {
	p.drop()
	p.stale = false
	time.Sleep(retryDelay(head.retries))
	if time.Since(head.started) < retryBudget && p.reconnectFor(ctx, head) == nil {
		p.log.Debug("retrying a statement on the new leader", "retries", head.retries+1)
		head.notLead, head.failed, head.results, head.heldOut = nil, false, 0, head.heldOut[:0]
		head.retries++
		p.swallow = head.swallow
		p.pending = append(p.pending, head)
		if head.query != "" {
			p.sendUp(&pgproto3.Query{String: head.query})
		} else {
			p.upBuf = append(p.upBuf, head.batch...)
			p.sendUp(&pgproto3.Sync{})
		}
		p.flushUp()
		return
	}
	p.release(head)
	p.write(head.notLead)
	p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
}

// reconnectFor reconnects to send head again: the statements its batch parses are not
// prepared ahead of it, or the batch's own Parse would find them already there.
func (p *proxy) reconnectFor(ctx context.Context, head *inflight) error {
	saved := make(map[string]*pgproto3.Parse, len(head.parsed))
	for _, name := range head.parsed {
		if ps, ok := p.stmts[name]; ok {
			saved[name] = ps
			delete(p.stmts, name)
		}
	}
	err := p.connect(ctx)
	for name, ps := range saved {
		p.stmts[name] = ps
	}
	return err
}

// hold keeps back the replies of a batch that may be sent again (ParseComplete and the
// like, which a retry would repeat) until a result shows the batch ran; true means msg was
// kept.
func (p *proxy) hold(head *inflight, msg any) bool {
	if head.batch == nil || head.results > 0 {
		return false
	}
	// A batch that executes nothing has no result to wait for: its replies are held to the
	// end, so that resendUnexecuted can send it again.
	switch m := msg.(type) {
	case *pgproto3.ParseComplete, *pgproto3.BindComplete, *pgproto3.ParameterDescription,
		*pgproto3.RowDescription, *pgproto3.NoData, *pgproto3.CloseComplete:
		if b, err := m.(pgproto3.BackendMessage).Encode(head.heldOut); err == nil {
			head.heldOut = b
		}
		return true
	case *pgproto3.ErrorResponse, *pgproto3.ReadyForQuery, *pgproto3.NoticeResponse,
		*pgproto3.ParameterStatus, *pgproto3.NotificationResponse:
		return false
	}
	p.release(head) // a result: the batch ran, its replies go out in order
	head.batch = nil
	return false
}

// release sends what hold kept back.
func (p *proxy) release(head *inflight) {
	p.out = append(p.out, head.heldOut...)
	head.heldOut = head.heldOut[:0]
}

// resendUnexecuted sends a batch that was in flight when the upstream was lost to a new
// one, when that is safe: the batch executes nothing (a Parse and Describe, as a driver
// preparing a statement sends), in autocommit, with no reply given yet. Its replies were
// held (hold), so the client sees them once.
func (p *proxy) resendUnexecuted(ctx context.Context) bool {
	if len(p.pending) != 1 || p.batch {
		return false
	}
	head := p.pending[0]
	if head.batch == nil || head.executes || head.results > 0 || head.txBefore != sql.TxIdle || time.Since(head.started) > retryBudget {
		return false
	}
	if p.reconnectFor(ctx, head) != nil {
		return false
	}
	p.log.Debug("sending a batch that executes nothing to the new upstream")
	head.heldOut = head.heldOut[:0]
	p.upBuf = append(p.upBuf, head.batch...)
	p.sendUp(&pgproto3.Sync{})
	p.flushUp()
	return true
}

// lost handles the loss of the upstream: nothing in flight outside a transaction is
// invisible to the client; a statement in flight gets 08007, a transaction 40001 (and is
// held failed until the client ends it).
func (p *proxy) lost(ctx context.Context, err error) {
	p.log.Info("connection to the leader lost", "err", err, "in_flight", len(p.pending), "tx", string(p.tx))
	wasCopy := p.copyIn
	p.drop()
	p.stale = false
	if p.resendUnexecuted(ctx) {
		return
	}
	if len(p.pending) == 0 && !p.batch {
		if p.tx != sql.TxIdle {
			p.held, p.heldTold = true, false
		} else {
			p.reconnectListener(ctx)
		}
		return
	}
	for i, f := range p.pending {
		e := errOutcomeUnknown
		switch {
		case p.held:
			e = errHeldAborted
		case f.mayEnd:
			// A COMMIT was in flight: it may have committed. Either way the transaction is
			// over (a leader that lost the session rolls it back), so the client is idle.
			e = errOutcomeUnknown
		case f.txBefore != sql.TxIdle:
			e = errLeaderChanged
			p.held, p.heldTold = true, true
		case f.notLead != nil:
			// Refused, so not applied; its ReadyForQuery did not come.
			e = &sql.Error{Code: f.notLead.Code, Message: f.notLead.Message, Hint: f.notLead.Hint}
		}
		p.release(f)
		p.write(errorResponse("ERROR", e))
		p.tx = sql.TxIdle
		if p.held {
			p.tx = sql.TxFailed
		}
		if i == 0 && wasCopy && !p.copyEnded {
			p.copyDrain = true // its ReadyForQuery follows the client's CopyDone or CopyFail
			continue
		}
		p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
	}
	p.pending = nil
	if p.batch {
		switch {
		case p.held:
			p.failBatch(errHeldAborted)
		case p.tx != sql.TxIdle && p.batchExec && p.batchEnds:
			// Its Execute of a COMMIT may have run: as for a COMMIT in flight.
			p.tx = sql.TxIdle
			p.failBatch(errOutcomeUnknown)
		case p.tx != sql.TxIdle:
			p.held, p.heldTold = true, true
			p.tx = sql.TxFailed
			p.failBatch(errLeaderChanged)
		default:
			p.failBatch(errOutcomeUnknown)
		}
	}
}

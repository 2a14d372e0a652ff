package pgwire

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// maxNotLeaderRetries bounds the retries of one statement refused by a former leader.
const maxNotLeaderRetries = 20

// fromUpstream handles one message from the upstream; false ends the session.
func (p *proxy) fromUpstream(ctx context.Context, ev event) bool {
	if ev.err != nil {
		p.lost(ev.err)
		return true
	}
	var head *inflight
	if len(p.pending) > 0 {
		head = p.pending[0]
	}
	switch m := ev.msg.(type) {
	case *pgproto3.ReadyForQuery:
		if head == nil {
			p.lost(errors.New("ReadyForQuery with nothing in flight"))
			return true
		}
		p.ready(ctx, head, m.TxStatus)
		return true
	case *pgproto3.ErrorResponse:
		if m.Severity == "FATAL" || m.SeverityUnlocalized == "FATAL" {
			if isShutdown(m.Code) {
				p.lost(errors.New(m.Message)) // the leader is going away: like a lost connection
				return true
			}
			p.write(m)
			return false
		}
		if head != nil {
			head.failed = true
			if head.query != "" && head.results == 0 && isNotLeader(m.Code, m.Message) && p.retryable(head) {
				held := *m
				head.notLead = &held
				return true
			}
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
	case *pgproto3.NoticeResponse, *pgproto3.ParameterStatus, *pgproto3.NotificationResponse:
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
		p.write(head.notLead)
	}
	p.noteSettings(head, status)
	p.tx = status
	p.write(&pgproto3.ReadyForQuery{TxStatus: status})
}

// retry sends a statement the former leader refused to the tablespace's leader now. The
// refusal came before any result, in autocommit, so nothing was applied.
func (p *proxy) retry(ctx context.Context, head *inflight) {
	p.drop()
	time.Sleep(retryDelay(head.retries))
	if time.Since(head.started) < retryBudget {
		if err := p.connect(ctx); err == nil {
			p.log.Debug("retrying a statement on the new leader", "retries", head.retries+1)
			head.notLead, head.failed, head.results = nil, false, 0
			head.retries++
			p.pending = append(p.pending, head)
			p.sendUp(&pgproto3.Query{String: head.query})
			p.flushUp()
			return
		}
	}
	p.write(head.notLead)
	p.write(&pgproto3.ReadyForQuery{TxStatus: p.tx})
}

// lost handles the loss of the upstream: nothing in flight outside a transaction is
// invisible to the client; a statement in flight gets 08007, a transaction 40001 (and is
// held failed until the client ends it).
func (p *proxy) lost(err error) {
	p.log.Info("connection to the leader lost", "err", err, "in_flight", len(p.pending), "tx", string(p.tx))
	wasCopy := p.copyIn
	p.drop()
	if len(p.pending) == 0 && !p.batch {
		if p.tx != sql.TxIdle {
			p.held, p.heldTold = true, false
		}
		return
	}
	for i, f := range p.pending {
		e := errOutcomeUnknown
		switch {
		case p.held:
			e = errHeldAborted
		case f.txBefore != sql.TxIdle:
			e = errLeaderChanged
			p.held, p.heldTold = true, true
		case f.notLead != nil:
			// Refused, so not applied; its ReadyForQuery did not come.
			e = &sql.Error{Code: f.notLead.Code, Message: f.notLead.Message, Hint: f.notLead.Hint}
		}
		p.write(errorResponse("ERROR", e))
		p.tx = sql.TxIdle
		if p.held {
			p.tx = sql.TxFailed
		}
		if i == 0 && wasCopy {
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
		case p.tx != sql.TxIdle:
			p.held, p.heldTold = true, true
			p.tx = sql.TxFailed
			p.failBatch(errLeaderChanged)
		default:
			p.failBatch(errOutcomeUnknown)
		}
	}
}

package pgwire

import (
	"context"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// The extended protocol's implicit transaction (sql.Batcher, sql/batch.go). The Executes
// from one Sync to the next, outside a transaction block, run in one transaction that the
// session commits at Sync, before ReadyForQuery; an error rolls it back and the loop skips
// to Sync. The Execute that opens it (the first of its batch, run to completion) has its
// CommandComplete held (output.held): if the Sync comes next, the commit decides it, and a
// commit refused because this node no longer leads is that statement's 25006, with nothing
// of it shown, which switches the session to the new leader here (switchSync) or is retried
// by the relay of a forwarded one, as an autocommitted statement's refusal was. Any other
// message first shows it (showHeld), and the batch's later refusals are its 40001.

// runHeld runs the statement of portal p (named name) for an Execute without a row limit,
// holding its CommandComplete when it opens the batch's implicit transaction.
func (c *conn) runHeld(ctx context.Context, name string, p *portal) error {
	if c.batcher == nil {
		return c.session.ExecPrepared(ctx, p.st, p.args, &c.out)
	}
	c.out.holding = true
	opened, err := c.batcher.ExecBatched(ctx, p.st, p.args, &c.out, true)
	c.out.holding = false
	switch {
	case err != nil:
		c.out.held = false
	case opened:
		c.heldPortal = name
	default:
		c.out.release()
	}
	return err
}

// runPortal runs the statement of portal p into out, in the batch's implicit transaction
// (a portal read a few rows at a time, whose rows go out before the commit).
func (c *conn) runPortal(ctx context.Context, p *portal, out sql.Output) error {
	if c.batcher == nil {
		return c.session.ExecPrepared(ctx, p.st, p.args, out)
	}
	_, err := c.batcher.ExecBatched(ctx, p.st, p.args, out, false)
	return err
}

// endsBatch reports the messages before which a held CommandComplete is not shown: the
// Sync, which commits first, and Terminate, which rolls back.
func endsBatch(msg pgproto3.FrontendMessage) bool {
	switch msg.(type) {
	case *pgproto3.Sync, *pgproto3.Terminate:
		return true
	}
	return false
}

// showHeld sends the held CommandComplete as the batch goes on past its first Execute; an
// error (its reads could not be confirmed) is the batch's, and the result is not sent.
func (c *conn) showHeld(ctx context.Context) error {
	err := c.batcher.ShowBatch(c.running(ctx))
	c.idle()
	if err != nil {
		c.out.held = false
		return err
	}
	c.out.release()
	return nil
}

// sync answers a Sync: the batch's implicit transaction commits, then ReadyForQuery. false
// means the loop ends: the session switched to forwarding, or the connection must close.
func (c *conn) sync(ctx context.Context) bool {
	held := c.out.held
	if !held {
		c.syncPortal() // a live portal runs in the transaction: it stops before the commit
	}
	// Inside an explicit transaction there is nothing to commit: no need to be cancellable.
	if c.batcher != nil && c.batchExec && c.session.TxStatus() == sql.TxIdle {
		err := c.batcher.SyncBatch(c.running(ctx))
		c.idle()
		if err != nil {
			if c.shutDown(err) {
				return false
			}
			if held && !c.out.started && c.refusedNotLeader(err) && c.switchSync(ctx) {
				return false
			}
			if e := toSQLError(err); !isNotLeader(e.Code, e.Message) {
				c.out.release() // as PostgreSQL: the Execute completed, its commit failed
			}
			c.out.held = false
			c.noteLeaderMoved(err)
			c.be.Send(errorResponse("ERROR", toSQLError(err)))
		}
	}
	c.out.release()
	if held {
		c.syncPortal()
	}
	c.batchExec = false
	c.lastBind.forget()
	c.sendNotes()
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: c.session.TxStatus()})
	return !c.switchIfMoved(ctx)
}

// switchSync moves the session to the new leader with the batch whose commit this node
// refused at Sync: its one Execute, its CommandComplete held, so nothing of it was applied
// or shown. The Execute goes upstream as switchExecute sends a refused one, then the Sync.
func (c *conn) switchSync(ctx context.Context) bool {
	if !c.switchExecute(ctx, &pgproto3.Execute{Portal: c.heldPortal}) {
		return false
	}
	c.out.held = false
	c.fwd.sync()
	return true
}

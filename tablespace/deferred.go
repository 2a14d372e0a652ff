package tablespace

import (
	"context"
	"maps"
	"slices"

	"github.com/drovedb/drove/types"
)

// Deferrable constraints (DEFERRABLE [INITIALLY DEFERRED], types.Constraint): the constraint
// hook leaves the check of a deferred one here (Defer) instead of making it at the write or
// at the end of the statement; Commit runs what is left before it appends the write set, so
// a violation fails the commit and the transaction rolls back, as PostgreSQL's deferred
// triggers fire at COMMIT. SET CONSTRAINTS changes, for the rest of the transaction, which
// deferrable constraints are deferred (SetConstraints) and makes the pending checks of those
// it makes immediate at once (RunDeferred). A check re-reads the state it judges (the row
// it was queued for may be gone by then), so running it late or twice is harmless.

// txnDeferral is a transaction's deferred checks and SET CONSTRAINTS modes; nil until used.
type txnDeferral struct {
	checks []deferredCheck
	modes  constraintModes
}

type deferredCheck struct {
	table      string // the table whose write queued it
	constraint string
	fn         func(context.Context) error
}

// constraintModes is what SET CONSTRAINTS said: all (when set) for every deferrable
// constraint, then named ones by constraint name, later statements overriding earlier.
type constraintModes struct {
	all   *bool
	named map[string]bool
}

func (m constraintModes) clone() constraintModes {
	m.named = maps.Clone(m.named)
	return m
}

// ConstraintDeferred says whether a deferrable constraint's check waits for the commit (or
// for SET CONSTRAINTS ... IMMEDIATE) in this transaction.
func (tx *Txn) ConstraintDeferred(c *types.Constraint) bool {
	if !c.Deferrable {
		return false
	}
	if d := tx.deferral; d != nil {
		if v, ok := d.modes.named[c.Name]; ok {
			return v
		}
		if d.modes.all != nil {
			return *d.modes.all
		}
	}
	return c.Deferred
}

// SetConstraints is SET CONSTRAINTS: names nil means ALL. It does not run checks
// (RunDeferred does).
func (tx *Txn) SetConstraints(names []string, deferred bool) {
	if tx.deferral == nil {
		tx.deferral = &txnDeferral{}
	}
	m := &tx.deferral.modes
	if names == nil {
		m.all, m.named = &deferred, nil
		return
	}
	if m.named == nil {
		m.named = make(map[string]bool, len(names))
	}
	for _, n := range names {
		m.named[n] = deferred
	}
}

// Defer queues the check of deferred constraint name, of a write to table, for the commit.
func (tx *Txn) Defer(table, name string, fn func(context.Context) error) {
	if tx.deferral == nil {
		tx.deferral = &txnDeferral{}
	}
	tx.deferral.checks = append(tx.deferral.checks, deferredCheck{table, name, fn})
}

// PendingOn reports whether a deferred check of a write to table is queued: PostgreSQL's
// pending trigger events on it, which refuse its TRUNCATE.
func (tx *Txn) PendingOn(table string) bool {
	if tx.deferral == nil {
		return false
	}
	for _, c := range tx.deferral.checks {
		if c.table == table {
			return true
		}
	}
	return false
}

// RunDeferred runs the pending checks of the constraints named (all when names is nil), in
// the order they were queued, and forgets them; the first error is returned.
func (tx *Txn) RunDeferred(ctx context.Context, names []string) error {
	d := tx.deferral
	if d == nil || len(d.checks) == 0 {
		return nil
	}
	var run []deferredCheck
	if names == nil {
		run, d.checks = d.checks, nil
	} else {
		keep := d.checks[:0:0]
		for _, c := range d.checks {
			if slices.Contains(names, c.constraint) {
				run = append(run, c)
			} else {
				keep = append(keep, c)
			}
		}
		d.checks = keep
	}
	for _, c := range run {
		if err := c.fn(ctx); err != nil {
			return err
		}
	}
	return nil
}

// deferralMark is the deferred state a savepoint restores: the checks queued and the modes.
// checks is the queue itself, capped at its length so an append after it copies: RunDeferred
// (SET CONSTRAINTS ... IMMEDIATE) replaces the queue rather than editing it, and a rollback
// puts back the checks it ran since the savepoint, as PostgreSQL un-fires the deferred
// events an aborted subtransaction fired (running a check again is harmless).
type deferralMark struct {
	checks []deferredCheck
	modes  constraintModes
	set    bool
}

func (tx *Txn) markDeferral() deferralMark {
	if tx.deferral == nil {
		return deferralMark{}
	}
	c := tx.deferral.checks
	if len(c) == 0 {
		c = nil
	}
	return deferralMark{checks: c[:len(c):len(c)], modes: tx.deferral.modes.clone(), set: true}
}

// rollbackDeferral drops the checks queued since the mark and restores SET CONSTRAINTS's
// modes, as PostgreSQL does for an aborted subtransaction.
func (tx *Txn) rollbackDeferral(mk deferralMark) {
	d := tx.deferral
	if d == nil {
		return
	}
	if !mk.set {
		tx.deferral = nil
		return
	}
	if n := len(mk.checks); n > 0 && len(d.checks) > n && &d.checks[0] == &mk.checks[0] {
		clear(d.checks[n:]) // the checks queued since, in the array the mark shares
	}
	d.checks = mk.checks
	d.modes = mk.modes.clone()
}

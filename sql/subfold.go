package sql

// PostgreSQL's planner simplifies an expression (eval_const_expressions) before it plans the
// subqueries in it (SS_process_sublinks), so a subquery the simplification drops is never
// planned: (SELECT make_time(25, 60, 0)) - NULL::interval is NULL, a strict operator with a
// NULL constant operand, although planning the subquery would fail folding make_time. drove
// binds a subquery as it compiles the expression around it, so the error of a constant that
// fails to fold inside it is pending rather than raised (foldFailed, a scope with sublink
// set): recorded on the statement's params and carried by the subquery's expression (pend),
// and by the expressions built on it (fold, stable). An expression that drops its inputs (a
// strict one with a NULL constant input, foldStrict) marks theirs dropped; the ones left are
// the statement's error once it is bound (bindWith, planError). An expression that does not
// pass pend on leaves its subquery's error raised, as before.

// pendingErr is one subquery's folding error, or a group of them (more).
type pendingErr struct {
	err     error
	dropped bool
	more    []*pendingErr
}

// pendingList is every pending error of a statement, in the order they were found.
type pendingList struct{ all []*pendingErr }

func (p *pendingErr) drop() {
	p.dropped = true
	for _, m := range p.more {
		m.drop()
	}
}

// addPending records the error of a constant that failed to fold inside a subquery.
func (ps *params) addPending(err error) {
	if ps.pending == nil {
		ps.pending = &pendingList{}
	}
	ps.pending.all = append(ps.pending.all, &pendingErr{err: err})
}

func (ps *params) pendingLen() int {
	if ps == nil || ps.pending == nil {
		return 0
	}
	return len(ps.pending.all)
}

// pendingSince groups the errors recorded since pendingLen returned mark; nil if none were.
func (ps *params) pendingSince(mark int) *pendingErr {
	if ps.pendingLen() <= mark {
		return nil
	}
	return &pendingErr{dropped: true, more: append([]*pendingErr(nil), ps.pending.all[mark:]...)}
}

// pendingError is the first pending error no expression dropped, nil if none.
func (ps *params) pendingError() error {
	if ps.pending == nil {
		return nil
	}
	for _, p := range ps.pending.all {
		if !p.dropped {
			return p.err
		}
	}
	return nil
}

// raisePending ends binding the statement: its first pending error is its error, or, for a
// statement being prepared, recorded to raise when it runs (params.deferFold).
func (ps *params) raisePending() error {
	err := ps.pendingError()
	if err == nil {
		return nil
	}
	if ps.deferFold {
		if ps.foldErr == nil {
			// A copy, so that only this branch moves an error to the heap: taking err's
			// address made every call allocate.
			deferred := err
			ps.foldErr = &deferred
		}
		return nil
	}
	return err
}

// passPending gives x the pending errors of its inputs.
func passPending(x *expr, inputs []*expr) {
	var more []*pendingErr
	for _, in := range inputs {
		if in.pend != nil {
			more = append(more, in.pend)
		}
	}
	switch len(more) {
	case 0:
	case 1:
		x.pend = more[0]
	default:
		x.pend = &pendingErr{dropped: true, more: more}
	}
}

// dropPending marks the pending errors of inputs an expression dropped.
func dropPending(inputs []*expr) {
	for _, in := range inputs {
		if in.pend != nil {
			in.pend.drop()
		}
	}
}

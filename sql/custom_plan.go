package sql

import "github.com/drovedb/drove/types"

// customPlans is how many custom plans PostgreSQL's plan cache builds for a statement with
// parameters before it tries a generic one (plancache.c's choose_custom_plan).
const customPlans = 5

// planError is the error PostgreSQL's planner raises planning the prepared statement st to
// run with the parameter values args, nil if planning succeeds. drove binds a prepared
// statement once, generically; a constant of it that failed to fold (1/0) was recorded then
// (params.foldErr). PostgreSQL plans a statement with parameters with their values
// substituted (a custom plan) for its first five runs, or always under plan_cache_mode
// force_custom_plan: its constant folding then drops a CASE arm, an OR's or AND's operand or
// a COALESCE argument the values rule out before it folds them, so CASE WHEN $1 THEN 1/0 END
// run with false is NULL. From the sixth run (or under force_generic_plan, or without
// parameters) it builds the generic plan, which raises the error, on every run since the
// failed plan is not kept. The custom plan is what runs: the generic one would compute what
// the custom one dropped ((SELECT 1/0) + $1 with NULL).
//
// A statement whose generic plan did not fail but which computes something from constants
// and parameters alone (1/$1, params.customFold) is planned with its values too while
// PostgreSQL would build custom plans, as the custom plan's folding may fail (SELECT 1/$1
// FROM t run with 0 is 22012 even when t has no rows, or under WHERE false).
func (s *Session) planError(st *Statement, args []types.Value) (*plan, error) {
	p := st.plan
	if p == nil || p.params.foldErr == nil && !p.params.customFold {
		return nil, nil
	}
	var generic error
	if p.params.foldErr != nil {
		generic = *p.params.foldErr
	}
	if len(args) != len(p.params.types) || !s.customRun(st) {
		return nil, generic
	}
	ps := &params{types: append([]types.Type(nil), p.params.types...), vals: args, sess: s,
		deferFold: true, custom: true}
	cp, err := s.bindStatement(st, ps)
	if err == nil {
		err = ps.raisePending()
	}
	if err != nil {
		return nil, st.locateBindError(err)
	}
	if ps.foldErr != nil {
		return nil, *ps.foldErr
	}
	if cp != nil {
		cp.params = ps
		cp.deps = append(cp.deps, ps.deps...)
		cp.sizes, cp.views, cp.tempEpoch, cp.tempPath = ps.sizes, ps.views, s.tempEpoch, s.tempPathKey()
	}
	return cp, nil
}

// customRun reports whether PostgreSQL's plan cache plans this run of st with its
// parameters' values (choose_custom_plan): never without parameters or under
// force_generic_plan, always under force_custom_plan, else while it has built fewer than
// five custom plans. Session.run counts them (customPlans), so pg_prepared_statements shows
// PostgreSQL's custom_plans and generic_plans. After five, PostgreSQL builds the generic
// plan unless its estimated cost exceeds the custom plans' average: drove has one plan, and
// counts the generic one.
func (s *Session) customRun(st *Statement) bool {
	if st.plan == nil || len(st.plan.params.types) == 0 {
		return false
	}
	switch mode, _ := s.setting("plan_cache_mode"); mode {
	case "force_generic_plan":
		return false
	case "force_custom_plan":
		return true
	}
	return st.customPlans < customPlans
}

// markParamFold marks x, whose inputs are not all constants, as a constant but for
// parameters when each of its inputs is one (a constant, a parameter or such an
// expression), and its statement as one a custom plan would fold more of.
func markParamFold(x *expr, inputs []*expr) {
	var p *params
	for _, in := range inputs {
		switch {
		case in.param > 0 || in.paramFold:
			p = in.params
		case !isConst(in):
			return
		}
	}
	if p != nil && !p.custom {
		x.paramFold, x.params = true, p
		p.customFold = true
	}
}

package sql

import (
	"fmt"

	"github.com/drovedb/drove/types"
)

// The hypothetical-set aggregates rank, dense_rank, percent_rank and cume_dist called WITHIN
// GROUP (ORDER BY keys): the rank the row of their direct arguments would have among the
// group's rows sorted by the keys, as PostgreSQL's orderedsetaggs.c computes it. The dialect
// pass writes them as any call with WITHIN GROUP (a marker-agg); the kept rows come sorted
// by the keys (aggCall.result), and the hypothetical row is compared to each.

// hypotheticalAggregates are the hypothetical-set aggregates.
var hypotheticalAggregates = map[string]bool{"rank": true, "dense_rank": true, "percent_rank": true, "cume_dist": true}

// bindHypothetical binds a hypothetical-set aggregate: one direct argument per ORDER BY key,
// each pair resolved to a common type (42804 when there is none), as PostgreSQL does.
func (c *aggCall) bindHypothetical() error {
	if len(c.direct) != len(c.args) {
		all := append(append([]*expr(nil), c.direct...), c.args...)
		if err := unknownAsText(all); err != nil {
			return err
		}
		return &Error{Code: "42883", Message: "function " + callText(c.name, all) + " does not exist",
			Hint: fmt.Sprintf("To use the hypothetical-set aggregate %s, the number of hypothetical direct arguments (here %d) must match the number of ordering columns (here %d).",
				c.name, len(c.direct), len(c.args))}
	}
	for i := range c.args {
		xs, _, err := commonTypeOf("WITHIN GROUP", []*expr{c.args[i], c.direct[i]}, nil)
		if err != nil {
			return err
		}
		c.args[i], c.direct[i] = xs[0], xs[1]
	}
	c.typ = types.Int64
	if c.name == "percent_rank" || c.name == "cume_dist" {
		c.typ = types.Float64
	}
	name, sort := c.name, c.sort
	c.newAcc = func(direct []types.Value) (aggAcc, error) {
		return &hypotheticalAcc{name: name, sort: sort, row: direct}, nil
	}
	return nil
}

// hypotheticalAcc counts the sorted rows before the hypothetical one (rank), also its peers
// (cume_dist), or the distinct rows before it (dense_rank).
type hypotheticalAcc struct {
	name         string
	sort         []sortKey
	row          []types.Value // the direct arguments
	rows, before int64
	prev         []types.Value
}

func (a *hypotheticalAcc) add(args []types.Value) (int64, error) {
	a.rows++
	c := compareRows(a.sort, args, a.row)
	switch a.name {
	case "cume_dist":
		if c <= 0 {
			a.before++
		}
	case "dense_rank":
		if c < 0 && (a.prev == nil || compareRows(a.sort, a.prev, args) != 0) {
			a.before++
		}
		a.prev = args
	default:
		if c < 0 {
			a.before++
		}
	}
	return 0, nil
}

func (a *hypotheticalAcc) result() (types.Value, error) {
	switch a.name {
	case "percent_rank": // (rank - 1) / rows, 0 over no rows
		if a.rows == 0 {
			return types.NewFloat(types.Float64, 0), nil
		}
		return types.NewFloat(types.Float64, float64(a.before)/float64(a.rows)), nil
	case "cume_dist": // rows up to and with the hypothetical one's peers, itself counted
		return types.NewFloat(types.Float64, float64(a.before+1)/float64(a.rows+1)), nil
	}
	return types.NewInt(types.Int64, a.before+1), nil
}

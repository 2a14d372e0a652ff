package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// The marker-agg rule. vitess parses an aggregate's DISTINCT and ORDER BY only in MySQL's
// GROUP_CONCAT, so PostgreSQL's aggregates that drove binds itself are written as one:
// array_agg(DISTINCT x ORDER BY y) → group_concat(distinct x order by y separator
// '\0agg:array_agg'), which vitess parses as an aggregate and the binder reads by the marker
// (aggregate_calls.go). An ordered-set aggregate's WITHIN GROUP (ORDER BY x) becomes the
// call's ORDER BY, after a first argument that marks it: percentile_cont(0.5) WITHIN GROUP
// (ORDER BY x) → group_concat('\0within', 0.5 order by x separator '\0agg:percentile_cont').
// vitess has no OVER after GROUP_CONCAT but has one after count(a, b, ...): a call followed
// by OVER is written count('\0agg:name', args) over (...).

// markerAggregates are the aggregates the marker-agg rule writes.
const markerAggregates = "string_agg array_agg jsonb_agg json_agg jsonb_object_agg json_object_agg " +
	"bool_and bool_or every bit_and bit_or bit_xor stddev stddev_samp stddev_pop variance var_samp var_pop " +
	"corr covar_pop covar_samp regr_slope regr_intercept regr_count regr_r2 regr_avgx regr_avgy " +
	"regr_sxx regr_syy regr_sxy percentile_cont percentile_disc mode"

// orderedSetAggregates take WITHIN GROUP (ORDER BY ...).
var orderedSetAggregates = map[string]bool{"percentile_cont": true, "percentile_disc": true, "mode": true}

// markerAggNext: a call of the aggregate (not a qualified name's part, nor a table named
// like one: CREATE TABLE every (...), INSERT INTO mode (...)).
func markerAggNext(r *rewriter) bool { return functionCallNext(r) }

// functionCallNext: the word is a function's name in a call, not a relation or a qualified
// name's part that a column list follows.
func functionCallNext(r *rewriter) bool {
	return r.nextIs("(") && !r.prev.IsPunct(".") && !namesRelation(r.prev)
}

// relationWords are the words after which a name followed by "(" is a relation's (with its
// column list), not a function's.
var relationWords = strings.Fields("table into from join update only references view exists on copy truncate as with index analyze")

func namesRelation(prev lexer.Token) bool {
	for _, w := range relationWords {
		if prev.Is(w) {
			return true
		}
	}
	return false
}

func emitMarkerAgg(r *rewriter, w string) error {
	r.startOperand()
	r.b.WriteString("group_concat")
	r.keep("group_concat")
	r.aggMarker = " separator " + markerLiteral(aggCallMarker+w)
	r.aggName = w
	return nil
}

// plainOrderedAggNext: a call of count, sum, avg, min or max with an ORDER BY of its own,
// which PostgreSQL accepts (and which changes nothing: these do not depend on the order);
// vitess parses ORDER BY only in GROUP_CONCAT, so the call is written as a marker-agg and
// bound as the plain aggregate once its ORDER BY has been checked (aggregate.go).
func plainOrderedAggNext(r *rewriter) bool {
	if !functionCallNext(r) {
		return false
	}
	found := false
	callEnd(r, func(k, depth int) bool {
		found = depth == 1 && r.peek(k).Is("order") && r.peek(k+1).Is("by")
		return found
	})
	return found
}

// windowArgsCallNext: a call of lag, lead, nth_value or ntile followed by OVER. vitess
// takes their offset (n) only as an integer literal, NULL or a parameter, where PostgreSQL
// takes any expression (lag(x, four), nth_value(x, four + 1), lead(x, (SELECT ...))), so the
// call is written as a marker-agg: count('\0agg:lag', x, four) over (...), which the
// converter reads back as the call.
func windowArgsCallNext(r *rewriter) bool {
	if !functionCallNext(r) {
		return false
	}
	end := callEnd(r, func(int, int) bool { return false })
	return end > 0 && r.peek(end+1).Is("over")
}

// windowCallWithoutOverNext: a call of a window function (lag, rank, ...) followed by
// neither OVER nor WITHIN GROUP. vitess's grammar requires OVER after these names; written as
// a quoted name the call is a plain one, which binding refuses as PostgreSQL does (42809:
// window function lag requires an OVER clause).
func windowCallWithoutOverNext(r *rewriter) bool {
	if !functionCallNext(r) {
		return false
	}
	end := callEnd(r, func(int, int) bool { return false })
	return end > 0 && !r.peek(end+1).Is("over") && !r.peek(end+1).Is("within")
}

// callEnd scans the call whose name the pass is at, token by token: each token in it goes
// to at(k, depth) (depth 1: the call's own arguments) until at returns true; it returns
// the offset of the call's closing parenthesis, or -1 when at stopped it or the text ends.
func callEnd(r *rewriter, at func(k, depth int) bool) int {
	depth := 0
	for k := 0; ; k++ {
		t := r.peek(k)
		switch {
		case t.Kind == lexer.EOF, t.IsPunct(";"):
			return -1
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			if depth--; depth == 0 {
				return k
			}
		case at(k, depth):
			return -1
		}
	}
}

// withinGroupCallNext: a call of a function that no other rule writes, followed by WITHIN
// GROUP (...) or by OVER. It is written as a marker-agg, so that binding it reports the
// function PostgreSQL does not find, with its argument types (42883: foo(integer, integer),
// the WITHIN GROUP key last), or that it is no window function nor aggregate (42809: abs(1)
// OVER ()), where vitess would fail on WITHIN or OVER.
func withinGroupCallNext(r *rewriter, w string) bool {
	if r.withinSeen == 0 {
		r.withinSeen = 1
		if containsFold(r.q, "within") || containsFold(r.q, "over") {
			r.withinSeen = 2
		}
	}
	if r.withinSeen == 1 || !functionCallNext(r) {
		return false
	}
	k := callEnd(r, func(int, int) bool { return false })
	return k >= 0 && (r.peek(k+1).Is("within") && r.peek(k+2).Is("group") && r.peek(k+3).IsPunct("(") ||
		r.peek(k+1).Is("over") && (k > 1 && plainFunction(w) || unknownFunction(w)))
}

// unknownFunction reports whether name is no function drove knows (nor an aggregate or
// window function vitess reads): called with OVER, binding reports it missing (42883), as
// PostgreSQL does, where vitess would fail on OVER.
func unknownFunction(name string) bool {
	_, window := windowArgCounts[name]
	return funcRegistry[name] == nil && !aggregateNames[name] && !window
}

// plainFunction reports whether name is a function of the registry that is neither an
// aggregate nor a window function (those vitess, or a rule of the pass, reads with OVER).
func plainFunction(name string) bool {
	_, window := windowArgCounts[name]
	return funcRegistry[name] != nil && !aggregateNames[name] && !window
}

// containsFold reports whether s contains the lower-case ASCII word w in any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// aggOrderNext: ORDER BY directly inside a marker-agg call (which a window call refuses).
func (r *rewriter) aggOrderNext() bool {
	n := len(r.parens)
	return n > 0 && r.parens[n-1].aggName != "" && r.followedBy("by")
}

func emitAggOrder(r *rewriter, w string) error {
	r.parens[len(r.parens)-1].aggOrder = true
	r.b.WriteString(w)
	r.keep(w)
	return nil
}

// closeMarkerAgg handles a marker-agg call's closing parenthesis when WITHIN GROUP or OVER
// follows it; done is false when the parenthesis closes as any other.
func (r *rewriter) closeMarkerAgg() (done bool, err error) {
	p := &r.parens[len(r.parens)-1]
	args := p.start + len("group_concat(")
	switch {
	case !p.within && r.followedBy("within", "group") && r.peek(2).IsPunct("("):
		if p.aggOrder {
			return false, Errorf("42601", "cannot use multiple ORDER BY clauses with WITHIN GROUP")
		}
		if strings.HasPrefix(strings.TrimSpace(r.b.String()[args:]), "distinct ") {
			return false, Errorf("42601", "cannot use DISTINCT with WITHIN GROUP")
		}
		text := markerLiteral(withinMarker)
		if strings.TrimSpace(r.b.String()[args:]) != "" {
			text += ", "
		}
		if err := r.insertAt(args, text); err != nil {
			return false, err
		}
		// WITHIN GROUP's parenthesis stands for the call's: its ORDER BY is the call's,
		// and its ")" closes the call.
		r.skip(3)
		r.chain.punct('(', r.depth-1)
		r.b.WriteByte(' ')
		p.within = true
		r.lastWord = ""
		return true, nil
	case r.peek(0).Is("over"):
		call := r.b.String()[args:]
		switch {
		case p.within:
			return false, Errorf("0A000", "OVER is not supported for ordered-set aggregate %s", p.aggName)
		case strings.HasPrefix(strings.TrimSpace(call), "distinct "):
			return false, Errorf("0A000", "DISTINCT is not implemented for window functions")
		case p.aggOrder && !p.within:
			return false, Errorf("0A000", "aggregate ORDER BY is not implemented for window functions")
		}
		out := "count(" + markerLiteral(aggCallMarker+p.aggName)
		if strings.TrimSpace(call) != "" {
			out += ", " + call
		}
		r.b.truncate(p.start)
		r.rewound(p.start)
		r.b.WriteString(out)
		p.inside = "" // the call closes as count(
	}
	return false, nil
}

// windowCallArguments: a call with arguments of a window function vitess parses only
// without them (row_number(x) OVER ()), written as a marker-agg, which the window binder
// refuses as PostgreSQL does (42883, or 42809 for rank(x), a hypothetical-set aggregate's
// name).
func windowCallArguments(r *rewriter) bool {
	if !functionCallNext(r) {
		return false
	}
	args := false
	k := callEnd(r, func(k, depth int) bool {
		t := r.peek(k)
		args = args || depth > 1 || depth == 1 && !t.IsPunct("(") && !(t.Kind == lexer.Op && t.Value == "*")
		return false
	})
	return k >= 0 && args
}

// windowCallWithoutOver: a call of a window function's name (vitess parses these only with
// their own arguments and OVER) that OVER or WITHIN GROUP does not follow: written as a
// name, it is a plain call, which the binder refuses as PostgreSQL does (42809 window
// function rank requires an OVER clause, or 42883 for an argument list it has no overload
// for).
func windowCallWithoutOver(r *rewriter) bool {
	if !functionCallNext(r) {
		return false
	}
	k := callEnd(r, func(int, int) bool { return false })
	return k >= 0 && !r.peek(k+1).Is("over") && !(r.peek(k+1).Is("within") && r.peek(k+2).Is("group"))
}

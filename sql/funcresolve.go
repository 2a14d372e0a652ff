package sql

import (
	"slices"

	"github.com/drovedb/drove/types"
)

// Overload resolution, as PostgreSQL's func_get_detail and func_select_candidate do it
// (https://www.postgresql.org/docs/15/typeconv-func.html): the overloads with the call's
// number of arguments whose types every argument converts to implicitly; of those an exact
// match, else the ones with the most exact matches, then the most preferred types where a
// conversion is needed, then for untyped arguments the string category (or the one category
// every candidate takes there) and its preferred type, then, when the typed arguments all have
// one type, the candidates that take it in the untyped positions. None: 42883; more than one
// left: 42725.

// argIn is a call's argument as resolution sees it: its type, or unknown (an untyped literal
// or parameter, or NULL).
type argIn struct {
	t       types.Type
	unknown bool
}

func argsIn(args []*expr) []argIn {
	in := make([]argIn, len(args))
	for i, a := range args {
		in[i] = argIn{t: a.typ, unknown: a.unknown || a.typ == types.Null}
	}
	return in
}

// candidate is an overload with its argument types expanded to the call's length.
type candidate struct {
	proc *funcProc
	args []*pgType
}

// resolveFunc chooses the overload of name a call with args runs.
func resolveFunc(name string, procs []*funcProc, args []*expr) (*funcProc, error) {
	in := argsIn(args)
	var cands []candidate
	// An overload written for the shorter call (a "defaulted" entry) stands for the longer
	// one's defaults: with one, the longer is not also a candidate.
	shorter := slices.ContainsFunc(procs, func(p *funcProc) bool { return p.defaulted && len(p.args) == len(in) })
	for _, p := range procs {
		n := len(p.args)
		byDefaults := !shorter && len(in) < n && len(in) >= n-p.nDefaults()
		if len(in) != n && !(p.variadic && len(in) >= n) && !byDefaults {
			continue
		}
		c := candidate{proc: p, args: make([]*pgType, len(in))}
		for i := range in {
			c.args[i] = p.argType(i)
		}
		if c.accepts(in) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return nil, noFunction(name, args)
	}
	if c := selectCandidate(in, cands); c != nil {
		return c.proc, nil
	}
	return nil, &Error{Code: "42725", Message: "function " + callText(name, args) + " is not unique",
		Hint: "Could not choose a best candidate function. You might need to add explicit type casts."}
}

// selectCandidate is func_select_candidate, after the exact match.
func selectCandidate(in []argIn, cands []candidate) *candidate {
	if len(cands) == 1 {
		return &cands[0]
	}
	for i := range cands {
		if cands[i].exact(in) == len(in) {
			return &cands[i]
		}
	}
	// The most exact matches, then the most preferred types where a conversion is needed.
	cands = keepBest(cands, func(c *candidate) int { return c.exact(in) })
	if len(cands) == 1 {
		return &cands[0]
	}
	cands = keepBest(cands, func(c *candidate) int { return c.preferredOrExact(in) })
	if len(cands) == 1 {
		return &cands[0]
	}
	if c := byUnknownCategory(in, cands); c != nil {
		return c
	}
	return byKnownType(in, cands)
}

// keepBest keeps the candidates with the highest score.
func keepBest(cands []candidate, score func(*candidate) int) []candidate {
	best := -1
	var out []candidate
	for i := range cands {
		s := score(&cands[i])
		switch {
		case s > best:
			best, out = s, append(out[:0], cands[i])
		case s == best:
			out = append(out, cands[i])
		}
	}
	return out
}

// byUnknownCategory resolves the untyped arguments by category: at each untyped position the
// string category if a candidate takes it there, else the one category all take; then only
// candidates of those categories stay, and of them the ones taking a preferred type where
// one does.
func byUnknownCategory(in []argIn, cands []candidate) *candidate {
	cats := make([]byte, len(in))
	prefs := make([]bool, len(in))
	for i, a := range in {
		if !a.unknown {
			continue
		}
		conflict := false
		for k, c := range cands {
			t := c.args[i]
			switch {
			case k == 0:
				cats[i], prefs[i] = t.cat, t.preferred
			case t.cat == cats[i]:
				prefs[i] = prefs[i] || t.preferred
			case t.cat == 'S':
				cats[i], prefs[i] = t.cat, t.preferred
			default:
				conflict = true
			}
		}
		if conflict && cats[i] != 'S' {
			return nil
		}
	}
	var kept []candidate
	for _, c := range cands {
		keep := true
		for i, a := range in {
			if a.unknown && (c.args[i].cat != cats[i] || prefs[i] && !c.args[i].preferred) {
				keep = false
				break
			}
		}
		if keep {
			kept = append(kept, c)
		}
	}
	if len(kept) == 1 {
		return &kept[0]
	}
	return nil
}

// byKnownType: when the typed arguments all have one type, the untyped ones are taken to
// have it too, and a single candidate that accepts that wins.
func byKnownType(in []argIn, cands []candidate) *candidate {
	known, found, unknowns := types.Null, false, 0
	for _, a := range in {
		switch {
		case a.unknown:
			unknowns++
		case !found:
			known, found = a.t, true
		case a.t != known:
			return nil
		}
	}
	if !found || unknowns == 0 {
		return nil
	}
	as := make([]argIn, len(in))
	for i := range as {
		as[i] = argIn{t: known}
	}
	var match *candidate
	for i := range cands {
		if cands[i].accepts(as) {
			if match != nil {
				return nil
			}
			match = &cands[i]
		}
	}
	return match
}

// exact counts the arguments whose type is the candidate's.
func (c *candidate) exact(in []argIn) int {
	n := 0
	for i, a := range in {
		if !a.unknown && c.args[i].poly == polyNone && c.args[i].oid == int64(a.t.OID()) {
			n++
		}
	}
	return n
}

// preferredOrExact counts the typed arguments the candidate takes exactly or as a preferred
// type.
func (c *candidate) preferredOrExact(in []argIn) int {
	n := 0
	for i, a := range in {
		t := c.args[i]
		if !a.unknown && (t.preferred || t.poly == polyNone && t.oid == int64(a.t.OID())) {
			n++
		}
	}
	return n
}

// accepts reports whether every argument converts implicitly to the candidate's type and
// the polymorphic ones agree.
func (c *candidate) accepts(in []argIn) bool {
	for i, a := range in {
		if !canCoerce(a, c.args[i]) {
			return false
		}
	}
	_, _, ok := polyTypes(c.args, in)
	return ok
}

// canCoerce reports whether an argument converts implicitly to type to.
func canCoerce(a argIn, to *pgType) bool {
	switch to.poly {
	case polyAny, polyElement, polyCompatible:
		return true
	case polyArray:
		return a.unknown || a.t.IsArray()
	case polyRecord:
		return a.unknown || a.t.IsRecord()
	case polyNonArray:
		return a.unknown || !a.t.IsArray()
	case polyCompatibleArray:
		return a.unknown || a.t.IsArray()
	}
	return a.unknown || a.t == to.t || implicitCasts[a.t][to.t]
}

// implicitCasts are PostgreSQL's implicit casts among drove's types (pg_cast's 'i').
var implicitCasts = map[types.Type]map[types.Type]bool{
	types.Int16:     {types.Int32: true, types.Int64: true, types.Numeric: true, types.Float32: true, types.Float64: true},
	types.Int32:     {types.Int64: true, types.Numeric: true, types.Float32: true, types.Float64: true},
	types.Int64:     {types.Numeric: true, types.Float32: true, types.Float64: true},
	types.Numeric:   {types.Float32: true, types.Float64: true},
	types.Float32:   {types.Float64: true},
	types.Date:      {types.Timestamp: true, types.Timestamptz: true},
	types.Timestamp: {types.Timestamptz: true},
	types.Time:      {types.Interval: true, types.TimeTZ: true},
}

// polyTypes resolves the anyelement and anyarray types of a call: the element type and the
// array type; ok is false when the arguments disagree.
func polyTypes(decl []*pgType, in []argIn) (elem, arr types.Type, ok bool) {
	for i, a := range in {
		if a.unknown {
			continue
		}
		switch decl[i].poly {
		case polyElement:
			if elem != types.Null && elem != a.t {
				return 0, 0, false
			}
			elem = a.t
		case polyArray:
			if arr != types.Null && arr != a.t {
				return 0, 0, false
			}
			arr = a.t
		}
	}
	if ce, seen, ok := compatibleTypes(decl, in); !ok {
		return 0, 0, false
	} else if seen && elem == types.Null && arr == types.Null {
		elem = ce // anycompatible: the arguments' common type (arrayfuncs_more.go)
	}
	if arr != types.Null {
		if elem != types.Null && arr.Elem() != elem {
			return 0, 0, false
		}
		elem = arr.Elem()
	} else if elem != types.Null {
		arr = types.ArrayOf(elem)
	}
	return elem, arr, true
}

// resolvePoly is polyTypes for the chosen overload, with PostgreSQL's errors for what it
// cannot decide: polymorphic arguments that are all untyped.
func resolvePoly(p *funcProc, args []*expr) (elem, arr types.Type, err error) {
	in := argsIn(args)
	decl := make([]*pgType, len(in))
	poly, compatible := false, false
	for i := range in {
		decl[i] = p.argType(i)
		switch decl[i].poly {
		case polyElement, polyArray:
			poly = true
		case polyCompatible:
			poly, compatible = true, true
		}
	}
	if !poly {
		return types.Null, types.Null, nil
	}
	elem, arr, _ = polyTypes(decl, in)
	if elem == types.Null {
		if !compatible {
			return 0, 0, Errorf("42804", "could not determine polymorphic type because input has type unknown")
		}
		elem, arr = types.Text, types.TextArray
	}
	return elem, arr, nil
}

package sql

import (
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// The regular-expression functions of PostgreSQL 15 (regexp.c) over regex.go's patterns:
// positions and counts are in characters, the optional arguments checked as PostgreSQL checks
// them (22023 naming the parameter).

func regexFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "regexp_replace", vol: i, strict: true, procs: []string{"2284: text, text, text -> text",
			"2285: text, text, text, text -> text", "6251: text, text, text, int4, int4, text -> text",
			"6252: text, text, text, int4, int4 -> text", "6253: text, text, text, int4 -> text"}, build: buildRegexpReplace},
		{name: "regexp_match", vol: i, strict: true, procs: []string{"3396: text, text -> _text", "3397: text, text, text -> _text"},
			build: buildRegexpMatch},
		{name: "regexp_matches", vol: i, strict: true, retset: true, procs: []string{"2763: text, text -> _text",
			"2764: text, text, text -> _text"}, build: buildRegexpMatches},
		{name: "regexp_split_to_table", vol: i, strict: true, retset: true, procs: []string{"2765: text, text -> text",
			"2766: text, text, text -> text"}, build: buildRegexpSplit},
		{name: "regexp_split_to_array", vol: i, strict: true, procs: []string{"2767: text, text -> _text",
			"2768: text, text, text -> _text"}, build: buildRegexpSplit},
		{name: "regexp_count", vol: i, strict: true, procs: []string{"6254: text, text -> int4", "6255: text, text, int4 -> int4",
			"6256: text, text, int4, text -> int4"}, build: buildRegexpCount},
		{name: "regexp_instr", vol: i, strict: true, procs: []string{"6257: text, text -> int4", "6258: text, text, int4 -> int4",
			"6259: text, text, int4, int4 -> int4", "6260: text, text, int4, int4, int4 -> int4",
			"6261: text, text, int4, int4, int4, text -> int4", "6262: text, text, int4, int4, int4, text, int4 -> int4"},
			build: buildRegexpInstr},
		{name: "regexp_like", vol: i, strict: true, procs: []string{"6263: text, text -> bool", "6264: text, text, text -> bool"},
			build: buildRegexpLike},
		{name: "regexp_substr", vol: i, strict: true, procs: []string{"6265: text, text -> text", "6266: text, text, int4 -> text",
			"6267: text, text, int4, int4 -> text", "6268: text, text, int4, int4, text -> text",
			"6269: text, text, int4, int4, text, int4 -> text"}, build: buildRegexpSubstr},
	}
}

func badParam(name string, v int64) error {
	return Errorf("22023", "invalid value for parameter %q: %d", name, v)
}

// optInt is argument k as an integer, def when the call leaves it out; it must be at least lo.
func optInt(v []types.Value, k int, def int64, name string, lo int64) (int64, error) {
	if k >= len(v) {
		return def, nil
	}
	if v[k].I < lo {
		return 0, badParam(name, v[k].I)
	}
	return v[k].I, nil
}

func textArg(v []types.Value, k int) string {
	if k >= len(v) {
		return ""
	}
	return v[k].S
}

// groupText is submatch g of m in s: NULL when the group took no part in the match.
func groupText(s string, m []int, g int) types.Value {
	if m[2*g] < 0 {
		return types.Value{T: types.Text, Null: true}
	}
	return types.NewText(s[m[2*g]:m[2*g+1]])
}

// matchArray is regexp_match's value of one match: its groups, or the whole match when the
// pattern has none.
func matchArray(s string, m []int) types.Value {
	groups := len(m)/2 - 1
	if groups == 0 {
		return types.NewArray(types.TextArray, []types.Value{groupText(s, m, 0)})
	}
	elems := make([]types.Value, groups)
	for g := range elems {
		elems[g] = groupText(s, m, g+1)
	}
	return types.NewArray(types.TextArray, elems)
}

// regexpReplace is regexp_replace with its start, its N and its flags read.
func regexpReplace(cache *regexCache, v []types.Value) (types.Value, error) {
	s, repl := v[0].S, v[2].S
	var start, n int64 = 1, 1
	flags := ""
	var err error
	switch len(v) {
	case 4:
		if v[3].T == types.Text {
			flags = v[3].S
		} else if start, err = optInt(v, 3, 1, "start", 1); err != nil {
			return types.Value{}, err
		}
	case 5, 6:
		if start, err = optInt(v, 3, 1, "start", 1); err != nil {
			return types.Value{}, err
		}
		if n, err = optInt(v, 4, 1, "n", 0); err != nil {
			return types.Value{}, err
		}
		flags = textArg(v, 5)
	}
	re, err := cache.get(v[1].S, flags)
	if err != nil {
		return types.Value{}, err
	}
	all := re.global || n == 0
	if len(v) >= 5 && n > 0 {
		all = false
	}
	var b strings.Builder
	last, count := 0, int64(0)
	err = re.eachMatch(s, byteOffset(s, start), all || n > 1, func(m []int) bool {
		count++
		if !all && count < n {
			return true
		}
		b.WriteString(s[last:m[0]])
		appendReplacement(&b, repl, s, m)
		last = m[1]
		return all
	})
	if err != nil {
		return types.Value{}, err
	}
	b.WriteString(s[last:])
	return types.NewText(b.String()), nil
}

// appendReplacement writes repl with \1..\9 the groups, \& the whole match and \\ a
// backslash, as PostgreSQL's replacement strings have them.
func appendReplacement(b *strings.Builder, repl, s string, m []int) {
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '\\' || i+1 == len(repl) {
			b.WriteByte(c)
			continue
		}
		d := repl[i+1]
		switch {
		case d >= '1' && d <= '9':
			if g := int(d - '0'); g < len(m)/2 && m[2*g] >= 0 {
				b.WriteString(s[m[2*g]:m[2*g+1]])
			}
		case d == '&':
			b.WriteString(s[m[0]:m[1]])
		case d == '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte(c)
			continue
		}
		i++
	}
}

func buildRegexpReplace(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_replace", allowGlobal: true}
	return strictFunc(c, func(v []types.Value) (types.Value, error) { return regexpReplace(cache, v) })
}

func buildRegexpMatch(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_match"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		re, err := cache.get(v[1].S, textArg(v, 2))
		if err != nil {
			return types.Value{}, err
		}
		out := types.Value{T: types.TextArray, Null: true}
		err = re.eachMatch(v[0].S, 0, false, func(m []int) bool {
			out = matchArray(v[0].S, m)
			return false
		})
		return out, err
	})
}

// emptySRF yields nothing.
func emptySRF() (types.Value, bool) { return types.Value{}, false }

// valuesSRF yields vals one by one.
func valuesSRF(vals []types.Value) srfIter {
	k := 0
	return func() (types.Value, bool) {
		if k == len(vals) {
			return types.Value{}, false
		}
		k++
		return vals[k-1], true
	}
}

func buildRegexpMatches(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_matches", allowGlobal: true}
	return srfExpr(c, &srfCall{args: c.args, typ: types.TextArray, start: func(v []types.Value) (srfIter, error) {
		if v[0].IsNull() || v[1].IsNull() || (len(v) == 3 && v[2].IsNull()) {
			return emptySRF, nil
		}
		re, err := cache.get(v[1].S, textArg(v, 2))
		if err != nil {
			return nil, err
		}
		var rows []types.Value
		err = re.eachMatch(v[0].S, 0, re.global, func(m []int) bool {
			rows = append(rows, matchArray(v[0].S, m))
			return len(rows) <= types.MaxArrayElems
		})
		if err != nil {
			return nil, err
		}
		return valuesSRF(rows), checkElems(len(rows))
	}})
}

// regexpSplit is the pieces of s between the matches of re, leaving out empty matches at the
// start, at the end and right after another match, as PostgreSQL does.
func regexpSplit(re *pgRegex, s string) ([]types.Value, error) {
	var out []types.Value
	last, prevEnd := 0, 0
	err := re.eachMatch(s, 0, true, func(m []int) bool {
		if m[0] < len(s) && m[1] > prevEnd {
			out = append(out, types.NewText(s[last:m[0]]))
			last = m[1]
		}
		prevEnd = m[1]
		return len(out) < types.MaxArrayElems
	})
	if err != nil {
		return nil, err
	}
	if err := checkElems(len(out) + 1); err != nil {
		return nil, err
	}
	return append(out, types.NewText(s[last:])), nil
}

func buildRegexpSplit(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: c.name}
	if c.name == "regexp_split_to_array" {
		return strictFunc(c, func(v []types.Value) (types.Value, error) {
			re, err := cache.get(v[1].S, textArg(v, 2))
			if err != nil {
				return types.Value{}, err
			}
			parts, err := regexpSplit(re, v[0].S)
			if err != nil {
				return types.Value{}, err
			}
			return types.NewArray(types.TextArray, parts), nil
		})
	}
	return srfExpr(c, &srfCall{args: c.args, typ: types.Text, start: func(v []types.Value) (srfIter, error) {
		if v[0].IsNull() || v[1].IsNull() || (len(v) == 3 && v[2].IsNull()) {
			return emptySRF, nil
		}
		re, err := cache.get(v[1].S, textArg(v, 2))
		if err != nil {
			return nil, err
		}
		parts, err := regexpSplit(re, v[0].S)
		return valuesSRF(parts), err
	}})
}

func buildRegexpCount(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_count"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		start, err := optInt(v, 2, 1, "start", 1)
		if err != nil {
			return types.Value{}, err
		}
		re, err := cache.get(v[1].S, textArg(v, 3))
		if err != nil {
			return types.Value{}, err
		}
		n := 0
		err = re.eachMatch(v[0].S, byteOffset(v[0].S, start), true, func([]int) bool { n++; return true })
		return int4(n), err
	})
}

// nthMatch is the nth match (from 1) of re in s searched from character start, nil if none.
func nthMatch(re *pgRegex, s string, start, n int64) ([]int, error) {
	var found []int
	k := int64(0)
	err := re.eachMatch(s, byteOffset(s, start), true, func(m []int) bool {
		if k++; k == n {
			found = m
			return false
		}
		return true
	})
	return found, err
}

// startAndN are regexp_instr's and regexp_substr's third and fourth arguments, start and N
// (both 1 when left out, at least 1).
func startAndN(v []types.Value) (start, n int64, err error) {
	if start, err = optInt(v, 2, 1, "start", 1); err == nil {
		n, err = optInt(v, 3, 1, "n", 1)
	}
	return start, n, err
}

func buildRegexpInstr(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_instr"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		start, n, err := startAndN(v)
		if err != nil {
			return types.Value{}, err
		}
		end, err := optInt(v, 4, 0, "endoption", 0)
		if err == nil && end > 1 {
			err = badParam("endoption", end)
		}
		if err != nil {
			return types.Value{}, err
		}
		sub, err := optInt(v, 6, 0, "subexpr", 0)
		if err != nil {
			return types.Value{}, err
		}
		re, err := cache.get(v[1].S, textArg(v, 5))
		if err != nil {
			return types.Value{}, err
		}
		s := v[0].S
		m, err := nthMatch(re, s, start, n)
		if err != nil {
			return types.Value{}, err
		}
		if m == nil || int(sub) >= len(m)/2 || m[2*sub] < 0 {
			return int4(0), nil
		}
		at := m[2*int(sub)+int(end)]
		return int4(utf8.RuneCountInString(s[:at]) + 1), nil
	})
}

func buildRegexpLike(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_like"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		re, err := cache.get(v[1].S, textArg(v, 2))
		if err != nil {
			return types.Value{}, err
		}
		found, err := re.matchString(statementCtx(c.sc), v[0].S)
		return types.NewBool(found), err
	})
}

func buildRegexpSubstr(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "regexp_substr"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		start, n, err := startAndN(v)
		if err != nil {
			return types.Value{}, err
		}
		sub, err := optInt(v, 5, 0, "subexpr", 0)
		if err != nil {
			return types.Value{}, err
		}
		re, err := cache.get(v[1].S, textArg(v, 4))
		if err != nil {
			return types.Value{}, err
		}
		m, err := nthMatch(re, v[0].S, start, n)
		if err != nil {
			return types.Value{}, err
		}
		if m == nil || int(sub) >= len(m)/2 {
			return types.Value{T: types.Text, Null: true}, nil
		}
		return groupText(v[0].S, m, int(sub)), nil
	})
}

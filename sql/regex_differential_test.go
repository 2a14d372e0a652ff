package sql

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestRegexDifferential generates PostgreSQL regular expressions (alternation, capturing and
// non-capturing groups, greedy and non-greedy quantifiers with bounds, bracket expressions,
// class escapes, anchors, word constraints, back references, lookahead and lookbehind) and
// subject strings over a small alphabet, and requires drove's regexp_match,
// regexp_matches(..., 'g'), regexp_replace(..., 'g') with \1 and \& and ~ to give
// PostgreSQL 15's answers (or SQLSTATE). Seeded and replayable:
//
//	go test ./sql -run TestRegexDifferential -regexdiff.seed=N -regexdiff.budget=10m -regexdiff.n=1000000
var (
	regexDiffSeed    = flag.Uint64("regexdiff.seed", 0, "seed of TestRegexDifferential (0: from the clock)")
	regexDiffBudget  = flag.Duration("regexdiff.budget", 3*time.Second, "how long TestRegexDifferential generates cases")
	regexDiffN       = flag.Int("regexdiff.n", 600, "at most this many cases in TestRegexDifferential")
	regexDiffShow    = flag.Int("regexdiff.show", 8, "TestRegexDifferential reports this many disagreements in full")
	regexDiffMaxFail = flag.Int("regexdiff.maxfail", 1000000, "TestRegexDifferential stops after this many disagreements")
)

// rgen generates random patterns and subjects.
type rgen struct {
	r      *rand.Rand
	groups int // capturing groups closed so far
	inLook bool
}

func (g *rgen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g *rgen) atom(depth int) string {
	k := g.r.IntN(20)
	if depth <= 0 && k >= 12 {
		k = g.r.IntN(12)
	}
	switch {
	case k < 5:
		return g.pick("a", "b", "c", "a", "b")
	case k == 5:
		return "."
	case k == 6:
		return g.pick("[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "[^[:space:]]", `[\d]`, "[]a]", "[^b ]", "[a-]")
	case k == 7:
		return g.pick(`\d`, `\w`, `\s`, `\W`, `\D`, `\S`)
	case k == 8:
		return g.pick("^", "$", `\A`, `\Z`)
	case k == 9:
		return g.pick(`\m`, `\M`, `\y`, `\Y`)
	case k == 10:
		if g.groups > 0 && !g.inLook && g.r.IntN(2) == 0 {
			return fmt.Sprintf(`\%d`, 1+g.r.IntN(g.groups))
		}
		return g.pick("a", "b", `\.`, "x")
	case k == 11:
		return g.pick("()", "a", "b")
	case k < 15:
		if g.inLook {
			return "(?:" + g.alt(depth-1) + ")"
		}
		s := "(" + g.alt(depth-1) + ")"
		g.groups++
		return s
	case k < 17:
		return "(?:" + g.alt(depth-1) + ")"
	default:
		if g.inLook {
			return "a"
		}
		g.inLook = true
		s := g.pick("(?=", "(?!", "(?<=", "(?<!") + g.alt(depth-1) + ")"
		g.inLook = false
		return s
	}
}

func (g *rgen) quant() string {
	q := ""
	switch k := g.r.IntN(14); {
	case k < 6:
		return ""
	case k < 8:
		q = "*"
	case k < 9:
		q = "+"
	case k < 11:
		q = "?"
	case k < 12:
		q = fmt.Sprintf("{%d}", g.r.IntN(3))
	case k < 13:
		q = fmt.Sprintf("{%d,}", g.r.IntN(3))
	default:
		m := g.r.IntN(3)
		q = fmt.Sprintf("{%d,%d}", m, m+g.r.IntN(3))
	}
	if g.r.IntN(3) == 0 {
		q += "?"
	}
	return q
}

func (g *rgen) branch(depth int) string {
	var b strings.Builder
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		a := g.atom(depth)
		b.WriteString(a)
		if !strings.HasPrefix(a, "^") && !strings.HasPrefix(a, "$") && !strings.HasPrefix(a, `\`) || a == `\d` || a == `\w` || a == `\s` || len(a) > 2 {
			if !strings.HasPrefix(a, "(?=") && !strings.HasPrefix(a, "(?!") && !strings.HasPrefix(a, "(?<") {
				b.WriteString(g.quant())
			}
		}
	}
	return b.String()
}

func (g *rgen) alt(depth int) string {
	s := g.branch(depth)
	for g.r.IntN(3) == 0 {
		s += "|" + g.branch(depth)
	}
	return s
}

func (g *rgen) pattern() string {
	g.groups, g.inLook = 0, false
	p := g.alt(2)
	if g.r.IntN(25) == 0 { // a stray metacharacter, often an invalid pattern
		k := g.r.IntN(len(p) + 1)
		p = p[:k] + g.pick("(", ")", "[", "]", "{", "}", "*", "+", "?", `\`, "|", "{2,1}", `\q`, `\8`) + p[k:]
	}
	return p
}

// flags are regexp_match's, regexp_matches's (with g) and regexp_replace's (with g).
func (g *rgen) flags() string {
	if g.r.IntN(3) > 0 {
		return ""
	}
	return g.pick("i", "n", "p", "w", "x", "in", "q", "s")
}

func (g *rgen) subject() string {
	n := g.r.IntN(9)
	var b strings.Builder
	for range n {
		b.WriteString(g.pick("a", "b", "c", "a", "b", " ", "1", "\n", "A", "B"))
	}
	return b.String()
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// regexDiffQuery is the query that compares the four functions for subject s, pattern p
// and flags f (~* for ~ under flag i).
func regexDiffQuery(s, p, f string) string {
	op := "~"
	if f == "i" {
		op = "~*"
	}
	s, p, f = sqlQuote(s), sqlQuote(p), sqlQuote(f)
	return fmt.Sprintf(`SELECT regexp_match(%[1]s, %[2]s, %[3]s)::text, `+
		`(SELECT string_agg(x::text, ';') FROM (SELECT regexp_matches(%[1]s, %[2]s, 'g' || %[3]s) AS x) q), `+
		`regexp_replace(%[1]s, %[2]s, '<\1\&>', 'g' || %[3]s), %[1]s %[4]s %[2]s`, s, p, f, op)
}

func TestRegexDifferential(t *testing.T) {
	e := newExprDiff(t)
	seed := differentialSeed(*regexDiffSeed)
	t.Logf("seed %d (replay: go test ./sql -run TestRegexDifferential -regexdiff.seed=%d)", seed, seed)
	g := &rgen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	deadline := time.Now().Add(*regexDiffBudget)
	failures, errorsBoth, i := 0, 0, 0
	for ; i < *regexDiffN && time.Now().Before(deadline) && failures < *regexDiffMaxFail; i++ {
		p := g.pattern()
		s := g.subject()
		q := regexDiffQuery(s, p, g.flags())
		d, pg := e.droveRows(q), e.postgresRows(q)
		if pg.code != "" {
			errorsBoth++
		}
		if sameRegexRows(d, pg) {
			continue
		}
		failures++
		if failures <= *regexDiffShow {
			t.Errorf("seed %d, case %d: drove and PostgreSQL disagree\n  pattern %q subject %q\n  %s\n  drove:      %v %q\n  PostgreSQL: %v %q",
				seed, i, p, s, q, d.code, d.rows, pg.code, pg.rows)
		}
	}
	t.Logf("%d cases compared (%d PostgreSQL errors), %d disagree", i, errorsBoth, failures)
	if failures > 0 {
		t.Errorf("%d of %d cases disagree", failures, i)
	}
}

// sameRegexRows compares two answers by SQLSTATE or by rows (the result types are the same by
// construction).
func sameRegexRows(d, p rowsAnswer) bool {
	if d.code != "" || p.code != "" {
		return d.code == p.code
	}
	return strings.Join(d.rows, "\n") == strings.Join(p.rows, "\n")
}

// TestRegexErrorMessages: an invalid pattern is 2201B with PostgreSQL's message.
func TestRegexErrorMessages(t *testing.T) {
	e := newExprDiff(t)
	for _, p := range []string{"(", "a**", "[a", "a{2,1}", `\q`, `(a)\2`, `(?<=(a)\1)`, "[[:foo:]]",
		"[b-a]", "a{256}", "(?z)a", ")", "a{1", "*a", "(?:a", "a|*", `a\`, "(?=a)*", "^*", `\x`, "{1}a"} {
		q := "SELECT 'a' ~ " + sqlQuote(p)
		var dmsg string
		err := e.s.Exec(e.ctx, q, &textOutput{zone: &e.zone})
		if err != nil {
			dmsg = sqlState(err) + " " + err.Error()
		}
		var pgmsg string
		_, perr := e.pg.Exec(e.ctx, q).ReadAll()
		var pgErr *pgconn.PgError
		if errors.As(perr, &pgErr) {
			pgmsg = pgErr.Code + " " + pgErr.Message
		}
		if !strings.HasSuffix(dmsg, pgmsg) || (pgmsg == "") != (dmsg == "") {
			t.Errorf("%s: drove %q, PostgreSQL %q", q, dmsg, pgmsg)
		}
	}
}

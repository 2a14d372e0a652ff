package sql

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// TestDMLDifferential runs random write sequences on drove and on PostgreSQL 15 and compares
// them statement by statement. Each round makes a random schema (2-3 tables; primary keys
// single and composite over int, text and numeric, serial and identity; UNIQUE over one or
// two columns, deferrable or not; CHECK, NOT NULL, DEFAULT; foreign keys between the tables
// and to themselves with every ON DELETE / ON UPDATE action, deferrable or not) and a
// sequence of statements over it (dml_differential_gen_test.go): multi-row INSERT, INSERT
// ... SELECT, ON CONFLICT DO NOTHING / DO UPDATE with excluded and WHERE, UPDATE of any
// column (keys too, swaps SET a = b, b = a), UPDATE ... FROM, DELETE ... USING, RETURNING,
// data-modifying WITH, TRUNCATE, and transactions with SAVEPOINT, ROLLBACK TO, RELEASE
// and SET CONSTRAINTS, into which errors fall as they come. After every statement the two
// must agree on the SQLSTATE (or success), the command tag, the RETURNING rows (as
// multisets: their order is unspecified) and then every table's rows. A disagreement is
// shrunk to the fewest statements that still disagree and printed with the round's seed,
// schema and answers. Replay a round by its seed:
//
//	go test ./sql -run TestDMLDifferential -dmldiff.seed=N -dmldiff.rounds=1
//
// and run long with -dmldiff.budget=10m (rounds take seeds N, N+1, ...).
//
// What PostgreSQL leaves unspecified, and how the comparison tolerates exactly that:
//   - the order of RETURNING rows and of a table's rows equal in value (1 and 1.0): multisets.
//   - the order in which UPDATE and DELETE visit rows (the heap's order in PostgreSQL). A
//     non-deferrable UNIQUE or PRIMARY KEY is checked row by row, so a statement that moves
//     keys (SET k = k + 1, a swap) may meet a transient duplicate or not depending on that
//     order; an ON UPDATE/DELETE CASCADE's order likewise. When both fail with different
//     integrity codes (class 23) the statement is taken as agreeing (both undid it); when one
//     fails with 23505 and the other succeeds, the round stops there, logged as diverged.
//   - which row of several wins in one ON CONFLICT DO UPDATE statement: PostgreSQL refuses
//     it (21000), and so must drove; compared as any error. INSERT ... SELECT orders its
//     rows so that ON CONFLICT meets them in a fixed order.
//
// UPDATE ... FROM joins on the other table's whole primary key: with several matching rows
// which one updates is unspecified; RETURNING names the target's columns (t.*), not a
// USING or FROM row's, of which any matching one may come back. INSERT ... SELECT into a
// serial key breaks ties between numerics equal in value (2 and 2.0) by their text, since
// which gets the next value is either database's choice. knownGap lists the disagreements
// drove knows of and tolerates.
var (
	dmlDiffSeed    = flag.Uint64("dmldiff.seed", 0, "seed of TestDMLDifferential's first round (0: from the clock)")
	dmlDiffBudget  = flag.Duration("dmldiff.budget", 20*time.Second, "how long TestDMLDifferential runs rounds")
	dmlDiffRounds  = flag.Int("dmldiff.rounds", 0, "at most this many rounds of TestDMLDifferential (0: until the budget)")
	dmlDiffN       = flag.Int("dmldiff.n", 60, "statements per round of TestDMLDifferential")
	dmlDiffMaxFail = flag.Int("dmldiff.maxfail", 1, "TestDMLDifferential stops after this many disagreeing rounds")
)

// dmlRound is one round: its seed, schema and statements.
type dmlRound struct {
	seed   uint64
	schema []string
	stmts  []string
	reads  []string // the SELECTs that read every table
}

// newDMLRound generates the round of a seed.
func newDMLRound(seed uint64, n int) dmlRound {
	g := &dgen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	r := dmlRound{seed: seed, schema: g.schema()}
	for range n {
		r.stmts = append(r.stmts, g.statement())
	}
	r.stmts = append(r.stmts, g.finish()...)
	r.reads = g.orderedSelects()
	return r
}

// dmlAnswer is what a system said to a statement: a SQLSTATE, or a tag and rows (sorted).
type dmlAnswer struct {
	code string
	msg  string // the error's message, shown but not compared
	tag  string
	rows []string
}

func (a dmlAnswer) String() string {
	if a.code != "" {
		return "error " + a.code + " " + a.msg
	}
	return fmt.Sprintf("%s, %d rows: %s", a.tag, len(a.rows), strings.Join(a.rows, " ; "))
}

func (a dmlAnswer) same(b dmlAnswer) bool {
	if a.code != "" || b.code != "" {
		return a.code == b.code
	}
	return a.tag == b.tag && slices.Equal(a.rows, b.rows)
}

// answerOf makes an answer of lines as golden files spell them (rows, then "tag: X").
func answerOf(lines []string, code string) dmlAnswer {
	if code != "" {
		return dmlAnswer{code: code}
	}
	a := dmlAnswer{}
	for _, l := range lines {
		if tag, ok := strings.CutPrefix(l, "tag: "); ok {
			a.tag = tag
			continue
		}
		a.rows = append(a.rows, l)
	}
	slices.Sort(a.rows)
	return a
}

// dmlDiff holds the PostgreSQL connection rounds share and the drove scratch directory.
type dmlDiff struct {
	t   *testing.T
	ctx context.Context
	pg  *pgconn.PgConn
	tmp string
}

func (d *dmlDiff) postgres(q string) dmlAnswer {
	lines, code := runOnPostgres(d.ctx, d.pg, q)
	if strings.HasPrefix(code, "client error") {
		d.t.Fatalf("PostgreSQL: %s: %s", q, code)
	}
	return answerOf(lines, code)
}

func droveAnswer(ctx context.Context, s *Session, q string) dmlAnswer {
	out := &textOutput{}
	err := s.Exec(ctx, q, out)
	code := ""
	if err != nil {
		if code = sqlState(err); code == "" {
			code = "XX000 " + err.Error() // not a SQL error: never PostgreSQL's
		}
	}
	a := answerOf(out.lines, code)
	if err != nil {
		a.msg = err.Error()
	}
	return a
}

// dmlStep is one statement's answers on both systems.
type dmlStep struct {
	q           string
	drove, pg   dmlAnswer
	table       string // the table read, when the statement agreed but a table did not
	tDrove, tPg dmlAnswer
}

// dmlOutcome is how a replay ended: at the first disagreement (bad, the index into the
// round's statements; -1 for none), or at a divergence PostgreSQL leaves unspecified.
type dmlOutcome struct {
	bad      int
	diverged int // index of the statement after which the systems may differ, or -1
	steps    []dmlStep
}

// replay runs the round on a fresh drove tablespace and a fresh PostgreSQL schema.
func (d *dmlDiff) replay(r dmlRound) dmlOutcome {
	d.postgres("ROLLBACK")
	if a := d.postgres("DROP SCHEMA public CASCADE"); a.code != "" {
		d.t.Fatalf("PostgreSQL: DROP SCHEMA: %v", a)
	}
	d.postgres("CREATE SCHEMA public")
	dir, err := os.MkdirTemp(d.tmp, "round")
	if err != nil {
		d.t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ts := openTablespaceIn(d.t, dir)
	defer ts.Close()
	s := NewSession(ts, nil)
	defer s.Close()

	out := dmlOutcome{bad: -1, diverged: -1}
	for _, q := range r.schema {
		st := dmlStep{q: q, drove: droveAnswer(d.ctx, s, q), pg: d.postgres(q)}
		out.steps = append(out.steps, st)
		if !st.drove.same(st.pg) {
			out.bad = -2 // the schema itself
			return out
		}
	}
	for i, q := range r.stmts {
		st := dmlStep{q: q, drove: droveAnswer(d.ctx, s, q), pg: d.postgres(q)}
		out.steps = append(out.steps, st)
		switch unspecifiedOrder(q, st.drove, st.pg) {
		case orderDiverged:
			out.diverged = i
			return out
		case orderDisagrees:
			out.bad = i
			return out
		}
		for _, rq := range r.reads {
			td, tp := droveAnswer(d.ctx, s, rq), d.postgres(rq)
			if !td.same(tp) {
				out.steps[len(out.steps)-1].table, out.steps[len(out.steps)-1].tDrove, out.steps[len(out.steps)-1].tPg = rq, td, tp
				out.bad = i
				return out
			}
		}
	}
	return out
}

const (
	orderAgrees    = iota // the same answer, or different ones in what the row order decides
	orderDiverged         // one failed on a transient duplicate, the other did not
	orderDisagrees        // a disagreement
)

// unspecifiedOrder judges two answers to q, tolerating what the order of visiting rows
// decides (see TestDMLDifferential).
func unspecifiedOrder(q string, x, y dmlAnswer) int {
	if x.same(y) {
		return orderAgrees
	}
	if knownGap(q, x, y) {
		return orderAgrees
	}
	visits := strings.HasPrefix(q, "UPDATE") || strings.HasPrefix(q, "DELETE") || strings.HasPrefix(q, "WITH") ||
		strings.Contains(q, "DO UPDATE") || strings.Contains(q, "TRUNCATE")
	if !visits {
		return orderDisagrees
	}
	if strings.HasPrefix(x.code, "23") && strings.HasPrefix(y.code, "23") {
		return orderAgrees
	}
	if (x.code == "23505" && y.code == "") || (y.code == "23505" && x.code == "") {
		return orderDiverged
	}
	return orderDisagrees
}

func TestDMLDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	pg, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	if _, err := pg.Exec(ctx, "SET statement_timeout = '10s'; SET client_min_messages = warning").ReadAll(); err != nil {
		t.Fatal(err)
	}
	d := &dmlDiff{t: t, ctx: ctx, pg: pg, tmp: t.TempDir()}

	seed := differentialSeed(*dmlDiffSeed)
	t.Logf("seed %d (replay a round: go test ./sql -run TestDMLDifferential -dmldiff.seed=N -dmldiff.rounds=1)", seed)
	deadline := time.Now().Add(*dmlDiffBudget)
	rounds, stmts, diverged, failures := 0, 0, 0, 0
	for ; time.Now().Before(deadline) && failures < *dmlDiffMaxFail && (*dmlDiffRounds == 0 || rounds < *dmlDiffRounds); rounds++ {
		r := newDMLRound(seed+uint64(rounds), *dmlDiffN)
		out := d.replay(r)
		stmts += len(out.steps)
		if out.diverged >= 0 {
			diverged++
			t.Logf("seed %d: diverged where PostgreSQL leaves the row order unspecified, at %s", r.seed, r.stmts[out.diverged])
		}
		if out.bad == -1 {
			continue
		}
		failures++
		t.Errorf("%s", d.report(r, out))
	}
	t.Logf("%d rounds, %d statements compared (%d rounds stopped early where the row order decides)", rounds, stmts, diverged)
}

// report shrinks a disagreeing round and describes it.
func (d *dmlDiff) report(r dmlRound, out dmlOutcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d: drove and PostgreSQL disagree (replay: go test ./sql -run TestDMLDifferential -dmldiff.seed=%d -dmldiff.rounds=1)\n", r.seed, r.seed)
	if out.bad >= 0 {
		r.stmts = r.stmts[:out.bad+1]
		r, out = d.shrink(r)
	}
	b.WriteString("schema:\n")
	for _, q := range r.schema {
		b.WriteString("  " + q + ";\n")
	}
	b.WriteString("statements (shrunk):\n")
	for i, st := range out.steps {
		if i < len(r.schema) && out.bad != -2 {
			continue
		}
		fmt.Fprintf(&b, "  %s;\n", st.q)
		if !st.drove.same(st.pg) || i == len(out.steps)-1 {
			fmt.Fprintf(&b, "    drove:      %v\n    PostgreSQL: %v\n", st.drove, st.pg)
		}
		if st.table != "" {
			fmt.Fprintf(&b, "  %s;\n    drove:      %v\n    PostgreSQL: %v\n", st.table, st.tDrove, st.tPg)
		}
	}
	return b.String()
}

// shrink drops statements (runs of them, then single ones) while the round still disagrees,
// for at most a minute.
func (d *dmlDiff) shrink(r dmlRound) (dmlRound, dmlOutcome) {
	best := d.replay(r)
	deadline := time.Now().Add(time.Minute)
	for size := len(r.stmts) / 2; size >= 1 && time.Now().Before(deadline); size /= 2 {
		for i := 0; i+size <= len(r.stmts) && time.Now().Before(deadline); {
			try := r
			try.stmts = append(slices.Clone(r.stmts[:i]), r.stmts[i+size:]...)
			if out := d.replay(try); out.bad >= 0 {
				try.stmts = try.stmts[:out.bad+1]
				r, best = try, out
				continue
			}
			i++
		}
	}
	return r, best
}

// knownGap reports a disagreement drove knows of, where both systems fail (so their states
// stay alike): drove (x) runs a statement's end-of-statement checks of a deferrable UNIQUE
// before those of its FOREIGN KEYs, PostgreSQL (y) in the order of the rows (23505 where
// PostgreSQL says 23503: seed 1063).
func knownGap(_ string, x, y dmlAnswer) bool {
	return x.code == "23505" && y.code == "23503"
}

package drove_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	mt "github.com/drovedb/drove/internal/modeltest"
	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

var modelPG = flag.Bool("model.pg", true, "TestModel also runs its portable SQL on a PostgreSQL 15 (when installed) and compares the answers")

// pgMirror is TestModel's PostgreSQL side: a database per drove tablespace, on a throwaway
// PostgreSQL 15. Every portable statement TestModel runs on drove runs here too (pairRunner)
// and the answers are compared; what PostgreSQL cannot say (CREATE TABLESPACE 'x', KV puts,
// backup and restore) is done here with its PostgreSQL equivalent, and what changes no data
// (CHECKPOINT, restarts, crashes) is not done here at all, so the two must still agree after.
type pgMirror struct {
	url      string
	admin    *pgconn.PgConn
	conns    map[string]*pgconn.PgConn // by tablespace, opened when first needed
	compared int                       // statements whose answers were compared
	spent    time.Duration             // waiting for PostgreSQL
}

func (p *pgMirror) timed(start time.Time) { p.spent += time.Since(start) }

// startPGMirror starts PostgreSQL and makes the databases of the model's tablespaces; nil
// when -model.pg=false, or when PostgreSQL 15 is not installed outside CI: then the model
// comparison runs alone and says so. In CI its absence fails the test (pgtest.Start).
func startPGMirror(t *testing.T, m *mt.Model) *pgMirror {
	if !*modelPG {
		return nil
	}
	if !pgtest.Available() && os.Getenv("CI") == "" {
		t.Logf("SKIPPED the comparison with PostgreSQL: PostgreSQL 15 is not installed at %s (apt-get install postgresql-15)", pgtest.Bin)
		return nil
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	p := &pgMirror{url: url, admin: admin, conns: map[string]*pgconn.PgConn{}}
	t.Cleanup(p.close)
	for _, space := range m.SpaceNames() {
		if err := p.createSpace(ctx, space, ""); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func (p *pgMirror) close() {
	for space := range p.conns {
		p.disconnect(space)
	}
	p.admin.Close(context.Background())
}

func dbName(space string) string { return "ts_" + space }

// conn is the connection to tablespace space's database.
func (p *pgMirror) conn(ctx context.Context, space string) (*pgconn.PgConn, error) {
	if c := p.conns[space]; c != nil {
		return c, nil
	}
	c, err := pgconn.Connect(ctx, pgtest.Database(p.url, dbName(space)))
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL: %w", err)
	}
	p.conns[space] = c
	return c, nil
}

func (p *pgMirror) disconnect(space string) {
	if c := p.conns[space]; c != nil {
		c.Close(context.Background())
		delete(p.conns, space)
	}
}

// createSpace makes the database of a new tablespace: empty, or a copy of template's (a
// restored backup of tablespace template).
func (p *pgMirror) createSpace(ctx context.Context, space, template string) error {
	defer p.timed(time.Now())
	q := "CREATE DATABASE " + dbName(space)
	if template != "" {
		p.disconnect(template) // a template must have no connections
		q += " TEMPLATE " + dbName(template)
	}
	_, err := p.admin.Exec(ctx, q).ReadAll()
	return err
}

func (p *pgMirror) dropSpace(ctx context.Context, space string) error {
	defer p.timed(time.Now())
	p.disconnect(space)
	_, err := p.admin.Exec(ctx, "DROP DATABASE "+dbName(space)).ReadAll()
	return err
}

// pgAnswer is what PostgreSQL answered to one statement.
type pgAnswer struct {
	rows [][]*string
	tag  string
	code string // SQLSTATE; "" when it succeeded
}

func (a pgAnswer) String() string {
	if a.code != "" {
		return "error " + a.code
	}
	return strings.Join(rowLines(a.rows), "\n") + " [" + a.tag + "]"
}

// run runs one statement with the simple protocol; an error that is not PostgreSQL's answer
// (a lost connection) is returned as such.
func (p *pgMirror) run(ctx context.Context, c *pgconn.PgConn, q string) (pgAnswer, error) {
	defer p.timed(time.Now())
	res := c.ExecParams(ctx, q, nil, nil, nil, nil).Read()
	var a pgAnswer
	for _, row := range res.Rows {
		out := make([]*string, len(row))
		for i, v := range row {
			if v != nil {
				s := string(v)
				out[i] = &s
			}
		}
		a.rows = append(a.rows, out)
	}
	a.tag = res.CommandTag.String()
	var pgErr *pgconn.PgError
	if errors.As(res.Err, &pgErr) {
		a.code = pgErr.Code
		return a, nil
	}
	return a, res.Err
}

// mismatch is a statement drove and PostgreSQL answered differently.
type mismatch struct {
	q            string
	drove, postg string
}

func (e *mismatch) Error() string {
	return fmt.Sprintf("drove and PostgreSQL disagree on\n  %s\ndrove:\n%s\nPostgreSQL:\n%s", e.q, indent(e.drove), indent(e.postg))
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ")
}

func droveAnswer(rows [][]*string, affected int64, err error) string {
	if err != nil {
		return fmt.Sprintf("error %s (%v)", sqlState(err), err)
	}
	if rows != nil {
		return strings.Join(rowLines(rows), "\n")
	}
	return fmt.Sprintf("%d rows affected", affected)
}

// pairRunner runs each statement on drove (d) and on PostgreSQL (pg) and compares the
// answers; the caller sees drove's.
type pairRunner struct {
	d  runner
	pg *pgconn.PgConn
	p  *pgMirror
}

func (r pairRunner) exec(ctx context.Context, q string, args ...any) (int64, error) {
	n, err := r.d.exec(ctx, q, args...)
	text := splice(q, args)
	a, perr := r.p.run(ctx, r.pg, text)
	if perr != nil {
		return n, fmt.Errorf("PostgreSQL: %s: %w", text, perr)
	}
	r.p.compared++
	if !agreeExec(n, err, a) {
		return n, &mismatch{text, droveAnswer(nil, n, err), a.String()}
	}
	return n, err
}

// agreeExec reports whether drove's answer to a statement (n rows changed, or err) is
// PostgreSQL's: the same SQLSTATE, or success changing as many rows.
func agreeExec(n int64, err error, a pgAnswer) bool {
	if sqlState(err) != a.code || (err != nil) != (a.code != "") {
		return false
	}
	// The rows a DML statement changed are the last word of PostgreSQL's tag.
	if f := strings.Fields(a.tag); err == nil && len(f) > 1 && slices.Contains([]string{"INSERT", "UPDATE", "DELETE"}, f[0]) {
		pn, perr := strconv.ParseInt(f[len(f)-1], 10, 64)
		return perr == nil && pn == n
	}
	return true
}

func (r pairRunner) query(ctx context.Context, q string, args ...any) ([][]*string, error) {
	return r.compare(ctx, q, true, args...)
}

// compare runs a query on both and compares the answers (agreeRows); when both fail alike,
// drove's error is returned, which a caller expecting rows reports.
func (r pairRunner) compare(ctx context.Context, q string, ordered bool, args ...any) ([][]*string, error) {
	rows, err := r.d.query(ctx, q, args...)
	text := splice(q, args)
	a, perr := r.p.run(ctx, r.pg, text)
	if perr != nil {
		return rows, fmt.Errorf("PostgreSQL: %s: %w", text, perr)
	}
	r.p.compared++
	if ok, got, want := agreeRows(rows, err, a, ordered); !ok {
		if !ordered {
			text += "   (compared as multisets: rows sorted here)"
		}
		return rows, &mismatch{text, got, want}
	}
	return rows, err
}

// agreeRows reports whether drove's answer to a query (rows, or err) is PostgreSQL's: the
// same SQLSTATE, or the same rows, in the same order when ordered. It returns both answers
// as compared, for a report.
func agreeRows(rows [][]*string, err error, a pgAnswer, ordered bool) (ok bool, drove, postgres string) {
	if err != nil || a.code != "" {
		return sqlState(err) == a.code && err != nil && a.code != "", droveAnswer(rows, 0, err), a.String()
	}
	got, want := rowLines(rows), rowLines(a.rows)
	if !ordered {
		slices.Sort(got)
		slices.Sort(want)
	}
	return slices.Equal(got, want), strings.Join(got, "\n"), strings.Join(want, "\n")
}

// rowLines renders rows one a line, values quoted (NULL bare), so no two rows render alike.
func rowLines(rows [][]*string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		vals := make([]string, len(r))
		for j, v := range r {
			vals[j] = "NULL"
			if v != nil {
				vals[j] = strconv.Quote(*v)
			}
		}
		out[i] = strings.Join(vals, ", ")
	}
	return out
}

// autocommit runs fn on tablespace space outside a transaction, on PostgreSQL too.
func (h *modelHarness) autocommit(ctx context.Context, space string, fn func(runner) error) error {
	if h.pg == nil {
		return h.n.autocommit(space, fn)
	}
	c, err := h.pg.conn(ctx, space)
	if err != nil {
		return err
	}
	return h.n.autocommit(space, func(r runner) error { return fn(pairRunner{r, c, h.pg}) })
}

// transaction runs fn inside BEGIN and COMMIT (commit) or ROLLBACK, on PostgreSQL too: the
// two must agree on every statement and on the transaction's end.
func (h *modelHarness) transaction(ctx context.Context, space string, commit bool, fn func(runner) error) error {
	if h.pg == nil {
		return h.n.transaction(ctx, space, commit, fn)
	}
	c, err := h.pg.conn(ctx, space)
	if err != nil {
		return err
	}
	if _, err := h.pg.run(ctx, c, "BEGIN"); err != nil {
		return err
	}
	var fnErr error
	err = h.n.transaction(ctx, space, commit, func(r runner) error {
		fnErr = fn(pairRunner{r, c, h.pg})
		return fnErr
	})
	end := "ROLLBACK"
	if commit && fnErr == nil {
		end = "COMMIT"
	}
	a, perr := h.pg.run(ctx, c, end)
	switch {
	case perr != nil:
		return errors.Join(err, perr)
	case fnErr != nil:
		return err
	}
	h.pg.compared++
	// PostgreSQL answers COMMIT of a failed transaction with the tag ROLLBACK.
	if (err != nil) != (a.code != "" || a.tag != end) || sqlState(err) != a.code {
		return &mismatch{end, droveAnswer(nil, 0, err), a.String()}
	}
	return err
}

// runQuery runs a generated read query; paired with PostgreSQL it must get the same answer.
func runQuery(ctx context.Context, r runner, op mt.Op) error {
	if p, ok := r.(pairRunner); ok {
		_, err := p.compare(ctx, op.SQL, op.Ordered)
		return err // a mismatch, or drove's error where PostgreSQL fails alike
	}
	_, err := r.query(ctx, op.SQL)
	return err
}

// mirror does on PostgreSQL what op did on drove when op is not SQL PostgreSQL can run as
// it is (run ran op on drove already, and m is the model before op): a tablespace is a
// database, a KV put an upsert. Operations that change no data do nothing here.
func (h *modelHarness) mirror(ctx context.Context, op mt.Op, m *mt.Model) error {
	if h.pg == nil {
		return nil
	}
	switch op.Kind {
	case mt.CreateSpace:
		return h.pg.createSpace(ctx, op.Space, "")
	case mt.DropSpace:
		return h.pg.dropSpace(ctx, op.Space)
	case mt.BackupRestore:
		return h.pg.createSpace(ctx, op.NewSpace, op.Space)
	case mt.Put, mt.KVDelete:
		c, err := h.pg.conn(ctx, op.Space)
		if err != nil {
			return err
		}
		return h.pg.kv(ctx, c, m, op)
	case mt.KVTxn:
		c, err := h.pg.conn(ctx, op.Space)
		if err != nil {
			return err
		}
		if _, err := h.pg.run(ctx, c, "BEGIN"); err != nil {
			return err
		}
		scratch := m.Clone()
		for _, s := range op.Sub {
			if err := h.pg.kv(ctx, c, scratch, s); err != nil {
				h.pg.run(ctx, c, "ROLLBACK")
				return err
			}
			scratch.Apply(s)
		}
		end := "ROLLBACK"
		if op.Commit {
			end = "COMMIT"
		}
		a, err := h.pg.run(ctx, c, end)
		if err == nil && (a.code != "" || a.tag != end) {
			err = fmt.Errorf("PostgreSQL: %s: %v", end, a)
		}
		return err
	}
	return nil
}

// kv runs a KV put (as an upsert) or delete on PostgreSQL; it must do what it did on
// drove: refuse a duplicate in a unique index (op.Fails), else change one row.
func (p *pgMirror) kv(ctx context.Context, c *pgconn.PgConn, m *mt.Model, op mt.Op) error {
	t := m.Spaces[op.Space].Tables[op.Table]
	q := fmt.Sprintf("DELETE FROM %s WHERE id = %d", op.Table, op.ID)
	if op.Kind == mt.Put {
		args, sets := []any{op.ID}, []string{}
		for _, col := range t.Cols {
			if v, ok := op.Row[col]; ok {
				args = append(args, v)
			} else {
				args = append(args, nil)
			}
			sets = append(sets, col+" = excluded."+col)
		}
		q = splice("INSERT INTO "+op.Table+" ("+selectList(t)+") VALUES ("+placeholders(len(args))+") ON CONFLICT (id) DO UPDATE SET "+
			strings.Join(sets, ", "), args)
	}
	a, err := p.run(ctx, c, q)
	if err != nil {
		return err
	}
	want := ""
	if op.Fails {
		want = "23505"
	}
	if a.code != want || want == "" && !strings.HasSuffix(a.tag, " 1") {
		return fmt.Errorf("PostgreSQL does not do what drove's KV API did (%v): %s: %v", op, q, a)
	}
	return nil
}

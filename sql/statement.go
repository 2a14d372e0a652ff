package sql

import (
	"context"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Statement is one parsed statement, with its plan once bound. Sessions cache them by query
// text, so a repeated statement is parsed once; pgwire's prepared statements are Statements.
type Statement struct {
	first     string // first word, lower case
	words     []string
	ast       sqlparser.Statement // nil for statements handled without vitess
	query     *ast.Select         // a query sql/parser read (statement_tree.go); ast is nil
	queryUsed bool                // query was bound once: a re-bind parses its text again
	tsStmt    *tablespaceStmt     // CREATE/DROP TABLESPACE, which vitess does not know
	copy      *copyStmt           // COPY, which vitess does not know either
	backup    *backupStmt         // BACKUP/RESTORE TABLESPACE, drove's own
	setting   *settingStmt        // SET, SHOW, RESET, VACUUM and friends
	savepoint *savepointStmt      // SAVEPOINT, ROLLBACK TO, RELEASE
	setCons   *setConstraintsStmt // SET CONSTRAINTS (set_constraints.go)
	user      *userStmt           // CREATE/ALTER/DROP USER
	lock      *lockStmt           // LOCK TABLE (lock_table.go)
	comment   *commentStmt        // COMMENT ON (comment.go)
	notify    *notifyStmt         // LISTEN, UNLISTEN, NOTIFY (notify.go)
	chain     bool                // COMMIT/ROLLBACK AND CHAIN (utility_tree.go)
	view      *viewStmt           // CREATE/DROP/ALTER VIEW (view_stmt.go)
	ctas      *ctasStmt           // CREATE TABLE AS, SELECT INTO (ctas.go)
	prep      *prepareStmt        // PREPARE, EXECUTE, DEALLOCATE (prepare_stmt.go)
	// modWith: dml is a statement holding a data-modifying WITH, or a writing statement
	// after WITH (cte_modify.go)
	modWith bool
	cursor  *cursorStmt // DECLARE, FETCH, MOVE, CLOSE (cursor.go)
	execs   int64       // runs of the statement (pg_prepared_statements)
	// dml is a writing statement sql/parser read (dml_tree.go); dmlUsed says it was bound.
	dml       ast.Stmt
	dmlUsed   bool
	ddl       ast.Stmt               // a DDL statement sql/parser read (ddl_tree.go)
	explain   *explainStmt           // EXPLAIN, which sql/parser read (explain_tree.go)
	returning *sqlparser.SelectExprs // INSERT/UPDATE/DELETE ... RETURNING, nil without
	conflict  *conflictClause        // INSERT ... ON CONFLICT, UPSERT
	// overriding is INSERT's OVERRIDING SYSTEM VALUE ('s') or USER VALUE ('u'), or 0.
	overriding byte
	// declared are parameter types the client named at Parse; types.Null where it did not.
	declared []types.Type
	plan     *plan
	// fixed: a prepared statement (protocol-level or PREPARE), whose result columns the client
	// was told once; a re-bind may not change them (resultChanged), as PostgreSQL's
	// fixed_result plan sources. A simple query's cached statement is not fixed.
	fixed bool
	// src is the query string the statement came from and [srcAt, srcEnd) its text there,
	// where a syntax error found while binding is placed (locateBindError).
	src           string
	srcAt, srcEnd int
	// customPlans counts the runs planned with their parameters' values (custom_plan.go).
	customPlans int
}

// plan is a bound statement: its parameters, result columns, the schemas it was bound against
// (it is re-bound when any of them changes) and the function that runs it.
type plan struct {
	params *params
	cols   []Column
	deps   []dep
	views  []viewDep // views read, with the definitions bound against
	// tempEpoch is the session's tempEpoch when the plan was bound (view_temp.go)
	tempEpoch int
	// tempPath is the session's tempPathKey when the plan was bound: a temporary table is
	// found before or after public's of its name as search_path places pg_temp.
	tempPath string
	sizes    []tableSize
	run      func(ctx context.Context, tx *tablespace.Txn, out Output) error
	oneRow   bool // a query that returns at most one row (atMostOneRow)
	// explainIn is, for an INSERT, UPDATE or DELETE, where the written rows come from, as
	// EXPLAIN shows it under its ModifyTable line (explain_values.go)
	explainIn dmlInput
	// root is a query's plan tree (bindSelect), which DECLARE judges (cursor_scroll.go).
	root node
	// explainConflict is an INSERT's ON CONFLICT as EXPLAIN shows it (explain_tree.go)
	explainConflict *conflictExplain
	// zone is the TimeZone the plan was bound in when binding read it ("" otherwise): a
	// cached statement whose literals were read in another zone is bound again.
	zone string
	// order is DateStyle's field order plus one when binding read it (0 otherwise): a simple
	// query cached by its text whose dates were read in another order is bound again. A
	// prepared statement keeps its constants, as PostgreSQL's plan cache does.
	order uint8
}

// AtMostOneRow reports whether the statement, as bound last, is a query that returns at most
// one row: a primary-key lookup, or a SELECT without FROM. A caller may collect such a result
// whole rather than stream it; it is a hint (a rebind may change the plan), not a promise.
func (st *Statement) AtMostOneRow() bool { return st.plan != nil && st.plan.oneRow }

type dep struct {
	table  string
	schema *types.Schema
	// write: the statement writes the table, so it takes ROW EXCLUSIVE on it before it
	// locks a row (tablespace/lockmode.go), as PostgreSQL's writers do on starting.
	write bool
}

// statements returns the parsed statements of query, from the session's cache when it can.
func (s *Session) statements(query string) ([]*Statement, error) {
	if sts, ok := s.cache[query]; ok {
		return sts, nil
	}
	sts, err := parseStatements(query, s.interrupted)
	if err != nil {
		return nil, err
	}
	if s.cache == nil || len(s.cache) >= maxCachedQueries {
		s.cache = make(map[string][]*Statement)
	}
	s.cache[query] = sts
	return sts, nil
}

// Prepare parses a single statement for the extended query protocol. paramTypes are the types
// the client declared for $1..$n (types.Null where it left the choice to the server).
// An error aborts the open transaction, as any error does.
func (s *Session) Prepare(ctx context.Context, query string, paramTypes []types.Type) (PreparedStatement, error) {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	defer s.statementContext(ctx)()
	st, err := s.prepare(query, paramTypes)
	if err != nil {
		return nil, s.fail(err)
	}
	return st, nil
}

func (s *Session) prepare(query string, paramTypes []types.Type) (*Statement, error) {
	sts, err := parseStatements(query, func() error { return nil })
	if err != nil {
		return nil, err
	}
	if len(sts) > 1 {
		return nil, Errorf("42601", "cannot insert multiple commands into a prepared statement")
	}
	if len(sts) == 0 {
		return &Statement{}, nil
	}
	return s.prepareStatement(sts[0], paramTypes)
}

// prepareStatement prepares one parsed statement (a query string's, or the one a PREPARE or
// DECLARE holds) with the parameter types the client declared.
func (s *Session) prepareStatement(st *Statement, paramTypes []types.Type) (*Statement, error) {
	if err := s.checkFailed(st); err != nil {
		return nil, err
	}
	if s.live != nil {
		ctx := s.stmtCtx
		if ctx == nil {
			ctx = context.Background()
		}
		s.settleCursor(ctx, st) // binding may use the session's execution state
	}
	if cs := st.cursor; cs != nil && cs.verb == "fetch" {
		if c, ok := s.cursors[cs.name]; ok {
			cs.cols = c.cols
		}
	}
	st.declared = paramTypes
	s.blocks = 0 // binding counts the statement's query blocks, as run does
	if _, err := s.bindWith(st, true); err != nil {
		return nil, err
	}
	st.fixed = true
	return st, nil
}

// checkFailed refuses every statement but the ones that end a failed transaction.
func (s *Session) checkFailed(st *Statement) error {
	if s.failed {
		switch st.first {
		case "rollback", "abort", "commit", "end":
		default:
			return Errorf("25P02", "current transaction is aborted, commands ignored until end of transaction block")
		}
	}
	return nil
}

// Empty reports whether the statement has no SQL (an empty query string).
func (st *Statement) Empty() bool {
	return st.first == "" && st.ast == nil && st.query == nil && st.dml == nil && st.explain == nil && st.ddl == nil && st.tsStmt == nil && st.copy == nil && st.backup == nil
}

// BindError is the error of a constant that fails to fold planning the prepared statement
// ps to run with the parameter values args (1/0), nil if none does: PostgreSQL plans a
// prepared statement, folding its constants, at the extended protocol's Bind and at EXECUTE,
// so that is where it is raised (planError).
func (s *Session) BindError(ps PreparedStatement, args []types.Value) error {
	st, ok := ps.(*Statement)
	if !ok {
		return nil
	}
	_, err := s.planError(st, args)
	return err
}

// ParamTypes are the types of $1..$n, inferred from where they are used.
func (st *Statement) ParamTypes() []types.Type {
	if st.plan == nil {
		return nil
	}
	return st.plan.params.types
}

// Columns are the result columns, nil for a statement that returns no rows.
func (st *Statement) Columns() []Column {
	if st.cursor != nil {
		return st.cursor.cols // a FETCH's, when its cursor was open as it was prepared
	}
	if st.plan == nil {
		if st.setting != nil {
			return st.setting.showColumns() // SHOW's, which Describe reports as PostgreSQL does
		}
		return nil
	}
	return st.plan.cols
}

// bind returns the statement's plan, binding it on first use and again whenever a table it
// reads changed schema (dropped, re-created) since. Statements without a plan return nil.
func (s *Session) bind(st *Statement) (*plan, error) { return s.bindWith(st, false) }

// bindWith is bind; deferFold binds a statement being prepared, whose constants that fail
// to fold are errors only when it runs (params.deferFold, FoldError).
func (s *Session) bindWith(st *Statement, deferFold bool) (*plan, error) {
	if p := st.plan; p != nil {
		fresh := true
		for _, d := range p.deps {
			if cur, _ := s.ts.Schema(d.table); cur != d.schema {
				fresh = false
				break
			}
		}
		if fresh && p.tempEpoch == s.tempEpoch && p.tempPath == s.tempPathKey() && s.viewsFresh(p.views) && !s.resized(p.sizes) &&
			(p.zone == "" || p.zone == s.zoneName()) &&
			(p.order == 0 || st.fixed || p.order == uint8(s.dateOrder())+1) {
			return p, nil
		}
	}
	ps := &params{types: append([]types.Type(nil), st.declared...), sess: s, deferFold: deferFold}
	p, err := s.bindStatement(st, ps)
	if err == nil {
		err = ps.raisePending()
	}
	if err != nil {
		return nil, st.locateBindError(err)
	}
	if p == nil {
		return nil, nil
	}
	if st.fixed && st.plan != nil && p != nil && resultChanged(st.plan.cols, p.cols) {
		// The old plan stays: every later run binds again and fails again, as in PostgreSQL.
		return nil, Errorf("0A000", "cached plan must not change result type")
	}
	ps.settle()
	p.params = ps
	p.deps = append(p.deps, ps.deps...)
	p.sizes = ps.sizes
	p.views, p.tempEpoch, p.tempPath = ps.views, s.tempEpoch, s.tempPathKey()
	if ps.zoneUsed {
		p.zone = s.zoneName()
	}
	if ps.orderUsed {
		p.order = uint8(s.dateOrder()) + 1
	}
	st.plan = p
	return p, nil
}

// bindStatement binds st's statement with the parameters ps; nil for a statement without a
// plan.
func (s *Session) bindStatement(st *Statement, ps *params) (*plan, error) {
	if st.query != nil { // a query sql/parser read
		return s.bindSelect(st.queryTree(), ps)
	}
	if st.explain != nil { // EXPLAIN, which sql/parser read (explain_tree.go)
		return s.bindExplain(st.explain, ps)
	}
	if st.dml != nil { // a writing statement sql/parser read (dml_tree.go)
		return s.bindDMLTree(st, ps)
	}
	target, through, err := s.rewriteViewWrite(st) // a write through a view (view_write.go)
	if err != nil {
		return nil, err
	}
	retList := st.returning
	ps.checks = nil
	if through != nil {
		ps.views = append(ps.views, through.deps...)
		retList, ps.checks = through.returning, through.checks
	}
	switch ast := target.(type) {
	case sqlparser.TableStatement:
		q, err := queryTree(ast)
		if err != nil {
			return nil, err
		}
		return s.bindSelect(q, ps)
	case *sqlparser.Insert:
		return s.bindInsert(ast, ps, retList, st.conflict, st.overriding)
	case *sqlparser.Update:
		u, err := updateFromVitess(ast, retList) // update_tree.go
		if err != nil {
			return nil, err
		}
		return s.bindUpdateTree(u, ps)
	case *sqlparser.Delete:
		d, err := deleteFromVitess(ast, retList)
		if err != nil {
			return nil, err
		}
		return s.bindDelete(d, ps)
	}
	return nil, nil
}

// Reshapeable lets a re-bind of a prepared statement change its result columns: for a
// caller that reads them after each run (the database/sql driver), not a wire client that
// was told them once.
func (st *Statement) Reshapeable() { st.fixed = false }

// resultChanged reports whether a re-bound prepared statement's result columns differ from
// the ones it was prepared with, in number, name or type (PostgreSQL's equalTupleDescs): a
// client that was described the old columns would read the new rows with them (an added
// column, two columns renamed into each other's place, a table re-created with other types).
func resultChanged(old, cur []Column) bool {
	if len(old) != len(cur) {
		return true
	}
	for i := range old {
		if old[i].Name != cur[i].Name || old[i].Type != cur[i].Type {
			return true
		}
	}
	return false
}

// Exec implements Executor: it runs every statement of query in order, several as one
// implicit transaction block (execBlock). Sent inside an extended batch's implicit block,
// the string joins that block and commits it, as PostgreSQL's exec_simple_query does.
func (s *Session) Exec(ctx context.Context, query string, out Output) error {
	pctx, cancel := s.withTimeout(ctx)
	defer cancel()
	restore := s.statementContext(pctx)
	sts, err := s.statements(query)
	restore()
	if err != nil {
		err = s.fail(err)
		if s.implicit {
			s.endImplicit(false)
		}
		return err
	}
	prev := s.sourceText
	s.sourceText = query
	defer func() { s.sourceText = prev }()
	if len(sts) > 1 || s.implicit {
		return s.execBlock(ctx, sts, out)
	}
	for _, st := range sts {
		if err := s.execOne(ctx, st, out); err != nil {
			return err
		}
	}
	return nil
}

// execOne runs one statement of a query string. As in PostgreSQL 13 and later,
// statement_timeout applies to each statement separately, with the value the earlier
// statements of the string set (SET statement_timeout = '1s'; SELECT ... is bounded).
func (s *Session) execOne(ctx context.Context, st *Statement, out Output) error {
	return s.runBounded(ctx, st, nil, out, true)
}

// ExecPrepared implements Executor.
func (s *Session) ExecPrepared(ctx context.Context, ps PreparedStatement, args []types.Value, out Output) error {
	st, ok := ps.(*Statement)
	if !ok {
		return Errorf("XX000", "statement %T was not prepared by this session", ps)
	}
	return s.runBounded(ctx, st, args, out, false)
}

// runBounded runs a statement under statement_timeout and the session's statement context,
// then reports changed settings; an error fails the transaction as PostgreSQL's does.
func (s *Session) runBounded(ctx context.Context, st *Statement, args []types.Value, out Output, describe bool) error {
	ctx, cancel := s.withTimeout(ctx)
	defer cancel()
	defer s.statementContext(ctx)()
	if s.noticeOut == nil { // a statement a statement runs (a function's) tells the same client
		s.noticeOut = out
		defer s.endNotices()
	}
	err := s.run(ctx, st, args, out, describe)
	if stopped(st, err) {
		return ErrStop
	}
	if rerr := s.reportSettings(out); err == nil {
		err = rerr
	}
	if err != nil {
		return s.fail(err)
	}
	return nil
}

// run executes a statement; describe says whether to announce result columns first (the simple
// protocol does, the extended one describes them separately).
func (s *Session) run(ctx context.Context, st *Statement, args []types.Value, out Output, describe bool) error {
	if st.Empty() {
		return nil
	}
	st.execs++
	s.blocks = 0
	s.markStatementStart()
	if s.ts.Closed() {
		return Errorf("57P01", "terminating connection: tablespace %q %s", s.ts.Name(), GoneMessage)
	}
	if err := s.checkFailed(st); err != nil {
		return err
	}
	if s.set.readOnly {
		if err := st.CheckReadOnly(); err != nil && !s.writesOnlyTemp(st) {
			return err
		}
	}
	s.settleCursor(ctx, st)
	if st.cursor != nil {
		return s.execCursorStmt(ctx, st.cursor, out, describe)
	}
	p, err := s.bind(st)
	if err != nil {
		return err
	}
	if p == nil {
		return s.execUtility(ctx, st, out)
	}
	custom := s.customRun(st)
	cp, err := s.planError(st, args)
	if custom && err == nil {
		st.customPlans++ // PostgreSQL's plan cache built a custom plan for this run (one failing to plan is not kept)
	}
	if err != nil {
		return err // prepared with a constant that fails to fold: PostgreSQL's planner raises it now
	} else if cp != nil {
		p = cp // planned with the parameters' values (custom_plan.go)
	}
	if s.tx == nil {
		// Autocommit: the statement's CommandComplete goes out once its commit succeeded, so
		// a commit refused for leadership (nothing applied) is a statement with no result,
		// which pgwire's forwarding may retry on the new leader.
		held := &s.held // the session's, unless a statement runs inside this one's output
		if held.Output != nil {
			held = &completeAfterCommit{}
		}
		held.Output = out
		err := s.runIn(ctx, st, p, args, held, describe)
		if err == nil {
			err = held.release()
		}
		*held = completeAfterCommit{}
		return err
	}
	return s.runIn(ctx, st, p, args, out, describe)
}

// completeAfterCommit holds an autocommitted statement's Complete until its commit.
type completeAfterCommit struct {
	Output
	tag  string
	held bool
}

func (c *completeAfterCommit) Complete(tag string) error {
	if err := c.release(); err != nil {
		return err
	}
	c.tag, c.held = tag, true
	return nil
}

func (c *completeAfterCommit) release() error {
	if !c.held {
		return nil
	}
	c.held = false
	return c.Output.Complete(c.tag)
}

// runIn runs st's plan p in the session's transaction, or its own autocommitted one.
func (s *Session) runIn(ctx context.Context, st *Statement, p *plan, args []types.Value, out Output, describe bool) error {
	autocommit := s.tx == nil
	return s.withTxn(ctx, func(tx *tablespace.Txn) error {
		if (autocommit || s.batchHeld) && !st.IsQuery() {
			// A write statement on its own: its commit confirms the leadership its reads
			// need, so they skip the separate confirmation round (tablespace.Txn.DeferReadCheck).
			// So does one that opened an extended batch, its result held for the commit; if
			// the batch goes on, ShowBatch confirms them before it is shown.
			tx.DeferReadCheck()
		}
		p, err := s.enterPlan(ctx, tx, st, p)
		if err != nil {
			return err
		}
		if len(args) != len(p.params.types) {
			return Errorf("08P01", "bind message supplies %d parameters, but prepared statement requires %d",
				len(args), len(p.params.types))
		}
		p.params.vals = args
		if describe && p.cols != nil {
			if err := out.Columns(p.cols); err != nil {
				return err
			}
		}
		return s.execPlan(ctx, tx, p, out)
	})
}

// enterPlan admits tx to the tables of st's plan p (see tablespace.Txn.Enter). A table whose
// schema changed before it got in makes the statement bind again: once in, it cannot change.
func (s *Session) enterPlan(ctx context.Context, tx *tablespace.Txn, st *Statement, p *plan) (*plan, error) {
	for {
		fresh := true
		for _, d := range p.deps {
			ok, err := tx.Enter(ctx, d.table, d.schema)
			if err == nil && ok && d.write {
				err = tx.LockRowExclusive(ctx, d.table)
			}
			if err != nil {
				return nil, lockError(d.table, err)
			}
			fresh = fresh && ok
		}
		if fresh {
			return p, nil
		}
		var err error
		if p, err = s.bind(st); err != nil {
			return nil, err
		}
	}
}

// enterTable admits tx to a table a statement without a plan (COPY, TRUNCATE) works on.
func enterTable(ctx context.Context, tx *tablespace.Txn, table string, schema *types.Schema) error {
	ok, err := tx.Enter(ctx, table, schema)
	if err == nil && !ok {
		err = Errorf("40001", "table %q changed as the statement started; run it again", table)
	}
	return err
}

// runPlan runs a plan that was bound outside a Statement (COPY's query) in the session's
// transaction, or its own.
func (s *Session) runPlan(ctx context.Context, p *plan, out Output) error {
	return s.withTxn(ctx, func(tx *tablespace.Txn) error {
		for _, d := range p.deps {
			if err := enterTable(ctx, tx, d.table, d.schema); err != nil {
				return err
			}
		}
		return s.execPlan(ctx, tx, p, out)
	})
}

// execPlan runs a plan with a fresh execution context its operators and subqueries share.
func (s *Session) execPlan(ctx context.Context, tx *tablespace.Txn, p *plan, out Output) error {
	ec := &s.exec
	*ec = execCtx{ctx: ctx, tx: tx, mem: memAccount{limit: s.queryMemory, budget: s.budget}, subq: ec.subq}
	p.params.ec = ec
	defer func() { p.params.ec, ec.ctx, ec.tx, ec.builds = nil, nil, nil, nil; clear(ec.subq); ec.mem.done() }()
	// Every read of the statement (joins, subqueries, UNION branches) sees one committed
	// state: the snapshot pinned here (tablespace/DESIGN.md, "Snapshots").
	tx.SetContext(ctx)
	tx.PinSnapshot()
	defer tx.UnpinSnapshot()
	if ps, ok := out.(planStarter); ok {
		if err := ps.Started(ec, p); err != nil {
			return err
		}
	}
	return p.run(ctx, tx, out)
}

// planStarter is an Output told when its plan has its snapshot pinned, before it reads any
// row (a cursor's query stops there until its first FETCH, cursor_run.go), with the
// execution and the plan (whose row a cursor is on: cursor_current.go).
type planStarter interface {
	Started(ec *execCtx, p *plan) error
}

// execUtility runs the statements that have no plan: transaction control, DDL, CHECKPOINT.
func (s *Session) execUtility(ctx context.Context, st *Statement, out Output) error {
	if st.tsStmt != nil {
		return s.execTablespaceStmt(ctx, st.tsStmt, out)
	}
	if st.copy != nil {
		return s.execCopy(ctx, st.copy, out)
	}
	if st.backup != nil {
		return s.execBackup(ctx, st.backup, out)
	}
	if st.setting != nil {
		return s.execSettingStmt(ctx, st.setting, out)
	}
	if st.savepoint != nil {
		return s.execSavepointStmt(ctx, st.savepoint, out)
	}
	if st.setCons != nil {
		return s.execSetConstraints(ctx, st.setCons, out)
	}
	if st.user != nil {
		return s.execUserStmt(ctx, st.user, out)
	}
	if st.ddl != nil { // a DDL statement sql/parser read (ddl_tree.go)
		return s.execDDLTree(ctx, st, out)
	}
	if st.lock != nil {
		return s.execLockStmt(ctx, st.lock, out)
	}
	if st.comment != nil {
		return s.execCommentStmt(ctx, st.comment, out)
	}
	if st.notify != nil {
		return s.execNotifyStmt(ctx, st.notify, out)
	}
	if st.view != nil {
		return s.execViewStmt(ctx, st.view, out)
	}
	if st.prep != nil {
		return s.execPrepareStmt(ctx, st.prep, out)
	}
	if st.ctas != nil {
		return s.createTableAs(ctx, st.ctas, out)
	}
	switch st.first {
	case "checkpoint":
		if err := s.requireSuperuser("do CHECKPOINT"); err != nil { // as PostgreSQL 15
			return err
		}
		if err := s.ts.Checkpoint(ctx); err != nil {
			return err
		}
		return out.Complete("CHECKPOINT")
	case "end", "commit": // from the tree (utility_tree.go)
		if st.chain {
			return s.endChained(ctx, true, out)
		}
		return s.commit(ctx, out)
	case "abort", "rollback":
		if st.chain {
			return s.endChained(ctx, false, out)
		}
		return s.rollback(out)
	}
	return Errorf("0A000", "statement not supported: %s", strings.ToUpper(strings.Join(st.words[:min(3, len(st.words))], " ")))
}

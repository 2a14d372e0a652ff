package sql

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
)

// Temporary tables (CREATE TEMP[ORARY] TABLE). A temporary table is an ordinary table of the
// tablespace under a hidden name no other session is told, pg_temp_<process>_<session>_<name>
// (tempTablePrefix), so it is stored, read and written as any table (its rows go through the
// log, as an unlogged table's would not). The session maps the name it was created with to
// the hidden one (tableName), found before a permanent table of that name where search_path
// puts pg_temp before public (first when it does not name it, as in PostgreSQL; tempShadows;
// a plan is bound again when the path changes while the session has temporary tables), and drops its tables when it ends (Close). A process
// that crashed leaves them behind: the first session of a tablespace in a process drops every
// table of the prefix (sweepTempTables), since every session of a tablespace runs on its
// leader. ON COMMIT PRESERVE ROWS (the default), DROP and DELETE ROWS (the rows are truncated in
// the committing transaction: emptyTempTables) are PostgreSQL's. The session's own temporary tables are found by their
// own name as regclass; the catalogs list every session's in its pg_temp_N schema by its own
// name (temp_catalog.go). Not done: another session naming the hidden name reads the table.

// tempTablePrefix starts every temporary table's hidden name.
const tempTablePrefix = "pg_temp_"

var (
	tempProcess  = strconv.FormatInt(time.Now().UnixNano(), 36) // tells processes apart across restarts
	tempSessions atomic.Uint64
	tempSwept    sync.Map   // *tablespace.Tablespace → true once its leftovers are dropped
	tempSweep    sync.Mutex // one sweep at a time, so none drops a table a session made after another's
)

// tempTable is one of the session's temporary tables.
type tempTable struct {
	hidden     string // its name in the tablespace
	drop       bool   // ON COMMIT DROP
	deleteRows bool   // ON COMMIT DELETE ROWS
}

// shownTableName is the name a table is known by to its users: a temporary table's hidden
// name (prefix, process, session, name) without the first three parts, as PostgreSQL's
// messages name a temporary table by its own name.
func shownTableName(name string) string {
	rest, ok := strings.CutPrefix(name, tempTablePrefix)
	if !ok {
		return name
	}
	if _, rest, ok = strings.Cut(rest, "_"); ok { // the process
		if _, rest, ok = strings.Cut(rest, "_"); ok { // the session
			return rest
		}
	}
	return name
}

// tempTableName is the hidden name of the session's temporary table name, if it has one.
func (s *Session) tempTableName(name string) (string, bool) {
	t, ok := s.tempTables[name]
	if !ok {
		return "", false
	}
	return t.hidden, true
}

// tempShadows reports whether the unqualified name, which the session has a temporary table
// of, finds it: when pg_temp comes before public in search_path, or public has no table or
// view of the name.
func (s *Session) tempShadows(name string) bool {
	if s.tempBeforePublic() {
		return true
	}
	_, ok := s.ts.Schema(name)
	return !ok && s.ts.ViewVersionIn(s.tx, name) == ""
}

// tempFound returns the hidden name of the session's temporary table that the unqualified
// name finds: at a statement's top level, where search_path looks in pg_temp first
// (tempShadows); inside a view's query, only the table the view read when it was created, as
// PostgreSQL's view is bound to the relations themselves (a temporary table made since, of
// the name of a table it reads, is not read).
func (s *Session) tempFound(name string) (string, bool) {
	hidden, ok := s.tempTableName(name)
	if !ok {
		return "", false
	}
	if n := len(s.viewReads); n > 0 {
		return hidden, slices.Contains(s.viewReads[n-1], hidden)
	}
	return hidden, s.tempShadows(name)
}

// tempPathKey is the search_path a plan's unqualified names were bound under (plan.tempPath),
// so a plan is bound again when the path changes, as PostgreSQL's plan cache analyzes a
// statement again under a new search_path: it may now find a temporary table before public's,
// or no table where the path lost public.
func (s *Session) tempPathKey() string {
	path, _ := s.setting("search_path")
	return path
}

// newTempName checks that the session may create the temporary table name (qualifier is
// the schema it was given in, "" for none) and returns its hidden name; done is true when
// IF NOT EXISTS finds it there already.
func (s *Session) newTempName(qualifier, name string, ifNotExists bool) (hidden string, done bool, err error) {
	if qualifier != "" && qualifier != "pg_temp" {
		return "", false, Errorf("42P16", "cannot create temporary relation in non-temporary schema")
	}
	if _, ok := s.tempTables[name]; ok {
		if ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", name)
			return "", true, nil
		}
		return "", false, Errorf("42P07", "relation %q already exists", name)
	}
	s.ensureTempID()
	return s.tempID + name, false, nil
}

// ensureTempID gives the session its temporary schema (tempID, the prefix of its temporary
// tables' hidden names) if it has none yet: on its first temporary table, or when
// current_schema() finds pg_temp first in the path, as PostgreSQL makes pg_temp_N then.
func (s *Session) ensureTempID() {
	if s.tempID == "" {
		s.tempID = tempTablePrefix + tempProcess + "_" + strconv.FormatUint(tempSessions.Add(1), 36) + "_"
	}
}

// addTempTable records the session's new temporary table name (stored as hidden) with its
// ON COMMIT action ("", "preserve rows", "delete rows" or "drop").
func (s *Session) addTempTable(name, hidden, onCommit string) {
	if s.tempTables == nil {
		s.tempTables = map[string]*tempTable{}
	}
	s.tempTables[name] = &tempTable{hidden: hidden, drop: onCommit == "drop", deleteRows: onCommit == "delete rows"}
	s.tempEpoch++ // a plan bound before reads the permanent table of the name: bind it again
	if s.tx != nil {
		s.txTempTables = append(s.txTempTables, name)
	}
}

// createTempTable is CREATE TEMP TABLE q.name: CREATE TABLE of spec under the hidden name.
func (s *Session) createTempTable(ctx context.Context, q, name string, ifNotExists bool, onCommit string, spec tableSpec, out Output) error {
	hidden, done, err := s.newTempName(q, name, ifNotExists)
	if err != nil || done {
		if done {
			return out.Complete("CREATE TABLE")
		}
		return err
	}
	held := &completeAfterCommit{Output: out} // until its own commit's check, below
	if err := s.createNamedTable(ctx, hidden, ifNotExists, spec, held); err != nil {
		return err
	}
	s.addTempTable(name, hidden, onCommit)
	if s.tx == nil {
		if err := s.onCommitFKError(nil); err != nil { // its own commit fails, as PostgreSQL's
			s.dropTempTable(name)
			return err
		}
	}
	if s.tx == nil && onCommit == "drop" {
		s.dropTempTable(name) // its transaction, the statement's own, has committed
	}
	return held.release()
}

// emptyTempTables empties the session's ON COMMIT DELETE ROWS tables in tx, which is about to
// commit, as PostgreSQL's PreCommit_on_commit_actions truncates them.
func (s *Session) emptyTempTables(ctx context.Context, tx *tablespace.Txn) error {
	if tx.Writes() == 0 {
		return nil // it wrote no rows, so they are empty (each commit empties them)
	}
	for _, t := range s.tempTables {
		if !t.deleteRows || !tx.Entered(t.hidden) {
			continue
		}
		schema, ok := s.ts.Schema(t.hidden)
		if !ok {
			continue
		}
		if err := enterTable(ctx, tx, t.hidden, schema); err != nil {
			return err
		}
		if err := tx.Truncate(ctx, t.hidden); err != nil {
			return err
		}
	}
	return nil
}

// forgetTempTable removes the session's name for a hidden table that was dropped.
func (s *Session) forgetTempTable(hidden string) {
	for name, t := range s.tempTables {
		if t.hidden == hidden {
			delete(s.tempTables, name)
			s.tempEpoch++
		}
	}
}

// dropTempTable drops the session's temporary table name.
func (s *Session) dropTempTable(name string) {
	t := s.tempTables[name]
	delete(s.tempTables, name)
	s.tempEpoch++
	if err := s.ts.DropTable(context.Background(), t.hidden); err != nil && !errors.Is(err, tablespace.ErrNoTable) {
		s.ts.Logger().Warn("could not drop a temporary table", "table", t.hidden, "err", err)
	}
}

// endTxnTempTables ends the transaction for the temporary tables it created: gone with a
// rollback (undoCreates dropped them), dropped now when ON COMMIT DROP.
func (s *Session) endTxnTempTables(committed bool) {
	created := s.txTempTables
	s.txTempTables = nil
	for _, name := range created {
		t, ok := s.tempTables[name]
		switch {
		case !ok:
		case !committed:
			delete(s.tempTables, name)
			s.tempEpoch++
		case t.drop:
			s.dropTempTable(name)
		}
	}
}

// closeTempTables drops the session's temporary tables as it ends.
func (s *Session) closeTempTables() {
	for name := range s.tempTables {
		s.dropTempTable(name)
	}
}

// sweepTempTables drops, once per tablespace and process, the temporary tables a process
// that ended without closing its sessions left behind. Only the leader can drop; a follower
// leaves it to a later session.
func sweepTempTables(ts *tablespace.Tablespace) {
	if _, done := tempSwept.Load(ts); done {
		return
	}
	tempSweep.Lock()
	defer tempSweep.Unlock()
	if _, done := tempSwept.Load(ts); done || !ts.IsLeader() {
		return
	}
	for _, sc := range ts.Tables() {
		if !strings.HasPrefix(sc.Name, tempTablePrefix) {
			continue
		}
		if err := ts.DropTable(context.Background(), sc.Name); err != nil && !errors.Is(err, tablespace.ErrNoTable) {
			ts.Logger().Warn("could not drop a temporary table left behind", "table", sc.Name, "err", err)
			return
		}
	}
	tempSwept.Store(ts, true)
}

// tempScopeNext matches CREATE LOCAL|GLOBAL TEMP[ORARY] TABLE, whose word PostgreSQL ignores.
func tempScopeNext(r *rewriter) bool {
	return r.lastWord == "create" && (r.followedBy("temp", "table") || r.followedBy("temporary", "table"))
}

// onCommitNext matches CREATE TABLE's ON COMMIT, after its column list.
func (r *rewriter) onCommitNext() bool {
	return r.depth == 0 && len(r.words) > 0 && r.words[0] == "create" && r.followedBy("commit")
}

// emitOnCommit cuts ON COMMIT PRESERVE ROWS | DELETE ROWS | DROP off the statement.
func emitOnCommit(r *rewriter, _ string) error {
	switch {
	case r.followedBy("commit", "drop"):
		r.onCommit = "drop"
		r.skip(2)
	case r.followedBy("commit", "delete", "rows"), r.followedBy("commit", "preserve", "rows"):
		r.onCommit = r.peek(1).Value + " rows"
		r.skip(3)
	default:
		return r.syntaxErrorAt(r.peek(1))
	}
	return nil
}

// hasDeleteRows reports whether the session has an ON COMMIT DELETE ROWS table.
func (s *Session) hasDeleteRows() bool {
	for _, t := range s.tempTables {
		if t.deleteRows {
			return true
		}
	}
	return false
}

// writesOnlyTemp reports whether st is an INSERT, UPDATE or DELETE of one of the session's
// temporary tables, with no data-modifying (or row-locking) WITH: a read-only transaction may run it, as
// PostgreSQL's ExecCheckXactReadOnly lets writes to temporary relations through (tables it
// only reads are fine in any case). CREATE TEMP TABLE itself stays refused, as there.
func (s *Session) writesOnlyTemp(st *Statement) bool {
	var with *ast.With
	var table *ast.Table
	switch d := st.dml.(type) {
	case *ast.Insert:
		with, table = d.With, d.Table
	case *ast.Update:
		with, table = d.With, d.Table
	case *ast.Delete:
		with, table = d.With, d.Table
	default:
		return s.writesOnlyTempVitess(st.ast)
	}
	if with != nil {
		for _, c := range with.CTEs {
			if c.Stmt != nil {
				return false
			}
		}
	}
	if table == nil || table.Schema != "" && table.Schema != "pg_temp" {
		return false
	}
	_, ok := s.tempTableName(table.Name)
	return ok
}

// writesOnlyTempVitess is writesOnlyTemp for a writing statement vitess parsed (a
// non-modifying WITH's main statement): one target table, the session's temporary one.
func (s *Session) writesOnlyTempVitess(q sqlparser.Statement) bool {
	var target sqlparser.TableExpr
	switch q := q.(type) {
	case *sqlparser.Insert:
		target = q.Table
	case *sqlparser.Update:
		if len(q.TableExprs) > 0 {
			target = q.TableExprs[0] // the FROM list's tables follow the target
		}
	case *sqlparser.Delete:
		if len(q.TableExprs) == 1 {
			target = q.TableExprs[0]
		}
	}
	a, ok := target.(*sqlparser.AliasedTableExpr)
	if !ok {
		return false
	}
	tn, ok := a.Expr.(sqlparser.TableName)
	if !ok {
		return false
	}
	if q := tn.Qualifier.String(); q != "" && q != "pg_temp" {
		return false
	}
	_, ok = s.tempTableName(tn.Name.String())
	return ok
}

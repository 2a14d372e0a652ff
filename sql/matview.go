package sql

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Materialized views. A materialized view is two things of the same name: a table holding
// its rows (so they are stored, replicated, checkpointed and backed up as any table's, and
// read as a table: its indexes, its statistics) and a row of the views' hidden table
// marked Materialized, with its query, columns, dependencies and whether it is populated
// (tablespace.View). CREATE makes the table, then fills it and writes the row in one
// transaction; REFRESH truncates and refills the table in one transaction (so readers see
// the old rows or the new ones); DROP removes the row, then the table. A crash between the
// table's creation and the row, or between the two drops, leaves a table of that name that
// DROP TABLE removes (and that queries do not read: unbornMatview). The table is not written by INSERT, UPDATE, DELETE, TRUNCATE, COPY
// or ALTER TABLE (42809), and the catalogs show it as relkind 'm' (psql's \dm).

// matview returns name's definition when it is a materialized view.
func (s *Session) matview(name string) (tablespace.View, bool) {
	if s.ts.ViewVersionIn(s.tx, name) == "" {
		return tablespace.View{}, false
	}
	def, ok, err := s.ts.ViewByNameIn(s.tx, name)
	return def, ok && err == nil && def.Materialized
}

func (s *Session) isMatview(name string) bool {
	_, ok := s.matview(name)
	return ok
}

// notMatview is the error of DROP (42809) or REFRESH (0A000, as PostgreSQL) MATERIALIZED
// VIEW on another relation.
func notMatview(code, name string) error {
	return Errorf(code, "%q is not a materialized view", name)
}

func matviewHint(e *Error) *Error {
	e.Hint = "Use DROP MATERIALIZED VIEW to remove a materialized view."
	return e
}

// matviewSchema is the table of a materialized view with def's columns: the columns as the
// query gives them, and a hidden row id as key, numbered by each fill.
func matviewSchema(def tablespace.View) (*types.Schema, error) {
	schema := viewSchema(def)
	for i := range schema.Columns {
		if schema.Columns[i].Type == types.Null {
			schema.Columns[i].Type = types.Text // PostgreSQL's type for an untyped NULL or literal
		}
	}
	schema.PK = []int{len(schema.Columns)}
	schema.Columns = append(schema.Columns, types.Column{Name: RowIDColumn, Type: types.Int64, NotNull: true, Hidden: true})
	if err := schema.Validate(); err != nil {
		return nil, Errorf("42P16", "%v", err)
	}
	return schema, nil
}

func (s *Session) createMatview(ctx context.Context, st *viewStmt, out Output) error {
	name := st.names[0]
	if s.relationExists(name) {
		if st.ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", name)
			return out.Complete("CREATE MATERIALIZED VIEW")
		}
		return Errorf("42P07", "relation %q already exists", name)
	}
	def, err := s.defineView(name, st.query, st.cols, true)
	if err != nil {
		return err
	}
	if s.readsTempView(def) {
		return Errorf("0A000", "materialized views must not use temporary tables or views")
	}
	def.Materialized, def.Populated = true, !st.noData
	schema, err := matviewSchema(def)
	if err != nil {
		return err
	}
	if err := s.ts.CreateTable(ctx, schema); err != nil {
		return err
	}
	schema, _ = s.ts.Schema(name)
	var n int64
	err = s.withTxn(ctx, func(tx *tablespace.Txn) error {
		if err := s.ts.CreateViewIn(ctx, tx, def, false); err != nil {
			return err
		}
		n, err = s.fillMatview(ctx, tx, def, schema, false)
		return err
	})
	if err != nil {
		if derr := s.ts.DropTable(context.Background(), name); derr != nil && !errors.Is(derr, tablespace.ErrNoTable) {
			s.ts.Logger().Warn("could not drop the table of a materialized view that failed", "view", name, "err", derr)
		}
		if errors.Is(err, tablespace.ErrViewExists) {
			return Errorf("42P07", "relation %q already exists", name)
		}
		return err
	}
	if s.tx != nil {
		s.txCreated = append(s.txCreated, name)   // its table dropped again if the transaction rolls back
		s.txMatviews = append(s.txMatviews, name) // or if a ROLLBACK TO took its row away
	}
	if st.noData {
		return out.Complete("CREATE MATERIALIZED VIEW")
	}
	return out.Complete("SELECT " + strconv.FormatInt(n, 10))
}

// fillMatview writes the rows of def's query into its table in tx, after emptying it when
// truncate is set, and returns how many. WITH NO DATA (def.Populated false) writes none.
func (s *Session) fillMatview(ctx context.Context, tx *tablespace.Txn, def tablespace.View, schema *types.Schema, truncate bool) (int64, error) {
	if err := enterTable(ctx, tx, def.Name, schema); err != nil {
		return 0, err
	}
	if truncate {
		if err := tx.Truncate(tablespace.WithLockTimeout(ctx, s.set.lockTimeout), def.Name); err != nil {
			return 0, err
		}
	}
	if !def.Populated {
		return 0, nil
	}
	p, cols, err := s.bindMatviewQuery(ctx, tx, def, schema)
	if err != nil {
		return 0, err
	}
	fill := &matviewFill{tx: tx, schema: schema, row: make([]types.Value, len(cols)+1), cols: cols}
	err = s.execPlan(ctx, tx, p, fill)
	return fill.id, err
}

// bindMatviewQuery binds def's query for a fill, in tx, and returns the columns the table
// stores.
func (s *Session) bindMatviewQuery(ctx context.Context, tx *tablespace.Txn, def tablespace.View, schema *types.Schema) (*plan, []Column, error) {
	q, err := viewQueryTree(def.Query)
	if err != nil {
		return nil, nil, err
	}
	ps := &params{sess: s}
	saved := s.ctes
	// It reads no temporary view (tempVisible) or table (tempFound).
	s.ctes, s.viewStack, s.viewReads = nil, append(s.viewStack, ""), append(s.viewReads, nil)
	s.viewTables = append(s.viewTables, def.Tables)
	p, err := s.bindSelect(q, ps)
	s.ctes, s.viewStack, s.viewReads = saved, s.viewStack[:len(s.viewStack)-1], s.viewReads[:len(s.viewReads)-1]
	s.viewTables = s.viewTables[:len(s.viewTables)-1]
	if err != nil {
		return nil, nil, err
	}
	ps.settle()
	p.params = ps
	for _, d := range append(p.deps, ps.deps...) {
		if err := enterTable(ctx, tx, d.table, d.schema); err != nil {
			return nil, nil, err
		}
	}
	n := len(schema.Columns) - 1
	if len(p.cols) < n {
		return nil, nil, Errorf("0A000", "materialized view %q no longer matches the tables it reads", def.Name)
	}
	return p, p.cols[:n], nil
}

// matviewFill is the Output that writes a materialized view's query rows into its table.
type matviewFill struct {
	tx         *tablespace.Txn
	schema     *types.Schema
	cols       []Column
	row        []types.Value
	key, value []byte
	id         int64 // the rows written
	// rowID numbers the rows when set (CREATE TABLE AS: the table's serial row id); a
	// materialized view's are 1, 2, ... of each fill.
	rowID func() (int64, error)
}

func (f *matviewFill) Columns([]Column) error { return nil }
func (f *matviewFill) Complete(string) error  { return nil }

func (f *matviewFill) Row(row []types.Value) error {
	var err error
	for i, c := range f.cols {
		if f.row[i], err = assign(row[i], c.Type, false, &f.schema.Columns[i]); err != nil {
			return err
		}
	}
	f.id++
	id := f.id
	if f.rowID != nil {
		if id, err = f.rowID(); err != nil {
			return err
		}
	}
	f.row[len(f.cols)] = types.NewInt(types.Int64, id)
	if f.key, err = types.AppendKey(f.key[:0], f.schema, f.row); err != nil {
		return err
	}
	f.value = types.AppendRow(f.value[:0], f.schema, f.row)
	return f.tx.Load(f.schema.Name, f.key, f.value)
}

// refreshOfTree is REFRESH MATERIALIZED VIEW as sql/parser read it (utility_tree.go).
func refreshOfTree(n *ast.Refresh) (*viewStmt, error) {
	name, err := viewNameOf(n.Name)
	if err != nil {
		return nil, err
	}
	return &viewStmt{verb: "refresh", materialized: true, names: []string{name}, concurrently: n.Concurrently, noData: n.NoData}, nil
}

// refreshMatview replaces a materialized view's rows by its query's, in the session's
// transaction or one of its own, as PostgreSQL's REFRESH MATERIALIZED VIEW (without
// CONCURRENTLY; readers see the old rows until it commits).
func (s *Session) refreshMatview(ctx context.Context, st *viewStmt, out Output) error {
	name := st.names[0]
	def, ok := s.matview(name)
	if !ok {
		if s.relationExists(name) {
			return notMatview("0A000", name)
		}
		return relationMissing(name)
	}
	schema, ok := s.ts.Schema(name)
	if !ok {
		return relationMissing(name)
	}
	if st.concurrently {
		if err := refreshConcurrentlyAllowed(def, schema, st.noData); err != nil {
			return err
		}
		if err := s.withTxn(ctx, func(tx *tablespace.Txn) error { return s.mergeMatview(ctx, tx, def, schema) }); err != nil {
			return err
		}
		return out.Complete("REFRESH MATERIALIZED VIEW")
	}
	populated := !st.noData
	err := s.withTxn(ctx, func(tx *tablespace.Txn) error {
		if def.Populated != populated {
			def.Populated = populated
			if err := s.ts.CreateViewIn(ctx, tx, def, true); err != nil {
				return err
			}
		}
		_, err := s.fillMatview(ctx, tx, def, schema, true)
		return err
	})
	if err != nil {
		return err
	}
	return out.Complete("REFRESH MATERIALIZED VIEW")
}

// dropMatviews runs DROP MATERIALIZED VIEW [IF EXISTS] names [CASCADE].
func (s *Session) dropMatviews(ctx context.Context, views []*ast.Table, ifExists, cascade bool, out Output) error {
	var names []string
	for _, v := range views {
		if err := systemDropError(v, "materialized view"); err != nil {
			return err
		}
		name, err := s.dropNameOf(v, ifExists)
		if err != nil {
			return err
		} else if name == "" {
			continue
		}
		if s.isMatview(name) {
			names = append(names, name)
			continue
		}
		if s.relationExists(name) && !s.droppedMatview(name) {
			return notMatview("42809", name)
		}
		if !ifExists {
			return Errorf("42P01", "materialized view %q does not exist", name)
		}
		s.noticef("NOTICE", "00000", "materialized view %q does not exist, skipping", name)
	}
	for _, name := range names {
		if used, err := s.usedByTxn(ctx, name); err != nil || used {
			// Dropping waits for the transactions using the table: this one would wait for itself.
			return cmp.Or(err, unsupported("DROP MATERIALIZED VIEW of a materialized view this transaction has used"))
		}
		if err := s.dropDependents(ctx, "materialized view", name, cascade); err != nil {
			return err
		}
		if err := s.dropMatview(ctx, name); err != nil {
			return err
		}
	}
	return out.Complete("DROP MATERIALIZED VIEW")
}

// dropMatview removes a materialized view: its row, then its table. In a transaction block
// the row is removed in the transaction (so ROLLBACK and ROLLBACK TO undo it, and other
// sessions read the view until COMMIT) and the table once it commits (dropMatviewTables).
func (s *Session) dropMatview(ctx context.Context, name string) error {
	if err := s.ts.DropViewIn(ctx, s.tx, name); err != nil && !errors.Is(err, tablespace.ErrNoView) {
		return err
	}
	if s.tx != nil {
		s.txMatviews = append(s.txMatviews, name)
		return nil
	}
	if err := s.ts.DropTable(ctx, name); err != nil && !errors.Is(err, tablespace.ErrNoTable) {
		return err
	}
	return nil
}

// droppedMatview reports whether name is the table of a materialized view the session's
// transaction dropped (or created and rolled back to before): it goes at COMMIT, and the
// transaction no longer reads it.
func (s *Session) droppedMatview(name string) bool {
	return s.tx != nil && slices.Contains(s.txMatviews, name) && s.ts.ViewVersionIn(s.tx, name) == ""
}

// unbornMatview reports whether name is the table of a materialized view another session's
// open transaction is creating: the table exists at once (DDL is not in the transaction's
// log entry) but its row is not committed, and PostgreSQL has no such relation for other
// sessions until the creation commits. The table is known by its shape: the hidden row id
// as key without the default a table without a primary key gives it (matviewSchema).
func (s *Session) unbornMatview(name string) bool {
	schema, ok := s.ts.Schema(name)
	if !ok || len(schema.PK) != 1 {
		return false
	}
	c := schema.Columns[schema.PK[0]]
	return c.Hidden && c.Name == RowIDColumn && c.Default == "" && s.ts.ViewVersionIn(s.tx, name) == ""
}

// dropMatviewTables drops, after a COMMIT, the tables of the materialized views the
// transaction created or dropped whose row the commit left without (dropped, or created and
// then undone by ROLLBACK TO). Like the two steps of an autocommitted DROP, a crash in
// between leaves a plain table of the name.
func (s *Session) dropMatviewTables(names []string) {
	for _, name := range names {
		if s.ts.ViewVersionIn(nil, name) != "" {
			continue
		}
		if err := s.ts.DropTable(context.Background(), name); err != nil && !errors.Is(err, tablespace.ErrNoTable) {
			s.ts.Logger().Warn("could not drop the table of a dropped materialized view", "view", name, "err", err)
		}
	}
}

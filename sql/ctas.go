package sql

import (
	"context"
	"errors"
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// CREATE TABLE name [(columns)] AS query [WITH [NO] DATA] and SELECT ... INTO name FROM ...,
// read by sql/parser (ctas_tree.go). The query is
// bound once: its columns make the new table (declared types kept, an untyped literal or
// NULL is text, a hidden row id is its key, as for any table without a primary key), and
// its plan writes the rows into it. The table is created as CREATE TABLE's is (at once, and
// dropped again if the transaction block rolls back); its rows go in the statement's
// transaction, so they are durable and replicated as any insert's.

// ctasStmt is a CREATE TABLE AS or SELECT INTO sql/parser read (ctas_tree.go).
type ctasStmt struct {
	name        string
	cols        []string // CREATE TABLE name (cols) AS: the new names of the query's first columns
	noData      bool     // WITH NO DATA: the table only
	ifNotExists bool
	into        bool   // SELECT ... INTO
	temp        bool   // TEMP, or named in pg_temp: the session's temporary table (temp_table.go)
	onCommit    string // a temporary one's ON COMMIT action
	qualifier   string // the schema the name was given in
	// text is the statement's text, parsed again to bind its query (queryTree)
	text        string
	persistence ast.Persistence // UNLOGGED is refused when it runs
	with        []ast.DefElem   // WITH (storage parameters)
}

// command is the statement's name in PostgreSQL's messages.
func (st *ctasStmt) command() string {
	if st.into {
		return "SELECT INTO"
	}
	return "CREATE TABLE AS"
}

// createTableAs runs CREATE TABLE AS and SELECT INTO.
func (s *Session) createTableAs(ctx context.Context, st *ctasStmt, out Output) error {
	ctx = tablespace.WithLockTimeout(ctx, s.set.lockTimeout)
	target := *st // checkTableAsTarget fills in this run's search_path schema, not the statement's
	st = &target
	if err := s.checkTableAsTarget(st); err != nil {
		return err
	}
	table := st.name // its name in the tablespace
	if st.temp {
		hidden, done, err := s.newTempName(st.qualifier, st.name, st.ifNotExists)
		if err != nil || done {
			if done {
				return out.Complete("CREATE TABLE AS")
			}
			return err
		}
		table = hidden
	} else if s.relationExists(st.name) { // before the query is looked at, as PostgreSQL
		if st.ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", st.name)
			return out.Complete("CREATE TABLE AS")
		}
		return Errorf("42P07", "relation %q already exists", st.name)
	}
	ps := &params{sess: s}
	p, err := s.bindTableAsQuery(st, ps)
	if err != nil {
		return err
	}
	if len(ps.types) > 0 {
		return Errorf("42P02", "there is no parameter $1")
	}
	if len(st.cols) > len(p.cols) {
		return Errorf("42601", "too many column names were specified")
	}
	schema, err := ctasSchema(table, p.cols, st.cols)
	if err != nil {
		return err
	}
	if err := s.ts.CreateTable(ctx, schema); err != nil {
		return err
	}
	if s.tx != nil {
		s.txCreated = append(s.txCreated, table) // dropped again if the block rolls back
	}
	if st.temp {
		s.addTempTable(st.name, table, st.onCommit)
	}
	var n int64
	if !st.noData {
		n, err = s.fillTableAs(ctx, table, p, ps)
	}
	if err != nil && s.tx == nil { // in a block, the failed transaction's ROLLBACK drops it
		if st.temp {
			s.forgetTempTable(table)
		}
		if derr := s.ts.DropTable(context.Background(), table); derr != nil && !errors.Is(derr, tablespace.ErrNoTable) {
			s.ts.Logger().Warn("could not drop the table of a CREATE TABLE AS that failed", "table", table, "err", derr)
		}
	}
	if err != nil {
		return err
	}
	if st.temp && s.tx == nil && st.onCommit == "drop" {
		s.dropTempTable(st.name) // its transaction, the statement's own, has committed
	}
	if st.noData {
		return out.Complete(st.command())
	}
	return out.Complete("SELECT " + strconv.FormatInt(n, 10))
}

// bindTableAsQuery binds the query that fills the new table: after a data-modifying WITH,
// the plan that runs its parts, then the query.
func (s *Session) bindTableAsQuery(st *ctasStmt, ps *params) (*plan, error) {
	saved := s.ctes
	s.ctes = nil
	defer func() { s.ctes = saved }()
	q, err := st.queryTree() // ctas_tree.go
	if err != nil {
		return nil, err
	}
	if holdsModifyingWith(q) {
		// after a data-modifying WITH, its parts run first and its main query fills the
		// table, as PostgreSQL runs them (cte_modify.go); WITH NO DATA runs none
		return s.bindModifyingWith(q, ps)
	}
	return s.bindSelect(q, ps)
}

// ctasSchema is the table of a query's columns cols, the first renamed by names: a
// declared type is kept (varchar(3), numeric(4,1)), an untyped one is text, and a hidden
// row id is the key.
func ctasSchema(name string, cols []Column, names []string) (*types.Schema, error) {
	schema := &types.Schema{Name: name}
	for i, qc := range cols {
		c := types.Column{Name: qc.Name, Type: qc.Type}
		if d, ok := qc.Declared(); ok {
			c = d
			c.NotNull, c.Default, c.Hidden = false, "", false
		}
		if i < len(names) {
			c.Name = names[i]
		}
		if c.Type == types.Null {
			c.Type = types.Text // PostgreSQL's type for an untyped NULL or literal
		}
		if schema.ColumnIndex(c.Name) >= 0 {
			return nil, Errorf("42701", "column %q specified more than once", c.Name)
		}
		if c.Name == RowIDColumn {
			return nil, Errorf("42701", "column name %q is reserved for the row id of a table without a primary key", RowIDColumn)
		}
		schema.Columns = append(schema.Columns, c)
	}
	schema.PK = []int{len(schema.Columns)}
	schema.Columns = append(schema.Columns, types.Column{Name: RowIDColumn, Type: types.Int64,
		NotNull: true, Hidden: true, Default: rowIDDefault(name)})
	if err := schema.Validate(); err != nil {
		return nil, Errorf("42P16", "%v", err)
	}
	return schema, nil
}

// fillTableAs runs the bound query p into the new table, in the session's transaction or
// one of its own, and returns how many rows it wrote.
func (s *Session) fillTableAs(ctx context.Context, name string, p *plan, ps *params) (int64, error) {
	schema, ok := s.ts.Schema(name)
	if !ok {
		return 0, Errorf("42P01", "relation %q does not exist", name)
	}
	ps.settle()
	p.params = ps
	n := len(schema.Columns) - 1
	fill := &matviewFill{schema: schema, row: make([]types.Value, n+1), cols: p.cols[:n],
		rowID: func() (int64, error) { return s.ts.NextSerial(schema, n) }}
	err := s.withTxn(ctx, func(tx *tablespace.Txn) error {
		fill.tx = tx
		for _, d := range append([]dep{{name, schema, true}}, append(p.deps, ps.deps...)...) {
			if err := enterTable(ctx, tx, d.table, d.schema); err != nil {
				return err
			}
		}
		return s.execPlan(ctx, tx, p, fill)
	})
	return fill.id, err
}

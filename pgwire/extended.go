package pgwire

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// The extended query protocol: Parse makes a prepared statement, Bind a portal (a statement
// with parameter values and result formats), Execute runs a portal, possibly a few rows at a
// time, Sync ends the exchange. After an error every message up to Sync is skipped.

type statement struct {
	st       sql.PreparedStatement
	declared []uint32 // the parameter type OIDs the client gave at Parse
	query    string   // its text, to prepare it again if the session is forwarded (switch.go)
}

// namedStatements is a session whose named prepared statements are one namespace with SQL's
// PREPARE (sql.Session): Parse registers its named statements there, and Bind and Describe
// find there the statements PREPARE made and miss the ones DEALLOCATE dropped.
type namedStatements interface {
	AddNamed(name, query string, st sql.PreparedStatement) error
	Named(name string) (sql.PreparedStatement, bool)
	DropNamed(name string)
}

// statement finds a prepared statement by name: the unnamed one, or a named one the
// session still has.
func (c *conn) statement(name string) (*statement, bool) {
	s, ok := c.statements[name]
	n, shared := c.session.(namedStatements)
	if name == "" || !shared {
		return s, ok
	}
	st, ok := n.Named(name)
	if !ok {
		delete(c.statements, name) // DEALLOCATEd
		return nil, false
	}
	if s == nil || s.st != st {
		s = &statement{st: st} // PREPAREd in SQL
	}
	return s, true
}

// foldErrorer is a session whose prepared statements may hold a constant that fails to fold
// (1/0) with the parameter values bound: PostgreSQL plans a statement, folding its
// constants, at Bind, so that is where its error is raised, after the parameters are read
// and before the result formats are checked.
type foldErrorer interface {
	BindError(st sql.PreparedStatement, args []types.Value) error
}

type portal struct {
	st      sql.PreparedStatement
	args    []types.Value
	formats []int16 // result format per column
	// A portal executed with a row limit runs to completion once and hands out its rows in
	// batches; rows and tag hold what is left.
	started bool
	// done: run to completion by an Execute without a row limit (tag is its tag); another
	// Execute returns no rows, or is 55000 for a statement without rows, as in PostgreSQL.
	done bool
	rows [][]types.Value
	tag  string
	run  *portalRun // a query streaming to the client, suspended (portal_stream.go)
	err  error      // what the query ended with when it was settled into rows
}

// paramOIDs describes parameters as PostgreSQL does: a type the client declared is echoed
// back as declared (varchar stays varchar, though drove reads it as text); pgjdbc, for one,
// refuses a description that changes the type it declared.
func paramOIDs(ts []types.Type, declared []uint32) []uint32 {
	oids := make([]uint32, len(ts))
	for i, t := range ts {
		oids[i] = t.OID()
		if i < len(declared) && declared[i] != 0 && types.FromOID(declared[i]) == t {
			oids[i] = declared[i]
		}
	}
	return oids
}

func (c *conn) parse(ctx context.Context, m *pgproto3.Parse) error {
	declared := make([]types.Type, len(m.ParameterOIDs))
	for i, oid := range m.ParameterOIDs {
		declared[i] = types.FromOID(oid)
	}
	st, err := c.session.Prepare(c.running(ctx), m.Query, declared)
	c.idle()
	if err != nil {
		return err
	}
	if m.Name != "" {
		if n, ok := c.session.(namedStatements); ok {
			if err := n.AddNamed(m.Name, m.Query, st); err != nil {
				return err
			}
		} else if _, exists := c.statements[m.Name]; exists {
			return sql.Errorf("42P05", "prepared statement %q already exists", m.Name)
		}
	}
	c.statements[m.Name] = &statement{st: st, declared: m.ParameterOIDs, query: m.Query}
	c.be.Send(&pgproto3.ParseComplete{})
	return nil
}

func (c *conn) bind(m *pgproto3.Bind) error {
	s, ok := c.statement(m.PreparedStatement)
	if !ok {
		return sql.Errorf("26000", "prepared statement %q does not exist", m.PreparedStatement)
	}
	ptypes := s.st.ParamTypes()
	if len(m.Parameters) != len(ptypes) {
		return sql.Errorf("08P01", "bind message supplies %d parameters, but prepared statement %q requires %d",
			len(m.Parameters), m.PreparedStatement, len(ptypes))
	}
	if n := len(m.ParameterFormatCodes); n > 1 && n != len(m.Parameters) {
		return sql.Errorf("08P01", "bind message has %d parameter formats but %d parameters", n, len(m.Parameters))
	}
	args := make([]types.Value, len(m.Parameters))
	for i, raw := range m.Parameters {
		f, _ := formatFor(m.ParameterFormatCodes, i)
		v, err := decodeParam(raw, f, ptypes[i], c.out.style.Order())
		if err != nil {
			return err
		}
		args[i] = v
	}
	if f, ok := c.session.(foldErrorer); ok { // PostgreSQL plans the statement here
		if err := f.BindError(s.st, args); err != nil {
			return err
		}
	}
	cols := s.st.Columns()
	if n := len(m.ResultFormatCodes); n > 1 && n != len(cols) { // PostgreSQL's check, at Bind
		return sql.Errorf("08P01", "bind message has %d result formats but query has %d columns", n, len(cols))
	}
	formats := make([]int16, len(cols))
	for i := range cols {
		f, err := formatFor(m.ResultFormatCodes, i)
		if err != nil || f < 0 || f > 1 {
			return sql.Errorf("08P01", "invalid result format codes")
		}
		formats[i] = f
	}
	c.portals[m.DestinationPortal] = &portal{st: s.st, args: args, formats: formats}
	c.be.Send(&pgproto3.BindComplete{})
	return nil
}

func (c *conn) describe(m *pgproto3.Describe) error {
	var cols []sql.Column
	var formats []int16
	switch m.ObjectType {
	case 'S':
		s, ok := c.statement(m.Name)
		if !ok {
			return sql.Errorf("26000", "prepared statement %q does not exist", m.Name)
		}
		c.be.Send(&pgproto3.ParameterDescription{ParameterOIDs: paramOIDs(s.st.ParamTypes(), s.declared)})
		cols = s.st.Columns()
	case 'P':
		p, ok := c.portals[m.Name]
		if !ok {
			return sql.Errorf("34000", "portal %q does not exist", m.Name)
		}
		cols, formats = p.st.Columns(), p.formats
	default:
		return sql.Errorf("08P01", "invalid Describe object type %q", m.ObjectType)
	}
	if cols == nil {
		c.be.Send(&pgproto3.NoData{})
		return nil
	}
	c.out.describe(cols, formats)
	return nil
}

func (c *conn) execute(ctx context.Context, m *pgproto3.Execute) error {
	base := ctx
	ctx = c.running(ctx)
	defer c.idle()
	p, ok := c.portals[m.Portal]
	if !ok {
		return sql.Errorf("34000", "portal %q does not exist", m.Portal)
	}
	if e, ok := p.st.(interface{ Empty() bool }); ok && e.Empty() {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
		return nil
	}
	c.out.prepare(p.st.Columns(), p.formats)
	if !p.started && (m.MaxRows == 0 || isCopy(p.st)) {
		p.started = true
		c.out.tag = ""
		c.out.copying = true
		err := c.runHeld(ctx, m.Portal, p)
		c.out.copying, c.out.copyingOut = false, false
		p.done, p.tag = true, c.out.tag
		return err
	}
	if p.done {
		if p.st.Columns() == nil {
			return sql.Errorf("55000", "portal %q cannot be run", m.Portal)
		}
		return c.out.Complete(zeroTag(p.tag))
	}
	if !p.started && streamable(c.session, p.st) {
		p.started = true
		p.run = c.startPortal(base, m.Portal, p)
	}
	if p.run != nil {
		return c.executeStreaming(ctx, p, int(m.MaxRows))
	}
	if p.err != nil {
		err := p.err
		p.err = nil
		return err
	}
	if !p.started {
		p.started = true
		var buf bufferedOutput
		if err := c.runPortal(ctx, p, &buf); err != nil {
			return err
		}
		p.rows, p.tag = buf.rows, buf.tag
	}
	n := len(p.rows)
	if m.MaxRows > 0 {
		n = min(n, int(m.MaxRows))
	}
	for _, row := range p.rows[:n] {
		if err := c.out.Row(row); err != nil {
			return err
		}
	}
	p.rows = p.rows[n:]
	// As PostgreSQL: a batch that fills the limit suspends, even at the last row, and a
	// query's tag counts this Execute's rows.
	if m.MaxRows > 0 && n == int(m.MaxRows) {
		c.be.Send(&pgproto3.PortalSuspended{})
		return nil
	}
	return c.out.Complete(rowsTag(p.tag, n))
}

// portalReads reports whether an open portal reads table: the session refuses to change it
// (55006), as PostgreSQL refuses a table a portal's executor holds.
func (c *conn) portalReads(table string) bool {
	for _, p := range c.portals {
		if r, ok := p.st.(interface{ ReadsTable(string) bool }); ok && r.ReadsTable(table) {
			return true
		}
	}
	return false
}

// isCopy reports a COPY statement, which an Execute runs to completion in the COPY
// sub-protocol whatever its row limit, as PostgreSQL runs a utility statement.
func isCopy(st sql.PreparedStatement) bool {
	c, ok := st.(interface{ IsCopy() bool })
	return ok && c.IsCopy()
}

// zeroTag is a command tag with its row count 0: what another Execute of a portal that ran
// to completion reports ("SELECT 0", "INSERT 0 0", "SHOW").
func zeroTag(tag string) string {
	i := strings.LastIndexByte(tag, ' ')
	if i < 0 || strings.Trim(tag[i+1:], "0123456789") != "" {
		return tag
	}
	return tag[:i+1] + "0"
}

func (c *conn) closeObject(m *pgproto3.Close) error {
	switch m.ObjectType {
	case 'S':
		delete(c.statements, m.Name)
		if n, ok := c.session.(namedStatements); ok && m.Name != "" {
			n.DropNamed(m.Name)
		}
	case 'P':
		if c.live != nil && c.live.name == m.Name {
			c.stopPortal()
		}
		delete(c.portals, m.Name)
	default:
		return sql.Errorf("08P01", "invalid CLOSE message subtype %d", m.ObjectType)
	}
	c.be.Send(&pgproto3.CloseComplete{})
	return nil
}

// bufferedOutput keeps a whole result for a portal read a few rows at a time, up to
// portalBufferLimit bytes: an Execute with a row limit of a query of endless rows
// (generate_series(1, 1e11)) would otherwise hold them all.
type bufferedOutput struct {
	rows [][]types.Value
	tag  string
	used int64
}

// portalBufferLimit bounds a buffered portal's rows as sql bounds a query's sorts: 1 GiB.
var portalBufferLimit int64 = 1 << 30

func (b *bufferedOutput) Columns([]sql.Column) error { return nil }
func (b *bufferedOutput) Row(r []types.Value) error {
	b.used += int64(24 + 40*len(r))
	for i := range r {
		b.used += int64(len(r[i].S))
	}
	if b.used > portalBufferLimit {
		return &sql.Error{Code: "53200", Message: "out of memory",
			Detail: fmt.Sprintf("A portal read with a row limit keeps its whole result, and this one needs more than %d MiB.", portalBufferLimit>>20)}
	}
	b.rows = append(b.rows, slices.Clone(r))
	return nil
}
func (b *bufferedOutput) Complete(tag string) error { b.tag = tag; return nil }

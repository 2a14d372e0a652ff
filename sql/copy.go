package sql

import (
	"cmp"
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/drovedb/drove/copydata"
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// CopyStream is offered by an Output whose client speaks PostgreSQL's COPY sub-protocol
// (pgwire's). The session asks for it by type assertion; outputs without it cannot COPY.
type CopyStream interface {
	// CopyIn announces COPY FROM STDIN of ncols columns, text or binary, and returns the
	// client's data, which ends with io.EOF when the client says CopyDone.
	CopyIn(ncols int, binary bool) (io.Reader, error)
	// CopyOut announces COPY TO STDOUT of ncols columns, text or binary; every Write is one
	// CopyData message.
	CopyOut(ncols int, binary bool) (io.Writer, error)
}

// copyStmt is a parsed COPY, which vitess does not know:
//
//	COPY table [(col, ...)] FROM STDIN [[WITH] (option, ...) | legacy options]
//	COPY {table [(col, ...)] | (query)} TO STDOUT [[WITH] (option, ...) | legacy options]
type copyStmt struct {
	table string
	cols  []string
	query string // COPY (query) TO: the query's text, which sql/parser reads
	from  bool
	opts  copydata.Options
	// mutations: each record is key, UPDATE|DELETE, logical commit time, then the columns,
	// applied last-writer-wins (see mutations.go).
	mutations bool
	// CSV's FORCE options and COPY FROM's WHERE condition text (copy_force.go).
	forceQuote, forceNotNull, forceNull copyForce
	where                               string
}

func isCopyStmt(words []string) bool { return len(words) > 0 && words[0] == "copy" }

// copyParser walks the tokens of a COPY statement.
type copyParser struct {
	sql  string
	toks []lexer.Token
	i    int
}

func (p *copyParser) peek() lexer.Token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return lexer.Token{Kind: lexer.EOF}
}

// word reports whether the next token is the keyword w (or, for HEADER 1, the number w).
func (p *copyParser) word(w string) bool {
	t := p.peek()
	return (t.Kind == lexer.Ident || t.Kind == lexer.Integer) && t.Value == w
}

func (p *copyParser) accept(w string) bool {
	if p.word(w) {
		p.i++
		return true
	}
	return false
}

func (p *copyParser) punct(c byte) bool {
	if t := p.peek(); t.Kind == lexer.Punct && t.Value == string(c) {
		p.i++
		return true
	}
	return false
}

func (p *copyParser) errNear() error {
	t := p.peek()
	if t.Kind == lexer.EOF {
		return errorAt(Errorf("42601", "syntax error at end of input"), atEnd)
	}
	return errorAt(Errorf("42601", "syntax error at or near \"%s\"", t.Text(p.sql)), t.Pos)
}

// ident reads an identifier (a keyword is accepted as one, as PostgreSQL does for unreserved
// words).
func (p *copyParser) ident() (string, error) {
	t := p.peek()
	if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
		return "", p.errNear()
	}
	p.i++
	return t.Value, nil
}

func (p *copyParser) str() (string, error) {
	t := p.peek()
	if t.Kind != lexer.String {
		return "", p.errNear()
	}
	p.i++
	return t.Value, nil
}

// parseCopy parses a COPY's PostgreSQL text; a (query) is read by sql/parser.
func parseCopy(sql string) (*copyStmt, error) {
	toks, err := lexSQL(sql)
	if err != nil {
		return nil, err
	}
	p := &copyParser{sql: sql, toks: toks, i: 1} // past COPY
	st := &copyStmt{}
	if p.punct('(') {
		// COPY (query) TO: find the matching parenthesis and keep the text between.
		start, depth := p.toks[p.i-1].End, 1
		for ; p.i < len(p.toks) && depth > 0; p.i++ {
			switch t := p.toks[p.i]; {
			case t.IsPunct("("):
				depth++
			case t.IsPunct(")"):
				depth--
			}
		}
		if depth > 0 {
			return nil, Errorf("42601", "syntax error at end of input")
		}
		if err := st.checkQuery(sql, start, p.toks[p.i-1].Pos); err != nil {
			return nil, err
		}
	} else {
		if st.table, err = p.ident(); err != nil {
			return nil, err
		}
		if p.punct('.') { // tablespace- or schema-qualified
			q := st.table
			if st.table, err = p.ident(); err != nil {
				return nil, err
			}
			st.table = q + "." + st.table // public's too: copyTable reads a name without one by search_path
		}
		if p.punct('(') {
			for {
				c, err := p.ident()
				if err != nil {
					return nil, err
				}
				st.cols = append(st.cols, c)
				if p.punct(')') {
					break
				}
				if !p.punct(',') {
					return nil, p.errNear()
				}
			}
		}
	}
	switch {
	case p.accept("from"):
		st.from = true
		if !p.accept("stdin") {
			return nil, copyTarget(p)
		}
		if st.query != "" {
			return nil, Errorf("42601", "COPY (query) FROM is not possible: a query cannot receive rows")
		}
	case p.accept("to"):
		if !p.accept("stdout") {
			return nil, copyTarget(p)
		}
	default:
		return nil, p.errNear()
	}
	if err := p.options(st); err != nil {
		return nil, err
	}
	p.whereClause(st)
	if p.peek().Kind != lexer.EOF && !p.peek().IsPunct(";") {
		return nil, p.errNear()
	}
	if err := st.opts.Normalize(); err != nil {
		return nil, Errorf("22023", "%v", err)
	}
	if err := st.checkForce(); err != nil {
		return nil, err
	}
	return st, nil
}

// checkQuery keeps COPY (query) TO's query, sql[from:to], once sql/parser has read it and
// found a query PostgreSQL copies: a SELECT without INTO (a writing statement copies its
// RETURNING rows, which drove does not do yet).
func (st *copyStmt) checkQuery(sql string, from, to int) error {
	q := sql[from:to]
	n, err := pgparser.ParseSelect(q)
	if err != nil {
		var e *Error
		if err = parserError(err, q); errors.As(err, &e) && e.Position > 0 {
			e.Position += utf8.RuneCountInString(sql[:from]) // within the COPY statement
		}
		if sts, perr := pgparser.Parse(q); perr == nil && len(sts) == 1 {
			err = copyQueryError(sts[0])
		}
		return err
	}
	if selectsInto(n) {
		return Errorf("0A000", "COPY (SELECT INTO) is not supported")
	}
	st.query = q
	return nil
}

// copyQueryError is PostgreSQL's error for COPY of a writing statement: it needs RETURNING,
// whose rows drove does not copy yet.
func copyQueryError(n ast.Stmt) error {
	var returning []ast.Target
	switch n := n.(type) {
	case *ast.Insert:
		returning = n.Returning
	case *ast.Update:
		returning = n.Returning
	case *ast.Delete:
		returning = n.Returning
	default:
		return Errorf("42601", "syntax error: COPY (query) takes one query")
	}
	if returning == nil {
		return Errorf("0A000", "COPY query must have a RETURNING clause")
	}
	return unsupported("COPY of a writing statement's RETURNING rows")
}

func copyTarget(p *copyParser) error {
	if p.peek().Kind == lexer.String || p.word("program") {
		return Errorf("0A000", "COPY to or from a server file or program is not supported; use STDIN/STDOUT (psql's \\copy)")
	}
	return p.errNear()
}

// options reads [WITH] (option value, ...) or the pre-9.0 list of bare options.
func (p *copyParser) options(st *copyStmt) error {
	p.accept("with")
	seen := make(map[string]bool)
	// once refuses an option given twice, as PostgreSQL does (CSV and BINARY are FORMAT).
	once := func(name string) error {
		canon := name
		if name == "csv" || name == "binary" {
			canon = "format"
		}
		if seen[canon] {
			return errorAt(Errorf("42601", "conflicting or redundant options"), p.toks[p.i-1].Pos)
		}
		seen[canon] = true
		return nil
	}
	if p.punct('(') {
		for {
			name, err := p.ident()
			if err != nil {
				return err
			}
			if err := once(strings.ToLower(name)); err != nil {
				return err
			}
			if err := p.option(st, strings.ToLower(name), true); err != nil {
				return err
			}
			if p.punct(')') {
				return nil
			}
			if !p.punct(',') {
				return p.errNear()
			}
		}
	}
	for p.peek().Kind != lexer.EOF && !p.word("where") && !p.peek().IsPunct(";") {
		name, err := p.ident()
		if err != nil {
			return err
		}
		if strings.EqualFold(name, "force") {
			if name, err = p.legacyForce(); err != nil {
				return err
			}
		}
		if err := once(strings.ToLower(name)); err != nil {
			return err
		}
		if err := p.option(st, strings.ToLower(name), false); err != nil {
			return err
		}
	}
	return nil
}

// option reads the value of one option; modern is the parenthesized syntax.
func (p *copyParser) option(st *copyStmt, name string, modern bool) error {
	o := &st.opts
	char := func(what string) (byte, error) {
		p.accept("as")
		s, err := p.str()
		if err != nil {
			return 0, err
		}
		if len(s) != 1 {
			return 0, Errorf("22023", "COPY %s must be a single one-byte character", what)
		}
		return s[0], nil
	}
	var err error
	switch name {
	case "format":
		if !modern {
			return Errorf("42601", "syntax error at or near \"format\"")
		}
		f, err := p.ident()
		if err != nil {
			if f, err = p.str(); err != nil {
				return err
			}
		}
		switch strings.ToLower(f) {
		case "text":
		case "csv":
			o.CSV = true
		case "binary":
			return Errorf("0A000", "COPY BINARY is not supported yet; use text or csv")
		default:
			return Errorf("22023", "COPY format %q not recognized", f)
		}
	case "csv":
		o.CSV = true
	case "binary":
		return Errorf("0A000", "COPY BINARY is not supported yet; use text or csv")
	case "header":
		o.Header = true
		if modern {
			switch {
			case p.accept("true"), p.accept("on"), p.accept("1"):
			case p.accept("false"), p.accept("off"), p.accept("0"):
				o.Header = false
			case p.word("match"):
				return Errorf("0A000", "COPY HEADER MATCH is not supported")
			}
		}
	case "delimiter":
		o.Delimiter, err = char("delimiter")
	case "quote":
		o.Quote, err = char("quote")
	case "escape":
		o.Escape, err = char("escape")
	case "null":
		p.accept("as")
		var s string
		if s, err = p.str(); err == nil {
			o.SetNull(s)
		}
	case "encoding":
		var enc string
		// SQL_ASCII is no conversion: the data must then be UTF-8, which the reader checks,
		// as PostgreSQL checks it against a UTF8 server.
		if enc, err = p.str(); err == nil && !strings.EqualFold(strings.ReplaceAll(enc, "-", ""), "utf8") &&
			!strings.EqualFold(strings.ReplaceAll(enc, "_", ""), "sqlascii") {
			return Errorf("0A000", "COPY encoding %q is not supported: drove speaks UTF8", enc)
		}
	case "freeze":
		// Rows are visible to others only at commit anyway: FREEZE has nothing to change.
		if modern {
			_ = p.accept("true") || p.accept("on") || p.accept("1") || p.accept("false") || p.accept("off") || p.accept("0")
		}
	case "force_quote", "force_not_null", "force_null":
		err = p.forceOption(st.force(name), name == "force_quote", modern)
	case "mutations": // drove's own: last-writer-wins mutation records
		st.mutations = true
		if modern && (p.accept("false") || p.accept("off")) {
			st.mutations = false
		} else if modern {
			_ = p.accept("true") || p.accept("on")
		}
	default:
		return Errorf("42601", "option %q not recognized", name)
	}
	return err
}

// execCopy runs a parsed COPY.
func (s *Session) execCopy(ctx context.Context, st *copyStmt, out Output) error {
	if st.query == "" {
		// The relation is checked first, as PostgreSQL checks it before the data moves.
		if _, err := s.copyTable(st.table, st.from); err != nil {
			return err
		}
		if err := s.checkCopyOptions(st); err != nil { // copy_force.go
			return err
		}
	}
	stream, ok := out.(CopyStream)
	if !ok {
		return Errorf("0A000", "COPY FROM STDIN and TO STDOUT need a client that speaks the COPY protocol")
	}
	switch {
	case st.from && st.mutations:
		return s.copyMutations(ctx, st, stream, out)
	case st.from:
		return s.copyFrom(ctx, st, stream, out)
	case st.mutations:
		return Errorf("42601", "MUTATIONS is an option of COPY FROM")
	}
	return s.copyTo(ctx, st, stream, out)
}

// copyFrom inserts every record of the client's data in one transaction (the explicit one, if
// open): a bad record aborts the whole COPY, as in PostgreSQL.
func (s *Session) copyFrom(ctx context.Context, st *copyStmt, stream CopyStream, out Output) error {
	name, err := s.copyTable(st.table, true)
	if err != nil {
		return err
	}
	schema, ok := s.ts.Schema(name)
	if !ok {
		if systemTables[name] != nil {
			return Errorf("42809", "cannot change system table %q", name)
		}
		return relationMissing(name)
	}
	// Messages name the relation as the statement did, never a temporary table's hidden name.
	shown := st.table[strings.LastIndexByte(st.table, '.')+1:]
	targets, err := copyColumns(schema, shown, st.cols)
	if err != nil {
		return err
	}
	defs, err := s.defaults(schema)
	if err != nil {
		return err
	}
	// Columns COPY does not name take their DEFAULT, or NULL.
	var fill []int
	for i, x := range defs {
		if x != nil && !slices.Contains(targets, i) {
			fill = append(fill, i)
		}
	}
	filter, err := s.copyFromOptions(st, schema, name, shown, targets) // copy_force.go
	if err != nil {
		return err
	}
	bt := &boundTable{name: name, schema: schema}
	data, err := stream.CopyIn(len(targets), false)
	if err != nil {
		return err
	}
	r := copydata.NewReader(data, st.opts)
	var n int
	// lines[i] is the input line of the transaction's write base+i, to name the row the
	// apply path refuses (rows are loaded unlocked: see tablespace.Txn.Load).
	var base int
	var lines []int
	err = s.withTxn(ctx, func(tx *tablespace.Txn) error {
		if err := enterTable(ctx, tx, name, schema); err != nil {
			return err
		}
		base = tx.Writes()
		row := make([]types.Value, len(schema.Columns))
		var key, value []byte
		for read := 0; ; read++ {
			if err := every(ctx, read); err != nil { // a cancel request or statement_timeout mid-COPY
				return err
			}
			fields, err := r.Read()
			if errors.Is(err, io.EOF) {
				return ctx.Err() // a cancel that came in while the client sent fewer than checkEvery rows
			}
			if err != nil {
				var fe *copydata.FormatError
				if errors.As(err, &fe) {
					return copyError(cmp.Or(fe.Code, "22P04"), shown, fe.Line, "", fe.Msg)
				}
				return err
			}
			// PostgreSQL's order: too many fields, then per column a missing field or a
			// value its type refuses, then the defaults of the columns not named.
			if len(fields) > len(targets) {
				return copyLineError("22P04", shown, r, "extra data after last expected column")
			}
			for i := range row {
				row[i] = types.NullValue
			}
			for j, t := range targets {
				c := &schema.Columns[t]
				if j >= len(fields) {
					return copyLineError("22P04", shown, r, "missing data for column \""+c.Name+"\"")
				}
				f := fields[j]
				if f.Null {
					continue
				}
				v, err := assignIn(types.NewText(string(f.Value)), types.Text, true, c, s.location(), s.dateOrder())
				if err != nil {
					var e *Error
					if errors.As(err, &e) {
						return &Error{Code: e.Code, Message: e.Message, Detail: e.Detail, Hint: e.Hint,
							Where: copyWhere(shown, r.Line(), c.Name) + ": " + copyShown(f.Value)}
					}
					return err
				}
				row[t] = v
			}
			for _, i := range fill {
				x := defs[i]
				if row[i], err = x.eval(nil); err == nil {
					row[i], err = assignExpr(row[i], x, &schema.Columns[i], nil)
				}
				if err != nil {
					return err
				}
			}
			if keep, err := keepRow(filter, row); err != nil || !keep {
				if err != nil {
					return err
				}
				continue
			}
			if key, value, err = finishRow(bt, row, key, value); err != nil {
				var e *Error
				if errors.As(err, &e) {
					e2 := *e
					e2.Where = copyWhere(shown, r.Line(), "") + ": " + copyShown(r.Text())
					return &e2
				}
				return err
			}
			before := tx.Writes()
			if err := tx.Load(name, key, value); err != nil {
				if primaryKeyTaken(err) {
					e := duplicateKey(bt, row).(*Error)
					e.Where = copyWhere(shown, r.Line(), "")
					return e
				}
				return err
			}
			if tx.Writes() > before {
				lines = append(lines, r.Line())
			}
			n++
		}
	})
	var dup *tablespace.DuplicateKeyError
	if errors.As(err, &dup) && dup.Index >= base && dup.Index-base < len(lines) {
		row := make([]types.Value, len(schema.Columns))
		if types.DecodeKey(schema, dup.Key, row) == nil {
			e := duplicateKey(bt, row).(*Error)
			e.Where = copyWhere(shown, lines[dup.Index-base], "")
			return e
		}
	}
	if err != nil {
		return err
	}
	return out.Complete("COPY " + strconv.Itoa(n))
}

// copyTable resolves COPY's table name, which may carry the tablespace as qualifier.
func (s *Session) copyTable(name string, from bool) (string, error) {
	q, t, qualified := strings.Cut(name, ".")
	if !qualified {
		q, t = "", name
	}
	if q == "" || q == "pg_temp" {
		hidden, err := s.tableNameOf(q, t) // as search_path finds it (temp_table.go)
		if err != nil || hidden != t {
			return hidden, err
		}
	}
	if qualified {
		if q != s.ts.Name() && q != "public" {
			return "", Errorf("0A000", "cross-tablespace reference %s is not supported", name)
		}
		name = t
	}
	if s.isView(name) {
		// PostgreSQL copies from a view only through COPY (SELECT ...) TO, and into one
		// only through an INSTEAD OF INSERT trigger, which drove does not have.
		if from {
			return "", &Error{Code: "42809", Message: "cannot copy to view \"" + name + "\"",
				Hint: "To enable copying to a view, provide an INSTEAD OF INSERT trigger."}
		}
		return "", &Error{Code: "42809", Message: "cannot copy from view \"" + name + "\"",
			Hint: "Try the COPY (SELECT ...) TO variant."}
	}
	if s.isMatview(name) {
		if from {
			return "", Errorf("42809", "cannot copy to materialized view %q", name)
		}
		return "", &Error{Code: "42809", Message: "cannot copy from materialized view \"" + name + "\"",
			Hint: "Try the COPY (SELECT ...) TO variant."}
	}
	return name, nil
}

// copyColumns maps COPY's column list (all columns when empty) to schema positions.
func copyColumns(schema *types.Schema, table string, cols []string) ([]int, error) {
	if len(cols) == 0 { // all but a hidden row id and generated columns, as PostgreSQL's COPY
		return slices.DeleteFunc(visibleColumns(schema), func(i int) bool { return schema.Columns[i].Generated != "" }), nil
	}
	targets := make([]int, 0, len(cols))
	seen := make(map[int]bool)
	for _, c := range cols {
		i := schema.ColumnIndex(c)
		if i < 0 {
			return nil, Errorf("42703", "column %q of relation %q does not exist", c, table)
		}
		if err := generatedCopyError(&schema.Columns[i]); err != nil {
			return nil, err
		}
		if seen[i] {
			return nil, Errorf("42701", "column %q specified more than once", c)
		}
		seen[i] = true
		targets = append(targets, i)
	}
	return targets, nil
}

func copyWhere(table string, line int, column string) string {
	w := "COPY " + table + ", line " + strconv.Itoa(line)
	if column != "" {
		w += ", column " + column
	}
	return w
}

// copyLineError is a COPY FROM failure of a whole input line, whose text PostgreSQL's
// CONTEXT quotes.
func copyLineError(code, table string, r *copydata.Reader, msg string) error {
	return &Error{Code: code, Message: msg, Where: copyWhere(table, r.Line(), "") + ": " + copyShown(r.Text())}
}

// copyShown quotes input for a COPY CONTEXT line, cut as PostgreSQL cuts it: past 100 bytes,
// at a character boundary, with "..." appended.
func copyShown(b []byte) string {
	const limit = 100
	if len(b) > limit {
		n := limit
		for n > 0 && !utf8.RuneStart(b[n]) {
			n--
		}
		return `"` + string(b[:n]) + `..."`
	}
	return `"` + string(b) + `"`
}

// copyError is a COPY failure with PostgreSQL's CONTEXT line, which names the input line
// (`drove load` reads it to report the bad row).
func copyError(code, table string, line int, column, msg string) error {
	return &Error{Code: code, Message: msg, Where: copyWhere(table, line, column)}
}

// copyTo streams a table or a query's rows to the client.
func (s *Session) copyTo(ctx context.Context, st *copyStmt, stream CopyStream, out Output) error {
	query := st.query
	var tableSchema *types.Schema // COPY table TO's, for FORCE_QUOTE's errors
	if query == "" {
		name, err := s.copyTable(st.table, false)
		if err != nil {
			return err
		}
		tableSchema, _ = s.ts.Schema(name)
		cols := "*"
		if schema, ok := s.ts.Schema(name); ok && (len(st.cols) > 0 || hasGenerated(schema)) {
			// A list naming a generated column is refused; without one, they are left out.
			idx, err := copyColumns(schema, name, st.cols)
			if err != nil {
				return err
			}
			quoted := make([]string, len(idx))
			for i, c := range idx {
				quoted[i] = quoteIdent(schema.Columns[c].Name)
			}
			cols = strings.Join(quoted, ", ")
		} else if len(st.cols) > 0 {
			quoted := make([]string, len(st.cols))
			for i, c := range st.cols {
				quoted[i] = quoteIdent(c)
			}
			cols = strings.Join(quoted, ", ")
		}
		// Qualified, as the name is resolved already, whatever search_path finds.
		query = "select " + cols + " from public." + quoteIdent(name)
	}
	q, err := pgparser.ParseSelect(query)
	if err != nil {
		return parserError(err, query)
	}
	ps := &params{sess: s}
	p, err := s.bindSelect(q, ps)
	if err != nil {
		return err
	}
	p.params = ps
	names := make([]string, len(p.cols))
	for i, c := range p.cols {
		names[i] = c.Name
	}
	if st.opts.ForceQuote, err = forceFlags(&st.forceQuote, "FORCE_QUOTE", names, tableSchema, st.table[strings.LastIndexByte(st.table, '.')+1:]); err != nil {
		return err
	}
	w, err := stream.CopyOut(len(p.cols), false)
	if err != nil {
		return err
	}
	enc := &copyEncoder{opts: &st.opts, w: w, zone: s.location(), style: s.dateStyle()}
	if st.opts.Header {
		if _, err := w.Write(st.opts.AppendHeader(nil, names)); err != nil {
			return err
		}
	}
	if err := s.runPlan(ctx, p, enc); err != nil {
		return err
	}
	return out.Complete("COPY " + strconv.Itoa(enc.n))
}

// copyEncoder is the Output a COPY TO query writes to: each row becomes one record.
type copyEncoder struct {
	opts    *copydata.Options
	w       io.Writer
	n       int
	fields  [][]byte
	scratch []byte
	rec     []byte
	zone    *time.Location  // timestamptz values print in the session's TimeZone
	style   types.TextStyle // and dates and timestamps in its DateStyle
}

func (e *copyEncoder) Columns([]Column) error { return nil }
func (e *copyEncoder) Complete(string) error  { return nil }

func (e *copyEncoder) Row(row []types.Value) error {
	e.scratch, e.fields = e.scratch[:0], e.fields[:0]
	var ends [64]int
	offs := ends[:0]
	for _, v := range row {
		if v.IsNull() {
			offs = append(offs, -1)
			continue
		}
		e.scratch = appendTextAs(e.scratch, v, e.zone, e.style)
		offs = append(offs, len(e.scratch))
	}
	start := 0
	for _, end := range offs {
		if end < 0 {
			e.fields = append(e.fields, nil)
			continue
		}
		e.fields = append(e.fields, e.scratch[start:end:end])
		if e.fields[len(e.fields)-1] == nil {
			e.fields[len(e.fields)-1] = []byte{}
		}
		start = end
	}
	e.rec = e.opts.AppendRecord(e.rec[:0], e.fields)
	e.n++
	_, err := e.w.Write(e.rec)
	return err
}

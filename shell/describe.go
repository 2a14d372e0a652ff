package shell

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5/pgconn"
)

// psql's describing meta-commands: \d, \dt, \di, \dv, \ds, \l, \dn and \d NAME, sending
// psql 15's own catalog queries (what psql -E shows), so a server that answers psql answers
// the shell, and printing what psql prints.

// relationKinds are the pg_class.relkind lists of the listing commands.
var relationKinds = map[string]string{`\d`: "'r','p','v','m','S','f',''", `\dt`: "'r','p',''",
	`\di`: "'i','I',''", `\dv`: "'v',''", `\ds`: "'S',''"}

const relkindNames = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ` +
	`WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' ` +
	`WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END`

// describe runs a describing command; ok is false for a command that is not one.
func (sh *Shell) describe(ctx context.Context, fields []string) (ok bool, err error) {
	cmd, pattern := fields[0], ""
	if len(fields) > 1 {
		pattern = fields[1]
	}
	switch {
	case cmd == `\d` && pattern != "":
		return true, sh.describeRelations(ctx, pattern)
	case relationKinds[cmd] != "":
		return true, sh.listRelations(ctx, cmd, pattern)
	case cmd == `\l`:
		q := `SELECT d.datname as "Name", pg_catalog.pg_get_userbyid(d.datdba) as "Owner", ` +
			`pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding", d.datcollate as "Collate", d.datctype as "Ctype", ` +
			`d.daticulocale as "ICU Locale", CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider", ` +
			`pg_catalog.array_to_string(d.datacl, E'\n') AS "Access privileges" FROM pg_catalog.pg_database d` +
			namePattern(pattern, "d.datname", "", " WHERE ") + ` ORDER BY 1`
		return true, sh.list(ctx, q, "List of databases", "")
	case cmd == `\dn`:
		q := `SELECT n.nspname AS "Name", pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner" FROM pg_catalog.pg_namespace n ` +
			`WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'` + namePattern(pattern, "n.nspname", "", " AND ") +
			` ORDER BY 1`
		return true, sh.list(ctx, q, "List of schemas", "")
	}
	return false, nil
}

// listRelations is \d, \dt, \di, \dv or \ds, with an optional name pattern.
func (sh *Shell) listRelations(ctx context.Context, cmd, pattern string) error {
	var b strings.Builder
	b.WriteString(`SELECT n.nspname as "Schema", c.relname as "Name", ` + relkindNames + ` as "Type", ` +
		`pg_catalog.pg_get_userbyid(c.relowner) as "Owner"`)
	if cmd == `\di` {
		b.WriteString(`, c2.relname as "Table"`)
	}
	b.WriteString(` FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`)
	if cmd == `\di` {
		b.WriteString(` LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid`)
	}
	b.WriteString(` WHERE c.relkind IN (` + relationKinds[cmd] + `) AND n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' ` +
		`AND n.nspname <> 'information_schema'`)
	if pattern == "" {
		b.WriteString(` AND pg_catalog.pg_table_is_visible(c.oid)`)
	} else {
		b.WriteString(namePattern(pattern, "c.relname", "n.nspname", " AND "))
	}
	b.WriteString(` ORDER BY 1,2`)
	empty := "Did not find any relations."
	if pattern != "" {
		empty = fmt.Sprintf("Did not find any relation named %q.", pattern)
	}
	return sh.list(ctx, b.String(), "List of relations", empty)
}

// list prints a query's rows under title; with no rows and empty set, it says empty instead.
func (sh *Shell) list(ctx context.Context, q, title, empty string) error {
	r, err := sh.query(ctx, q)
	if err != nil {
		return sh.reportErr(err)
	}
	if len(r.Rows) == 0 && empty != "" {
		fmt.Fprintln(sh.ErrOut, empty)
		return nil
	}
	r.Title = title
	return r.Write(sh.Out, sh.Format)
}

// describeRelations is \d NAME: each relation the pattern names, as psql describes it.
func (sh *Shell) describeRelations(ctx context.Context, pattern string) error {
	rels, err := sh.query(ctx, `SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c `+
		`LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE true`+
		namePattern(pattern, "c.relname", "n.nspname", " AND ")+` AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 2, 3`)
	if err != nil {
		return sh.reportErr(err)
	}
	if len(rels.Rows) == 0 {
		fmt.Fprintf(sh.ErrOut, "Did not find any relation named %q.\n", pattern)
		return nil
	}
	for _, rel := range rels.Rows {
		oid, name := rel[0], rel[1]+"."+rel[2]
		var err error
		switch rel[3] {
		case "i", "I":
			err = sh.describeIndex(ctx, oid, rel[1], name)
		case "S":
			err = sh.describeSequence(ctx, oid, name)
		default:
			err = sh.describeTable(ctx, oid, rel[3], name)
		}
		if err != nil {
			return sh.reportErr(err)
		}
	}
	return nil
}

// describeTable prints a table's (or view's) columns, then its indexes.
func (sh *Shell) describeTable(ctx context.Context, oid, kind, name string) error {
	cols, err := sh.query(ctx, `SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), `+
		`(SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM pg_catalog.pg_attrdef d `+
		`WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef), a.attnotnull, `+
		`(SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t `+
		`WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation `+
		`FROM pg_catalog.pg_attribute a WHERE a.attrelid = '`+oid+`' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`)
	if err != nil {
		return err
	}
	title := map[string]string{"v": "View", "m": "Materialized view", "S": "Sequence", "f": "Foreign table",
		"p": "Partitioned table"}[kind]
	if title == "" {
		title = "Table"
	}
	r := &Result{Columns: []string{"Column", "Type", "Collation", "Nullable", "Default"}, Numeric: make([]bool, 5),
		Title: fmt.Sprintf("%s %q", title, name), NoCount: true}
	for _, c := range cols.Rows {
		nullable := ""
		if c[3] == "t" {
			nullable = "not null"
		}
		r.Rows = append(r.Rows, []string{c[0], c[1], c[4], nullable, c[2]})
	}
	if kind == "r" || kind == "p" {
		idx, err := sh.query(ctx, `SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, `+
			`pg_catalog.pg_get_indexdef(i.indexrelid, 0, true), contype, i.indisreplident `+
			`FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i `+
			`LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x')) `+
			`WHERE c.oid = '`+oid+`' AND c.oid = i.indrelid AND i.indexrelid = c2.oid ORDER BY i.indisprimary DESC, c2.relname`)
		if err != nil {
			return err
		}
		if len(idx.Rows) > 0 {
			r.Footers = append(r.Footers, "Indexes:")
		}
		for _, ix := range idx.Rows {
			r.Footers = append(r.Footers, indexFooter(ix))
		}
	}
	return r.Write(sh.Out, sh.Format)
}

// indexFooter is one line of a table's "Indexes:" footer, as psql prints it.
func indexFooter(ix []string) string {
	line := fmt.Sprintf("    %q", ix[0])
	switch {
	case ix[1] == "t":
		line += " PRIMARY KEY,"
	case ix[2] == "t" && ix[6] == "u":
		line += " UNIQUE CONSTRAINT,"
	case ix[2] == "t":
		line += " UNIQUE,"
	}
	def := ix[5]
	if _, after, ok := strings.Cut(def, " USING "); ok {
		def = after
	}
	line += " " + def
	if ix[3] == "t" {
		line += " CLUSTER"
	}
	if ix[4] != "t" {
		line += " INVALID"
	}
	if ix[7] == "t" {
		line += " REPLICA IDENTITY"
	}
	return line
}

// describeIndex prints an index's columns and what it indexes.
func (sh *Shell) describeIndex(ctx context.Context, oid, schema, name string) error {
	r, err := sh.query(ctx, `SELECT a.attname AS "Column", pg_catalog.format_type(a.atttypid, a.atttypmod) AS "Type", `+
		`CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = '`+oid+`') `+
		`THEN 'yes' ELSE 'no' END AS "Key?", pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS "Definition" `+
		`FROM pg_catalog.pg_attribute a WHERE a.attrelid = '`+oid+`' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`)
	if err != nil {
		return err
	}
	info, err := sh.query(ctx, `SELECT i.indisunique, i.indisprimary, a.amname, c2.relname, i.indisclustered, i.indisvalid `+
		`FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a `+
		`WHERE i.indexrelid = c.oid AND c.oid = '`+oid+`' AND c.relam = a.oid AND i.indrelid = c2.oid`)
	if err != nil {
		return err
	}
	r.Title, r.NoCount = fmt.Sprintf("Index %q", name), true
	if len(info.Rows) == 1 {
		in := info.Rows[0]
		footer := ""
		switch {
		case in[1] == "t":
			footer = "primary key, "
		case in[0] == "t":
			footer = "unique, "
		}
		footer += fmt.Sprintf("%s, for table %q", in[2], schema+"."+in[3])
		if in[4] == "t" {
			footer += ", clustered"
		}
		if in[5] != "t" {
			footer += ", invalid"
		}
		r.Footers = []string{footer}
	}
	return r.Write(sh.Out, sh.Format)
}

// describeSequence prints a sequence's parameters.
func (sh *Shell) describeSequence(ctx context.Context, oid, name string) error {
	r, err := sh.query(ctx, `SELECT pg_catalog.format_type(seqtypid, NULL) AS "Type", seqstart AS "Start", `+
		`seqmin AS "Minimum", seqmax AS "Maximum", seqincrement AS "Increment", `+
		`CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS "Cycles?", seqcache AS "Cache" `+
		`FROM pg_catalog.pg_sequence WHERE seqrelid = '`+oid+`'`)
	if err != nil {
		return err
	}
	r.Title, r.NoCount = fmt.Sprintf("Sequence %q", name), true
	return r.Write(sh.Out, sh.Format)
}

// query runs one catalog query and returns its rows (NULL as "").
func (sh *Shell) query(ctx context.Context, q string) (*Result, error) {
	res := sh.Conn.Exec(ctx, q)
	r := &Result{}
	for res.NextResult() {
		rr := res.ResultReader()
		for _, f := range rr.FieldDescriptions() {
			r.Columns = append(r.Columns, f.Name)
			r.Numeric = append(r.Numeric, numericOIDs[f.DataTypeOID])
		}
		for rr.NextRow() {
			row := make([]string, len(r.Columns))
			for i, v := range rr.Values() {
				row[i] = string(v)
			}
			r.Rows = append(r.Rows, row)
		}
		if _, err := rr.Close(); err != nil {
			break
		}
	}
	return r, res.Close()
}

// reportErr prints a failed catalog query's error as Exec prints a statement's.
func (sh *Shell) reportErr(err error) error {
	if pgErr, ok := err.(*pgconn.PgError); ok {
		fmt.Fprintf(sh.ErrOut, "ERROR: %s (SQLSTATE %s)\n", pgErr.Message, pgErr.Code)
	} else {
		fmt.Fprintf(sh.ErrOut, "ERROR: %v\n", err)
	}
	return err
}

// namePattern is the SQL condition for a psql name pattern ("" for none), prefixed by
// join: unquoted letters fold to lower case, * matches any run of characters and ? any one,
// a double-quoted part is taken as it is, and "schema.name" matches both parts (the schema
// when schemaCol is set).
func namePattern(pattern, nameCol, schemaCol, join string) string {
	if pattern == "" {
		return ""
	}
	schema, name := "", pattern
	if schemaCol != "" {
		if i := unquotedDot(pattern); i >= 0 {
			schema, name = pattern[:i], pattern[i+1:]
		}
	}
	cond := nameCol + " OPERATOR(pg_catalog.~) '^(" + patternRegex(name) + ")$' COLLATE pg_catalog.default"
	if schema != "" {
		cond += " AND " + schemaCol + " OPERATOR(pg_catalog.~) '^(" + patternRegex(schema) + ")$' COLLATE pg_catalog.default"
	}
	return join + cond
}

// unquotedDot is the index of the first '.' outside double quotes, or -1.
func unquotedDot(p string) int {
	quoted := false
	for i, r := range p {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '.' && !quoted:
			return i
		}
	}
	return -1
}

// patternRegex turns a psql pattern into a regular expression inside a SQL string literal.
func patternRegex(p string) string {
	var b strings.Builder
	rs := []rune(p)
	quoted := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '"' && quoted && i+1 < len(rs) && rs[i+1] == '"':
			b.WriteRune('"')
			i++
		case r == '"':
			quoted = !quoted
		case !quoted && r == '*':
			b.WriteString(".*")
		case !quoted && r == '?':
			b.WriteRune('.')
		case strings.ContainsRune(`|*+?()[]{}.^$\`, r):
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\'':
			b.WriteString("''")
		case quoted:
			b.WriteRune(r)
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

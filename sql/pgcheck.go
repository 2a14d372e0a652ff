package sql

import (
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// The dialect pass hands vitess, a MySQL parser, text it rewrote, and carries the PostgreSQL
// constructs vitess lacks through MySQL constructs PostgreSQL lacks (STRAIGHT_JOIN for FULL
// JOIN, REGEXP for ILIKE, <=> for IS NOT DISTINCT FROM, ...) and through marker strings. Both
// are only sound if user text can never spell them. This file is how that is kept:
//
//   - every marker string starts with a NUL byte, which no query text, string literal or
//     identifier can hold (splitAndRewrite refuses NUL, and E” strings are decoded here, so
//     vitess never sees an escape that makes one);
//   - a word that vitess reads as a MySQL-only keyword but PostgreSQL reads as an identifier
//     is written as a quoted identifier, so vitess reads it as PostgreSQL does;
//   - operators are read the way PostgreSQL's lexer reads them, and only those drove
//     implements reach vitess (no <=>, &&, #-comments, :=, ?, @ variables);
//   - checkPostgres refuses what is left of MySQL's grammar in the parsed statement.

// markerStart begins every marker string the dialect pass writes.
const markerStart = "\x00"

// The markers the dialect pass writes, each a string constant (or a collation name) vitess
// passes through to the binder.
const (
	usingMarker = markerStart + "using:" // starts a FULL JOIN's USING list, written as ON
	// a NATURAL FULL JOIN's ON condition
	naturalMarker = markerStart + "natural"
	// distinctMarker stands between the operands of IS DISTINCT FROM.
	distinctMarker = markerStart + "distinct"
	// symmetricMarker ends the lower bound of a BETWEEN SYMMETRIC (dialect_between.go).
	symmetricMarker = markerStart + "symmetric"
	// regexMarkerPrefix marks a pattern as a regular expression (a trailing "i":
	// case-insensitive).
	regexMarkerPrefix = markerStart + "regex"
	// nullsMarker starts the ORDER BY term that carries NULLS FIRST/LAST.
	nullsMarker = markerStart + "nulls "
	// ilikeEscapeMarker follows the ESCAPE character of an ILIKE (dialect_like.go).
	ilikeEscapeMarker = markerStart + "ilike"
	// jsonOpMarker names a json operator, the operand between two |s (see compileJSONOp).
	jsonOpMarker = markerStart + "op:"
	// prefixOpMarker names a prefix operator of ||'s level (~), the operand before a |.
	prefixOpMarker = markerStart + "pre:"
	// aggCallMarker is the SEPARATOR of the GROUP_CONCAT an aggregate is written as
	// (dialect_aggs.go), followed by its name.
	aggCallMarker = markerStart + "agg:"
	// withinMarker is the first argument of an ordered-set aggregate's GROUP_CONCAT: WITHIN
	// GROUP (ORDER BY ...) followed.
	withinMarker = markerStart + "within"
	// tiesMarker is the collation of FETCH FIRST's count WITH TIES (dialect_clauses.go).
	tiesMarker = markerStart + "ties"
	// scalarOutMarker starts the column name of a function in FROM that returns a scalar
	// under an OUT parameter's name (json_array_elements' value): its table's name used as a
	// value is that column's value, as PostgreSQL reads a function returning a base type.
	scalarOutMarker = "\x01out:" // a backquoted name cannot hold markerStart
)

// markedOperators are the operators beside the json ones that the dialect pass writes around a
// marker (otherOperatorTree reads them back): the bit and regular-expression operators, and
// the prefix operators @ |/ ||/ written infix, which the registry refuses as PostgreSQL does
// (42883: operator does not exist: integer @ integer).
var markedOperators = map[string]bool{"&": true, "|": true, "#": true, "<<": true, ">>": true,
	"~": true, "!~": true, "~*": true, "!~*": true, "@": true, "|/": true, "||/": true}

// jsonOperators are the operators the dialect pass writes around a marker: json's, and the
// arrays' && (arrays share @> and <@ with jsonb).
var jsonOperators = map[string]bool{"->": true, "->>": true, "#>": true, "#>>": true, "@>": true, "<@": true,
	"?": true, "?|": true, "?&": true, "#-": true, "@?": true, "@@": true, "&&": true}

// unmarker spells markers as the PostgreSQL text they stand for, for messages.
var unmarker = strings.NewReplacer(castMarker, "::", distinctMarker, "DISTINCT", usingMarker, "USING ", naturalMarker, "NATURAL",
	nullsMarker, "NULLS ", ilikeEscapeMarker, "", regexMarkerPrefix, "~", userDual, "dual", jsonOpMarker, "", prefixOpMarker, "", aggCallMarker, "", markerStart, "")

// unmark is s with its markers spelled as PostgreSQL text.
func unmark(s string) string { return unmarker.Replace(s) }

// markerLiteral is m as a vitess string literal: its NUL written as vitess's \0 escape.
func markerLiteral(m string) string {
	return "'" + strings.ReplaceAll(m, markerStart, `\0`) + "'"
}

// mysqlOnlyWords are words vitess parses as MySQL keywords (operators, statement and select
// options, MySQL-only types and functions) that PostgreSQL reads as plain identifiers. The
// dialect pass writes them quoted, so `a STRAIGHT_JOIN b` or `x REGEXP y` fail to parse as
// they do in PostgreSQL, and `SELECT 1 AS div` works as it does there.
var mysqlOnlyWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`straight_join regexp rlike div xor separator duplicate auto_increment
		group_concat distinctrow high_priority low_priority delayed sql_cache sql_no_cache sql_calc_found_rows
		sql_small_result sql_big_result sql_buffer_result ignore use describe unsigned signed zerofill
		longblob mediumblob tinyblob blob longtext mediumtext tinytext tinyint mediumint middleint int1 int3
		varbinary datetime engine charset outfile dumpfile infile curdate curtime sysdate utc_date utc_time
		utc_timestamp date_add date_sub adddate subdate timestampadd timestampdiff weight_string last_insert_id
		any_value member mid locate mod against kill flush optimize repair purge unlock modify change
		vexplain vitess_migration vstream fulltext spatial std get_lock release_lock is_free_lock is_used_lock
		release_all_locks databases schemas signal condition sqlstate no_write_to_binlog`) {
		mysqlOnlyWords[w] = true
	}
}

// quotedWord is how the dialect pass writes the unquoted word w: quoted when vitess would
// read it as a MySQL keyword or a charset introducer (_utf8'...').
func quotedWord(w string) string {
	if mysqlOnlyWords[w] || strings.HasPrefix(w, "_") || strings.HasPrefix(w, "json_") {
		return "`" + w + "`"
	}
	return w
}

// refusals are the dialect pass's rules (see wordRules, where they come first) for MySQL's
// spellings with words that PostgreSQL reads otherwise: each refuses as PostgreSQL does.
var refusals = []struct {
	words string
	wordRule
}{
	{"current_date", wordRule{"mysql-current-date-call", nextIs("("), refuseNext}}, // CURRENT_DATE()
	{"current_time current_timestamp localtime localtimestamp", wordRule{"mysql-empty-precision",
		func(r *rewriter) bool { return r.nextIs("(") && r.peek(1).IsPunct(")") }, refuseNext}},
	// current_timestamp(*): the grammar wants a precision there (the f(*) rewrite would call it).
	{"current_time current_timestamp localtime localtimestamp", wordRule{"star-precision",
		func(r *rewriter) bool { return r.nextIs("(") && r.peek(1).Kind == lexer.Op && r.peek(1).Value == "*" },
		func(r *rewriter, _ string) error { return r.syntaxErrorAt(r.peek(1)) }}},
	{"add", wordRule{"mysql-add-column-list", (*rewriter).addColumnList, refuseParen}}, // ADD [COLUMN] (a int, ...)
	{"drove_subscript drove_field drove_array_of drove_array drove_agg_filter drove_extract drove_named_arg drove_row", wordRule{"internal-function", nextIs("("),
		func(_ *rewriter, w string) error { return Errorf("42883", "function %s does not exist", w) }}},
	{"collate", wordRule{"mysql-collate-string", func(r *rewriter) bool { return r.peek(0).Kind == lexer.String }, refuseNext}},
	{"set value", wordRule{"mysql-insert-set", (*rewriter).insertSet, refuseWord}}, // INSERT ... SET, INSERT ... VALUE
	{"current_user session_user current_role user current_catalog", wordRule{"mysql-user-call", nextIs("("), refuseNext}},
	// PostgreSQL's grammar wants an argument in these (where vitess reads a function call).
	{"coalesce greatest least", wordRule{"empty-syntax-call", func(r *rewriter) bool { return r.nextIs("(") && r.peek(1).IsPunct(")") },
		func(r *rewriter, _ string) error { return r.syntaxErrorAt(r.peek(1)) }}},
}

// refuseNext is PostgreSQL's syntax error at the token after the word.
func refuseNext(r *rewriter, _ string) error { return r.syntaxErrorAt(r.peek(0)) }

// refuseWord is PostgreSQL's syntax error at the word itself.
func refuseWord(_ *rewriter, w string) error { return nearError(w) }

// refuseParen is PostgreSQL's syntax error at the parenthesis that follows.
func refuseParen(*rewriter, string) error { return Errorf("42601", "syntax error at or near \"(\"") }

func (r *rewriter) addColumnList() bool {
	return len(r.words) > 0 && r.words[0] == "alter" && (r.nextIs("(") || r.followedBy("column") && r.peek(1).IsPunct("("))
}

func (r *rewriter) insertSet() bool {
	w := r.words
	return r.depth == 0 && len(w) > 0 && w[0] == "insert" && !slices.Contains(w, "select") && !slices.Contains(w, "values")
}

// colonError is the error for a ':' that does not start '::' (MySQL's := and :name).
func colonError(assign, inBrackets, inParens bool) error {
	switch {
	case inBrackets:
		return unsupported("array slices")
	case assign && inParens:
		return unsupported("named function arguments")
	case assign:
		return Errorf("42601", "syntax error at or near \":=\"")
	}
	return Errorf("42601", "syntax error at or near \":\"")
}

// vitessString quotes s as a vitess string literal, in which a backslash escapes.
func vitessString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", "''") + "'"
}

// mysqlOnlyTypes are MySQL column types vitess knows and PostgreSQL does not.
var mysqlOnlyTypes = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`tinyint mediumint middleint int1 int3 datetime year tinytext mediumtext
		longtext tinyblob blob mediumblob longblob binary varbinary enum set unsigned signed long`) {
		mysqlOnlyTypes[w] = true
	}
}

// internalFunctions are the calls the dialect pass writes for subscripts, field selections
// and ARRAY constructors; user text naming them is refused as PostgreSQL would.
var internalFunctions = map[string]bool{
	"drove_subscript": true, "drove_field": true, "drove_array_of": true, "drove_array": true, "drove_extract": true, rowFunc: true,
	aggFilterFunc: true, windowFilterFunc: true,
}

// passedOperators are the operators the dialect pass hands to vitess as they are: vitess
// reads each with PostgreSQL's meaning.
var passedOperators = map[string]bool{"+": true, "-": true, "*": true, "/": true, "%": true, "<": true,
	">": true, "=": true, "<=": true, ">=": true, "<>": true, "!=": true, "&": true, "<<": true, ">>": true}

// pgOperators are the operator names PostgreSQL 15 defines (SELECT oprname FROM pg_operator).
var pgOperators = map[string]bool{}

func init() {
	for _, op := range strings.Fields(`!! !~ !~* !~~ !~~* # ## #- #> #>> % & && &< &<| &> * *< *<= *<> *= *> *>=
		+ - -> ->> -|- / < <-> << <<= <<| <= <> <@ <^ = > >= >> >>= >^ ? ?# ?& ?- ?-| ?| ?|| @ @-@ @> @? @@
		@@@ ^ ^@ | |&> |/ |>> || ||/ ~ ~* ~<=~ ~<~ ~= ~>=~ ~>~ ~~ ~~*`) {
		pgOperators[op] = true
	}
}

// operatorError is the error for an operator drove does not pass on: one PostgreSQL has is
// not supported yet (0A000); one it lacks does not exist (42883), as PostgreSQL answers.
func operatorError(op string) error {
	if pgOperators[op] {
		return unsupported("operator %s", op)
	}
	return Errorf("42883", "operator does not exist: %s", op)
}

// parseChecked parses dialect-rewritten text (words are its statement's words) with vitess
// and holds the result to PostgreSQL's grammar: every statement vitess parses goes this way.
func parseChecked(text string, words []string) (sqlparser.Statement, error) {
	ast, err := parseStatement(text)
	if err != nil {
		return nil, syntaxError(err)
	}
	if err := checkPostgres(ast, words); err != nil {
		return nil, err
	}
	return ast, nil
}

// splitReturning splits a statement's words at its RETURNING list, which the dialect pass
// cut off at the last RETURNING word (any other is inside the statement before it).
func splitReturning(words []string) (stmt, returning []string) {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == "returning" {
			return words[:i], words[i+1:]
		}
	}
	return words, nil
}

// userDual is how the dialect pass writes a table named dual in FROM, so that it is not taken
// for the dual vitess puts in a SELECT without FROM; checkPostgres names it dual again, with
// itself as alias, so isDualFrom (unaliased dual) can only be vitess's.
const userDual = markerStart + "dual"

// checkPostgres refuses the MySQL grammar vitess accepts that PostgreSQL does not have and
// the dialect pass cannot see in the text (it would need to parse): 42601, as PostgreSQL.
// In the same walk it restores userDual, and refuses MySQL's JOIN without ON or USING and
// PostgreSQL's CROSS JOIN with one: vitess parses both as the same join, so the statement's
// conditionless plain joins must be exactly its CROSS JOINs (words are its words, as the
// dialect pass read them).
func checkPostgres(stmt sqlparser.Statement, words []string) error {
	bad, bare := "", 0
	var err error
	_ = sqlparser.Walk(func(node sqlparser.SQLNode) (bool, error) {
		switch n := node.(type) {
		case *sqlparser.CurTimeFuncExpr:
			if n.Name.Lowered() == "now" && n.Fsp > 0 {
				err = Errorf("42883", "function now(integer) does not exist") // MySQL's NOW(precision)
			}
		case *sqlparser.JoinTableExpr:
			if n.Join == sqlparser.NormalJoinType && (n.Condition == nil || n.Condition.On == nil && len(n.Condition.Using) == 0) {
				bare++
			}
		case *sqlparser.AliasedTableExpr:
			restoreDual(n)
			restoreAliasColumns(n) // fromalias.go
		}
		if bad == "" {
			bad = mysqlOnlyNode(node)
		}
		return bad == "" && err == nil, nil
	}, stmt)
	if err != nil {
		return err
	}
	if bad != "" {
		e := Errorf("42601", "syntax error: %s is MySQL syntax, not PostgreSQL", bad)
		e.seek = mysqlFailsAt[bad]
		return e
	}
	cross := 0
	for i := 1; i < len(words); i++ {
		if words[i] == "join" && words[i-1] == "cross" {
			cross++
		}
	}
	switch {
	case bare > cross:
		return Errorf("42601", "syntax error: JOIN without ON or USING")
	case bare < cross:
		return Errorf("42601", "syntax error: CROSS JOIN takes no ON or USING")
	}
	return nil
}

// restoreDual undoes userDual in one FROM item.
func restoreDual(ate *sqlparser.AliasedTableExpr) {
	if tn, ok := ate.Expr.(sqlparser.TableName); ok && tn.Name.String() == userDual {
		tn.Name = sqlparser.NewIdentifierCS("dual")
		ate.Expr = tn
		if ate.As.IsEmpty() {
			ate.As = tn.Name
		}
	}
	if ate.As.String() == userDual {
		ate.As = sqlparser.NewIdentifierCS("dual")
	}
}

// mysqlFailsAt is where PostgreSQL's grammar fails on the MySQL constructs checkPostgres
// refuses, as word sequences of the statement (the first found, then the index of the word
// PostgreSQL names): parse turns the refusal into PostgreSQL's syntax error there.
var mysqlFailsAt = map[string]*seekWords{
	"LOCK IN SHARE MODE":          {seqs: [][]string{{"lock", "in"}}, at: 1},
	"WITH ROLLUP":                 {seqs: [][]string{{"with", "rollup"}}},
	"ORDER BY or LIMIT in DELETE": {seqs: [][]string{{"order", "by"}, {"limit"}}},
	"ORDER BY or LIMIT in UPDATE": {seqs: [][]string{{"order", "by"}, {"limit"}}},
	"REPLACE":                     {seqs: [][]string{{"replace"}}},
	"INSERT ... PARTITION":        {seqs: [][]string{{"partition"}}},
	"an index hint": {seqs: [][]string{{"use", "index"}, {"use", "key"}, {"force", "index"}, {"force", "key"},
		{"ignore", "index"}, {"ignore", "key"}}, at: 1},
	"multiple-table DELETE": {seqs: [][]string{{"delete", "ignore"}}, at: 1},
}

// mysqlOnlyNode names the MySQL-only construct node is, or returns "".
func mysqlOnlyNode(node sqlparser.SQLNode) string {
	if what := mysqlOnlyDML(node); what != "" {
		return what
	}
	if what := mysqlOnlyDDL(node); what != "" {
		return what
	}
	return mysqlOnlyOther(node)
}

// mysqlOnlyDML checks the MySQL clauses of SELECT, INSERT, UPDATE and DELETE.
func mysqlOnlyDML(node sqlparser.SQLNode) string {
	switch n := node.(type) {
	case *sqlparser.Select:
		switch {
		case n.Lock == sqlparser.ShareModeLock:
			return "LOCK IN SHARE MODE"
		case n.GroupBy != nil && n.GroupBy.WithRollup:
			return "WITH ROLLUP"
		}
	case *sqlparser.Delete:
		switch {
		case n.Limit != nil || n.OrderBy != nil:
			return "ORDER BY or LIMIT in DELETE"
		case len(n.Targets) > 0 || len(n.TableExprs) != 1:
			return "multiple-table DELETE"
		case bool(n.Ignore):
			return "DELETE IGNORE"
		}
	case *sqlparser.Update:
		switch {
		case n.Limit != nil || n.OrderBy != nil:
			return "ORDER BY or LIMIT in UPDATE"
		case len(n.TableExprs) != 1:
			return "multiple-table UPDATE"
		case bool(n.Ignore):
			return "UPDATE IGNORE"
		}
		if _, ok := n.TableExprs[0].(*sqlparser.AliasedTableExpr); !ok {
			return "multiple-table UPDATE"
		}
	case *sqlparser.Insert:
		switch {
		case n.Action == sqlparser.ReplaceAct:
			return "REPLACE"
		case bool(n.Ignore):
			return "INSERT IGNORE"
		case len(n.Partitions) > 0:
			return "INSERT ... PARTITION"
		}
	case *sqlparser.AliasedTableExpr:
		if len(n.Hints) > 0 {
			return "an index hint"
		}
	case *sqlparser.Default:
		if n.ColName != "" {
			return "DEFAULT(column)"
		}
	}
	return ""
}

// mysqlOnlyDDL checks CREATE TABLE and ALTER TABLE for MySQL's definitions and actions.
func mysqlOnlyDDL(node sqlparser.SQLNode) string {
	switch n := node.(type) {
	case *sqlparser.IndexDefinition:
		switch n.Info.Type {
		case sqlparser.IndexTypeDefault, sqlparser.IndexTypeSpatial, sqlparser.IndexTypeFullText:
			return "an INDEX or KEY definition"
		}
		if len(n.Options) > 0 {
			return "an index option"
		}
	case *sqlparser.DropTable:
		if n.Temp {
			return "DROP TEMPORARY TABLE"
		}
	case *sqlparser.DropKey:
		if n.Type != sqlparser.ConstraintType {
			return "DROP PRIMARY KEY, FOREIGN KEY, INDEX, KEY or CHECK"
		}
	case *sqlparser.AlterIndex, *sqlparser.AlterCharset, *sqlparser.KeyState, *sqlparser.TablespaceOperation,
		*sqlparser.Force, *sqlparser.LockOption, *sqlparser.OrderByOption, *sqlparser.RenameIndex,
		*sqlparser.Validation, *sqlparser.AlterCheck, *sqlparser.ChangeColumn, *sqlparser.ModifyColumn:
		return "this ALTER TABLE action"
	case *sqlparser.AddColumns:
		if n.First || n.After != nil {
			return "FIRST or AFTER in ADD COLUMN"
		}
	case *sqlparser.TableSpec:
		if len(n.Options) > 0 {
			return "a table option"
		}
	case *sqlparser.ColumnDefinition:
		if o := n.Type.Options; o != nil && (o.Comment != nil && !identityMarked(o) || o.OnUpdate != nil || o.Format != sqlparser.UnspecifiedFormat || o.Invisible != nil) {
			return "a MySQL column option"
		}
	}
	return ""
}

// mysqlOnlyOther checks for MySQL's statements and expressions.
func mysqlOnlyOther(node sqlparser.SQLNode) string {
	switch node.(type) {
	case *sqlparser.ExplainTab:
		return "EXPLAIN of a table"
	case *sqlparser.LockTables:
		return "LOCK TABLES"
	case *sqlparser.UnlockTables:
		return "UNLOCK TABLES"
	case *sqlparser.RenameTable:
		return "RENAME TABLE"
	case *sqlparser.Use:
		return "USE"
	case *sqlparser.IntervalDateExpr:
		return "INTERVAL arithmetic"
	case *sqlparser.ConvertExpr:
		return "CONVERT or BINARY"
	case *sqlparser.ConvertUsingExpr:
		return "CONVERT ... USING"
	case *sqlparser.MatchExpr:
		return "MATCH ... AGAINST"
	case *sqlparser.Variable:
		return "a variable"
	case *sqlparser.AssignmentExpr:
		return ":="
	case *sqlparser.JSONExtractExpr, *sqlparser.JSONUnquoteExpr:
		return "-> or ->>"
	case *sqlparser.MemberOfExpr:
		return "MEMBER OF"
	case *sqlparser.CharExpr:
		return "CHAR()"
	case *sqlparser.ValuesFuncExpr:
		return "VALUES()"
	case *sqlparser.IntervalFuncExpr:
		return "INTERVAL()"
	}
	return ""
}

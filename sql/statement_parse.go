package sql

import (
	"vitess.io/vitess/go/vt/sqlparser"
)

// parse turns one dialect-rewritten piece into a Statement. An error's place is mapped to
// the query string (syntaxpos.go).
func parse(p piece) (*Statement, error) {
	st, err := parsePiece(p)
	if err != nil {
		return nil, p.origError(err)
	}
	return st, nil
}

// parseVitess parses p's rewritten text (or its RETURNING list's "select " + list) with vitess
// and refuses what PostgreSQL lacks, as parseChecked, with errors at their place.
func (p piece) parseVitess(text string, words []string, returning bool) (sqlparser.Statement, error) {
	ast, err := parseStatement(text)
	if err != nil {
		return nil, p.vitessError(err, text, returning)
	}
	if err := checkPostgres(ast, words); err != nil {
		return nil, err
	}
	return ast, nil
}

func parsePiece(p piece) (st *Statement, err error) {
	st = &Statement{first: p.first, words: p.words, src: p.q, srcAt: p.origAt, srcEnd: p.origAt + len(p.orig)}
	for _, u := range utilityParsers {
		if u.is(p) {
			return st, u.parse(st, p.orig)
		}
	}
	return st, p.parseInto(st)
}

// utilityParser is a statement drove parses itself from sql/lexer's tokens (vitess has no
// form for it).
type utilityParser struct {
	is    func(p piece) bool
	parse func(st *Statement, text string) error
}

// utilityParsers are tried in order; set in init, as PREPARE's and CREATE VIEW's parsers
// parse their statements through parse again.
var utilityParsers []utilityParser

func init() { utilityParsers = utilityParserTable() }

func utilityParserTable() []utilityParser {
	return []utilityParser{
		{func(p piece) bool { return isCopyStmt(p.words) }, func(st *Statement, text string) (err error) {
			st.copy, err = parseCopy(text)
			return err
		}},
	}
}

// parseInto parses the piece with vitess into st: the statement, its RETURNING list, its
// ON CONFLICT and its UPDATE's FROM or DELETE's USING list.
func (p piece) parseInto(st *Statement) error {
	if p.emptyReturning {
		return p.endError()
	}
	words, returningWords := p.words, []string(nil)
	if p.returning != "" {
		words, returningWords = splitReturning(words)
	}
	ast, err := p.parseVitess(p.sql, words, false)
	if err != nil {
		return err
	}
	st.ast = ast
	st.conflict, st.overriding = p.conflict, p.overriding
	if err := attachDMLFrom(ast, p.dmlFrom, words); err != nil {
		return err
	}
	if err := parseConflictWhere(p.conflict); err != nil {
		return err
	}
	if ins, ok := ast.(*sqlparser.Insert); ok && p.alias != "" {
		ins.Table.As = sqlparser.NewIdentifierCS(p.alias)
	}
	if p.returning != "" {
		// The list parses as a select list; it is bound against the written rows.
		sel, err := p.parseVitess("select "+p.returning, returningWords, true)
		if err != nil {
			return err
		}
		s, ok := sel.(*sqlparser.Select)
		if !ok || s.From != nil && !(len(s.From) == 1 && isDualFrom(s.From[0])) || s.Where != nil ||
			s.GroupBy != nil || s.OrderBy != nil || s.Limit != nil {
			return Errorf("42601", "syntax error in RETURNING list")
		}
		st.returning = s.SelectExprs
	}
	return nil
}

// isDualFrom reports whether te is the implicit "dual" vitess adds to a SELECT without FROM
// (unaliased: a dual the user wrote has an alias, see userDual).
func isDualFrom(te sqlparser.TableExpr) bool {
	ate, ok := te.(*sqlparser.AliasedTableExpr)
	if !ok || !ate.As.IsEmpty() {
		return false
	}
	tn, ok := ate.Expr.(sqlparser.TableName)
	return ok && tn.Name.String() == "dual" && tn.Qualifier.IsEmpty()
}

// maxCachedQueries bounds a session's statement cache; past it the cache starts over.
const maxCachedQueries = 512

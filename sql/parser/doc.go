// Package parser is drove's own PostgreSQL 15 parser of queries: a recursive-descent parser
// over sql/lexer's tokens that builds sql/ast's tree directly, with no dialect pass and no
// vitess (issue 16, step 4 of sql/DESIGN.md's plan).
//
// It reads the full expression grammar as sql/ast holds it, with gram.y's precedence and
// associativity (precedence climbing over its %left/%right/%nonassoc table, a nonassociative
// operator refusing to follow itself where bison refuses the shift), the SQL special forms,
// function calls with their aggregate and window clauses, and SELECT: WITH, DISTINCT [ON],
// column labels without AS, FROM with joins, subqueries and LATERAL, WHERE, GROUP BY with
// grouping sets, HAVING, WINDOW, set operations (INTERSECT binding tighter), VALUES, TABLE,
// ORDER BY, LIMIT/OFFSET/FETCH and FOR UPDATE.
//
// Errors are *lexer.Error values in PostgreSQL's shape: 42601 `syntax error at or near "X"`
// or `at end of input` at the byte offset of the token PostgreSQL's LR parser stops at,
// PostgreSQL's own grammar-time errors (multiple ORDER BY clauses, LIMIT #,#, a subquery in
// FROM without an alias), 54001 past MaxDepth levels of nesting, and 0A000 for a construct
// PostgreSQL has that sql/ast cannot hold yet (FOR SHARE, ...).
// No input panics; the work is linear in the tokens but for a bounded re-reading of
// parenthesized expressions first tried as queries (memoized per parenthesis).
//
// Nothing in drove calls it yet: sql's binder still reads vitess's tree in places
// (sql/DESIGN.md). sql's TestParserMatchesConverter compares it with the current front end
// on the golden corpus.
package parser

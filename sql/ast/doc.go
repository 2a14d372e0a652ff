// Package ast is drove's tree of PostgreSQL SQL: the expressions and the SELECT statement as
// PostgreSQL's grammar (gram.y) shapes them, before name resolution or typing, and a printer
// that writes them back as PostgreSQL text.
//
// The nodes follow PostgreSQL's raw parse tree where it matters for meaning: AND and OR are
// flattened lists; x IN (subquery) is an ANY sublink; NOT IN is NOT over IN; CAST and :: are
// one node; a literal carries the type the grammar gives it (integer, bigint or numeric by
// its size and spelling, a quoted string unknown). Operators are named as in pg_operator
// ("<>", "||", "~*"), so a registry of operators can resolve them by name.
//
// The tree is built by sql's converter from vitess's parse tree (sql/astconv.go), and by
// sql/parser from PostgreSQL text directly; nothing in this package knows about vitess or the
// dialect pass. Print writes a node as PostgreSQL
// text in one of two styles: SQL (text that parses back to an equal tree) and Explain
// (PostgreSQL's ruleutils.c deparse as EXPLAIN shows it: every operator application in
// parentheses).
package ast

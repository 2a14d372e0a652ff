// Package lexer is drove's one PostgreSQL lexer: it splits SQL text into tokens by the rules
// of PostgreSQL 15's scan.l, with byte positions into the text.
//
// Identifiers fold unquoted letters A-Z to lower case and are truncated to 63 bytes, as
// PostgreSQL does; "quoted" identifiers keep their case, with "" for a quote. String constants
// are '...' (standard_conforming_strings on: a backslash is literal), E'...' with backslash
// escapes, U&'...' and U&"..." with Unicode escapes (and UESCAPE), B'...' and X'...' bit
// strings (their digits are checked later, as PostgreSQL's lexer leaves them too), N'...',
// and dollar quoting $tag$...$tag$. Two quoted strings separated by whitespace holding a
// newline are one constant. Numbers are PostgreSQL 15's: no 0x/0o/0b prefixes and no
// underscores; a number followed by identifier characters is "trailing junk after numeric
// literal". Operators follow PostgreSQL's rule: a run of operator characters ends before
// -- or /*, and a trailing + or - is split off unless the operator holds one of ~ ! @ # % ^
// & | ` ?. Comments (-- and nested /* */) are skipped.
//
// Errors are *Error values carrying PostgreSQL's SQLSTATE, message and the byte offset
// PostgreSQL reports as the position (Position converts it to PostgreSQL's 1-based character
// count). The lexer never recurses, and what it allocates is bounded by a constant factor of
// its input: each token is at least one byte of input and a decoded value is never longer
// than its source.
package lexer

package sql

import "strings"

// opChain follows the comparisons of one expression level (a parenthesis depth, up to a comma
// or a keyword such as AND, THEN or LIKE): PostgreSQL's comparisons do not associate, a = b = c
// is a syntax error there, and vitess would run it as (a = b) = c. The = of a SET list's
// assignment is not a comparison.
//
// BETWEEN, IN, LIKE, ILIKE and SIMILAR TO do not associate either (a LIKE b LIKE c, a
// BETWEEN b AND c IN (d) are syntax errors; an IN's list ends it, a IN (b) LIKE c runs), and true, false and null are operands there unless IS
// precedes them (a IS TRUE = b is (a IS TRUE) = b, true = false = true an error).
type opChain struct {
	like     map[int]int  // depth → 1 after a BETWEEN, IN, LIKE, ...; 2 while a BETWEEN waits for its AND
	afterIs  bool         // the last words were IS [NOT]
	compared map[int]bool // depth → a comparison was seen
	inSet    map[int]bool // depth → in a SET list (UPDATE, ON CONFLICT DO UPDATE, SET)
	assign   map[int]bool // depth → the next = assigns
}

// set sets m[depth] to v, making m first if it is nil: most statements never write the
// maps of an opChain or the dialect pass's clauses.
func set[V any](m *map[int]V, depth int, v V) {
	if *m == nil {
		*m = map[int]V{}
	}
	(*m)[depth] = v
}

// comparisons are PostgreSQL's comparison operators.
var comparisons = map[string]bool{"=": true, "<": true, ">": true, "<=": true, ">=": true, "<>": true, "!=": true}

// op records operator op at depth.
func (c *opChain) op(op string, depth int) error {
	if !comparisons[op] {
		return nil
	}
	delete(c.like, depth)
	switch {
	case op == "=" && c.assign[depth]:
		delete(c.assign, depth)
	case c.compared[depth]:
		return nearError(op)
	default:
		set(&c.compared, depth, true)
	}
	return nil
}

// end ends the expression at depth.
func (c *opChain) end(depth int) {
	delete(c.compared, depth)
}

// punct ends the expressions a comma, parenthesis or semicolon ends.
func (c *opChain) punct(ch byte, depth int) {
	switch ch {
	case ',', ')':
		delete(c.like, depth)
	case '(':
		delete(c.like, depth+1)
	}
	switch ch {
	case ',':
		c.end(depth)
		if c.inSet[depth] {
			set(&c.assign, depth, true)
		}
	case '(':
		c.end(depth + 1)
		delete(c.inSet, depth+1)
		delete(c.assign, depth+1)
	case ')':
		c.end(depth)
	case ';':
		clear(c.compared)
		clear(c.like)
		clear(c.inSet)
		clear(c.assign)
	}
}

// word ends the expression at depth when w is a keyword that ends one; SET starts a list of
// assignments, which WHERE, FROM or RETURNING ends.
func (c *opChain) word(w string, depth int) error {
	afterIs := c.afterIs
	c.afterIs = w == "is" || w == "not" && afterIs
	if isOperandWord(w) || (w == "true" || w == "false" || w == "null") && !afterIs {
		return nil
	}
	if err := c.likeLevel(w, depth); err != nil {
		return err
	}
	c.end(depth)
	switch w {
	case "set":
		c.assignments(depth)
	case "where", "from", "returning":
		delete(c.inSet, depth)
		delete(c.assign, depth)
	}
	return nil
}

// likeLevel follows the words of BETWEEN, IN, LIKE, ILIKE and SIMILAR TO at depth.
func (c *opChain) likeLevel(w string, depth int) error {
	switch w {
	case "between", "in", "like", "ilike", "similar":
		if c.like[depth] != 0 {
			return nearError(w)
		}
		switch w {
		case "between":
			set(&c.like, depth, 2)
		case "in": // its parenthesized list ends it: a IN (b) IN (c) is (a IN (b)) IN (c)
		default:
			set(&c.like, depth, 1)
		}
	case "and":
		if c.like[depth] == 2 {
			c.like[depth] = 1 // BETWEEN's
			return nil
		}
		delete(c.like, depth)
	case "not", "to", "escape", "symmetric", "asymmetric": // within their syntax
	default:
		delete(c.like, depth)
	}
	return nil
}

// assignments starts a SET list at depth (also ON CONFLICT's, whose SET the pass consumes).
func (c *opChain) assignments(depth int) {
	set(&c.inSet, depth, true)
	set(&c.assign, depth, true)
}

// isOperandWord reports whether w can stand inside a chain of operators: an identifier or a
// function name, not a keyword that separates expressions (AND, THEN, LIKE, FROM, ...).
func isOperandWord(w string) bool {
	return !notFunctionNames[w] && !fromClauseEnds[w] && !chainEndWords[w] && !strings.HasPrefix(w, "\"")
}

// chainEndWords are keywords outside notFunctionNames and fromClauseEnds that end a chain.
var chainEndWords = map[string]bool{"when": true, "then": true, "else": true, "end": true, "between": true,
	"ilike": true, "similar": true, "escape": true, "case": true, "null": true, "true": true, "false": true,
	"and": true, "or": true, "not": true, "is": true, "in": true, "like": true, "default": true, "to": true}

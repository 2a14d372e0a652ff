package sql

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
)

// Deeply nested statements. The dialect pass, vitess's parser (a table-driven LALR parser with
// its own stack) and the AST depth check below are iterative; everything after them (binding,
// compiling, printing, EXPLAIN, evaluating) recurses once per level of the statement's tree.
// A goroutine's stack overflowing is fatal to the whole process, so a statement nested deeper
// than maxDepth is refused with 54001, as PostgreSQL refuses one deeper than its stack allows
// (it fails a 10000-term 1+1+...+1; drove accepts one a little shorter).

// maxDepth bounds the nesting of a statement: open parentheses, CASEs and prefix operators
// before it is parsed, levels of nodes in the parsed tree.
const maxDepth = 10000

func tooDeep() error {
	return &Error{Code: "54001", Message: "stack depth limit exceeded",
		Hint: "The statement nests more than " + strconv.Itoa(maxDepth) + " levels of expressions or parentheses."}
}

// checkNesting refuses, before vitess parses it, a statement (in the dialect vitess reads) that
// opens more than maxDepth parentheses, CASEs and prefix operators (- + ~ ! NOT) in a row: the
// parser stacks each of them (some 200 bytes of stack per byte of text for - - - 1; 2 KB for
// each CASE), so a few megabytes of them would take gigabytes. It only estimates (an
// operator run counts a binary operator too), erring towards counting more.
func checkNesting(text string) error {
	if len(text) <= maxDepth {
		return nil
	}
	depth, run := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			i = skipQuoted(text, i)
			run = 0
			continue
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '-' || c == '+' || c == '~' || c == '!':
			run++
		case isIdentStart(rune(c)) || c >= '0' && c <= '9':
			j := i
			for j < len(text) && (isIdentPart(rune(text[j])) || text[j] == '.') {
				j++
			}
			switch w := text[i:j]; {
			case strings.EqualFold(w, "not"):
				run++
			case strings.EqualFold(w, "case"):
				depth++
				run = 0
			case strings.EqualFold(w, "end"):
				depth--
				run = 0
			default:
				run = 0
			}
			i = j
			if depth+run > maxDepth {
				return tooDeep()
			}
			continue
		case c != ' ' && c != '\t' && c != '\n' && c != '\r':
			run = 0
		}
		if depth+run > maxDepth {
			return tooDeep()
		}
		i++
	}
	return nil
}

// skipQuoted returns the index just past the quoted string or identifier starting at i (a
// doubled quote, or a backslash in a string, escapes one).
func skipQuoted(text string, i int) int {
	q := text[i]
	for j := i + 1; j < len(text); j++ {
		switch {
		case text[j] == '\\' && q == '\'':
			j++
		case text[j] == q:
			if j+1 < len(text) && text[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(text)
}

// checkDepth refuses a parsed statement whose tree is deeper than maxDepth. Each level takes at
// least one character of text, so a short statement is not walked.
func checkDepth(text string, ast any) error {
	if len(text) < maxDepth/4 {
		return nil
	}
	if treeDeeper(reflect.ValueOf(ast), maxDepth) {
		return tooDeep()
	}
	return nil
}

// treeDeeper reports whether the tree of structs reachable from v through pointers,
// interfaces, slices and fields nests more than limit structs deep. It walks with an explicit
// stack: the tree may be far too deep to recurse over.
func treeDeeper(v reflect.Value, limit int) bool {
	type item struct {
		v     reflect.Value
		depth int
	}
	stack := []item{{v, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch v := it.v; v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				stack = append(stack, item{v.Elem(), it.depth})
			}
		case reflect.Struct:
			if it.depth+1 > limit {
				return true
			}
			for i := 0; i < v.NumField(); i++ {
				if f := v.Field(i); mayNest(f.Type()) {
					stack = append(stack, item{f, it.depth + 1})
				}
			}
		case reflect.Slice, reflect.Array:
			if mayNest(v.Type().Elem()) {
				for i := 0; i < v.Len(); i++ {
					stack = append(stack, item{v.Index(i), it.depth})
				}
			}
		}
	}
	return false
}

// mayNest reports whether a value of type t can hold a struct.
func mayNest(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Struct, reflect.Slice, reflect.Array:
		return true
	}
	return false
}

// maxFromItems bounds the tables, derived tables and functions one FROM clause joins. Binding
// a join takes time quadratic in their number (each join's row layout is its inputs'
// together) and recursion as deep, and a FROM list is flat, so the depth bound does not
// reach it: 8000 tables took 6 s.
const maxFromItems = 1000

// checkFromSize refuses a FROM clause of more than maxFromItems items (54000, as PostgreSQL
// refuses too many range table entries).
func checkFromSize(from []ast.FromItem) error {
	n := 0
	var stack []ast.FromItem // only joins are walked: a plain FROM costs no allocation
	for _, fi := range from {
		if _, ok := fi.(*ast.Join); ok {
			stack = append(stack, fi)
		} else {
			n++
		}
	}
	for len(stack) > 0 || n > maxFromItems {
		if n > maxFromItems {
			return Errorf("54000", "too many tables in FROM: more than %d", maxFromItems)
		}
		fi := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if j, ok := fi.(*ast.Join); ok {
			stack = append(stack, j.Left, j.Right)
		} else {
			n++
		}
	}
	return nil
}

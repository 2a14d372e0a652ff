package sql

import (
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// EXPLAIN's options, EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON) query and the older EXPLAIN
// ANALYZE VERBOSE query, as sql/parser reads them into ast.ExplainStmt's options: checked
// as PostgreSQL 15's ExplainQuery checks them.

// explainOpts are the options of one EXPLAIN, after ExplainQuery's defaults.
type explainOpts struct {
	analyze, verbose, costs, buffers, wal, timing, summary, settings bool
	format                                                           string // text, json, yaml or xml
}

// checkExplainOptions is ExplainQuery's check of the options: the options they ask for.
// toks are the EXPLAIN's tokens in query, where an error about an option finds its place.
func checkExplainOptions(opts []ast.DefElem, query string, toks []lexer.Token) (explainOpts, error) {
	eo := explainOpts{costs: true, timing: true, format: "text"}
	set := map[string]bool{}
	for _, o := range opts {
		name := o.Name
		if name == "analyse" {
			name = "analyze"
		}
		switch name {
		case "analyze", "verbose", "costs", "buffers", "wal", "settings", "timing", "summary":
			b, err := explainBool(name, o.Arg)
			if err != nil {
				return eo, err
			}
			set[name] = b
			set[name+" set"] = true
		case "format":
			switch v := strings.ToLower(explainValue(o.Arg)); v {
			case "text", "json", "yaml", "xml":
				eo.format = v
			default:
				return eo, optionError(Errorf("22023", "unrecognized value for EXPLAIN option %q: %q", name, explainValue(o.Arg)), query, toks, o.Name)
			}
		default:
			return eo, optionError(Errorf("42601", "unrecognized EXPLAIN option %q", name), query, toks, o.Name)
		}
	}
	if set["wal"] && !set["analyze"] {
		return eo, Errorf("22023", "EXPLAIN option WAL requires ANALYZE")
	}
	if set["timing set"] && set["timing"] && !set["analyze"] {
		return eo, Errorf("22023", "EXPLAIN option TIMING requires ANALYZE")
	}
	eo.analyze, eo.verbose, eo.buffers, eo.wal, eo.settings = set["analyze"], set["verbose"], set["buffers"], set["wal"], set["settings"]
	if set["costs set"] {
		eo.costs = set["costs"]
	}
	if set["timing set"] {
		eo.timing = set["timing"]
	}
	eo.summary = eo.analyze
	if set["summary set"] {
		eo.summary = set["summary"]
	}
	if eo.format == "xml" || eo.format == "yaml" {
		return eo, unsupported("EXPLAIN (FORMAT %s)", strings.ToUpper(eo.format))
	}
	return eo, nil
}

// optionError places err at the option named name in the EXPLAIN's parenthesized list (the
// first such word at its top level), as ExplainQuery's errors point at the option.
func optionError(err *Error, query string, toks []lexer.Token, name string) error {
	depth := 0
	for _, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
			if depth == 0 {
				return err
			}
		case depth == 1 && (t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent) && t.Value == name:
			err.Position = utf8.RuneCountInString(query[:t.Pos]) + 1
			return err
		}
	}
	return err
}

// explainValue is an option's value as text: a word, a string or a number ("" for none).
func explainValue(x ast.Expr) string {
	switch x := x.(type) {
	case nil:
		return ""
	case *ast.Literal:
		return x.Val
	}
	return ast.Printer{}.Print(x)
}

// explainBool is defGetBoolean: no value is true; else true/false/on/off or 1/0.
func explainBool(name string, x ast.Expr) (bool, error) {
	if x == nil {
		return true, nil
	}
	switch strings.ToLower(explainValue(x)) {
	case "true", "on", "1":
		return true, nil
	case "false", "off", "0":
		return false, nil
	}
	return false, Errorf("42601", "%s requires a Boolean value", name)
}

package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// EXPLAIN's options, EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON) query and the older EXPLAIN
// ANALYZE VERBOSE query, which vitess's grammar lacks: the dialect pass reads and checks them
// as PostgreSQL 15's ExplainQuery does and drops them; bindExplain reads them again from the
// statement's text (explainOptionsOf) to plan what EXPLAIN prints.

func init() {
	wordRules["explain"] = append(wordRules["explain"], wordRule{"explain-options",
		func(r *rewriter) bool {
			return len(r.words) == 0 && (r.nextIs("(") || r.peek(0).Is("analyze") || r.peek(0).Is("analyse") || r.peek(0).Is("verbose"))
		}, emitExplainOptions})
}

// explainOption is one option of the list: its name, its value's text ("" when it has none)
// and where the option starts.
type explainOption struct {
	name, value string
	hasValue    bool
	at          lexer.Token
}

func emitExplainOptions(r *rewriter, w string) error {
	opts, n, err := readExplainOptions(r.peek, r.q)
	if err != nil {
		return err
	}
	if _, err := checkExplainOptions(opts); err != nil {
		return err
	}
	r.b.WriteString(w)
	r.keep(w)
	r.skip(n)
	return nil
}

// readExplainOptions reads what follows EXPLAIN (peek(0) is the token after it): the
// options, either ( name [value] [, ...] ) or [ANALYZE] [VERBOSE], and how many tokens they
// take.
func readExplainOptions(peek func(int) lexer.Token, q string) ([]explainOption, int, error) {
	if !peek(0).IsPunct("(") {
		var opts []explainOption
		k := 0
		if t := peek(k); t.Is("analyze") || t.Is("analyse") {
			opts = append(opts, explainOption{name: "analyze", at: t})
			k++
		}
		if t := peek(k); t.Is("verbose") {
			opts = append(opts, explainOption{name: "verbose", at: t})
			k++
		}
		return opts, k, nil
	}
	var opts []explainOption
	k := 1 // past the "("
	for {
		name := peek(k)
		if name.Kind != lexer.Ident {
			return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", name.Text(q)), name.Pos)
		}
		o := explainOption{name: name.Value, at: name}
		if o.name == "analyse" {
			o.name = "analyze"
		}
		k++
		if v := peek(k); !v.IsPunct(",") && !v.IsPunct(")") {
			text, used, ok := explainValue(peek, q, k)
			if !ok {
				return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", v.Text(q)), v.Pos)
			}
			o.value, o.hasValue = text, true
			k += used
		}
		opts = append(opts, o)
		switch t := peek(k); {
		case t.IsPunct(","):
			k++
		case t.IsPunct(")"):
			return opts, k + 1, nil
		default:
			return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", t.Text(q)), t.Pos)
		}
	}
}

// explainValue reads an option's value at token k: a word, a string or a signed number.
func explainValue(peek func(int) lexer.Token, q string, k int) (string, int, bool) {
	t := peek(k)
	switch t.Kind {
	case lexer.Ident, lexer.String, lexer.Numeric:
		return t.Value, 1, true
	case lexer.Op:
		if n := peek(k + 1); (t.Value == "-" || t.Value == "+") && n.Kind == lexer.Numeric && n.Pos == t.End {
			return strings.TrimPrefix(t.Value, "+") + n.Value, 2, true
		}
	}
	if t.Kind != lexer.EOF && t.Kind != lexer.Punct && t.Kind != lexer.Op && t.Kind != lexer.Other {
		return t.Text(q), 1, true // integers
	}
	return "", 0, false
}

// explainOpts are the options of one EXPLAIN, after ExplainQuery's defaults.
type explainOpts struct {
	analyze, verbose, costs, buffers, wal, timing, summary, settings bool
	format                                                           string // text, json, yaml or xml
}

// checkExplainOptions is ExplainQuery's check of the options: the options they ask for.
func checkExplainOptions(opts []explainOption) (explainOpts, error) {
	eo := explainOpts{costs: true, timing: true, format: "text"}
	set := map[string]bool{}
	for _, o := range opts {
		switch o.name {
		case "analyze", "verbose", "costs", "buffers", "wal", "settings", "timing", "summary":
			b, err := explainBool(o)
			if err != nil {
				return eo, err
			}
			set[o.name] = b
			set[o.name+" set"] = true
		case "format":
			switch v := strings.ToLower(o.value); v {
			case "text", "json", "yaml", "xml":
				eo.format = v
			default:
				return eo, errorAt(Errorf("22023", "unrecognized value for EXPLAIN option %q: %q", o.name, o.value), o.at.Pos)
			}
		default:
			return eo, errorAt(Errorf("42601", "unrecognized EXPLAIN option %q", o.name), o.at.Pos)
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

// explainOptionsOf reads the options of the EXPLAIN statement text: the options and where
// the explained statement starts in text.
func explainOptionsOf(text string) (explainOpts, int, error) {
	toks, err := lexer.Lex(text)
	if err != nil || len(toks) == 0 || !toks[0].Is("explain") {
		return explainOpts{costs: true, timing: true, format: "text"}, 0, err
	}
	peek := func(k int) lexer.Token {
		if k+1 < len(toks) {
			return toks[k+1]
		}
		return toks[len(toks)-1]
	}
	opts, n, err := readExplainOptions(peek, text)
	if err != nil {
		return explainOpts{}, 0, err
	}
	eo, err := checkExplainOptions(opts)
	return eo, peek(n).Pos, err
}

// explainBool is defGetBoolean: no value is true; else true/false/on/off or 1/0.
func explainBool(o explainOption) (bool, error) {
	if !o.hasValue {
		return true, nil
	}
	switch strings.ToLower(o.value) {
	case "true", "on", "1":
		return true, nil
	case "false", "off", "0":
		return false, nil
	}
	return false, Errorf("42601", "%s requires a Boolean value", o.name)
}

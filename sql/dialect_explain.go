package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// EXPLAIN's parenthesized option list, EXPLAIN (COSTS OFF, FORMAT TEXT) query, which vitess's
// grammar lacks: the dialect pass reads and checks it as PostgreSQL 15's ExplainQuery does and
// drops it. The options it accepts ask for what drove's EXPLAIN prints anyway: the plan's
// text, no costs (COSTS ON is plain EXPLAIN, which prints none here either), no run-time
// statistics. One asking for more (ANALYZE, VERBOSE, BUFFERS, SETTINGS, SUMMARY, a FORMAT
// other than TEXT) is 0A000, never silently ignored.

func init() {
	wordRules["explain"] = append(wordRules["explain"], wordRule{"explain-options",
		func(r *rewriter) bool { return len(r.words) == 0 && r.nextIs("(") }, emitExplainOptions})
}

// explainOption is one option of the list: its name, its value's text ("" when it has none)
// and where the option starts.
type explainOption struct {
	name, value string
	hasValue    bool
	at          lexer.Token
}

func emitExplainOptions(r *rewriter, w string) error {
	opts, n, err := r.explainOptionList()
	if err != nil {
		return err
	}
	if err := checkExplainOptions(opts); err != nil {
		return err
	}
	r.b.WriteString(w)
	r.keep(w)
	r.skip(n)
	return nil
}

// explainOptionList reads ( name [value] [, ...] ) after EXPLAIN: the options and how many
// tokens they take.
func (r *rewriter) explainOptionList() ([]explainOption, int, error) {
	var opts []explainOption
	k := 1 // past the "("
	for {
		name := r.peek(k)
		if name.Kind != lexer.Ident {
			return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", name.Text(r.q)), name.Pos)
		}
		o := explainOption{name: name.Value, at: name}
		k++
		if v := r.peek(k); !v.IsPunct(",") && !v.IsPunct(")") {
			text, used, ok := r.explainValue(k)
			if !ok {
				return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", v.Text(r.q)), v.Pos)
			}
			o.value, o.hasValue = text, true
			k += used
		}
		opts = append(opts, o)
		switch t := r.peek(k); {
		case t.IsPunct(","):
			k++
		case t.IsPunct(")"):
			return opts, k + 1, nil
		default:
			return nil, 0, errorAt(Errorf("42601", "syntax error at or near %q", t.Text(r.q)), t.Pos)
		}
	}
}

// explainValue reads an option's value at token k: a word, a string or a signed number.
func (r *rewriter) explainValue(k int) (string, int, bool) {
	t := r.peek(k)
	switch t.Kind {
	case lexer.Ident, lexer.String, lexer.Numeric:
		return t.Value, 1, true
	case lexer.Op:
		if n := r.peek(k + 1); (t.Value == "-" || t.Value == "+") && n.Kind == lexer.Numeric && n.Pos == t.End {
			return strings.TrimPrefix(t.Value, "+") + n.Value, 2, true
		}
	}
	if t.Kind != lexer.EOF && t.Kind != lexer.Punct && t.Kind != lexer.Op && t.Kind != lexer.Other {
		return t.Text(r.q), 1, true // integers
	}
	return "", 0, false
}

// checkExplainOptions is ExplainQuery's check of the options, then drove's refusal of those
// whose output it does not produce.
func checkExplainOptions(opts []explainOption) error {
	set := map[string]bool{}
	for _, o := range opts {
		switch o.name {
		case "analyze", "verbose", "costs", "buffers", "wal", "settings", "timing", "summary":
			b, err := explainBool(o)
			if err != nil {
				return err
			}
			set[o.name] = b
			set[o.name+" set"] = true
		case "format":
			switch v := strings.ToLower(o.value); {
			case v == "text":
			case v == "xml" || v == "json" || v == "yaml":
				return errorAt(unsupported("EXPLAIN (FORMAT %s)", strings.ToUpper(v)), o.at.Pos)
			default:
				return errorAt(Errorf("22023", "unrecognized value for EXPLAIN option %q: %q", o.name, o.value), o.at.Pos)
			}
		default:
			return errorAt(Errorf("42601", "unrecognized EXPLAIN option %q", o.name), o.at.Pos)
		}
	}
	if set["wal"] && !set["analyze"] {
		return Errorf("22023", "EXPLAIN option WAL requires ANALYZE")
	}
	if set["timing set"] && set["timing"] && !set["analyze"] {
		return Errorf("22023", "EXPLAIN option TIMING requires ANALYZE")
	}
	for _, name := range []string{"analyze", "verbose", "buffers", "settings", "summary"} {
		if set[name] {
			return unsupported("EXPLAIN (%s)", strings.ToUpper(name))
		}
	}
	return nil
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

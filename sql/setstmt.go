package sql

import (
	"context"
	"fmt"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// settingStmt is SET, SHOW, RESET, SET TRANSACTION, BEGIN/START TRANSACTION, DISCARD, VACUUM
// or ANALYZE, as utility_tree.go makes it from sql/parser's tree.
type settingStmt struct {
	kind  string // "set", "show", "show all", "reset", "reset all", "transaction", "begin", "maintenance"
	name  string // the setting
	value string
	reset bool // SET x TO DEFAULT
	// current: SET x FROM CURRENT, which sets the value x has (utility_tree.go)
	current bool
	args    int             // how many values SET name TO gave
	local   bool            // SET LOCAL
	rels    []ast.VacuumRel // VACUUM's and ANALYZE's tables
	tag     string          // VACUUM or ANALYZE
	// isolation is the ISOLATION LEVEL of BEGIN or SET TRANSACTION, as checkIsolation names it.
	isolation string
	// readOnly is their READ ONLY ("on") or READ WRITE ("off"), "" when they name neither.
	readOnly string
	// characteristics: SET SESSION CHARACTERISTICS AS TRANSACTION, which sets the defaults.
	characteristics bool
}

// settingToken is a token of a statement: a word (lower case unless it was quoted), a
// string's contents, a number, an operator or one punctuation character.
type settingToken struct {
	text   string
	quoted bool // a string literal or quoted identifier, not a keyword
	ident  bool // a quoted identifier
	pos    int  // where it starts in the statement's text
}

// lexSetting turns the statement's PostgreSQL text into settingTokens: sql/lexer's tokens,
// with an unquoted dotted name (a placeholder setting, a qualified table) joined into one word.
func lexSetting(q string) ([]settingToken, error) {
	toks, err := lexSQL(q)
	if err != nil {
		return nil, err
	}
	out := make([]settingToken, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		n := len(out)
		switch t.Kind {
		case lexer.String, lexer.BitString, lexer.HexString:
			out = append(out, settingToken{text: t.Value, quoted: true})
		case lexer.QuotedIdent:
			out = append(out, settingToken{text: t.Value, quoted: true, ident: true})
		case lexer.Param:
			out = append(out, settingToken{text: "$" + t.Value})
		case lexer.Ident:
			w := t.Value
			for i+2 < len(toks) && toks[i+1].Value == "." && toks[i+1].Kind == lexer.Punct &&
				toks[i+1].Pos == toks[i].End && toks[i+2].Pos == toks[i+1].End && toks[i+2].Kind == lexer.Ident {
				w += "." + toks[i+2].Value
				i += 2
			}
			out = append(out, settingToken{text: w})
		default:
			out = append(out, settingToken{text: t.Value})
		}
		out[n].pos = t.Pos
	}
	return out, nil
}

// zoneOfInterval is the zone of SET TIME ZONE INTERVAL 'text', truncated to unit microseconds
// (0: not truncated): a zone that many hours and minutes EAST of Greenwich (SQL's sign, not
// POSIX's), named as PostgreSQL's pg_tzset_offset names it.
func zoneOfInterval(text string, unit int64) (string, error) {
	v, err := types.ParseInterval(text)
	if err != nil {
		return "", Errorf("22007", "invalid input syntax for type interval: %q", text)
	}
	iv := v.Interval()
	bad := func(detail string) error {
		return &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter \"TimeZone\": \"INTERVAL '%s'\"", text), Detail: detail}
	}
	switch {
	case iv.Months != 0:
		return "", bad("Cannot specify months in time zone interval.")
	case iv.Days != 0:
		return "", bad("Cannot specify days in time zone interval.")
	}
	us := iv.Micros
	if unit != 0 {
		us -= us % unit
	}
	return posixOffsetName(us / 1e6), nil
}

// posixOffsetName is pg_tzset_offset's name of the zone east seconds east of Greenwich:
// <+02>-02, <-05:30>+05:30.
func posixOffsetName(east int64) string {
	abs := east
	if abs < 0 {
		abs = -abs
	}
	off := fmt.Sprintf("%02d", abs/3600)
	if abs%3600 != 0 {
		off += fmt.Sprintf(":%02d", abs%3600/60)
		if abs%60 != 0 {
			off += fmt.Sprintf(":%02d", abs%60)
		}
	}
	if east < 0 {
		return "<-" + off + ">+" + off
	}
	return "<+" + off + ">-" + off
}

// showColumns is the result columns of SHOW and SHOW ALL; nil for the other statements.
func (st *settingStmt) showColumns() []Column {
	switch st.kind {
	case "show":
		def, col, _ := lookupSetting(st.name)
		if def != nil {
			col = def.name
		}
		return []Column{{Name: col, Type: types.Text}}
	case "show all":
		return []Column{{Name: "name", Type: types.Text}, {Name: "setting", Type: types.Text}, {Name: "description", Type: types.Text}}
	}
	return nil
}

func (s *Session) execSettingStmt(ctx context.Context, st *settingStmt, out Output) error {
	switch st.kind {
	case "set":
		if def, _, _ := lookupSetting(st.name); st.args > 1 && (def == nil || !def.list) {
			return Errorf("22023", "SET %s takes only one argument", st.name)
		}
		if strings.EqualFold(st.name, "transaction_read_only") && !st.reset {
			// As SET TRANSACTION READ ONLY | READ WRITE: it lasts as long as the transaction.
			_, v, err := checkSetting(st.name, st.value, false)
			if err != nil {
				return err
			}
			if s.tx != nil {
				if err := s.setTxnReadOnly(v == "on"); err != nil {
					return err
				}
			}
			return out.Complete("SET")
		}
		if st.local && s.tx == nil {
			s.noticef("WARNING", "25P01", "SET LOCAL can only be used in transaction blocks")
		}
		value := st.value
		if st.current {
			v, err := s.setting(st.name)
			if err != nil {
				return err
			}
			value = v
		}
		if err := s.changeSetting(st.name, value, st.local, st.reset); err != nil {
			return err
		}
		if s.tx != nil && strings.EqualFold(st.name, "transaction_isolation") {
			level, _ := s.setting("transaction_isolation")
			if err := s.setIsolation(level); err != nil {
				return err
			}
		}
		return out.Complete("SET")
	case "reset":
		if err := s.changeSetting(st.name, "", false, true); err != nil {
			return err
		}
		return out.Complete("RESET")
	case "reset all":
		if err := s.resetAll(); err != nil {
			return err
		}
		return out.Complete("RESET")
	case "show":
		v, err := s.setting(st.name)
		if err != nil {
			return err
		}
		if err := out.Columns(st.showColumns()); err != nil {
			return err
		}
		if err := out.Row([]types.Value{types.NewText(v)}); err != nil {
			return err
		}
		return out.Complete("SHOW")
	case "show all":
		return s.showAll(out)
	case "discard":
		return s.discard(st.name, out)
	case "transaction":
		if err := s.setTransactionModes(st); err != nil {
			return err
		}
		return out.Complete("SET")
	case "begin":
		if err := s.beginExplicit(st.isolation, st.readOnly); err != nil {
			return err
		}
		return out.Complete(st.tag)
	default: // maintenance
		if s.tx != nil && st.tag == "VACUUM" {
			return Errorf("25001", "VACUUM cannot run inside a transaction block")
		}
		if err := s.checkVacuumRels(st.rels); err != nil {
			return err
		}
		// Versions are not kept in tables, so there is nothing to vacuum; and the planner
		// keeps no statistics to analyze. Both are accepted for the scripts that run them.
		return out.Complete(st.tag)
	}
}

// setTransactionModes is SET TRANSACTION and SET SESSION CHARACTERISTICS AS TRANSACTION; the
// modes were checked when parsed. Outside a transaction block SET TRANSACTION does nothing
// (PostgreSQL warns).
func (s *Session) setTransactionModes(st *settingStmt) error {
	if st.characteristics {
		if st.isolation != "" {
			if err := s.changeSetting("default_transaction_isolation", st.isolation, false, false); err != nil {
				return err
			}
		}
		if st.readOnly != "" {
			return s.changeSetting("default_transaction_read_only", st.readOnly, false, false)
		}
		return nil
	}
	if s.tx == nil {
		return nil
	}
	if st.isolation != "" {
		if err := s.setIsolation(st.isolation); err != nil {
			return err
		}
	}
	if st.readOnly != "" {
		return s.setTxnReadOnly(st.readOnly == "on")
	}
	return nil
}

package sql

import (
	"strings"
	"time"

	"github.com/drovedb/drove/types"
)

// DateStyle: the setting's parsing (PostgreSQL's check_datestyle) and the style dates,
// timestamps and timestamptz values print in as text everywhere a statement prints them
// (casts, concatenation, COPY TO; pgwire reads it from the session's TextStyle).

// dateStyle is the session's DateStyle as types.TextStyle carries it (only its Date and DMY
// fields set): the zero value, ISO, when there is no session.
func (s *Session) dateStyle() types.TextStyle {
	if s == nil {
		return types.TextStyle{}
	}
	return types.TextStyle{Date: s.set.textStyle.Date, DMY: s.set.textStyle.DMY}
}

// dateOrder is the session's DateStyle field order, how input reads 1/2/2024; MDY without
// a session.
func (s *Session) dateOrder() types.DateOrder {
	if s == nil {
		return types.DateOrderMDY
	}
	return s.set.textStyle.Order()
}

// dateOrder is the DateStyle field order the scope's statement reads dates in.
func (sc *scope) dateOrder() types.DateOrder {
	if sc == nil || sc.params == nil {
		return types.DateOrderMDY
	}
	return sc.params.order()
}

// dateOrder is the field order an untyped literal is read in.
func (x *expr) dateOrder() types.DateOrder {
	if x.params == nil {
		return types.DateOrderMDY
	}
	return x.params.order()
}

// order is the session's DateStyle field order for the statement, noting when binding
// (before any run) reads it: a simple query cached by its text is bound again once the
// order changes (plan.order), as PostgreSQL parses such a query anew.
func (p *params) order() types.DateOrder {
	if p.ec == nil {
		p.orderUsed = true
	}
	return p.sess.dateOrder()
}

// dateStyle is the DateStyle the scope's statement prints dates in.
func (sc *scope) dateStyle() types.TextStyle {
	if sc == nil || sc.params == nil {
		return types.TextStyle{}
	}
	return sc.params.sess.dateStyle()
}

// appendTextAs appends v as text, a timestamptz in zone loc, dates and timestamps in
// DateStyle ds (ISO, the zero value, as appendTextIn).
func appendTextAs(dst []byte, v types.Value, loc *time.Location, ds types.TextStyle) []byte {
	if ds.Date == types.DateISO {
		return types.AppendTextIn(dst, v, loc)
	}
	return types.AppendTextStyledIn(dst, v, ds, loc)
}

// styledDateText is v printed in DateStyle ds when ds is not ISO and v is a date, timestamp
// or timestamptz (or an array of them); ok is false otherwise (the cast prints it as usual).
func styledDateText(v types.Value, loc *time.Location, ds types.TextStyle) (types.Value, bool) {
	if ds.Date == types.DateISO {
		return v, false
	}
	switch v.T {
	case types.Date, types.Timestamp, types.Timestamptz, types.DateArray, types.TimestampArray, types.TimestamptzArray:
		return types.NewText(string(types.AppendTextStyledIn(nil, v, ds, loc))), true
	}
	return v, false
}

// parseDateStyle reads a DateStyle value as PostgreSQL's check_datestyle does: a list of a
// style (ISO, SQL, Postgres, German) and a field order (MDY, DMY, YMD, and the synonyms US,
// NonEuropean, European), either of which may be missing and then stays as in cur
// ("Style, ORDER"); German without an order sets DMY; DEFAULT is ISO, MDY for the parts not
// given. It returns the canonical "Style, ORDER". An order other than MDY is refused (0A000)
// until the date decoder reads input in it.
func parseDateStyle(v, cur string) (string, error) {
	curStyle, curOrder, _ := strings.Cut(cur, ", ")
	style, order := "", ""
	bad := func(detail string) error {
		return &Error{Code: "22023", Message: "invalid value for parameter \"DateStyle\": \"" + v + "\"", Detail: detail}
	}
	set := func(dst *string, val string) bool {
		if *dst != "" && *dst != val {
			return false
		}
		*dst = val
		return true
	}
	germanOrder := false
	if strings.TrimSpace(v) != "" {
		for _, part := range strings.Split(v, ",") {
			p := strings.TrimSpace(part)
			if p == "" || strings.ContainsAny(p, " \t") {
				return "", bad("List syntax is invalid.")
			}
			ok := true
			switch strings.ToUpper(p) {
			case "ISO":
				ok = set(&style, "ISO")
			case "SQL":
				ok = set(&style, "SQL")
			case "POSTGRES":
				ok = set(&style, "Postgres")
			case "GERMAN":
				ok = set(&style, "German")
				germanOrder = true
			case "YMD":
				ok = set(&order, "YMD")
			case "DMY", "EURO", "EUROPEAN":
				ok = set(&order, "DMY")
			case "MDY", "US", "NONEURO", "NONEUROPEAN":
				ok = set(&order, "MDY")
			case "DEFAULT":
				if style == "" {
					style = "ISO"
				}
				if order == "" {
					order = "MDY"
				}
			default:
				return "", bad("Unrecognized key word: \"" + p + "\".")
			}
			if !ok {
				return "", bad("Conflicting \"datestyle\" specifications.")
			}
		}
	}
	if order == "" && germanOrder {
		order = "DMY"
	}
	if style == "" {
		style = curStyle
	}
	if order == "" {
		order = curOrder
	}
	return style + ", " + order, nil
}

// checkDateStyle checks a DateStyle value given on its own (a startup option): the parts
// not given are the default's.
func checkDateStyle(v string) (string, error) { return parseDateStyle(v, "ISO, MDY") }

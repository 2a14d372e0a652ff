package sql

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// TextStyler is implemented by outputs that print values in text as the session's output
// settings say (pgwire): extra_float_digits at or below 0, bytea_output = 'escape'. The
// session tells it after each statement that changed a setting; binary results are not
// affected, as in PostgreSQL.
type TextStyler interface {
	SetTextStyle(st types.TextStyle)
}

// TextStyle is the session's current text style, which pgwire applies from the connection's
// start (a startup option may set extra_float_digits).
func (s *Session) TextStyle() types.TextStyle { return s.set.textStyle }

// refreshTextStyle re-reads extra_float_digits, bytea_output, IntervalStyle and DateStyle
// into the text style.
func (s *Session) refreshTextStyle() error {
	digits, err := s.setting("extra_float_digits")
	if err != nil {
		return err
	}
	bytea, err := s.setting("bytea_output")
	if err != nil {
		return err
	}
	interval, err := s.setting("IntervalStyle")
	if err != nil {
		return err
	}
	date, err := s.setting("DateStyle")
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		return err
	}
	s.set.textStyle = types.NewTextStyle(n, bytea, interval, date)
	return nil
}

// enumOf checks the value of an enum setting drove supports every value of (oneOf's are a
// subset): another value is PostgreSQL's 22023, whose hint lists the values.
func enumOf(name string, values ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		l := strings.ToLower(v)
		if slices.Contains(values, l) {
			return l, nil
		}
		return "", &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter %q: %q", name, v),
			Hint: "Available values: " + strings.Join(values, ", ") + "."}
	}
}

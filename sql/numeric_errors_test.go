package sql

import (
	"context"
	"errors"
	"testing"
)

// TestNumericErrorMessages: the messages and details of numeric's conversion errors, as
// PostgreSQL 15 words them (numeric.sql): infinity of either sign in lower case, a field's
// bound 10^0 shown as 1, an infinite value's own detail.
func TestNumericErrorMessages(t *testing.T) {
	cases := []struct{ sql, code, msg, detail string }{
		{"SELECT 'Infinity'::numeric::int2", "0A000", "cannot convert infinity to smallint", ""},
		{"SELECT '-Infinity'::numeric::int4", "0A000", "cannot convert infinity to integer", ""},
		{"SELECT 'NaN'::numeric::int8", "0A000", "cannot convert NaN to bigint", ""},
		{"SELECT '1.0'::numeric(4,4)", "22003", "numeric field overflow",
			"A field with precision 4, scale 4 must round to an absolute value less than 1."},
		{"SELECT '100'::numeric(4,2)", "22003", "numeric field overflow",
			"A field with precision 4, scale 2 must round to an absolute value less than 10^2."},
		{"SELECT '-Inf'::numeric(4,4)", "22003", "numeric field overflow",
			"A field with precision 4, scale 4 cannot hold an infinite value."},
	}
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, tc := range cases {
		err := s.Exec(context.Background(), tc.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: got %v, want %s", tc.sql, err, tc.code)
		}
		if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail {
			t.Errorf("%s: got %s %q (detail %q), want %s %q (detail %q)", tc.sql, e.Code, e.Message, e.Detail, tc.code, tc.msg, tc.detail)
		}
	}
}

package sql

import (
	"errors"
	"testing"
)

// FuzzStartupParams gives Session.Start a startup message's parameters of arbitrary names
// and values ("options" with its -c name=value words among them), as a client sends them
// before it has authenticated anything but its user: a refusal is an *Error with a SQLSTATE,
// never a panic, and a session that starts answers a query.
func FuzzStartupParams(f *testing.F) {
	for _, p := range [][2]string{{"options", "-c statement_timeout=5s --DateStyle=ISO"}, {"options", "-c"},
		{"options", `-c search_path=a\ b`}, {"DateStyle", "zz"}, {"nosuch", "x"}, {"client_encoding", "latin1"},
		{"TimeZone", "Mars/Olympus"}, {"application_name", "\x00\xff"}, {"options", "-c x.y=1 -c extra_float_digits=99"}} {
		f.Add(p[0], p[1])
	}
	ts := openTestTablespace(f)
	f.Fuzz(func(t *testing.T, name, value string) {
		s := NewSession(ts, nil)
		_, err := s.Start(Startup{User: "drove", Database: ts.Name(), Params: map[string]string{name: value}})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.Code) != 5 {
				t.Fatalf("%q=%q: error without a SQLSTATE: %T %v", name, value, err, err)
			}
			return
		}
		if err := s.Exec(t.Context(), "SELECT 1", discard{}); err != nil {
			t.Fatalf("%q=%q: session started but SELECT 1 failed: %v", name, value, err)
		}
	})
}

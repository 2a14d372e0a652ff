package sql

import (
	"fmt"
	"strings"
	"testing"

	"github.com/drovedb/drove/tablespace"
)

// TestStorageErrorCodes: storage errors reach clients with their SQLSTATE, wrapped or not.
func TestStorageErrorCodes(t *testing.T) {
	cases := []struct {
		err  error
		code string
	}{
		{fmt.Errorf("%w (write wal/0001.wal: no space left on device)", tablespace.ErrDiskFull), "53100"},
		{tablespace.ErrDiskFull, "53100"},
		{fmt.Errorf("commit: %w", tablespace.ErrNotLeader), "25006"},
		{fmt.Errorf("commit: %w", tablespace.ErrOutcomeUnknown), "08007"},
		{tablespace.ErrLockTimeout, "55P03"},
		{fmt.Errorf("some I/O error"), "XX000"},
	}
	for _, c := range cases {
		e := toError(c.err)
		got, ok := e.(*Error)
		if !ok || got.Code != c.code {
			t.Errorf("%v: %#v, want SQLSTATE %s", c.err, e, c.code)
		}
	}
	// Inside a transaction a lost leadership fails it with 40001: the client retries it whole.
	s := NewSession(openTestTablespace(t), nil)
	s.tx = s.begin() // fail rolls it back: no savepoint can save it
	if e, ok := s.fail(tablespace.ErrNotLeader).(*Error); !ok || e.Code != "40001" {
		t.Errorf("ErrNotLeader in a transaction: %#v, want 40001", e)
	}
	if e := toError(tablespace.ErrNotLeader).(*Error); !strings.Contains(e.Message, NotLeaderMessage) {
		t.Errorf("not-leader message %q lacks %q, which forwarding recognizes", e.Message, NotLeaderMessage)
	}
}

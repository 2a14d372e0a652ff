package sql

import (
	"fmt"
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
		{fmt.Errorf("commit: %w", tablespace.ErrNotLeader), "40001"},
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
}

package server

import (
	"errors"
	"fmt"
	"testing"

	"github.com/drovedb/drove/server/meta"
	"github.com/drovedb/drove/sql"
)

// The metadata group's errors reach clients with their SQLSTATE, wrapped or not.
func TestMetaErrorCodes(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code string
	}{
		{meta.ErrExists, "42710"},
		{meta.ErrNotFound, "42704"},
		{&meta.Error{Kind: meta.ErrDiskFull, Msg: "meta: the catalog cannot be changed: could not write to the log: the disk is full"}, "53100"},
		{fmt.Errorf("meta: %w (no space left on device)", meta.ErrDiskFull), "53100"},
		{meta.ErrNoLeader, "57P03"},
	} {
		var se *sql.Error
		if err := metaError(tc.err, `tablespace "t"`); !errors.As(err, &se) || se.Code != tc.code {
			t.Errorf("metaError(%v) = %v, want SQLSTATE %s", tc.err, err, tc.code)
		}
	}
}

package load

import (
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// A COPY error's CONTEXT ends with the quoted line or value, as PostgreSQL's does, which may
// itself read like ", line N" or ", column c": the line and column are the first ones.
func TestRowErrorContext(t *testing.T) {
	tests := []struct{ where, line, msg string }{
		{`COPY t, line 3, column id: "x, line 9"`, "3", `column id: bad (SQLSTATE 22P02)`},
		{`COPY t, line 4: "1, column b, line 9"`, "4", `bad (SQLSTATE 22P02)`},
		{`COPY t, line 5`, "5", `bad (SQLSTATE 22P02)`},
	}
	for _, tt := range tests {
		e := &pgconn.PgError{Code: "22P02", Message: "bad", Where: tt.where}
		if m := copyLine.FindStringSubmatch(tt.where); m == nil || m[1] != tt.line {
			t.Errorf("%s: line %v, want %s", tt.where, m, tt.line)
		}
		if got := rowError(e).Error(); got != tt.msg {
			t.Errorf("%s: %q, want %q", tt.where, got, tt.msg)
		}
	}
}

package lexer

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// TestErrorsMatchPostgres runs every error case on a real PostgreSQL 15 (skipped without one,
// or with -short) and checks its SQLSTATE, message and position against the table.
func TestErrorsMatchPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	for _, tc := range errorCases {
		_, err := c.Exec(ctx, tc.in).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) {
			t.Errorf("%q: PostgreSQL answers %v", tc.in, err)
			continue
		}
		pos := int(pe.Position)
		if pos == 0 { // errors without a cursor position (encoding) are checked by code only
			pos = tc.pos
		}
		if pe.Code != tc.code || pe.Message != tc.msg || pos != tc.pos {
			t.Errorf("%q: PostgreSQL says %s %s at %d; the table says %s %s at %d",
				tc.in, pe.Code, pe.Message, pe.Position, tc.code, tc.msg, tc.pos)
		}
	}
}

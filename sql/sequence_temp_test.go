package sql

import (
	"context"
	"errors"
	"testing"
)

// CREATE SEQUENCE pg_temp.s makes a temporary sequence in PostgreSQL, which drove does not
// have yet: it is refused as CREATE TEMP SEQUENCE is (0A000), not made a permanent sequence
// named "pg_temp.s" that nextval('s') cannot find.
func TestCreateSequenceInPgTemp(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	t.Cleanup(s.Close)
	for _, q := range []string{"CREATE SEQUENCE pg_temp.s", "CREATE TEMP SEQUENCE s"} {
		err := s.Exec(context.Background(), q, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != "0A000" {
			t.Errorf("%s: %v, want 0A000", q, err)
		}
	}
}

package drove_test

import (
	"context"
	"testing"

	"github.com/drovedb/drove"
	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// tsSession is a SQL session on one tablespace of an embedded node: database/sql's driver
// always uses the default tablespace, so tests that need others use the node's sessions.
type tsSession struct{ s *drovesql.Session }

func openSession(db *drove.DB, ts string) (*tsSession, error) {
	s, err := db.Server().Session(ts)
	if err != nil {
		return nil, err
	}
	return &tsSession{s: s}, nil
}

// exec runs query and returns the last statement's rows as text (NULL as nil) and its tag.
func (s *tsSession) exec(ctx context.Context, query string) ([][]*string, string, error) {
	var out textRows
	err := s.s.Exec(ctx, query, &out)
	return out.rows, out.tag, err
}

func (s *tsSession) close() { s.s.Close() }

// textRows collects a result as text.
type textRows struct {
	rows [][]*string
	tag  string
}

func (c *textRows) Columns([]drovesql.Column) error { c.rows = nil; return nil }
func (c *textRows) Row(r []types.Value) error {
	out := make([]*string, len(r))
	for i, v := range r {
		if !v.IsNull() {
			s := v.String()
			out[i] = &s
		}
	}
	c.rows = append(c.rows, out)
	return nil
}
func (c *textRows) Complete(tag string) error { c.tag = tag; return nil }

// execIn runs query in a session of its own on tablespace ts.
// mustIn is execIn that fails the test on an error.
func mustIn(t testing.TB, db *drove.DB, ts, query string) [][]*string {
	t.Helper()
	rows, _, err := execIn(context.Background(), db, ts, query)
	if err != nil {
		t.Fatalf("%s: %s: %v", ts, query, err)
	}
	return rows
}

func execIn(ctx context.Context, db *drove.DB, ts, query string) ([][]*string, string, error) {
	s, err := openSession(db, ts)
	if err != nil {
		return nil, "", err
	}
	defer s.close()
	return s.exec(ctx, query)
}

package sql

import (
	"context"
	"strings"
	"testing"

	"github.com/drovedb/drove/types"
)

// A plan is reused by every execution of a prepared statement (and of the same query text),
// so ON CONFLICT DO UPDATE's "rows this statement already wrote" must start empty each time:
// only a second proposal of the same key within one execution is 21000.
func TestUpsertPlanReused(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	run := func(q string) (string, error) {
		var out textOutput
		err := s.Exec(ctx, q, &out)
		return strings.Join(out.lines, ";"), err
	}
	if _, err := run("CREATE TABLE u (k int PRIMARY KEY, v bigint)"); err != nil {
		t.Fatal(err)
	}
	const upsert = "INSERT INTO u (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = excluded.v"
	st, err := s.Prepare(ctx, upsert, nil)
	if err != nil {
		t.Fatal(err)
	}
	for v := int64(1); v <= 4; v++ {
		var out textOutput
		args := []types.Value{types.NewInt(types.Int32, 1), types.NewInt(types.Int64, v)}
		if err := s.ExecPrepared(ctx, st, args, &out); err != nil {
			t.Fatalf("execution %d: %v", v, err)
		}
	}
	for i := range 3 {
		if _, err := run("INSERT INTO u VALUES (2, 7) ON CONFLICT (k) DO UPDATE SET v = excluded.v + u.v"); err != nil {
			t.Fatalf("text execution %d: %v", i, err)
		}
	}
	if got, err := run("SELECT k, v FROM u ORDER BY k"); err != nil || got != "1|4;2|21;tag: SELECT 2" {
		t.Fatalf("got %q, %v", got, err)
	}
	_, err = run("INSERT INTO u VALUES (3, 1), (3, 2) ON CONFLICT (k) DO UPDATE SET v = excluded.v")
	if e, ok := err.(*Error); !ok || e.Code != "21000" {
		t.Fatalf("the same key twice in one statement: got %v, want 21000", err)
	}
}

package sql

import (
	"context"
	"testing"

	"github.com/drovedb/drove/types"
)

// BenchmarkPreparedUpdateByKey is the extended-protocol UPDATE by key (pgbench's): a prepared
// UPDATE ... WHERE pk = $1 executed with new parameters each time (no parse, no bind).
func BenchmarkPreparedUpdateByKey(b *testing.B) {
	s := benchSession(b, 100000)
	st, err := s.Prepare(context.Background(), "UPDATE t SET n = n + $2 WHERE id = $1", nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	args := []types.Value{{}, types.NewInt(types.Int64, 1)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args[0] = types.NewInt(types.Int64, int64(i*97%100000))
		if err := s.ExecPrepared(ctx, st, args, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

package drove_test

import (
	"os"
	"testing"
	"time"

	"github.com/drovedb/drove/internal/cputime"
	"github.com/drovedb/drove/internal/sysmonslack"
)

// BenchmarkDriverPointSelect is a prepared primary-key SELECT through database/sql, scanned
// into a string: the embedded SQL hot path.
func BenchmarkDriverPointSelect(b *testing.B) {
	db, _ := openDriver(b, 10000)
	st, err := db.Prepare("SELECT v FROM t WHERE id = $1")
	if err != nil {
		b.Fatal(err)
	}
	var v string
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := st.QueryRow(i%10000 + 1).Scan(&v); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDriverPointSelectParallel is BenchmarkDriverPointSelect from 2×GOMAXPROCS goroutines.
func BenchmarkDriverPointSelectParallel(b *testing.B) {
	db, _ := openDriver(b, 10000)
	db.SetMaxIdleConns(16)
	st, err := db.Prepare("SELECT v FROM t WHERE id = $1")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetParallelism(2) // 4 goroutines on 2 cores, as bench/embedded_vs_sqlite's
	b.RunParallel(func(pb *testing.PB) {
		var v string
		i := 0
		for pb.Next() {
			if err := st.QueryRow(i%10000 + 1).Scan(&v); err != nil {
				b.Error(err)
				return
			}
			i += 7
		}
	})
}

// BenchmarkDriverInsert is a prepared autocommitted single-row INSERT through database/sql
// from one goroutine: every row is a durable commit of its own (one fsync, no group commit).
//
// DROVE_BENCH_SYSMON_SLACK=1 gives the runtime's sysmon thread the 1 ms timer slack `drove
// server` gives it (internal/sysmonslack), to measure what that would do for an embedding
// program.
func BenchmarkDriverInsert(b *testing.B) {
	if os.Getenv("DROVE_BENCH_SYSMON_SLACK") == "1" {
		if _, err := sysmonslack.Set(time.Millisecond); err != nil {
			b.Fatal(err)
		}
	}
	db, _ := openDriver(b, 0)
	st, err := db.Prepare("INSERT INTO t VALUES ($1, $2)")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu, sw := cputime.Now(), cputime.Switches()
	i := 0
	for b.Loop() {
		i++
		if _, err := st.Exec(i, "value of some length, about forty bytes"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Now()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(cputime.Switches()-sw)/float64(b.N), "ctxsw/op")
}

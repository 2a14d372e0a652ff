// Command embedded_vs_sqlite measures drove embedded in a Go program against the embedded
// stores Go programs use today, side by side in one process on the same machine: drove's
// database/sql driver against modernc.org/sqlite (WAL, synchronous=FULL, one connection for
// writes as SQLite advises) and drove's key-value API against bbolt. Every store is preloaded
// with the same rows (k bigint primary key, v text); each workload runs for the same time on
// the peer and then on drove, and the program prints one markdown table.
//
//	go run . -rows 100000 -d 5s
//
// It is its own module so that the drove module does not depend on SQLite or bbolt.
package main

import (
	"context"
	"database/sql"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/drovedb/drove"
	bolt "go.etcd.io/bbolt"
	_ "modernc.org/sqlite"
)

var (
	nrows    = flag.Int("rows", 100000, "rows preloaded in every store")
	dur      = flag.Duration("d", 5*time.Second, "time per workload and store, in rounds")
	rounds   = flag.Int("rounds", 10, "rounds per workload: the stores alternate, each running d/rounds a round")
	only     = flag.String("only", "", "run only the workloads whose name contains this")
	cpuprof  = flag.String("cpuprofile", "", "write a CPU profile of the first workload run here")
	dirFlag  = flag.String("dir", "", "directory for the stores (default: a temporary one, removed)")
	valueStr = "value of some length, about forty bytes"
)

// result is one workload's measurement on one store: operations per second, and the mean
// time of one operation per goroutine.
type result struct {
	ops float64
	ns  float64
}

// workload is run once on the peer and once on drove.
type workload struct {
	name       string
	goroutines int
	nsMetric   bool // compare mean ns per operation (lower is better) instead of ops/s
	peer       func(g int) func(i int) error
	drove      func(g int) func(i int) error
}

func main() {
	flag.Parse()
	dir := *dirFlag
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "embedded-vs-sqlite"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
	}
	s := setup(dir)
	defer s.close()
	fmt.Printf("%d rows preloaded, %v per workload, GOMAXPROCS %d, %s\n\n", *nrows, *dur, runtime.GOMAXPROCS(0), runtime.Version())
	fmt.Println("| workload | SQLite / bbolt | drove | drove speed ÷ peer speed |")
	fmt.Println("|---|---|---|---|")
	var prof *os.File
	if *cpuprof != "" {
		var err error
		if prof, err = os.Create(*cpuprof); err != nil {
			log.Fatal(err)
		}
	}
	for _, w := range s.workloads() {
		if *only != "" && !strings.Contains(w.name, *only) {
			continue
		}
		peer, dr := newRunner(w.goroutines, w.peer), newRunner(w.goroutines, w.drove)
		// The machine's load changes over seconds: alternate short rounds of each store so
		// both see the same conditions.
		if prof != nil { // one profile, of the first workload run (both stores: tell them by function)
			must(pprof.StartCPUProfile(prof))
		}
		slice := *dur / time.Duration(*rounds)
		for range *rounds {
			peer.run(slice)
			dr.run(slice)
		}
		if prof != nil {
			pprof.StopCPUProfile()
			prof.Close()
			prof = nil
		}
		p, d := peer.result(), dr.result()
		// CPU and context switches per operation depend less on the machine's load than
		// the rates do: to stderr, so the table stays the README's.
		fmt.Fprintf(os.Stderr, "%s: CPU µs/op peer %.1f drove %.1f; context switches/op peer %.2f drove %.2f\n",
			w.name, peer.cpuPerOp(), dr.cpuPerOp(), peer.switchesPerOp(), dr.switchesPerOp())
		if w.nsMetric {
			fmt.Printf("| %s | %.0f ns | %.0f ns | %.2f |\n", w.name, p.ns, d.ns, p.ns/d.ns)
		} else {
			fmt.Printf("| %s | %s/s | %s/s | %.2f |\n", w.name, thousands(p.ops), thousands(d.ops), d.ops/p.ops)
		}
	}
}

// runner runs one store's side of a workload in rounds, adding them up.
type runner struct {
	ops     []func(int) error
	next    []int // per goroutine: its next operation number
	n       int64
	elapsed time.Duration
	cpu     time.Duration // CPU time (user+system) of the whole process during the rounds
	ctxsw   int64         // context switches of the whole process during the rounds
}

func newRunner(g int, mk func(g int) func(i int) error) *runner {
	r := &runner{ops: make([]func(int) error, g), next: make([]int, g)}
	for i := range r.ops {
		r.ops[i], r.next[i] = mk(i), i
	}
	return r
}

// run calls the operations from their goroutines for d.
func (r *runner) run(d time.Duration) {
	var (
		total atomic.Int64
		stop  atomic.Bool
		wg    sync.WaitGroup
		fail  atomic.Pointer[error]
	)
	g := len(r.ops)
	runtime.GC()
	cpu0, sw0 := usage()
	start := time.Now()
	for gi := range g {
		wg.Go(func() {
			op, n, i := r.ops[gi], 0, r.next[gi]
			for ; !stop.Load(); i += g {
				if err := op(i); err != nil {
					fail.Store(&err)
					return
				}
				n++
			}
			r.next[gi] = i
			total.Add(int64(n))
		})
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	r.elapsed += time.Since(start)
	cpu1, sw1 := usage()
	r.cpu += cpu1 - cpu0
	r.ctxsw += sw1 - sw0
	if err := fail.Load(); err != nil {
		log.Fatal(*err)
	}
	r.n += total.Load()
}

// result is operations per second and the mean time of one operation per goroutine.
func (r *runner) result() result {
	n := float64(r.n)
	return result{ops: n / r.elapsed.Seconds(), ns: float64(r.elapsed.Nanoseconds()) * float64(len(r.ops)) / n}
}

func (r *runner) cpuPerOp() float64 {
	return float64(r.cpu.Microseconds()) / float64(r.n)
}

func (r *runner) switchesPerOp() float64 { return float64(r.ctxsw) / float64(r.n) }

// usage is the process's CPU time and context switches so far (getrusage).
func usage() (time.Duration, int64) {
	var ru syscall.Rusage
	must(syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), ru.Nvcsw + ru.Nivcsw
}

func thousands(f float64) string {
	s := fmt.Sprintf("%.0f", f)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// stores are the open databases of one run.
type stores struct {
	liteW, liteR *sql.DB // SQLite: one writing connection, a pool for reads
	bolt         *bolt.DB
	drove        *sql.DB
	handle       *drove.DB
	kv           *drove.KV
	next         atomic.Int64 // keys for inserts, past the preloaded ones
}

func setup(dir string) *stores {
	s := &stores{}
	s.next.Store(int64(*nrows))
	lite := filepath.Join(dir, "sqlite.db")
	dsn := "file:" + lite + "?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)"
	var err error
	must(err)
	s.liteW, err = sql.Open("sqlite", dsn)
	must(err)
	s.liteW.SetMaxOpenConns(1)
	s.liteR, err = sql.Open("sqlite", dsn)
	must(err)
	s.liteR.SetMaxOpenConns(runtime.GOMAXPROCS(0) * 4)
	s.liteR.SetMaxIdleConns(runtime.GOMAXPROCS(0) * 4)
	_, err = s.liteW.Exec("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT)")
	must(err)

	s.bolt, err = bolt.Open(filepath.Join(dir, "bolt.db"), 0o600, nil)
	must(err)

	ddir := filepath.Join(dir, "drove")
	quiet, err := drove.LogLevelLogger("off") // the logger the DSN's log_level=off asks for
	must(err)
	s.handle, err = drove.Open(ddir, drove.WithLogger(quiet))
	must(err)
	s.drove, err = sql.Open("drove", ddir+"?log_level=off")
	must(err)
	s.drove.SetMaxIdleConns(64)
	_, err = s.drove.Exec("CREATE TABLE kv (k bigint PRIMARY KEY, v text)")
	must(err)
	s.kv, err = s.handle.KV("")
	must(err)
	s.preload()
	return s
}

func (s *stores) preload() {
	const batch = 10000
	for lo := 0; lo < *nrows; lo += batch {
		hi := min(lo+batch, *nrows)
		tx, err := s.liteW.Begin()
		must(err)
		st, err := tx.Prepare("INSERT INTO kv VALUES (?, ?)")
		must(err)
		for k := lo; k < hi; k++ {
			_, err = st.Exec(k, valueStr)
			must(err)
		}
		must(tx.Commit())
		must(s.bolt.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("kv"))
			if err != nil {
				return err
			}
			for k := lo; k < hi; k++ {
				if err := b.Put(boltKey(k), []byte(valueStr)); err != nil {
					return err
				}
			}
			return nil
		}))
		must(s.kv.Update(context.Background(), func(tx *drove.Tx) error {
			for k := lo; k < hi; k++ {
				if err := tx.Put("kv", drove.Row{k, valueStr}); err != nil {
					return err
				}
			}
			return nil
		}))
	}
}

func (s *stores) close() {
	s.liteW.Close()
	s.liteR.Close()
	s.bolt.Close()
	s.drove.Close()
	s.handle.Close()
}

func boltKey(k int) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(k))
	return b[:]
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// key spreads reads over the preloaded rows.
func key(i int) int { return i * 7919 % *nrows }

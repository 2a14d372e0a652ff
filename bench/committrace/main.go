// Command committrace joins the marks of a drove build with the committrace tag
// (internal/committrace) and prints where a commit's time goes, stage by stage: for every
// entry a session committed, the time from its raft.Apply call to each later stage (on its
// own process, and on every follower whose trace is in the directory), as medians and 90th
// percentiles in µs.
//
//	go run ./bench/committrace FILE...
//
// Each FILE is one process's trace (DIR/<node id>.trace). The process whose trace has Apply
// marks is the leader (or the single node); processes whose traces have Received marks are
// followers. Marks before the first and after the last second
// of the leader's trace are left out (start-up and shutdown).
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type mark struct {
	t    int64
	a, b uint64
}

// proc is one process's marks by stage, in time order.
type proc struct {
	name  string
	marks map[byte][]mark
}

func load(path string) (*proc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p := &proc{name: filepath.Base(path), marks: map[byte][]mark{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 4 {
			continue
		}
		t, _ := strconv.ParseInt(fs[1], 10, 64)
		a, _ := strconv.ParseUint(fs[2], 10, 64)
		b, _ := strconv.ParseUint(fs[3], 10, 64)
		p.marks[fs[0][0]] = append(p.marks[fs[0][0]], mark{t, a, b})
	}
	for _, ms := range p.marks {
		sort.Slice(ms, func(i, j int) bool { return ms[i].t < ms[j].t })
	}
	return p, sc.Err()
}

// series answers "when did this stage first reach index i".
type series struct {
	t   []int64
	max []uint64 // running maximum of a
}

func newSeries(ms []mark, peer uint64, byPeer bool) *series {
	s := &series{}
	var m uint64
	for _, x := range ms {
		if byPeer && x.b != peer {
			continue
		}
		if x.a > m {
			m = x.a
		}
		s.t = append(s.t, x.t)
		s.max = append(s.max, m)
	}
	return s
}

func (s *series) first(i uint64) (int64, bool) {
	k := sort.Search(len(s.max), func(j int) bool { return s.max[j] >= i })
	if k == len(s.max) {
		return 0, false
	}
	return s.t[k], true
}

type column struct {
	name string
	s    *series
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: committrace FILE...")
		os.Exit(2)
	}
	paths := os.Args[1:]
	var leader *proc
	var followers, all []*proc
	for _, path := range paths {
		p, err := load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		all = append(all, p)
		switch {
		case len(p.marks['c']) > 0:
			if leader == nil || len(p.marks['c']) > len(leader.marks['c']) {
				leader = p
			}
		case len(p.marks['q']) > 0:
			followers = append(followers, p)
		}
	}
	for _, p := range all {
		appendTimes(p)
	}
	if leader == nil {
		fmt.Fprintln(os.Stderr, "no trace with commits")
		os.Exit(1)
	}
	cols := []column{
		{"leader: log append starts", newSeries(leader.marks['w'], 0, false)},
		{"leader: log durable", newSeries(leader.marks['d'], 0, false)},
	}
	peers := map[uint64]bool{}
	for _, m := range leader.marks['p'] {
		peers[m.b] = true
	}
	var peerIDs []uint64
	for id := range peers {
		peerIDs = append(peerIDs, id)
	}
	sort.Slice(peerIDs, func(i, j int) bool { return peerIDs[i] < peerIDs[j] })
	for k, id := range peerIDs {
		cols = append(cols, column{fmt.Sprintf("leader: sent to peer %d", k+1), newSeries(leader.marks['p'], id, true)})
	}
	for k, f := range followers {
		for _, st := range []struct {
			c    byte
			name string
		}{{'q', "received"}, {'h', "handed to Raft"}, {'w', "log append starts"}, {'d', "log durable"}, {'o', "answered"}} {
			cols = append(cols, column{fmt.Sprintf("follower %d (%s): %s", k+1, f.name, st.name), newSeries(f.marks[st.c], 0, false)})
		}
	}
	for k, id := range peerIDs {
		cols = append(cols, column{fmt.Sprintf("leader: answer of peer %d decoded", k+1), newSeries(leader.marks['r'], id, true)})
	}
	cols = append(cols,
		column{"leader: FSM gets the batch", newSeries(leader.marks['a'], 0, false)},
		column{"leader: FSM finds the log durable", newSeries(leader.marks['b'], 0, false)},
		column{"leader: FSM applied", newSeries(leader.marks['e'], 0, false)},
	)
	report(leader, cols)
}

func report(leader *proc, cols []column) {
	apply := map[uint64]int64{}
	for _, m := range leader.marks['c'] {
		apply[m.a] = m.t
	}
	answered := map[uint64]int64{}
	for _, m := range leader.marks['z'] {
		answered[m.a] = m.t
	}
	cs := leader.marks['c']
	lo, hi := cs[0].t+1e9, cs[len(cs)-1].t-1e9
	ds := make([][]float64, len(cols)+2)
	var ack []float64
	for _, m := range leader.marks['s'] {
		tc, ok := apply[m.b]
		tz, ok2 := answered[m.b]
		if !ok || !ok2 || tc < lo || tc > hi || m.t < tc || tz < m.t {
			continue
		}
		ds[0] = append(ds[0], float64(m.t-tc)/1e3)
		for k, c := range cols {
			if t, ok := c.s.first(m.a); ok && t >= tc {
				ds[k+1] = append(ds[k+1], float64(t-tc)/1e3)
			}
		}
		if first := firstAck(cols, m.a); first > 0 {
			ack = append(ack, float64(first-tc)/1e3)
		}
		ds[len(cols)+1] = append(ds[len(cols)+1], float64(tz-tc)/1e3)
	}
	if len(ack) > 0 {
		// The first follower answer is what commits (the leader's own copy counts at once).
		k := len(cols) - 3
		ds = append(ds[:k+1], append([][]float64{ack}, ds[k+1:]...)...)
		names := append([]column{}, cols[:k]...)
		names = append(names, column{name: "leader: first answer decoded (quorum)"})
		cols = append(names, cols[k:]...)
	}
	names := append([]string{"leader: StoreLogs (Raft dispatched the batch)"}, func() []string {
		var n []string
		for _, c := range cols {
			n = append(n, c.name)
		}
		return n
	}()...)
	names = append(names, "session answered")
	// The leader's own steps, commit by commit (medians of the differences).
	n := len(ds)
	for _, pair := range [][2]int{{n - 5, n - 4}, {n - 4, n - 3}, {n - 3, n - 2}, {n - 2, n - 1}} {
		a, b := ds[pair[0]], ds[pair[1]]
		if len(a) != len(b) || len(a) == 0 {
			continue
		}
		d := make([]float64, len(a))
		for i := range a {
			d[i] = b[i] - a[i]
		}
		sort.Float64s(d)
		defer fmt.Printf("  step %d -> %d: median %.0f µs, p90 %.0f µs\n", pair[0], pair[1], d[len(d)/2], d[len(d)*9/10])
	}
	fmt.Printf("%d commits; µs after the session's raft.Apply call\n", len(ds[0]))
	fmt.Printf("%-59s %8s %8s %8s\n", "stage", "median", "p90", "n")
	for k, name := range names {
		d := ds[k]
		if len(d) == 0 {
			continue
		}
		sort.Float64s(d)
		fmt.Printf("%2d %-56s %8.0f %8.0f %8d\n", k, name, d[len(d)/2], d[len(d)*9/10], len(d))
	}
}

// appendTimes prints how long p's log appends (write + fdatasync) took and how many entries
// each carried.
func appendTimes(p *proc) {
	ws, ds := p.marks['w'], p.marks['d']
	var d []float64
	j := 0
	for _, w := range ws {
		for j < len(ds) && (ds[j].t < w.t || ds[j].a < w.a) {
			j++
		}
		if j < len(ds) && ds[j].a == w.a {
			d = append(d, float64(ds[j].t-w.t)/1e3)
		}
	}
	if len(d) == 0 {
		return
	}
	sort.Float64s(d)
	entries := float64(len(p.marks['s'])) / float64(len(ws))
	fmt.Printf("%-12s log append (write + fdatasync): median %4.0f µs, p90 %4.0f µs, %6d appends, %.1f entries each\n",
		p.name, d[len(d)/2], d[len(d)*9/10], len(d), entries)
}

// firstAck is when the first follower's answer covering index i was decoded (0 if none).
func firstAck(cols []column, i uint64) int64 {
	var first int64
	for _, c := range cols {
		if !strings.Contains(c.name, "answer of peer") {
			continue
		}
		if t, ok := c.s.first(i); ok && (first == 0 || t < first) {
			first = t
		}
	}
	return first
}

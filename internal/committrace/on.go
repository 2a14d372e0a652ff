//go:build committrace

package committrace

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Enabled reports whether this build records marks.
const Enabled = true

type mark struct {
	t    int64
	s    Stage
	a, b uint64
}

var (
	mu    sync.Mutex
	marks []mark
	dir   = os.Getenv("DROVE_COMMITTRACE")
)

func init() {
	if dir == "" {
		return
	}
	go flushLoop()
}

// Mark records stage with its values at the current time.
func Mark(s Stage, a, b uint64) {
	if dir == "" {
		return
	}
	t := time.Now().UnixNano()
	mu.Lock()
	marks = append(marks, mark{t, s, a, b})
	mu.Unlock()
}

func flushLoop() {
	name := strconv.Itoa(os.Getpid())
	for i, a := range os.Args {
		if a == "--node-id" && i+1 < len(os.Args) {
			name = os.Args[i+1] // the bench's processes are told apart by their node id
		}
	}
	f, err := os.Create(filepath.Join(dir, name+".trace"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "committrace:", err)
		return
	}
	w := bufio.NewWriter(f)
	var out []mark
	for range time.Tick(500 * time.Millisecond) {
		mu.Lock()
		out, marks = marks, out[:0]
		mu.Unlock()
		for _, m := range out {
			fmt.Fprintf(w, "%c %d %d %d\n", m.s, m.t, m.a, m.b)
		}
		w.Flush()
	}
}

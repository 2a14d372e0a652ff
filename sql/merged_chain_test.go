package sql

import (
	"slices"
	"testing"
	"time"
)

// mergedChain follows scopeCol.merged links; a link back into the chain must end it, not
// loop forever appending (memory exhaustion). The chain runs on a goroutine with a deadline so
// a regression fails fast instead of hanging the test binary.
func TestMergedChainCycle(t *testing.T) {
	cases := []struct {
		merged []int
		from   int
		want   []int
	}{
		{[]int{1, 2, -1}, 0, []int{0, 1, 2}},
		{[]int{1, 0}, 0, []int{0, 1}},       // a two-column cycle
		{[]int{0}, 0, []int{0}},             // a column merged with itself
		{[]int{1, 2, 1}, 0, []int{0, 1, 2}}, // a cycle below the start
		{[]int{5}, 0, []int{0}},             // a link past the scope
	}
	for _, c := range cases {
		cols := make([]scopeCol, len(c.merged))
		for i, m := range c.merged {
			cols[i].merged = m
		}
		done := make(chan []int, 1)
		go func() { done <- mergedChain(cols, c.from) }()
		select {
		case got := <-done:
			if !slices.Equal(got, c.want) {
				t.Errorf("merged %v from %d: %v, want %v", c.merged, c.from, got, c.want)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("merged %v from %d: mergedChain did not return", c.merged, c.from)
		}
	}
}

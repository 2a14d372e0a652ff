package sql

import (
	"sync"
	"testing"

	"github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/types"
)

// One compiled x op ANY|ALL (array) runs on several goroutines at once with the right answers
// (under -race, without a data race): the element each evaluation tests is passed in its row
// (elemslot.go), not set in a variable the compiled operator reads.
func TestAnyAllElementGoroutineSafe(t *testing.T) {
	sc := &scope{cols: []scopeCol{{name: "s", typ: types.Text}}}
	for _, src := range []string{
		"s ~ ANY (ARRAY['^a', '^b', '^c'])",
		"s LIKE ANY (ARRAY['a%', 'b%', 'c%'])",
		"s ~ ALL (ARRAY['^[abc]', '^[abc]$'])",
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		x, err := compileAST(e, sc)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				subjects := []string{"a", "b", "c", "d", "zz"}
				for i := range 2000 {
					s := subjects[(i+g)%len(subjects)]
					v, err := x.eval([]types.Value{types.NewText(s)})
					if err != nil {
						t.Error(err)
						return
					}
					if want := s == "a" || s == "b" || s == "c"; v.Bool() != want {
						t.Errorf("%s with s = %q: got %v, want %v", src, s, v.Bool(), want)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}

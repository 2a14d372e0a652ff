package types

import (
	"testing"
	"time"
)

// nestRecord is row(row(...row(leaf)...)) depth levels deep.
func nestRecord(depth int, leaf Value) Value {
	v := leaf
	for i := 0; i < depth; i++ {
		v = NewShape([]Column{{Name: "f1", Type: v.T}}).Record([]Value{v})
	}
	return v
}

// A record's text doubles its quotes at each level of nesting: row(row(...)) 60 deep is a few
// hundred bytes whose text would be exabytes. TextTooLong says so without building it (drove
// used to build it until the server ran out of memory), and the text of a nesting that fits
// is record_out's.
func TestRecordTextTooLong(t *testing.T) {
	three := nestRecord(3, NewInt(Int32, 1))
	if got, want := three.String(), `("(""(1)"")")`; got != want || three.TextTooLong() {
		t.Fatalf("row(row(row(1))) is %s (too long %v), want %s", got, three.TextTooLong(), want)
	}
	mixed := NewShape([]Column{{Name: "a", Type: Text}, {Name: "b", Type: Record}, {Name: "c", Type: Text}}).
		Record([]Value{NewText(`x "y"\`), nestRecord(1, NewText("")), {T: Text, Null: true}})
	if got, want := mixed.String(), `("x ""y""\\","("""")",)`; got != want || mixed.TextTooLong() {
		t.Fatalf("mixed record is %s, want %s", got, want)
	}
	start := time.Now()
	deep := nestRecord(1000, NewInt(Int32, 1))
	if !deep.TextTooLong() {
		t.Fatal("a record nested 1000 deep fits in a text")
	}
	if got := deep.String(); got != "(?)" {
		t.Fatalf("the text of a record too long for one is %.40q", got)
	}
	// 30 levels: about 2^30 quotes, just past MaxTextLen; 25 levels fit.
	if !nestRecord(30, NewInt(Int32, 1)).TextTooLong() || nestRecord(25, NewInt(Int32, 1)).TextTooLong() {
		t.Fatal("the limit is not at MaxTextLen")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v", d)
	}
}

// The size TextTooLong computes is the length of the text appendRecordText prints.
func TestRecordTextStats(t *testing.T) {
	for _, leaf := range []Value{NewInt(Int32, 1), NewText(`a "b" \c`), NewText("")} {
		for depth := 1; depth < 16; depth++ {
			v := nestRecord(depth, leaf)
			st, ok := v.recordTextStats()
			if n := len(v.String()); !ok || st.n != int64(n) {
				t.Fatalf("depth %d over %v: computed %d bytes, printed %d", depth, leaf, st.n, n)
			}
		}
	}
}

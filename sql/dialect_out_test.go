package sql

import (
	"strings"
	"testing"
	"time"
)

// The rewrites that wrap an operand already written insert text into the output: each must
// cost what follows the insertion point, not the whole output, or a long statement with
// many subscripts takes minutes (10,000 of them after 2 MB of text copied 20 GB).
func TestDialectInsertCost(t *testing.T) {
	q := "select " + strings.Repeat("1,", 1_000_000) + strings.Repeat("a[1],", maxOperandRewrites) + "1"
	start := time.Now()
	pieces, err := splitAndRewrite(q)
	if err != nil || len(pieces) != 1 || !strings.HasSuffix(pieces[0].sql, "drove_subscript(a, 1),1") {
		t.Fatalf("got %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the dialect pass took %v", took)
	}
}

func TestOutBufInsert(t *testing.T) {
	var o outBuf
	o.WriteString("a[1]")
	o.insert(0, "f(")
	o.insert(6, ")")
	o.WriteByte('!')
	if got := o.String(); got != "f(a[1])!" {
		t.Errorf("got %q", got)
	}
	o.truncate(2)
	if got := o.String(); got != "f(" {
		t.Errorf("after truncate: %q", got)
	}
}

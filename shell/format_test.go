package shell

import (
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	r := &Result{
		Columns: []string{"id", "name", "score"},
		Numeric: []bool{true, false, true},
		Rows:    [][]string{{"1", "pen", "1.5"}, {"22", "ünïcode", ""}},
	}
	cases := []struct {
		format Format
		want   string
	}{
		{Aligned, "" +
			" id |  name   | score \n" +
			"----+---------+-------\n" +
			"  1 | pen     |   1.5\n" +
			" 22 | ünïcode |      \n" +
			"(2 rows)\n\n"},
		{CSV, "id,name,score\n1,pen,1.5\n22,ünïcode,\n"},
		{TSV, "id\tname\tscore\n1\tpen\t1.5\n22\tünïcode\t\n"},
	}
	for _, c := range cases {
		t.Run(string(c.format), func(t *testing.T) {
			var b strings.Builder
			if err := r.Write(&b, c.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Fatalf("got:\n%q\nwant:\n%q", b.String(), c.want)
			}
		})
	}
	one := &Result{Columns: []string{"name"}, Numeric: []bool{false}, Rows: [][]string{{"x"}}}
	var b strings.Builder
	one.Write(&b, Aligned)
	if !strings.HasSuffix(b.String(), "(1 row)\n\n") {
		t.Fatalf("singular row count missing: %q", b.String())
	}
	if err := one.Write(&b, "xml"); err == nil {
		t.Fatal("unknown format accepted")
	}
}

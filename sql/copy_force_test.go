package sql

import (
	"context"
	"strings"
	"testing"
)

// TestCopyForceWhere: COPY's CSV FORCE options and COPY FROM ... WHERE over data; the
// expected text is PostgreSQL 15's for the same statements and input.
func TestCopyForceWhere(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE cf (id int PRIMARY KEY, a text, b text, g int GENERATED ALWAYS AS (id * 10) STORED, d int DEFAULT 7)")
	for _, c := range []struct{ stmt, in string }{
		{"COPY cf (id, a, b) FROM STDIN (format csv, force_not_null (a), force_null (b))", "1,,\"\"\n2,\"\",\n3,x,\"y\"\n"},
		{"COPY cf (id, a, b) FROM STDIN (format csv, null 'NULL', force_not_null (a), force_null (b)) WHERE id > 3 AND d = 7",
			"4,NULL,\"NULL\"\n5,NULL,NULL\n1,x,y\n"},
		{"COPY cf (id, a) FROM STDIN csv force not null a force null a where a <> 'skip'", "6,\n7,skip\n"},
	} {
		if err := s.Exec(ctx, c.stmt, &copyIO{in: strings.NewReader(c.in)}); err != nil {
			t.Fatalf("%s: %v", c.stmt, err)
		}
	}
	for _, c := range []struct{ stmt, want string }{
		{"COPY (SELECT id, a IS NULL, a, b IS NULL, b FROM cf ORDER BY id) TO STDOUT (format csv)",
			"1,f,\"\",t,\n2,f,\"\",t,\n3,f,x,f,y\n4,f,NULL,t,\n5,f,NULL,t,\n6,f,\"\",t,\n"},
		{"COPY cf (id, a, b) TO STDOUT (format csv, force_quote (a, id))",
			"\"1\",\"\",\n\"2\",\"\",\n\"3\",\"x\",y\n\"4\",\"NULL\",\n\"5\",\"NULL\",\n\"6\",\"\",\n"},
		{"COPY cf TO STDOUT csv force quote *",
			"\"1\",\"\",,\"7\"\n\"2\",\"\",,\"7\"\n\"3\",\"x\",\"y\",\"7\"\n\"4\",\"NULL\",,\"7\"\n\"5\",\"NULL\",,\"7\"\n\"6\",\"\",,\"7\"\n"},
		{"COPY (SELECT id, a FROM cf WHERE id < 3 ORDER BY id) TO STDOUT (format csv, force_quote *, header)",
			"id,a\n\"1\",\"\"\n\"2\",\"\"\n"},
	} {
		out := &copyIO{}
		if err := s.Exec(ctx, c.stmt, out); err != nil {
			t.Fatalf("%s: %v", c.stmt, err)
		}
		if got := out.out.String(); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.stmt, got, c.want)
		}
	}
}

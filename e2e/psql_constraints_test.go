package e2e

import "testing"

// psql's \d shows a table's CHECK, UNIQUE and FOREIGN KEY constraints as PostgreSQL's does:
// the footers below are what PostgreSQL 15 prints for the same tables, except that drove's
// primary key is a hash map. A table with a foreign key, or one a foreign key references, has
// relhastriggers true, so psql asks for its "Foreign-key constraints" and "Referenced by"
// footers (and its triggers, of which drove has none); a table with neither does not.
func TestPsqlDescribeConstraints(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	if _, errOut := psql(t, n, `CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, name text);
		CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p ON DELETE CASCADE, pc text, v int CONSTRAINT v_pos CHECK (v > 0),
			CONSTRAINT c_code_fk FOREIGN KEY (pc) REFERENCES p (code), CHECK (v < 100 AND id > 0))`); errOut != "" {
		t.Fatal(errOut)
	}
	cases := []struct{ table, want string }{
		{"p", `                 Table "public.p"
 Column |  Type   | Collation | Nullable | Default 
--------+---------+-----------+----------+---------
 id     | integer |           | not null | 
 code   | text    |           |          | 
 name   | text    |           |          | 
Indexes:
    "p_pkey" PRIMARY KEY, hash (id)
    "p_code_key" UNIQUE CONSTRAINT, btree (code)
Referenced by:
    TABLE "c" CONSTRAINT "c_code_fk" FOREIGN KEY (pc) REFERENCES p(code)
    TABLE "c" CONSTRAINT "c_p_fkey" FOREIGN KEY (p) REFERENCES p(id) ON DELETE CASCADE

`},
		{"c", `                 Table "public.c"
 Column |  Type   | Collation | Nullable | Default 
--------+---------+-----------+----------+---------
 id     | integer |           | not null | 
 p      | integer |           |          | 
 pc     | text    |           |          | 
 v      | integer |           |          | 
Indexes:
    "c_pkey" PRIMARY KEY, hash (id)
Check constraints:
    "c_check" CHECK (v < 100 AND id > 0)
    "v_pos" CHECK (v > 0)
Foreign-key constraints:
    "c_code_fk" FOREIGN KEY (pc) REFERENCES p(code)
    "c_p_fkey" FOREIGN KEY (p) REFERENCES p(id) ON DELETE CASCADE

`},
	}
	for _, tc := range cases {
		out, errOut := psql(t, n, `\pset tuples_only off`, `\pset format aligned`, `\d `+tc.table)
		if out != tc.want || errOut != "" {
			t.Errorf("\\d %s: got\n%s(stderr %q), want\n%s", tc.table, out, errOut, tc.want)
		}
	}
}

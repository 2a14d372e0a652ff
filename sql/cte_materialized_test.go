package sql

import "testing"

// withShares binds a query and returns its WITH queries' shares (cte_share.go).
func withShares(t *testing.T, s *Session, q string) []*cteShare {
	t.Helper()
	st, err := s.prepare(q, nil)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if st.query == nil {
		t.Fatalf("%s: not read by sql/parser", q)
	}
	root, _, err := s.bindQuery(st.query, &params{sess: s}, nil)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	w, ok := root.(*withNode)
	if !ok {
		t.Fatalf("%s: root %T, not a withNode", q, root)
	}
	return w.shares
}

// MATERIALIZED computes a WITH query once even when it is read once; NOT MATERIALIZED
// inlines it even when it is read twice, unless it is volatile (PostgreSQL's rules; the
// results are alike, so only the plan tells).
func TestCTEMaterializedShares(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE cm (id int PRIMARY KEY, v int)")
	cases := []struct {
		q      string
		shared bool
	}{
		{"WITH x AS (SELECT id FROM cm) SELECT * FROM x", false},
		{"WITH x AS MATERIALIZED (SELECT id FROM cm) SELECT * FROM x", true},
		{"WITH x AS (SELECT id FROM cm) SELECT * FROM x a, x b", true},
		{"WITH x AS NOT MATERIALIZED (SELECT id FROM cm) SELECT * FROM x a, x b", false},
		{"WITH x AS NOT MATERIALIZED (SELECT random() AS r) SELECT * FROM x a, x b", true},
		{"WITH x (a) AS MATERIALIZED (VALUES (1)) SELECT * FROM x", true},
		{"WITH x AS MATERIALIZED (SELECT 1 UNION SELECT 2) SELECT * FROM x", true},
	}
	for _, c := range cases {
		sh := withShares(t, s, c.q)
		if len(sh) != 1 || sh[0].shared() != c.shared {
			t.Errorf("%s: shared %v, want %v", c.q, len(sh) == 1 && sh[0].shared(), c.shared)
		}
	}
}

package sql

import "testing"

// Assignments PostgreSQL answers with an array whose lower bound is not 1 ([0:2]={...},
// [3:3]={...}), which drove's arrays cannot hold: 0A000, not another array.
func TestArrayAssignLowerBound(t *testing.T) {
	s := NewSession(openTablespaceAt(t, t.TempDir()), nil)
	mustExec(t, s, "CREATE TABLE aa (id int PRIMARY KEY, b int[])")
	mustExec(t, s, "INSERT INTO aa VALUES (1, '{1,2}'), (2, NULL), (3, '{}')")
	for _, q := range []string{
		"UPDATE aa SET b[0] = 5 WHERE id = 1",
		"UPDATE aa SET b[-1:1] = '{5,6,7}' WHERE id = 1",
		"UPDATE aa SET b[3] = 5 WHERE id = 2",
		"UPDATE aa SET b[2:3] = '{5,6}' WHERE id = 3",
		"INSERT INTO aa VALUES (1) ON CONFLICT (id) DO UPDATE SET b[0] = 1",
	} {
		wantCode(t, s, q, "0A000")
	}
	mustExec(t, s, "UPDATE aa SET b[1] = 5 WHERE id = 2")
}

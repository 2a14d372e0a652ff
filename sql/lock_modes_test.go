package sql

import (
	"context"
	"fmt"
	"testing"
)

// lockModeNames are LOCK's modes, weakest first, as PostgreSQL numbers them.
var lockModeNames = []string{"ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
	"SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"}

// pgLockConflicts is PostgreSQL 15's table of conflicting lock modes (the documentation's
// "Conflicting Lock Modes", checked against it with two psql sessions and NOWAIT): row i
// says, per mode j, whether a held i keeps another transaction's j from being granted.
var pgLockConflicts = [8]string{
	".......X",
	"......XX",
	"....XXXX",
	"...XXXXX",
	"..XX.XXX",
	"..XXXXXX",
	".XXXXXXX",
	"XXXXXXXX",
}

// TestLockTableModeConflicts: a transaction's LOCK in each mode keeps another's LOCK NOWAIT
// in each mode out (55P03) exactly where PostgreSQL's conflict table says.
func TestLockTableModeConflicts(t *testing.T) {
	ctx := context.Background()
	ts := openLockTest(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	for i, held := range lockModeNames {
		execOK(t, a, "BEGIN; LOCK lt IN "+held+" MODE")
		for j, want := range lockModeNames {
			execOK(t, b, "BEGIN")
			err := b.Exec(ctx, "LOCK lt IN "+want+" MODE NOWAIT", &textOutput{})
			conflict := pgLockConflicts[i][j] == 'X'
			switch {
			case conflict && sqlState(err) != "55P03":
				t.Errorf("%s held, %s NOWAIT: %v, want 55P03", held, want, err)
			case !conflict && err != nil:
				t.Errorf("%s held, %s NOWAIT: %v, want it granted", held, want, err)
			}
			execOK(t, b, "ROLLBACK")
		}
		execOK(t, a, "COMMIT")
	}
}

// TestLockTableModesAndStatements: what reads (ACCESS SHARE), SELECT FOR UPDATE (ROW SHARE)
// and writes (ROW EXCLUSIVE) take conflicts with LOCK's modes as in PostgreSQL: past
// lock_timeout the statement fails with 55P03, and a transaction that wrote the table keeps
// a SHARE lock out.
func TestLockTableModesAndStatements(t *testing.T) {
	ctx := context.Background()
	ts := openLockTest(t)
	a, b := NewSession(ts, nil), NewSession(ts, nil)
	defer a.Close()
	defer b.Close()
	execOK(t, b, "SET lock_timeout = '50ms'")
	stmts := []struct {
		sql     string
		blocked string // the modes held by a that make it wait
	}{
		{"SELECT count(*) FROM lt", "ACCESS EXCLUSIVE"},
		{"SELECT v FROM lt WHERE k = 1 FOR UPDATE", "EXCLUSIVE,ACCESS EXCLUSIVE"},
		{"INSERT INTO lt VALUES (10, 'x')", "SHARE,SHARE ROW EXCLUSIVE,EXCLUSIVE,ACCESS EXCLUSIVE"},
		{"UPDATE lt SET v = 'y' WHERE k = 2", "SHARE,SHARE ROW EXCLUSIVE,EXCLUSIVE,ACCESS EXCLUSIVE"},
		{"DELETE FROM lt WHERE k = 3", "SHARE,SHARE ROW EXCLUSIVE,EXCLUSIVE,ACCESS EXCLUSIVE"},
	}
	for _, held := range lockModeNames {
		execOK(t, a, "BEGIN; LOCK lt IN "+held+" MODE")
		for _, st := range stmts {
			execOK(t, b, "BEGIN")
			err := b.Exec(ctx, st.sql, &textOutput{})
			blocked := false
			for _, m := range splitComma(st.blocked) {
				blocked = blocked || m == held
			}
			switch {
			case blocked && sqlState(err) != "55P03":
				t.Errorf("%s held, %s: %v, want 55P03 (lock timeout)", held, st.sql, err)
			case !blocked && err != nil:
				t.Errorf("%s held, %s: %v, want it to run", held, st.sql, err)
			}
			execOK(t, b, "ROLLBACK")
		}
		execOK(t, a, "COMMIT")
	}

	// The other way round: an open transaction that wrote lt (ROW EXCLUSIVE) keeps SHARE out,
	// one that only read it or locked a row (ROW SHARE) does not.
	for _, c := range []struct{ by, mode, code string }{
		{"UPDATE lt SET v = 'z' WHERE k = 1", "SHARE", "55P03"},
		{"INSERT INTO lt VALUES (11, 'w')", "SHARE ROW EXCLUSIVE", "55P03"},
		{"SELECT v FROM lt WHERE k = 1 FOR UPDATE", "SHARE", ""},
		{"SELECT v FROM lt WHERE k = 1 FOR UPDATE", "EXCLUSIVE", "55P03"},
		{"SELECT count(*) FROM lt", "EXCLUSIVE", ""},
	} {
		execOK(t, b, "BEGIN; "+c.by)
		execOK(t, a, "BEGIN")
		err := a.Exec(ctx, "LOCK lt IN "+c.mode+" MODE NOWAIT", &textOutput{})
		if sqlState(err) != c.code {
			t.Errorf("after %s, LOCK IN %s MODE NOWAIT: %v, want %q", c.by, c.mode, err, c.code)
		}
		execOK(t, a, "ROLLBACK")
		execOK(t, b, "ROLLBACK")
	}
}

func splitComma(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != ',' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

// TestLockTableShareBlocksWriters: a SHARE lock makes another session's INSERT, UPDATE and
// DELETE wait until the lock's transaction ends, then they run; a LOCK of a view locks the
// tables its query reads.
func TestLockTableShareBlocksWriters(t *testing.T) {
	for i, w := range []string{"INSERT INTO lt VALUES (4, 'd')", "UPDATE lt SET v = 'q' WHERE k = 1", "DELETE FROM lt WHERE k = 2"} {
		for _, lock := range []string{"LOCK lt IN SHARE MODE", "LOCK TABLE ltv IN SHARE MODE"} {
			t.Run(fmt.Sprintf("%d %s", i, lock), func(t *testing.T) {
				ts := openLockTest(t)
				a, b := NewSession(ts, nil), NewSession(ts, nil)
				defer a.Close()
				defer b.Close()
				execOK(t, a, "CREATE VIEW ltv AS SELECT k FROM lt WHERE k > 0")
				execOK(t, a, "BEGIN; "+lock)
				if got := rowsOf(execOK(t, b, "SELECT count(*) FROM lt")); got != "3" {
					t.Fatalf("a read under SHARE: %s", got)
				}
				execOK(t, b, "INSERT INTO lu VALUES (1)") // another table is free
				ch := startExec(b, w)
				waiting(t, ch, w)
				execOK(t, a, "COMMIT")
				finished(t, ch, w)
			})
		}
	}
}

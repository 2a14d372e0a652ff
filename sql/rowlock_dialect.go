package sql

import (
	"encoding/hex"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
)

// The dialect pass's rule for row-locking clauses (rowlock.go binds them). vitess reads one
// FOR UPDATE or FOR SHARE with NOWAIT or SKIP LOCKED, no OF list, no NO KEY UPDATE or KEY
// SHARE and one clause per SELECT; PostgreSQL's clauses are written as vitess's FOR UPDATE
// (which says the SELECT locks) and a comment after the SELECT's keyword that carries them
// all: lockMarker, then per clause its strength, wait policy and the OF names (hex, so that
// no name can end the comment), clauses separated by ';'.

const lockMarker = "/*drove:lock:"

// lockStrengths are the clause's words after FOR, as the comment writes them.
var lockStrengths = [][]string{{"update"}, {"no", "key", "update"}, {"share"}, {"key", "share"}}

// lockClauseNext reports whether FOR starts a locking clause (not SUBSTRING's or OVERLAY's
// FOR, whose rules come first).
func lockClauseNext(r *rewriter) bool { return r.lockStrengthNext() > 0 }

// lockStrengthNext is the number of words of the strength that follows, 0 for none.
func (r *rewriter) lockStrengthNext() int {
	for _, words := range lockStrengths {
		if r.followedBy(words...) {
			return len(words)
		}
	}
	return 0
}

// emitLockClauses reads every locking clause from this FOR on and writes them as vitess's
// FOR UPDATE, and the comment after the SELECT's keyword at this depth.
func emitLockClauses(r *rewriter, _ string) error {
	var specs []string
	for {
		n := r.lockStrengthNext()
		var words []string
		for k := 0; k < n; k++ {
			words = append(words, r.peek(k).Value)
		}
		r.skip(n)
		spec, err := r.lockClauseRest(strings.Join(words, "-"))
		if err != nil {
			return err
		}
		specs = append(specs, spec)
		if !r.peek(0).Is("for") || r.peek(1).Kind == lexer.EOF {
			break
		}
		r.skip(1)
		if r.lockStrengthNext() == 0 {
			return r.syntaxErrorAt(r.peek(0))
		}
	}
	r.b.WriteString("for update")
	r.keep("update")
	if r.depth < 0 || r.depth >= len(r.selectAt) || r.selectAt[r.depth] < 0 {
		return unsupported("a locking clause here")
	}
	at := r.selectAt[r.depth]
	k := strings.Index(r.b.String()[at:], "select")
	if k < 0 {
		return unsupported("a locking clause here")
	}
	return r.insertAt(at+k+len("select"), " "+lockMarker+strings.Join(specs, ";")+"*/")
}

// lockClauseRest reads a clause's OF list and wait policy, after its strength, and returns the
// comment's text for it.
func (r *rewriter) lockClauseRest(strength string) (string, error) {
	var names []string
	if r.peek(0).Is("of") {
		r.skip(1)
		for {
			t := r.peek(0)
			if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
				return "", r.syntaxErrorAt(t)
			}
			r.skip(1)
			if r.nextIs(".") {
				return "", Errorf("42601", "%s must specify unqualified relation names", lockClauseName(strength))
			}
			names = append(names, hex.EncodeToString([]byte(lexer.TruncateName(t.Value))))
			if !r.nextIs(",") {
				break
			}
			r.skip(1)
		}
	}
	wait := "wait"
	switch {
	case r.peek(0).Is("nowait"):
		wait = "nowait"
		r.skip(1)
	case r.followedBy("skip", "locked"):
		wait = "skip"
		r.skip(2)
	}
	if t := r.peek(0); t.Is("nowait") || t.Is("skip") || t.Is("of") {
		return "", r.syntaxErrorAt(t) // one OF list and one wait policy per clause
	}
	return strength + "," + wait + "," + strings.Join(names, "."), nil
}

// lockClauseName is a strength as PostgreSQL's messages name it: FOR NO KEY UPDATE.
func lockClauseName(strength string) string {
	return "FOR " + strings.ToUpper(strings.ReplaceAll(strength, "-", " "))
}

// noteSelect records where the SELECT about to be written begins, at this depth.
func (r *rewriter) noteSelect() {
	if r.depth < 0 {
		return
	}
	for len(r.selectAt) <= r.depth {
		r.selectAt = append(r.selectAt, -1)
	}
	r.selectAt[r.depth] = r.b.Len()
}

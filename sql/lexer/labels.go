package lexer

import "strings"

// asLabelOnly are PostgreSQL 15's keywords that label a select list's (or RETURNING's)
// item only after AS (kwlist.h's AS_LABEL; pg_get_keywords() where not barelabel): every
// other word, keyword or not, is a BareColLabel (SELECT 1 abort, 2 between). One list for
// the dialect pass (sql/dialect_labels.go) and sql/parser.
var asLabelOnly = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`array as char character create day except fetch filter for from grant
		group having hour intersect into isnull limit minute month notnull offset on order over overlaps
		precision returning second to union varying where window with within without year`) {
		m[w] = true
	}
	return m
}()

// AsLabelOnly reports whether the lower-case word w labels a select list's item only after
// AS, never bare.
func AsLabelOnly(w string) bool { return asLabelOnly[w] }

package sql

import (
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// SQL regular expressions (SIMILAR TO, substring(s SIMILAR p ESCAPE e)): PostgreSQL translates
// them into its own regular expressions (regexp.c's similar_escape_internal) and matches
// those; x SIMILAR TO p ESCAPE e is x ~ similar_to_escape(p, e), which is how the dialect pass
// writes it (dialect_similar.go).

func similarFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "similar_to_escape", vol: i, strict: true, procs: []string{"1986: text, text -> text", "1987: text -> text"},
			build: func(c *funcCall) (*expr, error) {
				return strictFunc(c, func(v []types.Value) (types.Value, error) {
					esc, hasEsc := "", len(v) > 1
					if hasEsc {
						esc = v[1].S
					}
					s, err := similarToRegex(v[0].S, esc, hasEsc)
					return types.NewText(s), err
				})
			}},
		// The function SIMILAR TO called before PostgreSQL 13: not strict, a NULL escape
		// is the default one.
		{name: "similar_escape", vol: i, procs: []string{"1623: text, text -> text"},
			build: func(c *funcCall) (*expr, error) {
				args := c.args
				return fold(&expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
					p, err := args[0].eval(row)
					if err != nil || p.IsNull() {
						return types.Value{T: types.Text, Null: true}, err
					}
					e, err := args[1].eval(row)
					if err != nil {
						return types.Value{}, err
					}
					s, err := similarToRegex(p.S, e.S, !e.IsNull())
					return types.NewText(s), err
				}}, args...)
			}},
	}
}

// similarToRegex is similar_escape_internal: pattern as a PostgreSQL regular expression,
// anchored at both ends. hasEsc false is the default escape, a backslash; an empty esc is
// none. Escaped double quotes split the pattern into the three parts substring(... SIMILAR
// ...) takes the middle one of.
func similarToRegex(pattern, esc string, hasEsc bool) (string, error) {
	e := rune('\\')
	if hasEsc {
		switch utf8.RuneCountInString(esc) {
		case 0:
			e = -1
		case 1:
			e, _ = utf8.DecodeRuneInString(esc)
		default:
			return "", &Error{Code: "22025", Message: "invalid escape string",
				Hint: "Escape string must be empty or one character."}
		}
	}
	var b strings.Builder
	b.Grow(len(pattern) + 16)
	b.WriteString("^(?:")
	afterEscape := false
	nquotes := 0
	// classDepth counts the open bracket expressions; classStart is 1 right after a '[',
	// 2 after its first '^', when a ']' is a member and closes nothing.
	classDepth, classStart := 0, 0
	for _, c := range pattern {
		switch {
		case afterEscape:
			afterEscape = false
			if c == '"' && classDepth < 1 {
				switch nquotes {
				case 0:
					b.WriteString("){1,1}?(")
				case 1:
					b.WriteString("){1,1}(?:")
				default:
					return "", Errorf("2200C", "SQL regular expression may not contain more than two escape-double-quote separators")
				}
				nquotes++
				continue
			}
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == e:
			afterEscape = true
		case classDepth > 0:
			if c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
			if c == ']' && classStart > 2 {
				classDepth--
			} else if c == '[' {
				classDepth++
			}
			if c == '^' {
				classStart++
			} else {
				classStart = 3
			}
		case c == '[':
			b.WriteRune(c)
			classDepth, classStart = classDepth+1, 1
		case c == '%':
			b.WriteString(".*")
		case c == '_':
			b.WriteByte('.')
		case c == '(':
			b.WriteString("(?:")
		case c == '\\' || c == '.' || c == '^' || c == '$':
			b.WriteByte('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteString(")$")
	return b.String(), nil
}

// buildPatternSubstring is substring(s FROM pattern), a regular expression's first match:
// its first parenthesized group when it has one (NULL when that group took no part), else
// the whole match; and substring(s SIMILAR pattern ESCAPE e), which is PostgreSQL's
// substring(s, similar_to_escape(pattern, e)): the part between the escaped double quotes.
func buildPatternSubstring(c *funcCall) (*expr, error) {
	cache := &regexCache{fn: "substring"}
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		pattern := v[1].S
		if len(v) == 3 {
			var err error
			if pattern, err = similarToRegex(pattern, v[2].S, true); err != nil {
				return types.Value{}, err
			}
		}
		re, err := cache.get(pattern, "")
		if err != nil {
			return types.Value{}, err
		}
		s := v[0].S
		var m []int
		err = re.eachMatch(s, 0, false, func(found []int) bool {
			m = found
			return false
		})
		if err != nil {
			return types.Value{}, err
		}
		if m == nil {
			return types.Value{T: types.Text, Null: true}, nil
		}
		if len(m) > 2 {
			return groupText(s, m, 1), nil
		}
		return groupText(s, m, 0), nil
	})
}

package sql

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The dialect pass rewrites PostgreSQL text into the MySQL dialect vitess parses, token by
// token, and splits a query string into statements. It knows strings, quoted identifiers,
// comments and a handful of words; it does not parse.
//
//	"Name"            → `Name`       quoted identifier, case kept
//	Name              → name         unquoted identifiers and keywords fold to lower case
//	'it''s a \ path'  → 'it''s a \\ path'  backslash is literal in standard strings
//	double precision  → double
//	bytea             → longblob     (mapped back to bytea by the binder)
//	OFFSET n          → LIMIT <max> OFFSET n when there is no LIMIT
//	-- and /* */      → removed (PostgreSQL block comments nest)
//	$1                → :p1          vitess's bind variable
//	||  ::            → refused for now (vitess would read || as OR)

// piece is one statement of a query string after the dialect pass.
type piece struct {
	sql   string // rewritten for vitess
	first string // first word, lower case, for statements handled before vitess
	words []string
}

func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitAndRewrite returns the statements of q, rewritten, skipping empty ones.
func splitAndRewrite(q string) ([]piece, error) {
	var out []piece
	var b strings.Builder
	var words []string
	flush := func() {
		s := strings.TrimSpace(b.String())
		if s != "" {
			p := piece{sql: s, words: words}
			if len(words) > 0 {
				p.first = words[0]
			}
			out = append(out, p)
		}
		b.Reset()
		words = nil
	}
	lastWord := ""
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ';':
			flush()
			lastWord = ""
			i++
		case c == '\'' || ((c == 'e' || c == 'E') && i+1 < len(q) && q[i+1] == '\'' && !prevIsIdent(q, i)):
			escapes := c != '\''
			if escapes {
				i++
			}
			end, lit, err := scanString(q, i, escapes)
			if err != nil {
				return nil, err
			}
			b.WriteString(lit)
			i = end
			lastWord = ""
		case c == '"':
			j := i + 1
			var id strings.Builder
			for {
				if j >= len(q) {
					return nil, Errorf("42601", "unterminated quoted identifier at or near %q", q[i:])
				}
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' {
						id.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				id.WriteByte(q[j])
				j++
			}
			if id.Len() == 0 {
				return nil, Errorf("42601", "zero-length delimited identifier at or near \"\"\"\"")
			}
			b.WriteByte('`')
			b.WriteString(strings.ReplaceAll(id.String(), "`", "``"))
			b.WriteByte('`')
			words = append(words, id.String())
			lastWord = ""
			i = j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			for i < len(q) && q[i] != '\n' {
				i++
			}
			b.WriteByte(' ')
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			depth := 0
			for i < len(q) {
				if q[i] == '/' && i+1 < len(q) && q[i+1] == '*' {
					depth++
					i += 2
				} else if q[i] == '*' && i+1 < len(q) && q[i+1] == '/' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
			if depth != 0 {
				return nil, Errorf("42601", "unterminated /* comment")
			}
			b.WriteByte(' ')
		case c == '|' && i+1 < len(q) && q[i+1] == '|':
			return nil, Errorf("0A000", "the || operator is not supported yet; use concat()")
		case c == '$' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteString(":p" + q[i+1:j]) // vitess's bind variable syntax
			lastWord = ""
			i = j
		case c == ':' && i+1 < len(q) && q[i+1] == ':':
			return nil, Errorf("0A000", "the :: cast syntax is not supported yet")
		case c == '`':
			return nil, Errorf("42601", "syntax error at or near \"`\"")
		default:
			r, size := utf8.DecodeRuneInString(q[i:])
			if isIdentStart(r) {
				j := i
				for j < len(q) {
					r, size := utf8.DecodeRuneInString(q[j:])
					if !isIdentPart(r) {
						break
					}
					j += size
				}
				w := strings.ToLower(q[i:j])
				i = j
				switch {
				case w == "precision" && lastWord == "double":
					lastWord = w
					continue // "double precision" is vitess's "double"
				case w == "bytea":
					b.WriteString("longblob")
				case w == "offset" && !slices.Contains(words, "limit"):
					// PostgreSQL allows OFFSET without LIMIT; MySQL does not.
					b.WriteString("limit 9223372036854775807 offset")
				default:
					b.WriteString(w)
				}
				words = append(words, w)
				lastWord = w
				continue
			}
			if !unicode.IsSpace(r) {
				lastWord = ""
			}
			b.WriteString(q[i : i+size])
			i += size
		}
	}
	flush()
	return out, nil
}

// prevIsIdent reports whether the byte before i continues an identifier (so an 'e' there is
// part of a word like "date'", not an E” string prefix).
func prevIsIdent(q string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(q[:i])
	return isIdentPart(r)
}

// scanString reads a single-quoted literal starting at q[i] == '\” and returns it re-quoted
// for vitess (where backslash escapes): standard strings double their backslashes, E” strings
// keep PostgreSQL's escapes, which vitess's match for the common ones.
func scanString(q string, i int, escapes bool) (int, string, error) {
	var b strings.Builder
	b.WriteByte('\'')
	j := i + 1
	for {
		if j >= len(q) {
			return 0, "", Errorf("42601", "unterminated quoted string at or near %q", q[i:])
		}
		c := q[j]
		switch {
		case c == '\'' && j+1 < len(q) && q[j+1] == '\'':
			b.WriteString("''")
			j += 2
		case c == '\'':
			b.WriteByte('\'')
			return j + 1, b.String(), nil
		case c == '\\' && !escapes:
			b.WriteString(`\\`)
			j++
		case c == '\\' && escapes && j+1 < len(q):
			b.WriteByte('\\')
			b.WriteByte(q[j+1])
			j += 2
		default:
			b.WriteByte(c)
			j++
		}
	}
}

package types

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON is PostgreSQL's json: the input text, kept as written once it parsed. JSONB is
// jsonb: S holds the binary form of jsonb_codec.go (keys deduplicated and sorted, numbers
// as numeric), never the text.
const (
	JSON  Type = 44
	JSONB Type = 45
)

// JSONKind is a JSON node's kind; the values are PostgreSQL's jbvType order, which is how
// jsonb compares values of different kinds.
type JSONKind uint8

// The kinds of JSON nodes.
const (
	JSONNull   JSONKind = 0
	JSONString JSONKind = 1
	JSONNumber JSONKind = 2
	JSONBool   JSONKind = 3
	JSONArray  JSONKind = 0x10
	JSONObject JSONKind = 0x11
)

// JSONNode is one parsed JSON value. Str holds a string's value, a number's numeric text,
// or "t"/"f" for a boolean; Elems an array's elements or an object's values, Keys an
// object's keys (sorted as jsonb keeps them: shorter first, then bytewise, no duplicates).
type JSONNode struct {
	Kind  JSONKind
	Str   string
	Keys  []string
	Elems []*JSONNode
	// Raw is the node's own text when it was parsed from text: a json value's parts are
	// handed out as written (its -> keeps the spacing), a jsonb's printed anew.
	Raw string
}

// JSONMaxDepth bounds nesting, as PostgreSQL's stack depth check does (54001).
const JSONMaxDepth = 6000

// JSONError is an error of JSON input, with PostgreSQL's SQLSTATE and detail.
type JSONError struct {
	Code   string
	Msg    string
	Detail string
}

func (e *JSONError) Error() string { return e.Msg }

func jsonSyntax(format string, args ...any) *JSONError {
	return &JSONError{Code: "22P02", Msg: "invalid input syntax for type json", Detail: fmt.Sprintf(format, args...)}
}

// ParseJSON parses JSON text as PostgreSQL's json parser does. With unescape, strings are
// decoded (jsonb_in: \u0000 is refused, as text cannot hold it) and objects get jsonb's key
// order, the last of duplicate keys winning; without, the text is only checked (json_in)
// and the tree it returns must not be used.
func ParseJSON(s string, unescape bool) (*JSONNode, error) {
	return parseJSON(jsonParser{s: s, unescape: unescape})
}

// ParseJSONOrdered is ParseJSON (unescaped) keeping each object's keys as the json text has
// them: in their order, duplicates too, as json_each and json_object_keys walk a json value.
func ParseJSONOrdered(s string) (*JSONNode, error) {
	return parseJSON(jsonParser{s: s, unescape: true, ordered: true})
}

func parseJSON(p jsonParser) (*JSONNode, error) {
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, jsonSyntax("Expected end of input, but found %q.", p.token())
	}
	return n, nil
}

type jsonParser struct {
	s        string
	i        int
	unescape bool
	ordered  bool // keep keys in text order, duplicates too
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// token is the token at p.i, as PostgreSQL's errors quote it.
func (p *jsonParser) token() string {
	if p.i >= len(p.s) {
		return ""
	}
	switch c := p.s[p.i]; c {
	case '{', '}', '[', ']', ',', ':':
		return string(c)
	}
	j := p.i
	for j < len(p.s) && !strings.ContainsRune(" \t\n\r{}[],:\"", rune(p.s[j])) {
		j++
	}
	if j == p.i {
		j++
	}
	return p.s[p.i:j]
}

func (p *jsonParser) end() error { return jsonSyntax("The input string ended unexpectedly.") }

func (p *jsonParser) value(depth int) (*JSONNode, error) {
	if depth > JSONMaxDepth {
		return nil, &JSONError{Code: "54001", Msg: "stack depth limit exceeded"}
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, p.end()
	}
	start := p.i
	n, err := p.node(depth)
	if err == nil && p.unescape {
		n.Raw = p.s[start:p.i]
	}
	return n, err
}

func (p *jsonParser) node(depth int) (*JSONNode, error) {
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		str, err := p.str()
		if err != nil {
			return nil, err
		}
		return &JSONNode{Kind: JSONString, Str: str}, nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	tok := p.token()
	switch tok {
	case "true":
		p.i += 4
		return &JSONNode{Kind: JSONBool, Str: "t"}, nil
	case "false":
		p.i += 5
		return &JSONNode{Kind: JSONBool, Str: "f"}, nil
	case "null":
		p.i += 4
		return &JSONNode{Kind: JSONNull}, nil
	}
	if !utf8.ValidString(tok) {
		return nil, &JSONError{Code: "22021", Msg: "invalid byte sequence for encoding \"UTF8\""}
	}
	return nil, jsonSyntax("Token %q is invalid.", tok)
}

func (p *jsonParser) number() (*JSONNode, error) {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	ok := true
	if p.s[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		ok = false
	}
	if ok && p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		ok = digits() > 0
	}
	if ok && p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		ok = digits() > 0
	}
	// Trailing letters or digits make the whole word one invalid token, as in PostgreSQL.
	for p.i < len(p.s) && (isAlnum(p.s[p.i]) || p.s[p.i] == '_' || p.s[p.i] >= 0x80) {
		p.i++
		ok = false
	}
	if !ok {
		tok := p.s[start:p.i]
		if tok == "" || tok == "-" {
			p.i = start
			tok = p.token()
		}
		return nil, jsonSyntax("Token %q is invalid.", tok)
	}
	text := p.s[start:p.i]
	if !p.unescape {
		return &JSONNode{Kind: JSONNumber, Str: text}, nil
	}
	v, err := ParseNumeric(text)
	if err != nil {
		return nil, &JSONError{Code: "22003", Msg: "value overflows numeric format"}
	}
	return &JSONNode{Kind: JSONNumber, Str: v.S}, nil
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *jsonParser) str() (string, error) {
	p.i++ // the opening quote
	var b []byte
	start := p.i
	hi := -1 // a high surrogate waiting for its low half
	for {
		if p.i >= len(p.s) {
			return "", p.end()
		}
		c := p.s[p.i]
		if c == '"' && hi < 0 {
			break
		}
		if c < 0x20 {
			return "", jsonSyntax("Character with value 0x%02x must be escaped.", c)
		}
		if c != '\\' {
			if hi >= 0 {
				return "", jsonSyntax("Unicode low surrogate must follow a high surrogate.")
			}
			b = append(b, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return "", p.end()
		}
		e := p.s[p.i+1]
		p.i += 2
		if e == 'u' {
			r, err := p.hex4()
			if err != nil {
				return "", err
			}
			switch {
			case r >= 0xd800 && r <= 0xdbff:
				if hi >= 0 {
					return "", jsonSyntax("Unicode high surrogate must not follow a high surrogate.")
				}
				hi = int(r)
				continue
			case r >= 0xdc00 && r <= 0xdfff:
				if hi < 0 {
					return "", jsonSyntax("Unicode low surrogate must follow a high surrogate.")
				}
				r = utf16.DecodeRune(rune(hi), r)
				hi = -1
			case hi >= 0:
				return "", jsonSyntax("Unicode low surrogate must follow a high surrogate.")
			}
			if p.unescape && r == 0 {
				return "", &JSONError{Code: "22P05", Msg: "unsupported Unicode escape sequence", Detail: `\u0000 cannot be converted to text.`}
			}
			b = utf8.AppendRune(b, r)
			continue
		}
		if hi >= 0 {
			return "", jsonSyntax("Unicode low surrogate must follow a high surrogate.")
		}
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		default:
			_, size := utf8.DecodeRuneInString(p.s[p.i-1:])
			return "", jsonSyntax("Escape sequence \"\\%s\" is invalid.", p.s[p.i-1:p.i-1+size])
		}
	}
	raw := p.s[start:p.i]
	p.i++
	if !utf8.Valid(b) {
		return "", &JSONError{Code: "22021", Msg: "invalid byte sequence for encoding \"UTF8\""}
	}
	if !p.unescape {
		return raw, nil
	}
	return string(b), nil
}

func (p *jsonParser) hex4() (rune, error) {
	if p.i+4 > len(p.s) {
		return 0, jsonSyntax("\"\\u\" must be followed by four hexadecimal digits.")
	}
	u, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	if err != nil || strings.ContainsAny(p.s[p.i:p.i+4], "+-") {
		return 0, jsonSyntax("\"\\u\" must be followed by four hexadecimal digits.")
	}
	p.i += 4
	return rune(u), nil
}

func (p *jsonParser) array(depth int) (*JSONNode, error) {
	p.i++
	n := &JSONNode{Kind: JSONArray}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return n, nil
	}
	for {
		e, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.unescape {
			n.Elems = append(n.Elems, e)
		}
		p.space()
		if p.i >= len(p.s) {
			return nil, p.end()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return n, nil
		default:
			return nil, jsonSyntax("Expected \",\" or \"]\", but found %q.", p.token())
		}
	}
}

func (p *jsonParser) object(depth int) (*JSONNode, error) {
	p.i++
	n := &JSONNode{Kind: JSONObject}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return n, nil
	}
	for {
		p.space()
		if p.i >= len(p.s) {
			return nil, p.end()
		}
		if p.s[p.i] != '"' {
			return nil, jsonSyntax("Expected string, but found %q.", p.token())
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) {
			return nil, p.end()
		}
		if p.s[p.i] != ':' {
			return nil, jsonSyntax("Expected \":\", but found %q.", p.token())
		}
		p.i++
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.unescape {
			n.Keys = append(n.Keys, k)
			n.Elems = append(n.Elems, v)
		}
		p.space()
		if p.i >= len(p.s) {
			return nil, p.end()
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			if !p.ordered {
				n.SortKeys()
			}
			return n, nil
		default:
			return nil, jsonSyntax("Expected \",\" or \"}\", but found %q.", p.token())
		}
	}
}

// CompareJSONKeys orders object keys as jsonb stores them: shorter first, then bytewise.
func CompareJSONKeys(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// SortKeys puts an object's keys in jsonb's order; of equal keys the last one stays.
func (n *JSONNode) SortKeys() {
	if len(n.Keys) < 2 {
		return
	}
	idx := make([]int, len(n.Keys))
	for i := range idx {
		idx[i] = i
	}
	// Stable: equal keys keep their input order, and the last of them wins below.
	slices.SortStableFunc(idx, func(x, y int) int { return CompareJSONKeys(n.Keys[x], n.Keys[y]) })
	keys := make([]string, 0, len(idx))
	vals := make([]*JSONNode, 0, len(idx))
	for j, i := range idx {
		if j+1 < len(idx) && n.Keys[idx[j+1]] == n.Keys[i] {
			continue
		}
		keys = append(keys, n.Keys[i])
		vals = append(vals, n.Elems[i])
	}
	n.Keys, n.Elems = keys, vals
}

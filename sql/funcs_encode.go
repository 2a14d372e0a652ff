package sql

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// encode, decode, sha224..sha512, to_hex, bit_length, translate, string_to_array,
// string_to_table, num_nulls and num_nonnulls, as PostgreSQL 15's (encode.c, varlena.c).

func encodingFuncs() []builtin {
	const i = 'i'
	return []builtin{
		{name: "encode", vol: i, strict: true, procs: []string{"1946: bytea, text -> text"}, build: buildEncode},
		{name: "decode", vol: i, strict: true, procs: []string{"1947: text, text -> bytea"}, build: buildDecode},
		{name: "sha224", vol: i, strict: true, procs: []string{"3419: bytea -> bytea"}, build: digestFunc(func(b []byte) []byte { s := sha256.Sum224(b); return s[:] })},
		{name: "sha256", vol: i, strict: true, procs: []string{"3420: bytea -> bytea"}, build: digestFunc(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] })},
		{name: "sha384", vol: i, strict: true, procs: []string{"3421: bytea -> bytea"}, build: digestFunc(func(b []byte) []byte { s := sha512.Sum384(b); return s[:] })},
		{name: "sha512", vol: i, strict: true, procs: []string{"3422: bytea -> bytea"}, build: digestFunc(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] })},
		{name: "to_hex", vol: i, strict: true, procs: []string{"2089: int4 -> text", "2090: int8 -> text"}, build: buildToHex},
		{name: "bit_length", vol: i, strict: true, procs: []string{"1810: bytea -> int4", "1811: text -> int4"},
			build: func(c *funcCall) (*expr, error) {
				return strictFunc(c, func(v []types.Value) (types.Value, error) { return int4(8 * len(v[0].S)), nil })
			}},
		{name: "translate", vol: i, strict: true, procs: []string{"878: text, text, text -> text"}, build: buildTranslate},
		{name: "string_to_array", vol: i, procs: []string{"376: text, text, text -> _text", "394: text, text -> _text"},
			build: buildStringToArray},
		{name: "string_to_table", vol: i, retset: true, procs: []string{"6160: text, text -> text", "6161: text, text, text -> text"},
			build: buildStringToArray},
		{name: "num_nulls", vol: i, procs: []string{"438: variadic any -> int4"}, build: countNulls(true)},
		{name: "num_nonnulls", vol: i, procs: []string{"440: variadic any -> int4"}, build: countNulls(false)},
	}
}

func byteaResult(b []byte) types.Value { return types.Value{T: types.Bytea, S: string(b)} }

func digestFunc(sum func([]byte) []byte) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		return strictFunc(c, func(v []types.Value) (types.Value, error) { return byteaResult(sum([]byte(v[0].S))), nil })
	}
}

func unknownEncoding(name string) error { return Errorf("22023", "unrecognized encoding: %q", name) }

func buildEncode(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		data := v[0].S
		switch strings.ToLower(v[1].S) {
		case "hex":
			return textResult(hex.EncodeToString([]byte(data))), nil
		case "base64":
			return textResult(base64Lines(base64.StdEncoding.EncodeToString([]byte(data)))), nil
		case "escape":
			var b strings.Builder
			for i := 0; i < len(data); i++ {
				switch c := data[i]; {
				case c == '\\':
					b.WriteString(`\\`)
				case c == 0 || c >= 0x80:
					b.WriteString(`\` + strconv.FormatInt(int64(c)+01000, 8)[1:])
				default:
					b.WriteByte(c)
				}
			}
			return textResult(b.String()), nil
		}
		return types.Value{}, unknownEncoding(v[1].S)
	})
}

// base64Lines breaks encoded text into PostgreSQL's lines of 76 characters.
func base64Lines(s string) string {
	if len(s) <= 76 {
		return s
	}
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76])
		b.WriteByte('\n')
		s = s[76:]
	}
	b.WriteString(s)
	return b.String()
}

func buildDecode(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		data := v[0].S
		var out []byte
		var err error
		switch strings.ToLower(v[1].S) {
		case "hex":
			out, err = decodeHex(data)
		case "base64":
			out, err = decodeBase64(data)
		case "escape":
			var b types.Value
			b, err = decodeByteaEscape(data)
			out = []byte(b.S)
		default:
			err = unknownEncoding(v[1].S)
		}
		if err != nil {
			return types.Value{}, err
		}
		return byteaResult(out), nil
	})
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// decodeHex is hex_decode: pairs of hex digits, white space between pairs skipped.
func decodeHex(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			continue
		}
		hi, ok := hexDigit(s[i])
		if !ok {
			return nil, Errorf("22023", "invalid hexadecimal digit: %q", s[i:i+1])
		}
		if i+1 >= len(s) {
			return nil, Errorf("22023", "invalid hexadecimal data: odd number of digits")
		}
		lo, ok := hexDigit(s[i+1])
		if !ok {
			return nil, Errorf("22023", "invalid hexadecimal digit: %q", s[i+1:i+2])
		}
		out = append(out, hi<<4|lo)
		i++
	}
	return out, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeBase64 is b64_decode: lenient as PostgreSQL's (white space anywhere, '=' only as
// padding, which may be followed by more input).
func decodeBase64(s string) ([]byte, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out []byte
	buf, pos, end := 0, 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isSpace(c) {
			continue
		}
		b := 0
		if c == '=' {
			if end == 0 {
				switch pos {
				case 2:
					end = 1
				case 3:
					end = 2
				default:
					return nil, Errorf("22023", "unexpected \"=\" while decoding base64 sequence")
				}
			}
		} else if b = strings.IndexByte(alphabet, c); b < 0 {
			return nil, Errorf("22023", "invalid symbol %q found while decoding base64 sequence", s[i:i+1])
		}
		buf = buf<<6 | b
		if pos++; pos == 4 {
			out = append(out, byte(buf>>16))
			if end == 0 || end > 1 {
				out = append(out, byte(buf>>8))
			}
			if end == 0 || end > 2 {
				out = append(out, byte(buf))
			}
			buf, pos = 0, 0
		}
	}
	if pos != 0 {
		return nil, &Error{Code: "22023", Message: "invalid base64 end sequence",
			Hint: "Input data is missing padding, is truncated, or is otherwise corrupted."}
	}
	return out, nil
}

func buildToHex(c *funcCall) (*expr, error) {
	bits := c.args[0].typ == types.Int32
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		if bits {
			return textResult(strconv.FormatUint(uint64(uint32(v[0].I)), 16)), nil
		}
		return textResult(strconv.FormatUint(uint64(v[0].I), 16)), nil
	})
}

// buildTranslate is translate(s, from, to): each character of from replaced by the one at
// its position in to, or removed when to is shorter.
func buildTranslate(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		from, to := []rune(v[1].S), []rune(v[2].S)
		var b strings.Builder
		for _, r := range v[0].S {
			k := 0
			for k < len(from) && from[k] != r {
				k++
			}
			switch {
			case k == len(from):
				b.WriteRune(r)
			case k < len(to):
				b.WriteRune(to[k])
			}
		}
		return textResult(b.String()), nil
	})
}

// splitString is string_to_array's elements: s split at each delim (at each character when
// delim is NULL, not at all when it is empty), the elements equal to nullStr NULL.
func splitString(s types.Value, delim types.Value, nullStr types.Value) ([]types.Value, error) {
	var parts []string
	switch {
	case s.S == "":
		return nil, nil
	case delim.IsNull():
		if err := checkElems(utf8.RuneCountInString(s.S)); err != nil {
			return nil, err
		}
		for _, r := range s.S {
			parts = append(parts, string(r))
		}
	case delim.S == "":
		parts = []string{s.S}
	default:
		if err := checkElems(strings.Count(s.S, delim.S) + 1); err != nil {
			return nil, err
		}
		parts = strings.Split(s.S, delim.S)
	}
	out := make([]types.Value, len(parts))
	for i, p := range parts {
		if !nullStr.IsNull() && p == nullStr.S {
			out[i] = types.Value{T: types.Text, Null: true}
		} else {
			out[i] = types.NewText(p)
		}
	}
	return out, nil
}

// checkElems refuses n elements of an array or values of a set-returning function made at
// once, past types.MaxArrayElems: string_to_array(repeat('x', 1e9), NULL) would otherwise
// make a billion 40-byte Values.
func checkElems(n int) error {
	if n > types.MaxArrayElems {
		return Errorf("54000", "%v", types.ErrArrayTooLarge)
	}
	return nil
}

func buildStringToArray(c *funcCall) (*expr, error) {
	args := c.args
	argVals := func(row []types.Value) ([]types.Value, error) {
		vals := []types.Value{{T: types.Text, Null: true}, {T: types.Text, Null: true}, {T: types.Text, Null: true}}
		for k, a := range args {
			v, err := a.eval(row)
			if err != nil {
				return nil, err
			}
			vals[k] = v
		}
		return vals, nil
	}
	if c.name == "string_to_table" {
		return srfExpr(c, &srfCall{args: args, typ: types.Text, start: func(v []types.Value) (srfIter, error) {
			if v[0].IsNull() {
				return emptySRF, nil
			}
			nullStr := types.Value{T: types.Text, Null: true}
			if len(v) == 3 {
				nullStr = v[2]
			}
			vals, err := splitString(v[0], v[1], nullStr)
			return valuesSRF(vals), err
		}})
	}
	return fold(&expr{typ: types.TextArray, eval: func(row []types.Value) (types.Value, error) {
		v, err := argVals(row)
		if err != nil || v[0].IsNull() {
			return types.Value{T: types.TextArray, Null: true}, err
		}
		vals, err := splitString(v[0], v[1], v[2])
		if err != nil {
			return types.Value{}, err
		}
		return types.NewArray(types.TextArray, vals), nil
	}}, args...)
}

func countNulls(nulls bool) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		args := c.args
		return fold(&expr{typ: types.Int32, eval: func(row []types.Value) (types.Value, error) {
			n := 0
			for _, a := range args {
				v, err := a.eval(row)
				if err != nil {
					return types.Value{}, err
				}
				if v.IsNull() == nulls {
					n++
				}
			}
			return int4(n), nil
		}}, args...)
	}
}

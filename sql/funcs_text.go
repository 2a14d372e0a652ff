package sql

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// The constructors of the string functions left, right, split_part, repeat, lpad, rpad,
// reverse, initcap, chr, ascii, starts_with, md5, octet_length and length(bytea), with
// PostgreSQL's rules for negative counts and its errors.

// maxAlloc is PostgreSQL's MaxAllocSize, which a text value and its varHdr header must fit.
const maxAlloc, varHdr = 1<<30 - 1, 4

var errTooLong = Errorf("54000", "requested length too large")

// CheckTextLen fails with PostgreSQL's 54000 when v's text could not be built
// (types.Value.TextTooLong: a deeply nested record), before anything builds it: pgwire's
// text output and a cast to text call it, so a row of a few bytes cannot make the server
// allocate until it dies.
func CheckTextLen(v types.Value) error {
	if !v.TextTooLong() {
		return nil
	}
	return &Error{Code: "54000", Message: "out of memory",
		Detail: fmt.Sprintf("Cannot enlarge string buffer containing %d bytes by 1 more bytes.", types.MaxTextLen)}
}

func textResult(s string) types.Value { return types.NewText(s) }

func int4(n int) types.Value { return types.NewInt(types.Int32, int64(n)) }

// buildLeftRight is left(s, n) and right(s, n): the first or last n characters, or, for a
// negative n, all but the last or first -n.
func buildLeftRight(c *funcCall) (*expr, error) {
	right := c.name == "right"
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		runes := []rune(v[0].S)
		n, l := v[1].I, int64(len(runes))
		if n < 0 {
			n = max(l+n, 0)
		}
		n = min(n, l)
		if right {
			return textResult(string(runes[l-n:])), nil
		}
		return textResult(string(runes[:n])), nil
	})
}

// buildSplitPart is split_part(s, delimiter, n): the nth field, counted from the end when n
// is negative; "" when there is no such field.
func buildSplitPart(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		s, delim, n := v[0].S, v[1].S, v[2].I
		if n == 0 {
			return types.Value{}, Errorf("22023", "field position must not be zero")
		}
		if s == "" {
			return textResult(""), nil
		}
		fields := []string{s}
		if delim != "" {
			fields = strings.Split(s, delim)
		}
		if n < 0 {
			n += int64(len(fields)) + 1
		}
		if n < 1 || n > int64(len(fields)) {
			return textResult(""), nil
		}
		return textResult(fields[n-1]), nil
	})
}

func buildRepeat(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		s, n := v[0].S, v[1].I
		if n <= 0 || s == "" {
			return textResult(""), nil
		}
		if int64(len(s))*n+varHdr > maxAlloc {
			return types.Value{}, errTooLong
		}
		return textResult(strings.Repeat(s, int(n))), nil
	})
}

// buildPad is lpad and rpad(s, length [, fill]): s cut or filled (with spaces by default) to
// length characters.
func buildPad(c *funcCall) (*expr, error) {
	left := c.name == "lpad"
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		s, n, fill := v[0].S, max(v[1].I, 0), " "
		if len(v) == 3 {
			fill = v[2].S
		}
		runes := []rune(s)
		if int64(len(runes)) >= n || fill == "" {
			return textResult(string(runes[:min(int64(len(runes)), n)])), nil
		}
		if n*utf8.UTFMax+varHdr > maxAlloc { // the worst case PostgreSQL allocates

			return types.Value{}, errTooLong
		}
		// Whole copies of fill and a prefix of it, written once into the result: building
		// the padding rune by rune took six times the result's size and seconds for 268 MB.
		fr := []rune(fill)
		m := n - int64(len(runes))
		whole, part := m/int64(len(fr)), string(fr[:m%int64(len(fr))])
		var b strings.Builder
		b.Grow(len(s) + int(whole)*len(fill) + len(part))
		if !left {
			b.WriteString(s)
		}
		for range whole {
			b.WriteString(fill)
		}
		b.WriteString(part)
		if left {
			b.WriteString(s)
		}
		return textResult(b.String()), nil
	})
}

func buildReverse(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		runes := []rune(v[0].S)
		for i, j := 0, len(runes)-1; i < j; i, j = i+1, j-1 {
			runes[i], runes[j] = runes[j], runes[i]
		}
		return textResult(string(runes)), nil
	})
}

// buildInitcap is initcap(s): each word's first letter upper case, the rest lower; a word
// is a run of letters and digits. As PostgreSQL's in the C locale (the differential test's),
// only ASCII letters and digits count and change case.
func buildInitcap(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		var b strings.Builder
		inWord := false
		for _, r := range v[0].S {
			switch {
			case r >= utf8.RuneSelf:
			case inWord && 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case !inWord && 'a' <= r && r <= 'z':
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			inWord = r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		}
		return textResult(b.String()), nil
	})
}

// buildChr is chr(n): the character of code point n (the database encoding is UTF-8).
func buildChr(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		n := v[0].I
		switch {
		case n < 0:
			return types.Value{}, Errorf("22023", "character number must be positive")
		case n == 0:
			return types.Value{}, Errorf("54000", "null character not permitted")
		case n > unicode.MaxRune:
			return types.Value{}, Errorf("54000", "requested character too large for encoding: %d", n)
		case n >= 0xD800 && n <= 0xDFFF:
			return types.Value{}, Errorf("54000", "requested character not valid for encoding: %d", n)
		}
		return textResult(string(rune(n))), nil
	})
}

// buildASCII is ascii(s): the code point of s's first character, 0 for "".
func buildASCII(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		r, _ := utf8.DecodeRuneInString(v[0].S)
		if v[0].S == "" {
			r = 0
		}
		return int4(int(r)), nil
	})
}

func buildStartsWith(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		return types.NewBool(strings.HasPrefix(v[0].S, v[1].S)), nil
	})
}

// buildMD5 is md5(text or bytea): the digest of the bytes in lower-case hex.
func buildMD5(c *funcCall) (*expr, error) {
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		sum := md5.Sum([]byte(v[0].S))
		return textResult(hex.EncodeToString(sum[:])), nil
	})
}

// buildOctetLength is octet_length(text or bytea), and length(bytea): the bytes.
func buildOctetLength(c *funcCall) (*expr, error) {
	if c.padded != nil { // octet_length(bpchar) counts the padding, unlike length
		c.args = []*expr{c.padded}
	}
	return strictFunc(c, func(v []types.Value) (types.Value, error) { return int4(len(v[0].S)), nil })
}

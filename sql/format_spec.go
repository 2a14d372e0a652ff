package sql

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// formatText is format(f, args...) (varlena.c's text_format): %[n$][-][width]{s,I,L} and %%,
// where the width may be * or *n$ (an argument; negative means left-justified).
func formatText(f string, args []types.Value, loc *time.Location, ds types.TextStyle) (string, error) {
	var b strings.Builder
	next := 0 // the argument a specifier without a position takes
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			b.WriteByte('%')
			continue
		}
		spec, end, err := parseFormatSpec(f, i)
		if err != nil {
			return "", err
		}
		i = end
		width, left := spec.width, spec.left
		if spec.widthArg != 0 {
			if spec.widthArg < 0 {
				spec.widthArg = next + 1
			}
			if spec.widthArg > len(args) {
				return "", errFormatArgs
			}
			w := args[spec.widthArg-1]
			if !w.IsNull() {
				n, err := castInt4(w)
				if err != nil {
					return "", err
				}
				width, left = abs64(n), left || n < 0
			}
			next = spec.widthArg
		}
		arg := spec.arg
		if arg == 0 {
			arg = next + 1
		}
		if arg > len(args) {
			return "", errFormatArgs
		}
		next = arg
		text, err := formatValue(spec.typ, args[arg-1], loc, ds)
		if err != nil {
			return "", err
		}
		pad := max(int(width)-utf8.RuneCountInString(text), 0)
		if err := appendPadded(&b, text, pad, left); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// appendPadded appends text with pad spaces before it, or after it when left, as
// text_format_append_string does, each part refused as PostgreSQL's StringInfo refuses to grow
// past MaxAllocSize (54000 "out of memory") before anything is allocated:
// format('%2000000000s', 'x') used to build a 2 GB string.
func appendPadded(b *strings.Builder, text string, pad int, left bool) error {
	if !left {
		if err := appendFormatPart(b, " ", pad); err != nil {
			return err
		}
	}
	if err := appendFormatPart(b, text, 1); err != nil {
		return err
	}
	if left {
		return appendFormatPart(b, " ", pad)
	}
	return nil
}

// appendFormatPart appends n copies of s if the buffer can grow by them.
func appendFormatPart(b *strings.Builder, s string, n int) error {
	size := len(s) * n
	if size+1 >= maxAlloc-b.Len() {
		return &Error{Code: "54000", Message: "out of memory",
			Detail: fmt.Sprintf("Cannot enlarge string buffer containing %d bytes by %d more bytes.", b.Len(), size)}
	}
	switch {
	case n == 1:
		b.WriteString(s)
	case n > 1:
		b.WriteString(strings.Repeat(s, n))
	}
	return nil
}

var errFormatArgs = Errorf("22023", "too few arguments for format()")

// formatSpec is one conversion: arg and widthArg are 1-based argument numbers (0: none;
// widthArg -1: the next argument).
type formatSpec struct {
	arg, widthArg int
	width         int64
	left          bool
	typ           byte
}

// parseFormatSpec reads the conversion after a % at f[i:], returning it and the index of its
// type letter.
func parseFormatSpec(f string, i int) (formatSpec, int, error) {
	var spec formatSpec
	unterminated := &Error{Code: "22023", Message: "unterminated format() type specifier",
		Hint: `For a single "%" use "%%".`}
	n, j, err := formatNumber(f, i)
	if err != nil {
		return spec, 0, err
	}
	if j < len(f) && f[j] == '$' && j > i {
		spec.arg, i = n, j+1
	}
	for i < len(f) && f[i] == '-' {
		spec.left, i = true, i+1
	}
	if i < len(f) && f[i] == '*' {
		spec.widthArg = -1
		n, j, err := formatNumber(f, i+1)
		if err != nil {
			return spec, 0, err
		}
		if j < len(f) && f[j] == '$' && j > i+1 {
			spec.widthArg, j = n, j+1
		}
		i = j
	} else {
		n, j, err := formatNumber(f, i)
		if err != nil {
			return spec, 0, err
		}
		spec.width, i = int64(n), j
	}
	if i >= len(f) {
		return spec, 0, unterminated
	}
	switch spec.typ = f[i]; spec.typ {
	case 's', 'I', 'L':
		return spec, i, nil
	}
	r, _ := utf8.DecodeRuneInString(f[i:])
	return spec, 0, &Error{Code: "22023", Message: "unrecognized format() type specifier \"" + string(r) + "\"",
		Hint: `For a single "%" use "%%".`}
}

// formatNumber reads the digits at f[i:]: their value and the index after them. An argument
// number must be from 1.
func formatNumber(f string, i int) (int, int, error) {
	n, j := 0, i
	for j < len(f) && f[j] >= '0' && f[j] <= '9' {
		if n > (1<<31-1)/10 {
			return 0, 0, Errorf("22003", "number is out of range")
		}
		n = n*10 + int(f[j]-'0')
		j++
	}
	if j > i && j < len(f) && f[j] == '$' && n == 0 {
		return 0, 0, Errorf("22023", "format specifies argument 0, but arguments are numbered from 1")
	}
	return n, j, nil
}

// formatValue is one argument as %s, %I or %L show it.
func formatValue(typ byte, v types.Value, loc *time.Location, ds types.TextStyle) (string, error) {
	if v.IsNull() {
		switch typ {
		case 'I':
			return "", Errorf("22004", "null values cannot be formatted as an SQL identifier")
		case 'L':
			return "NULL", nil
		}
		return "", nil
	}
	s := string(appendTextAs(nil, v, loc, ds))
	switch typ {
	case 'I':
		return types.QuoteIdent(s), nil
	case 'L':
		return quoteLiteral(s), nil
	}
	return s, nil
}

// castInt4 is a width argument as an integer.
func castInt4(v types.Value) (int64, error) {
	if v.T.IsInteger() {
		return v.I, nil
	}
	c, err := castValue(v, &types.Column{Type: types.Int32})
	return c.I, err
}

package sql

import (
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/drovedb/drove/types"
)

// to_number(text, fmt): NUM_processor's input direction (NUM_numpart_from_char) reads the
// digits, point and sign the picture places, skipping what it does not; the number is then
// numeric_in's under numeric(pre + post read, post read), as numeric_to_number does.

// numReader is NUMProc reading text.
type numReader struct {
	d                 *numDesc
	in                string
	ip                int    // the next byte of in
	number            []byte // number[0] is the sign: ' ', '+' or '-'
	readPre, readPost int
	readDec, numIn    bool
}

func (r *numReader) overload() bool    { return r.ip >= len(r.in) }
func (r *numReader) amount(n int) bool { return r.ip <= len(r.in)-n }
func (r *numReader) at(s string) bool  { return r.amount(len(s)) && strings.HasPrefix(r.in[r.ip:], s) }
func (r *numReader) cur() byte         { return r.in[r.ip] }
func isDigitByte(c byte) bool          { return c >= '0' && c <= '9' }

// eatNonData is NUM_eat_non_data_chars: skips up to n characters that are not digits,
// points, commas or signs.
func (r *numReader) eatNonData(n int) {
	for ; n > 0 && !r.overload(); n-- {
		if strings.IndexByte("0123456789.,+-", r.cur()) >= 0 {
			return
		}
		r.ip += charLen(r.in[r.ip:])
	}
}

// numPart is NUM_numpart_from_char.
func (r *numReader) numPart(id int) {
	d := r.d
	if r.overload() {
		return
	}
	if r.cur() == ' ' {
		r.ip++
	}
	if r.overload() {
		return
	}
	if r.number[0] == ' ' && (id == num0 || id == num9) && r.readPre+r.readPost == 0 {
		switch {
		case d.flag&fLSign != 0 && d.lsign == lsignPre:
			if r.at("-") {
				r.ip++
				r.number[0] = '-'
			} else if r.at("+") {
				r.ip++
				r.number[0] = '+'
			}
		case r.cur() == '-' || d.flag&fBracket != 0 && r.cur() == '<':
			r.number[0] = '-'
			r.ip++
		case r.cur() == '+':
			r.number[0] = '+'
			r.ip++
		}
	}
	if r.overload() {
		return
	}
	isRead := false
	if isDigitByte(r.cur()) {
		if r.readDec && r.readPost == d.post {
			return
		}
		r.number = append(r.number, r.cur())
		if r.readDec {
			r.readPost++
		} else {
			r.readPre++
		}
		isRead = true
	} else if d.flag&fDecimal != 0 && !r.readDec && r.at(".") {
		r.number = append(r.number, '.')
		r.readDec, isRead = true, true
	}
	if r.overload() {
		return
	}
	if r.number[0] != ' ' || r.readPre+r.readPost == 0 {
		return
	}
	switch {
	case d.flag&fLSign != 0 && isRead && r.ip+1 < len(r.in) && !isDigitByte(r.in[r.ip+1]):
		tmp := r.ip
		r.ip++
		if r.at("-") {
			r.number[0] = '-'
		} else if r.at("+") {
			r.number[0] = '+'
		}
		if r.number[0] == ' ' {
			r.ip = tmp
		}
	case !isRead && d.flag&fLSign == 0 && d.flag&(fPlus|fMinus) != 0:
		if c := r.cur(); c == '-' || c == '+' {
			r.number[0] = c
		}
	}
}

// node reads one node of the picture; false to go on to the next node without the
// input's advance by one character.
func (r *numReader) node(n numNode) bool {
	fm := r.d.flag&fFillMode != 0
	switch n.id {
	case numChar:
		r.ip += charLen(r.in[r.ip:])
		return false
	case num9, num0, numDec, numD:
		r.numPart(n.id)
	case numComma, numG:
		if !r.numIn && fm || r.cur() != ',' {
			return false
		}
	case numL:
		r.eatNonData(1)
		return false
	case numTH, numTHLower:
		if r.d.flag&(fRoman|fDecimal) != 0 || r.number[0] == '#' {
			return false
		}
		r.eatNonData(2)
		return false
	case numMI, numPL, numSG:
		c := r.cur()
		if c == '-' && n.id != numPL || c == '+' && n.id != numMI {
			r.number[0] = c
		} else {
			r.eatNonData(1)
			return false
		}
	default:
		return false
	}
	return true
}

// readNumber is to_number's value: NULL for an empty picture.
func readNumber(s, f string) (types.Value, error) {
	if f == "" {
		return types.Value{T: types.Numeric, Null: true}, nil
	}
	nodes, d, err := parseNumFormat(f)
	if err != nil {
		return types.Value{}, err
	}
	switch {
	case d.flag&fEEEE != 0:
		return types.Value{}, Errorf("0A000", "\"EEEE\" not supported for input")
	case d.flag&fRoman != 0:
		return types.Value{}, Errorf("0A000", "\"RN\" not supported for input")
	}
	r := &numReader{d: d, in: s, number: []byte{' '}}
	for _, n := range nodes {
		if r.overload() {
			break
		}
		if r.node(n) {
			r.ip++
		}
	}
	num := string(r.number)
	num = strings.TrimSuffix(num, ".")
	scale := r.readPost
	v, err := types.ParseNumeric(num)
	if err != nil {
		return types.Value{}, Errorf("22P02", "invalid input syntax for type numeric: %q", num)
	}
	v, err = numericTypmod(v, &types.Column{Length: types.NumericTypmod(d.pre+d.multi+scale, scale)})
	if err != nil || d.flag&fMulti == 0 {
		return v, err
	}
	// times power(10::numeric, -multi), whose scale (16 digits at least) the product keeps
	p, err := numericPower(apd.New(10, 0), apd.New(-int64(d.multi), 0))
	if err != nil {
		return types.Value{}, err
	}
	x, err := v.Decimal()
	if err != nil {
		return types.Value{}, err
	}
	y, err := p.Decimal()
	if err != nil {
		return types.Value{}, err
	}
	var prod apd.Decimal
	if _, err := apd.BaseContext.WithPrecision(uint32(x.NumDigits()+y.NumDigits())+1).Mul(&prod, x, y); err != nil {
		return types.Value{}, err
	}
	return numericResult(&prod)
}

package sql

import "strings"

// to_char of numbers: PostgreSQL 15's formatting.c number pictures (NUMDesc_prepare,
// NUM_processor, NUM_numpart_to_char), in the C locale (D is '.', G ',', L a space).
// numfmt_value.go turns each type's value into the digit string the picture is filled with.

// The number picture keywords.
const (
	numChar = iota // a character copied to the output
	numComma
	numDec
	num0
	num9
	numB
	numC
	numD
	numE
	numFM
	numG
	numL
	numMI
	numPL
	numPR
	numRN
	numRNLower
	numSG
	numSP
	numS
	numTH
	numTHLower
	numV
)

// numKeywords are formatting.c's NUM_keywords, in its order: the first that prefixes the
// picture is taken, case-sensitively.
var numKeywords = []struct {
	name string
	id   int
}{
	{",", numComma}, {".", numDec}, {"0", num0}, {"9", num9}, {"B", numB}, {"C", numC}, {"D", numD},
	{"EEEE", numE}, {"FM", numFM}, {"G", numG}, {"L", numL}, {"MI", numMI}, {"PL", numPL}, {"PR", numPR},
	{"RN", numRN}, {"SG", numSG}, {"SP", numSP}, {"S", numS}, {"TH", numTH}, {"V", numV},
	{"b", numB}, {"c", numC}, {"d", numD}, {"eeee", numE}, {"fm", numFM}, {"g", numG}, {"l", numL},
	{"mi", numMI}, {"pl", numPL}, {"pr", numPR}, {"rn", numRNLower}, {"sg", numSG}, {"sp", numSP},
	{"s", numS}, {"th", numTHLower}, {"v", numV},
}

// numFlags are NUMDesc's flags.
type numFlags uint16

const (
	fDecimal numFlags = 1 << iota
	fLDecimal
	fZero
	fBlank
	fFillMode
	fLSign
	fBracket
	fMinus
	fPlus
	fRoman
	fMulti
	fPlusPost
	fMinusPost
	fEEEE
)

const (
	lsignNone = iota
	lsignPre
	lsignPost
)

// numDesc is NUMDesc: what the picture asks for.
type numDesc struct {
	pre, post, lsign, preLsignNum, multi, zeroStart, zeroEnd int
	flag                                                     numFlags
}

type numNode struct {
	id   int
	text string // a numChar's character
}

func numSyntaxError(format string, args ...any) error { return Errorf("42601", format, args...) }

// parseNumFormat is parse_format for number pictures, with NUMDesc_prepare's checks.
func parseNumFormat(f string) ([]numNode, *numDesc, error) {
	if err := checkFormatPicture(f); err != nil {
		return nil, nil, err
	}
	d := &numDesc{}
	var nodes []numNode
	for i := 0; i < len(f); {
		id, n := -1, 0
		for _, k := range numKeywords {
			if strings.HasPrefix(f[i:], k.name) {
				id, n = k.id, len(k.name)
				break
			}
		}
		if id >= 0 {
			if err := d.prepare(id); err != nil {
				return nil, nil, err
			}
			nodes = append(nodes, numNode{id: id})
			i += n
			continue
		}
		if f[i] == '"' {
			i++
			for i < len(f) {
				if f[i] == '"' {
					i++
					break
				}
				if f[i] == '\\' && i+1 < len(f) {
					i++
				}
				n := charLen(f[i:])
				nodes = append(nodes, numNode{id: numChar, text: f[i : i+n]})
				i += n
			}
			continue
		}
		if f[i] == '\\' && i+1 < len(f) && f[i+1] == '"' {
			i++
		}
		n = charLen(f[i:])
		nodes = append(nodes, numNode{id: numChar, text: f[i : i+n]})
		i += n
	}
	return nodes, d, nil
}

// charLen is the byte length of the UTF-8 character s starts with.
func charLen(s string) int {
	for n := 1; n < len(s); n++ {
		if s[n]&0xC0 != 0x80 {
			return n
		}
	}
	return len(s)
}

// prepare is NUMDesc_prepare: one keyword's effect on d.
func (d *numDesc) prepare(id int) error {
	if d.flag&fEEEE != 0 && id != numE {
		return numSyntaxError("\"EEEE\" must be the last pattern used")
	}
	switch id {
	case num9, num0:
		if d.flag&fBracket != 0 {
			return numSyntaxError("\"%c\" must be ahead of \"PR\"", map[int]byte{num9: '9', num0: '0'}[id])
		}
		if d.flag&fMulti != 0 {
			d.multi++
			break
		}
		if id == num0 && d.flag&(fZero|fDecimal) == 0 {
			d.flag |= fZero
			d.zeroStart = d.pre + 1
		}
		if d.flag&fDecimal != 0 {
			d.post++
		} else {
			d.pre++
		}
		if id == num0 {
			d.zeroEnd = d.pre + d.post // NUMDesc_prepare counts a fraction digit's 0 too
		}
	case numB:
		if d.pre == 0 && d.post == 0 && d.flag&fZero == 0 {
			d.flag |= fBlank
		}
	case numD, numDec:
		if id == numD {
			d.flag |= fLDecimal
		}
		if d.flag&fDecimal != 0 {
			return numSyntaxError("multiple decimal points")
		}
		if d.flag&fMulti != 0 {
			return numSyntaxError("cannot use \"V\" and decimal point together")
		}
		d.flag |= fDecimal
	case numFM:
		d.flag |= fFillMode
	case numS:
		switch {
		case d.flag&fLSign != 0:
			return numSyntaxError("cannot use \"S\" twice")
		case d.flag&(fPlus|fMinus|fBracket) != 0:
			return numSyntaxError("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together")
		}
		if d.flag&fDecimal == 0 {
			d.lsign, d.preLsignNum = lsignPre, d.pre
			d.flag |= fLSign
		} else if d.lsign == lsignNone {
			d.lsign = lsignPost
			d.flag |= fLSign
		}
	case numMI, numPL, numSG:
		if d.flag&fLSign != 0 {
			return numSyntaxError("cannot use \"S\" and \"%s\" together", map[int]string{numMI: "MI", numPL: "PL", numSG: "SG"}[id])
		}
		switch id {
		case numMI:
			d.flag |= fMinus
			if d.flag&fDecimal != 0 {
				d.flag |= fMinusPost
			}
		case numPL:
			d.flag |= fPlus
			if d.flag&fDecimal != 0 {
				d.flag |= fPlusPost
			}
		default:
			d.flag |= fMinus | fPlus
		}
	case numPR:
		if d.flag&(fLSign|fPlus|fMinus) != 0 {
			return numSyntaxError("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together")
		}
		d.flag |= fBracket
	case numRN, numRNLower:
		d.flag |= fRoman
	case numV:
		if d.flag&fDecimal != 0 {
			return numSyntaxError("cannot use \"V\" and decimal point together")
		}
		d.flag |= fMulti
	case numE:
		if d.flag&fEEEE != 0 {
			return numSyntaxError("cannot use \"EEEE\" twice")
		}
		if d.flag&(fBlank|fFillMode|fLSign|fBracket|fMinus|fPlus|fRoman|fMulti) != 0 {
			return &Error{Code: "42601", Message: "\"EEEE\" is incompatible with other formats",
				Detail: "\"EEEE\" may only be used together with digit and decimal point patterns."}
		}
		d.flag |= fEEEE
	}
	return nil
}

// numWriter is NUMProc for to_char: the picture filled with number, the digits of the value
// (no sign; '#'s when it does not fit), with sign '+' or '-'.
type numWriter struct {
	d                 *numDesc
	out               strings.Builder
	number            string
	np                int // the next character of number
	sign              byte
	signWrote, numIn  bool
	numCurr, numCount int
	outPreSpaces      int
	lastRelevant      int // index in number, or -1
	decimal           string
}

// renderNum is NUM_processor's to_char direction.
func renderNum(nodes []numNode, d *numDesc, number string, sign byte, outPreSpaces int) (string, error) {
	w := &numWriter{d: d, number: number, lastRelevant: -1, decimal: "."}
	if d.zeroStart > 0 {
		d.zeroStart--
	}
	if d.flag&fEEEE != 0 {
		return number, nil
	}
	if d.flag&fRoman != 0 {
		d.lsign, d.preLsignNum, d.post, d.pre, outPreSpaces, sign = 0, 0, 0, 0, 0, 0
		d.flag = d.flag&fFillMode | fRoman
	}
	w.sign = sign
	if d.flag&(fPlus|fMinus) != 0 {
		w.signWrote = !(d.flag&fPlus != 0 && d.flag&fMinus == 0)
	} else {
		if sign != '-' && d.flag&fFillMode != 0 {
			d.flag &^= fBracket
		}
		w.signWrote = sign == '+' && d.flag&fFillMode != 0 && d.flag&fLSign == 0
		if d.lsign == lsignPre && d.pre == d.preLsignNum {
			d.lsign = lsignPost
		}
	}
	w.numCount = d.post + d.pre - 1
	w.outPreSpaces = outPreSpaces
	if d.flag&fFillMode != 0 && d.flag&fDecimal != 0 {
		w.lastRelevant = lastRelevantDecimal(number)
		if w.lastRelevant >= 0 && d.zeroEnd > outPreSpaces {
			lastZero := min(len(number)-1, d.zeroEnd-outPreSpaces)
			if w.lastRelevant < lastZero {
				w.lastRelevant = lastZero
			}
		}
	}
	if !w.signWrote && outPreSpaces == 0 {
		w.numCount++
	}
	for _, n := range nodes {
		if err := w.node(n); err != nil {
			return "", err
		}
	}
	out := w.out.String()
	if i := strings.IndexByte(out, 0); i >= 0 {
		out = out[:i]
	}
	return out, nil
}

// node writes one node of the picture.
func (w *numWriter) node(n numNode) error {
	d, fm := w.d, w.d.flag&fFillMode != 0
	switch n.id {
	case numChar:
		w.out.WriteString(n.text)
	case num9, num0, numDec, numD:
		w.numPart(n.id)
	case numComma, numG:
		switch {
		case w.numIn:
			w.out.WriteByte(',')
		case !fm:
			w.out.WriteByte(' ')
		}
	case numL:
		w.out.WriteByte(' ')
	case numRN, numRNLower:
		s := w.number
		if n.id == numRNLower {
			s = strings.ToLower(s)
		}
		if !fm {
			s = strings.Repeat(" ", max(0, 15-len(s))) + s
		}
		w.out.WriteString(s)
	case numTH, numTHLower:
		if d.flag&(fRoman|fDecimal) != 0 || strings.HasPrefix(w.number, "#") || w.sign == '-' {
			return nil
		}
		th, err := numberSuffix(w.number, n.id == numTH)
		if err != nil {
			return err
		}
		w.out.WriteString(th)
	case numMI:
		switch {
		case w.sign == '-':
			w.out.WriteByte('-')
		case !fm:
			w.out.WriteByte(' ')
		}
	case numPL:
		switch {
		case w.sign == '+':
			w.out.WriteByte('+')
		case !fm:
			w.out.WriteByte(' ')
		}
	case numSG:
		w.out.WriteByte(w.sign)
	}
	return nil
}

// predecSpace is IS_PREDEC_SPACE: a lone 0 before the point, written as a space.
func (w *numWriter) predecSpace() bool {
	return w.d.flag&fZero == 0 && w.np == 0 && strings.HasPrefix(w.number, "0") && w.d.post != 0
}

func (w *numWriter) cur() byte {
	if w.np < len(w.number) {
		return w.number[w.np]
	}
	return 0
}

func (w *numWriter) lastRelevantIs(c byte) bool {
	return w.lastRelevant >= 0 && w.lastRelevant < len(w.number) && w.number[w.lastRelevant] == c
}

// numPart is NUM_numpart_to_char: a digit position or the decimal point, with the sign
// where it goes.
func (w *numWriter) numPart(id int) {
	d := w.d
	fm := d.flag&fFillMode != 0
	if d.flag&fRoman != 0 {
		return
	}
	w.numIn = false
	w.leadSign()
	switch {
	case w.numCurr < w.outPreSpaces && (d.zeroStart > w.numCurr || d.flag&fZero == 0):
		if !fm {
			w.out.WriteByte(' ')
		}
	case d.flag&fZero != 0 && w.numCurr < w.outPreSpaces && d.zeroStart <= w.numCurr:
		w.out.WriteByte('0')
		w.numIn = true
	default:
		if w.cur() == '.' {
			if !w.lastRelevantIs('.') || fm {
				w.out.WriteString(w.decimal)
			}
		} else {
			switch {
			case w.lastRelevant >= 0 && w.np > w.lastRelevant && id != num0:
			case w.predecSpace():
				if !fm {
					w.out.WriteByte(' ')
				} else if w.lastRelevantIs('.') {
					w.out.WriteByte('0')
				}
			default:
				// Past the digits this is the string's NUL in PostgreSQL, which ends the
				// result there (a float's '#'s can be shorter than the picture).
				w.out.WriteByte(w.cur())
				w.numIn = true
			}
		}
		if w.np < len(w.number) {
			w.np++
		}
	}
	end := w.numCount
	if w.outPreSpaces > 0 {
		end++
	}
	if d.flag&fDecimal != 0 {
		end++
	}
	if w.lastRelevant >= 0 && w.lastRelevant == w.np {
		end = w.numCurr
	}
	if w.numCurr+1 == end {
		if w.signWrote && d.flag&fBracket != 0 {
			w.out.WriteByte(map[bool]byte{true: ' ', false: '>'}[w.sign == '+'])
		} else if d.flag&fLSign != 0 && d.lsign == lsignPost {
			w.out.WriteByte(w.sign)
		}
	}
	w.numCurr++
}

// leadSign writes the sign before the first digit that is written.
func (w *numWriter) leadSign() {
	d := w.d
	if w.signWrote || !(w.numCurr >= w.outPreSpaces || d.flag&fZero != 0 && d.zeroStart == w.numCurr) ||
		w.predecSpace() && !w.lastRelevantIs('.') {
		return
	}
	switch {
	case d.flag&fLSign != 0:
		if d.lsign == lsignPre {
			w.out.WriteByte(w.sign)
			w.signWrote = true
		}
	case d.flag&fBracket != 0:
		w.out.WriteByte(map[bool]byte{true: ' ', false: '<'}[w.sign == '+'])
		w.signWrote = true
	case w.sign == '+':
		if d.flag&fFillMode == 0 {
			w.out.WriteByte(' ')
		}
		w.signWrote = true
	case w.sign == '-':
		w.out.WriteByte('-')
		w.signWrote = true
	}
}

// lastRelevantDecimal is get_last_relevant_decnum: the last non-zero digit after the point,
// or the point; -1 without one.
func lastRelevantDecimal(num string) int {
	p := strings.IndexByte(num, '.')
	if p < 0 {
		return -1
	}
	r := p
	for i := p + 1; i < len(num); i++ {
		if num[i] != '0' {
			r = i
		}
	}
	return r
}

// numberSuffix is get_th: the ordinal suffix of the number's last digit.
func numberSuffix(num string, upper bool) (string, error) {
	last := num[len(num)-1]
	if last < '0' || last > '9' {
		return "", Errorf("22P02", "\"%s\" is not a number", num)
	}
	if len(num) > 1 && num[len(num)-2] == '1' {
		last = 0
	}
	s := map[byte]string{'1': "st", '2': "nd", '3': "rd"}[last]
	if s == "" {
		s = "th"
	}
	if upper {
		s = strings.ToUpper(s)
	}
	return s, nil
}

// romanNumeral is int_to_roman: 15 '#'s outside 1..3999.
func romanNumeral(n int64) string {
	if n < 1 || n > 3999 {
		return strings.Repeat("#", 15)
	}
	var b strings.Builder
	for _, r := range []struct {
		v int64
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"},
		{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}

package drove

import (
	"unsafe"

	"github.com/drovedb/drove/types"
)

// decode turns a stored row into a Row in three allocations (one up to 8 columns with short
// text, two with longer, rowBlock) for a table of up to 16 integer,
// float, boolean, text and numeric columns (plus one for a text key's string): the Row, one
// string holding the bytes of every text-like column, and one []string block whose elements
// back the interface values of the text-like and numeric columns. Boxing each value
// the usual way cost an allocation per integer (past 255), per float and two per string
// (its bytes and its boxed header): a KV Get's allocations were most of its cost beside the
// lookup. Other types (bytea, timestamps, records) are boxed as goValue boxes them.
func decode(s *types.Schema, k, v []byte) (Row, error) {
	// The scratch is on the stack and zeroed on every call: sized for the table (a
	// two-column table's 4 values zero in 256 bytes, 16 in 1 KiB).
	switch n := len(s.Columns); {
	case n <= 4:
		var (
			vals  [4]types.Value
			raw   [4][]byte
			kinds [4]boxing
		)
		return decodeWith(s, k, v, vals[:n], raw[:n], kinds[:n])
	case n <= 16:
		var (
			vals  [16]types.Value
			raw   [16][]byte
			kinds [16]boxing
		)
		return decodeWith(s, k, v, vals[:n], raw[:n], kinds[:n])
	default:
		return decodeWith(s, k, v, make([]types.Value, n), make([][]byte, n), make([]boxing, n))
	}
}

// decodeWith is decode with scratch of the row's length: vals and raw for the decoded row,
// kinds for how each value is boxed.
func decodeWith(s *types.Schema, k, v []byte, vals []types.Value, raw [][]byte, kinds []boxing) (Row, error) {
	if err := types.DecodeKey(s, k, vals); err != nil {
		return nil, err
	}
	if err := types.DecodeValueRaw(s, v, vals, raw); err != nil {
		return nil, err
	}
	size, slots := 0, 0
	for i := range vals {
		kinds[i] = boxKind(&vals[i], raw[i])
		switch kinds[i] {
		case boxRawString:
			size += len(raw[i])
			slots++
		case boxString, boxInt, boxFloat:
			slots++
		}
	}
	row, hdrs, text := rowBlock(len(vals), slots, size)
	h := 0
	for i := range vals {
		x := &vals[i]
		switch kinds[i] {
		case boxRawString:
			start := len(text)
			text = append(text, raw[i]...)
			hdrs[h] = unsafe.String(unsafe.SliceData(text[start:]), len(raw[i]))
			row[i] = boxAt(stringType, unsafe.Pointer(&hdrs[h]))
			h++
		case boxString:
			hdrs[h] = x.S
			row[i] = boxAt(stringType, unsafe.Pointer(&hdrs[h]))
			h++
		case boxInt, boxFloat:
			// The length word of a string header is not a pointer to the collector: it holds
			// the number's bits, and the header's pointer word stays nil.
			typ := int64Type
			if x.T == types.Float32 || x.T == types.Float64 {
				typ = float64Type
			}
			word := (*[2]uint64)(unsafe.Pointer(&hdrs[h]))
			word[1] = uint64(x.I)
			if typ == float64Type {
				word[1] = *(*uint64)(unsafe.Pointer(&x.F))
			}
			row[i] = boxAt(typ, unsafe.Pointer(&word[1]))
			h++
		case boxOther:
			if x.T == types.Bytea && raw[i] != nil {
				row[i] = append([]byte{}, raw[i]...) // as goValue's []byte(v.S), one copy fewer
				continue
			}
			y := *x
			if raw[i] != nil {
				y.S = string(raw[i])
			}
			row[i] = goValue(y)
		}
	}
	return row, nil
}

// rowBlock allocates a Row of n values, the string slots that back its boxed values and room
// for size bytes of text together, as one object for rows of up to 8 columns whose text is
// short (the Row's array, the slots and the bytes, typed as such for the collector): a Get's
// allocation is then the block alone. Longer text gets a buffer of its own. A Get of 100k
// spread rows is mostly cache misses; the allocation saved was a few percent of the rest.
func rowBlock(n, slots, size int) (Row, []string, []byte) {
	var text []byte
	switch {
	case n <= 2 && size > 0 && size <= 48:
		b := new(struct {
			row  [2]any
			hdrs [2]string
			text [48]byte
		})
		return b.row[:n:n], b.hdrs[:slots:slots], b.text[:0:size]
	case n <= 4 && size > 0 && size <= 64:
		b := new(struct {
			row  [4]any
			hdrs [4]string
			text [64]byte
		})
		return b.row[:n:n], b.hdrs[:slots:slots], b.text[:0:size]
	case n <= 8 && size > 0 && size <= 128:
		b := new(struct {
			row  [8]any
			hdrs [8]string
			text [128]byte
		})
		return b.row[:n:n], b.hdrs[:slots:slots], b.text[:0:size]
	case size > 0:
		text = make([]byte, 0, size)
	}
	switch {
	case n <= 2:
		b := new(struct {
			row  [2]any
			hdrs [2]string
		})
		return b.row[:n:n], b.hdrs[:slots:slots], text
	case n <= 4:
		b := new(struct {
			row  [4]any
			hdrs [4]string
		})
		return b.row[:n:n], b.hdrs[:slots:slots], text
	case n <= 8:
		b := new(struct {
			row  [8]any
			hdrs [8]string
		})
		return b.row[:n:n], b.hdrs[:slots:slots], text
	}
	return make(Row, n), make([]string, slots), text
}

type boxing uint8

const (
	boxNull      boxing = iota
	boxRawString        // a string whose bytes are raw (a view of the stored value)
	boxString           // a string decoded already (a text key)
	boxInt
	boxFloat
	boxOther // goValue's boxing
)

// boxKind is how decode boxes x (raw: its bytes when DecodeValueRaw left them out of x).
// It must agree with goValue on the Go type of each column type.
func boxKind(x *types.Value, raw []byte) boxing {
	switch {
	case x.IsNull() && raw == nil:
		return boxNull
	case x.T == types.Int16 || x.T == types.Int32 || x.T == types.Int64:
		return boxInt
	case x.T == types.Float32 || x.T == types.Float64:
		return boxFloat
	case x.T == types.Text || x.T == types.Numeric || x.T.IsArray():
		if raw != nil {
			return boxRawString
		}
		return boxString
	}
	return boxOther
}

// eface is the layout of an interface value with no methods.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

var (
	int64Type   = typeWord(int64(0))
	float64Type = typeWord(float64(0))
	stringType  = typeWord("")
)

func typeWord(x any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&x)).typ }

// boxAt returns an interface value of the type typ (an int64, float64 or string) whose value
// is the one at p, as the runtime boxes a value it has copied to the heap: p must point into
// memory the collector manages (or keeps alive), laid out as that type, never modified after.
func boxAt(typ, p unsafe.Pointer) (v any) {
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: typ, data: p}
	return v
}

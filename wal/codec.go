package wal

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Byte layout of an entry (uvarint = encoding/binary unsigned varint):
//
//	magic    1 byte   0xD7
//	version  1 byte   1, or 2 for an entry that holds an OpTruncate (the only difference:
//	                  version 1 knows ops 1-3), or 3 for an alter table with fill rows.
//	                  Writers use the lowest version that can express the entry, so entries
//	                  without a truncate or fill rows read the same as before.
//	kind     1 byte   Kind
//	body     per kind:
//	  noop          (empty)
//	  create table  uvarint len, schema bytes
//	  drop table    uvarint len, table name
//	  alter table   uvarint len, table name; uvarint len, schema bytes;
//	                uvarint number of columns, then each: uvarint source column + 1 (0: none)
//	                [version 3] uvarint number of fill rows, then each: uvarint key len,
//	                key, uvarint value len, value
//	  txn, txn chunk uvarint txid
//	                uvarint number of distinct table names, then each: uvarint len, name
//	                uvarint number of mutations, then each:
//	                  op byte, uvarint table index, uvarint key len, key,
//	                  [insert/update only] uvarint value len, value
//	                  (a truncate has an empty key and no value)
//	  txn commit, txn abort: uvarint txid
//	crc      4 bytes  CRC-32C (Castagnoli), little-endian, of every byte before it
//
// Table names are a per-entry dictionary so a many-row transaction names each table once and
// decoding allocates one string per table, not per row.

const (
	magic = 0xD7
	// version1 is the format before OpTruncate, versionTruncate the one that added it;
	// version (ALTER TABLE's fill rows) is the newest this package writes.
	version1        = 1
	versionTruncate = 2
	version         = 3
	crcLen          = 4
	// minMutation is the fewest bytes a mutation can take (op, table index, key length).
	minMutation = 3
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt is wrapped by every decoding error.
var ErrCorrupt = errors.New("wal: corrupt log entry")

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

// tableIndex returns the position of name in names, or -1. Entries name few tables, so a
// linear scan beats a map and allocates nothing.
func tableIndex(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// EncodedSize returns the exact size of e's encoding, so callers can size buffers once.
func EncodedSize(e *Entry) int {
	n := 3 + crcLen
	switch e.Kind {
	case KindCreateTable:
		n += uvarintLen(uint64(len(e.Schema))) + len(e.Schema)
	case KindDropTable:
		n += uvarintLen(uint64(len(e.Table))) + len(e.Table)
	case KindAlterTable:
		n += uvarintLen(uint64(len(e.Table))) + len(e.Table) + uvarintLen(uint64(len(e.Schema))) + len(e.Schema)
		n += uvarintLen(uint64(len(e.Sources)))
		for _, src := range e.Sources {
			n += uvarintLen(uint64(src + 1))
		}
		if len(e.Mutations) > 0 {
			n += uvarintLen(uint64(len(e.Mutations)))
			for i := range e.Mutations {
				m := &e.Mutations[i]
				n += uvarintLen(uint64(len(m.Key))) + len(m.Key) + uvarintLen(uint64(len(m.Value))) + len(m.Value)
			}
		}
	case KindTxnCommit, KindTxnAbort:
		n += uvarintLen(e.TxID)
	case KindTxn, KindTxnChunk:
		n += uvarintLen(e.TxID)
		var dict [8]string
		names := dict[:0]
		for i := range e.Mutations {
			m := &e.Mutations[i]
			idx := tableIndex(names, m.Table)
			if idx < 0 {
				idx = len(names)
				names = append(names, m.Table)
				n += uvarintLen(uint64(len(m.Table))) + len(m.Table)
			}
			n += 1 + uvarintLen(uint64(idx)) + uvarintLen(uint64(len(m.Key))) + len(m.Key)
			if m.Op.HasValue() {
				n += uvarintLen(uint64(len(m.Value))) + len(m.Value)
			}
		}
		n += uvarintLen(uint64(len(names))) + uvarintLen(uint64(len(e.Mutations)))
	}
	return n
}

// AppendEntry appends the encoding of e to dst. With cap(dst)-len(dst) >= EncodedSize(e) it
// does not allocate (for entries naming at most 8 tables).
func AppendEntry(dst []byte, e *Entry) []byte {
	start := len(dst)
	dst = append(dst, magic, entryVersion(e), byte(e.Kind))
	switch e.Kind {
	case KindCreateTable:
		dst = binary.AppendUvarint(dst, uint64(len(e.Schema)))
		dst = append(dst, e.Schema...)
	case KindDropTable:
		dst = binary.AppendUvarint(dst, uint64(len(e.Table)))
		dst = append(dst, e.Table...)
	case KindAlterTable:
		dst = binary.AppendUvarint(dst, uint64(len(e.Table)))
		dst = append(dst, e.Table...)
		dst = binary.AppendUvarint(dst, uint64(len(e.Schema)))
		dst = append(dst, e.Schema...)
		dst = binary.AppendUvarint(dst, uint64(len(e.Sources)))
		for _, src := range e.Sources {
			dst = binary.AppendUvarint(dst, uint64(src+1))
		}
		if len(e.Mutations) > 0 {
			dst = binary.AppendUvarint(dst, uint64(len(e.Mutations)))
			for i := range e.Mutations {
				m := &e.Mutations[i]
				dst = binary.AppendUvarint(dst, uint64(len(m.Key)))
				dst = append(dst, m.Key...)
				dst = binary.AppendUvarint(dst, uint64(len(m.Value)))
				dst = append(dst, m.Value...)
			}
		}
	case KindTxnCommit, KindTxnAbort:
		dst = binary.AppendUvarint(dst, e.TxID)
	case KindTxn, KindTxnChunk:
		dst = binary.AppendUvarint(dst, e.TxID)
		var dict [8]string
		names := dict[:0]
		for i := range e.Mutations {
			if tableIndex(names, e.Mutations[i].Table) < 0 {
				names = append(names, e.Mutations[i].Table)
			}
		}
		dst = binary.AppendUvarint(dst, uint64(len(names)))
		for _, name := range names {
			dst = binary.AppendUvarint(dst, uint64(len(name)))
			dst = append(dst, name...)
		}
		dst = binary.AppendUvarint(dst, uint64(len(e.Mutations)))
		for i := range e.Mutations {
			m := &e.Mutations[i]
			dst = append(dst, byte(m.Op))
			dst = binary.AppendUvarint(dst, uint64(tableIndex(names, m.Table)))
			dst = binary.AppendUvarint(dst, uint64(len(m.Key)))
			dst = append(dst, m.Key...)
			if m.Op.HasValue() {
				dst = binary.AppendUvarint(dst, uint64(len(m.Value)))
				dst = append(dst, m.Value...)
			}
		}
	}
	return binary.LittleEndian.AppendUint32(dst, crc32.Checksum(dst[start:], crcTable))
}

// entryVersion is the lowest format version that can express e.
func entryVersion(e *Entry) byte {
	if e.Kind == KindAlterTable && len(e.Mutations) > 0 {
		return version
	}
	if e.Kind == KindTxn || e.Kind == KindTxnChunk {
		for i := range e.Mutations {
			if e.Mutations[i].Op == OpTruncate {
				return versionTruncate
			}
		}
	}
	return version1
}

// reader walks an entry body; the first failure sticks and every later read returns zero.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", ErrCorrupt, what)
	}
	r.b = nil
}

func (r *reader) byte(what string) byte {
	if len(r.b) < 1 {
		r.fail(what + " truncated")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uvarint(what string) uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(what + " truncated or overlong")
		return 0
	}
	r.b = r.b[n:]
	return x
}

// count reads a count of items each at least minSize bytes long, refusing counts the
// remaining bytes cannot hold (so a forged count cannot make us allocate gigabytes).
func (r *reader) count(what string, minSize int) int {
	x := r.uvarint(what)
	if r.err == nil && x > uint64(len(r.b)/minSize) {
		r.fail(what + " larger than the entry")
		return 0
	}
	return int(x)
}

func (r *reader) bytes(what string) []byte {
	n := r.uvarint(what + " length")
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail(what + " longer than the entry")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

// fillRows reads an alter table's fill rows (version 3): OpUpdate mutations of no table.
func (r *reader) fillRows() []Mutation {
	n := r.count("fill row count", 2)
	if n == 0 {
		r.fail("alter table with no fill rows in a version 3 entry")
		return nil
	}
	out := make([]Mutation, n)
	for i := 0; i < n && r.err == nil; i++ {
		out[i] = Mutation{Op: OpUpdate, Key: r.bytes("fill key"), Value: r.bytes("fill row")}
	}
	return out
}

// Decode decodes one entry. Key, Value and Schema alias b: the caller must not modify b while
// it uses the entry.
func Decode(b []byte) (Entry, error) {
	if len(b) < 3+crcLen {
		return Entry{}, fmt.Errorf("%w: %d bytes is too short", ErrCorrupt, len(b))
	}
	body, sum := b[:len(b)-crcLen], binary.LittleEndian.Uint32(b[len(b)-crcLen:])
	if crc32.Checksum(body, crcTable) != sum {
		return Entry{}, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	if body[0] != magic {
		return Entry{}, fmt.Errorf("%w: bad magic 0x%02x", ErrCorrupt, body[0])
	}
	v := body[1]
	if v < version1 || v > version {
		return Entry{}, fmt.Errorf("%w: unsupported version %d", ErrCorrupt, v)
	}
	e := Entry{Kind: Kind(body[2])}
	r := reader{b: body[3:]}
	switch e.Kind {
	case KindNoop:
	case KindCreateTable:
		e.Schema = r.bytes("schema")
	case KindDropTable:
		e.Table = string(r.bytes("table name"))
	case KindAlterTable:
		e.Table = string(r.bytes("table name"))
		e.Schema = r.bytes("schema")
		n := r.count("column count", 1)
		e.Sources = make([]int, 0, n)
		for i := 0; i < n && r.err == nil; i++ {
			src := r.uvarint("source column")
			if src > 1<<16 {
				r.fail("source column out of range")
			}
			e.Sources = append(e.Sources, int(src)-1)
		}
		if v >= version {
			e.Mutations = r.fillRows()
		}
	case KindTxnCommit, KindTxnAbort:
		e.TxID = r.uvarint("txid")
	case KindTxn, KindTxnChunk:
		e.TxID = r.uvarint("txid")
		names := make([]string, r.count("table count", 1))
		for i := range names {
			names[i] = string(r.bytes("table name"))
		}
		n := r.count("mutation count", minMutation)
		if n > 0 {
			e.Mutations = make([]Mutation, n)
		}
		for i := 0; i < n && r.err == nil; i++ {
			m := &e.Mutations[i]
			m.Op = Op(r.byte("op"))
			idx := r.uvarint("table index")
			if r.err == nil && idx >= uint64(len(names)) {
				r.fail("table index out of range")
				break
			}
			if r.err == nil {
				m.Table = names[idx]
			}
			m.Key = r.bytes("key")
			switch m.Op {
			case OpInsert, OpUpdate:
				m.Value = r.bytes("value")
			case OpDelete:
			case OpTruncate:
				if v < versionTruncate {
					r.fail(fmt.Sprintf("op %d in a version %d entry", m.Op, v))
				} else if len(m.Key) != 0 {
					r.fail("truncate with a key")
				}
			default:
				r.fail(fmt.Sprintf("unknown op %d", m.Op))
			}
		}
	default:
		return Entry{}, fmt.Errorf("%w: unknown kind %d", ErrCorrupt, e.Kind)
	}
	if r.err != nil {
		return Entry{}, r.err
	}
	if len(r.b) != 0 {
		return Entry{}, fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(r.b))
	}
	return e, nil
}

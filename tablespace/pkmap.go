package tablespace

import "encoding/binary"

// pkMap is a table's primary-key map: every live encoded key → its loc. A key of 8 bytes
// (the encoding of every single-column integer, float, date, time and timestamp key) is held
// in the map's slot as a uint64; any other in a map keyed by string. With string keys a probe
// followed the matching slot's header to the key's own allocation to compare it: on a large
// table one more cache miss per lookup (tablespace/DESIGN.md, "What a point read costs").
// A uint64 key also takes Go's fastest map path (no string compare), a 16-byte slot rather
// than 24, and no allocation of its own.
type pkMap struct {
	k8    map[uint64]loc
	other map[string]loc // nil until a key of another length is stored
}

func k8(key []byte) uint64 { return binary.LittleEndian.Uint64(key) }
func k8s(key string) uint64 {
	return uint64(key[0]) | uint64(key[1])<<8 | uint64(key[2])<<16 | uint64(key[3])<<24 | uint64(key[4])<<32 | uint64(key[5])<<40 | uint64(key[6])<<48 | uint64(key[7])<<56
}

func newPKMap(size int) pkMap { return pkMap{k8: make(map[uint64]loc, size)} }

func (m *pkMap) len() int { return len(m.k8) + len(m.other) }

// get returns key's location.
func (m *pkMap) get(key []byte) (loc, bool) {
	if len(key) == 8 {
		l, ok := m.k8[k8(key)]
		return l, ok
	}
	l, ok := m.other[string(key)]
	return l, ok
}

// getS is get of a key held as a string (a memory record's).
func (m *pkMap) getS(key string) (loc, bool) {
	if len(key) == 8 {
		l, ok := m.k8[k8s(key)]
		return l, ok
	}
	l, ok := m.other[key]
	return l, ok
}

// set points key at l; a string-keyed entry keeps key itself (no copy).
func (m *pkMap) set(key string, l loc) {
	if len(key) == 8 {
		m.k8[k8s(key)] = l
		return
	}
	if m.other == nil {
		m.other = make(map[string]loc)
	}
	m.other[key] = l
}

// setB is set of a key held in bytes that may change: a string-keyed entry copies it.
func (m *pkMap) setB(key []byte, l loc) {
	if len(key) == 8 {
		m.k8[k8(key)] = l
		return
	}
	m.set(string(key), l)
}

// del removes key.
func (m *pkMap) del(key []byte) {
	if len(key) == 8 {
		delete(m.k8, k8(key))
		return
	}
	delete(m.other, string(key))
}

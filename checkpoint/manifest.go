package checkpoint

import (
	"encoding/binary"
	"hash/crc32"
	"slices"
)

// Manifest lists what one checkpoint consists of: for each table its schema and the pages
// holding its rows, with the slots of each page that are no longer live. RaftIndex is the last
// log entry the checkpoint includes; replay starts after it. StoreID is the id of the page
// store holding its pages (Store.ID); 0 in manifests written before stores had ids.
type Manifest struct {
	StoreID    uint64
	Seq        uint64
	RaftIndex  uint64
	RaftTerm   uint64
	NextPageID uint64
	Tables     []TableManifest
}

// TableManifest is one table of a checkpoint. Extra is opaque per-table state for its owner.
type TableManifest struct {
	Schema []byte
	Pages  []PageRef
	Extra  []byte
}

// PageRef is one page a table references. Dead holds the sorted slots no longer live.
type PageRef struct {
	ID      uint64
	Records uint32
	Dead    []uint32
}

// Live is the number of live records in the page.
func (r PageRef) Live() int { return int(r.Records) - len(r.Dead) }

// IsDead reports whether slot is no longer live.
func (r *PageRef) IsDead(slot uint32) bool {
	_, found := slices.BinarySearch(r.Dead, slot)
	return found
}

// Manifest layout: magic "DRVM", version byte, then uvarints: seq, raft index, raft term, next
// page id, table count; per table: schema (len + bytes), extra (len + bytes), page count; per
// page: id, records, dead count, dead slots delta-encoded; then CRC-32C of all before it.
// Version 2 adds the store id (uvarint) right after the version byte; a manifest without one
// is still written as version 1, byte for byte.
const (
	manifestMagic     = "DRVM"
	manifestVersion   = 1
	manifestVersionID = 2
)

// Marshal encodes the manifest.
func (m *Manifest) Marshal() []byte {
	b := append([]byte(manifestMagic), manifestVersion)
	if m.StoreID != 0 {
		b[len(b)-1] = manifestVersionID
		b = binary.AppendUvarint(b, m.StoreID)
	}
	for _, x := range []uint64{m.Seq, m.RaftIndex, m.RaftTerm, m.NextPageID, uint64(len(m.Tables))} {
		b = binary.AppendUvarint(b, x)
	}
	for _, t := range m.Tables {
		b = binary.AppendUvarint(b, uint64(len(t.Schema)))
		b = append(b, t.Schema...)
		b = binary.AppendUvarint(b, uint64(len(t.Extra)))
		b = append(b, t.Extra...)
		b = binary.AppendUvarint(b, uint64(len(t.Pages)))
		for _, p := range t.Pages {
			b = binary.AppendUvarint(b, p.ID)
			b = binary.AppendUvarint(b, uint64(p.Records))
			b = binary.AppendUvarint(b, uint64(len(p.Dead)))
			prev := uint32(0)
			for _, d := range p.Dead {
				b = binary.AppendUvarint(b, uint64(d-prev))
				prev = d
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

type mreader struct {
	b   []byte
	bad bool
}

func (r *mreader) uvarint() uint64 {
	x, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return x
}

// count reads a count of items of at least one byte each, bounded by the bytes left.
func (r *mreader) count() int {
	x := r.uvarint()
	if x > uint64(len(r.b)) {
		r.bad, r.b = true, nil
		return 0
	}
	return int(x)
}

func (r *mreader) bytes() []byte {
	n := r.count()
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

// UnmarshalManifest decodes and verifies a manifest.
func UnmarshalManifest(b []byte) (*Manifest, error) {
	if len(b) < len(manifestMagic)+1+crcLen {
		return nil, corrupt("manifest too short")
	}
	body := b[:len(b)-crcLen]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(b[len(body):]) {
		return nil, corrupt("manifest checksum mismatch")
	}
	if string(body[:4]) != manifestMagic || body[4] != manifestVersion && body[4] != manifestVersionID {
		return nil, corrupt("bad manifest header")
	}
	r := &mreader{b: body[5:]}
	m := &Manifest{}
	if body[4] == manifestVersionID {
		if m.StoreID = r.uvarint(); m.StoreID == 0 {
			return nil, corrupt("manifest store id is zero")
		}
	}
	m.Seq, m.RaftIndex, m.RaftTerm, m.NextPageID = r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
	tables := r.count()
	for i := 0; i < tables && !r.bad; i++ {
		t := TableManifest{Schema: r.bytes(), Extra: r.bytes()}
		pages := r.count()
		for j := 0; j < pages && !r.bad; j++ {
			p := PageRef{ID: r.uvarint()}
			records := r.uvarint()
			dead := r.count()
			if records > 1<<32-1 || uint64(dead) > records {
				return nil, corrupt("manifest page counts out of range")
			}
			p.Records = uint32(records)
			if dead > 0 {
				p.Dead = make([]uint32, dead)
			}
			prev := uint64(0)
			for k := 0; k < dead && !r.bad; k++ {
				d := r.uvarint()
				if k > 0 && d == 0 || prev+d >= records {
					return nil, corrupt("manifest dead slots out of order or range")
				}
				prev += d
				p.Dead[k] = uint32(prev)
			}
			t.Pages = append(t.Pages, p)
		}
		m.Tables = append(m.Tables, t)
	}
	if r.bad {
		return nil, corrupt("manifest truncated")
	}
	if len(r.b) != 0 {
		return nil, corrupt("manifest has trailing bytes")
	}
	return m, nil
}

// PageIDs returns the set of pages the manifest references.
func (m *Manifest) PageIDs() map[uint64]struct{} {
	ids := make(map[uint64]struct{})
	for _, t := range m.Tables {
		for _, p := range t.Pages {
			ids[p.ID] = struct{}{}
		}
	}
	return ids
}

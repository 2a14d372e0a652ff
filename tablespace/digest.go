package tablespace

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/drovedb/drove/types"
)

// digest hashes the whole logical state (schemas and every row, in table and key order) so two
// replicas can be compared: equal digests mean equal data, wherever the rows are stored.
func (f *fsm) digest() ([32]byte, error) {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	put := func(b []byte) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
		h.Write(b)
	}
	for _, s := range f.schemas() {
		put(types.MarshalSchema(s))
		t := f.table(s.Name)
		type kv struct{ k, v []byte }
		var rows []kv
		if err := f.scan(t, func(k, v []byte) error {
			rows = append(rows, kv{append([]byte(nil), k...), v})
			return nil
		}); err != nil {
			return [32]byte{}, err
		}
		slices.SortFunc(rows, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		for _, r := range rows {
			put(r.k)
			put(r.v)
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}

// Digest returns a hash of the tablespace's logical state; replicas that applied the same log
// have equal digests.
func (ts *Tablespace) Digest() ([32]byte, error) { return ts.fsm.digest() }

package wal

import (
	"encoding/binary"
	"hash/crc32"
)

// appendCRC seals a hand-made entry body with a valid checksum.
func appendCRC(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, crcTable))
}

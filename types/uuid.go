package types

import (
	"encoding/hex"
	"fmt"
)

// UUID is PostgreSQL's uuid: its 16 bytes live in S. Bytes compare as PostgreSQL's
// uuid_cmp (memcmp), so the key encoding is the bytes themselves.
const UUID Type = 43

// ParseUUID reads uuid_in's input: 32 hex digits, either case, optionally in braces, with a
// hyphen allowed after any group of four digits; nothing else, not even spaces.
func ParseUUID(s string) (Value, error) {
	var b [16]byte
	src := s
	braces := len(src) > 0 && src[0] == '{'
	if braces {
		src = src[1:]
	}
	for i := 0; i < 16; i++ {
		if len(src) < 2 || !isHex(src[0]) || !isHex(src[1]) {
			return Value{}, uuidSyntax(s)
		}
		b[i] = unhex(src[0])<<4 | unhex(src[1])
		src = src[2:]
		if len(src) > 0 && src[0] == '-' && i%2 == 1 && i < 15 {
			src = src[1:]
		}
	}
	if braces {
		if len(src) == 0 || src[0] != '}' {
			return Value{}, uuidSyntax(s)
		}
		src = src[1:]
	}
	if src != "" {
		return Value{}, uuidSyntax(s)
	}
	return Value{T: UUID, S: string(b[:])}, nil
}

func uuidSyntax(s string) error { return fmt.Errorf("invalid input syntax for type uuid: %q", s) }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// NewUUID is the uuid of 16 bytes.
func NewUUID(b [16]byte) Value { return Value{T: UUID, S: string(b[:])} }

// appendUUIDText prints the canonical lower-case 8-4-4-4-12 form.
func appendUUIDText(dst []byte, s string) []byte {
	if len(s) != 16 {
		return append(dst, hex.EncodeToString([]byte(s))...) // never made by ParseUUID
	}
	for i := 0; i < 16; i++ {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = hex.AppendEncode(dst, []byte{s[i]})
	}
	return dst
}

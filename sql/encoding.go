package sql

import (
	"strings"
	"unicode/utf8"
)

// VerifyText is PostgreSQL's pg_verify_mbstr for text arriving from a client outside a
// query string (a Bind parameter, in either format): nil for valid UTF-8 without NUL bytes,
// else 22021 naming the first bad sequence. A NUL or an invalid sequence stored in a text
// value would be data PostgreSQL can never hold, and would break every later comparison,
// cast and dump of it.
func VerifyText(s string) error {
	if utf8.ValidString(s) {
		if strings.IndexByte(s, 0) < 0 {
			return nil
		}
		return Errorf("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")
	}
	return invalidUTF8(s)
}

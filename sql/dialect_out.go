package sql

import "unsafe"

// outBuf is the dialect pass's output: a strings.Builder that can also insert text before
// what it holds (the rewrites that wrap an operand already written) in time proportional to
// what follows the insertion point rather than to the whole output, so a long statement with
// many subscripts is not quadratic.
type outBuf struct{ buf []byte }

func (o *outBuf) Len() int               { return len(o.buf) }
func (o *outBuf) WriteString(s string)   { o.buf = append(o.buf, s...) }
func (o *outBuf) WriteByte(c byte) error { o.buf = append(o.buf, c); return nil }

// String is the output so far, without a copy (as strings.Builder's): the bytes are never
// changed afterwards, since Reset starts a new buffer and insert and truncate are only used
// while no String result is kept.
func (o *outBuf) String() string { return unsafe.String(unsafe.SliceData(o.buf), len(o.buf)) }

// Reset starts a new, empty output.
func (o *outBuf) Reset() { o.buf = nil }

// insert writes text at pos, before what is written there.
func (o *outBuf) insert(pos int, text string) {
	n := len(o.buf)
	o.buf = append(o.buf, text...) // grows the buffer by len(text)
	copy(o.buf[pos+len(text):], o.buf[pos:n])
	copy(o.buf[pos:], text)
}

// truncate cuts the output back to its first n bytes.
func (o *outBuf) truncate(n int) { o.buf = o.buf[:n] }

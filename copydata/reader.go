package copydata

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Field is one column of a record: Value is the decoded bytes, valid until the next Read.
type Field struct {
	Value []byte
	Null  bool
}

// FormatError is malformed COPY data; Line is where the record starts (1-based, counting a
// header line).
type FormatError struct {
	Line int
	Msg  string
	// Code is the SQLSTATE when it is not 22P04 (bad_copy_file_format): 54000 for a line
	// longer than MaxLineSize, 22021 for a field that is not UTF-8 or holds a NUL.
	Code string
}

// MaxLineSize bounds one line of COPY data (a CSV record whose quoted field spans lines
// included), as PostgreSQL's line buffer is bounded by MaxAllocSize: a client that never
// sends a newline would otherwise make the server hold everything it sends.
var MaxLineSize = 1<<30 - 1

func (e *FormatError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Reader decodes records from a COPY data stream. It reads ahead, so callers must not read
// the underlying reader themselves.
type Reader struct {
	br     *bufio.Reader
	opts   Options
	line   int // lines consumed so far
	start  int // line the last record started on
	raw    []byte
	vals   []byte
	ends   []int // per field: end offset in vals, or -1 for NULL
	fields []Field
	header bool // a header line is still to be skipped
	names  []string
	done   bool
}

// NewReader reads records in the format opts (which must have been normalized) describes.
func NewReader(r io.Reader, opts Options) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), opts: opts, header: opts.Header}
}

// Header is the header record's fields, once the first Read has skipped it (Options.Header).
func (r *Reader) Header() []string { return r.names }

// Line is the line number on which the record last returned by Read starts.
func (r *Reader) Line() int { return r.start }

// Text is the input of the record last returned by Read, without its line ending (all its
// lines when a quoted CSV field spans several), for error messages; valid until the next Read.
func (r *Reader) Text() []byte { return trimEOL(r.raw) }

// Read returns the next record, or io.EOF after the last one (or after a \. line). The
// fields are valid until the next call.
func (r *Reader) Read() ([]Field, error) {
	for {
		if r.done {
			return nil, io.EOF
		}
		ok, err := r.readLine(false)
		if err != nil {
			return nil, err
		}
		if !ok {
			r.done = true
			return nil, io.EOF
		}
		r.start = r.line
		if isEndMarker(trimEOL(r.raw)) {
			r.done = true
			return nil, io.EOF
		}
		if r.opts.CSV {
			err = r.splitCSV()
		} else {
			err = r.splitText()
		}
		if err != nil {
			return nil, err
		}
		if r.header {
			r.header = false
			for _, f := range r.fields {
				r.names = append(r.names, string(f.Value))
			}
			continue
		}
		return r.fields, nil
	}
}

// readLine reads one line, its line ending included, into r.raw, or appends it when more is
// set (a quoted CSV field spans lines). It reports false at the end of input.
func (r *Reader) readLine(more bool) (bool, error) {
	if !more {
		r.raw = r.raw[:0]
	}
	got := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(chunk) > 0 {
			got = true
		}
		if len(r.raw)+len(chunk) > MaxLineSize {
			return false, &FormatError{Line: r.line + 1, Code: "54000",
				Msg: fmt.Sprintf("line is longer than the maximum allowed (%d bytes)", MaxLineSize)}
		}
		r.raw = append(r.raw, chunk...)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == nil, errors.Is(err, io.EOF):
			if got {
				r.line++
			}
			return got, nil
		default:
			return false, err
		}
	}
}

// trimEOL drops a line's \n or \r\n.
func trimEOL(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte{'\n'})
	return bytes.TrimSuffix(line, []byte{'\r'})
}

func isEndMarker(line []byte) bool { return len(line) == 2 && line[0] == '\\' && line[1] == '.' }

func (r *Reader) fail(format string, args ...any) error {
	return &FormatError{Line: r.start, Msg: fmt.Sprintf(format, args...)}
}

// finish turns the collected field ends into r.fields and checks the encoding.
func (r *Reader) finish() error {
	r.fields = r.fields[:0]
	start := 0
	for _, end := range r.ends {
		if end < 0 {
			r.fields = append(r.fields, Field{Null: true})
			continue
		}
		r.fields = append(r.fields, Field{Value: r.vals[start:end:end]})
		start = end
	}
	// PostgreSQL verifies the field text (pg_verifymbstr) after unescaping, so a NUL, raw
	// or written \000, is refused as it is in any client text: stored, it would be a text
	// value PostgreSQL can never hold.
	if bytes.IndexByte(r.vals, 0) >= 0 {
		return &FormatError{Line: r.start, Code: "22021", Msg: `invalid byte sequence for encoding "UTF8": 0x00`}
	}
	if !utf8.Valid(r.vals) {
		return &FormatError{Line: r.start, Code: "22021", Msg: `invalid byte sequence for encoding "UTF8"`}
	}
	return nil
}

// splitText decodes a text-format line: delimiter-separated fields, backslash escapes, and
// the NULL string compared with the field before unescaping (as PostgreSQL does).
func (r *Reader) splitText() error {
	r.vals, r.ends = r.vals[:0], r.ends[:0]
	line, delim := trimEOL(r.raw), r.opts.Delimiter
	for pos := 0; ; {
		end := pos
		for end < len(line) && line[end] != delim {
			if line[end] == '\\' {
				end++
			}
			end++
		}
		if end > len(line) {
			return r.fail("unterminated backslash escape at end of line")
		}
		field := line[pos:end]
		if string(field) == r.opts.Null {
			r.ends = append(r.ends, -1)
		} else {
			r.vals = unescapeText(r.vals, field)
			r.ends = append(r.ends, len(r.vals))
		}
		if end == len(line) {
			return r.finish()
		}
		pos = end + 1
	}
}

// unescapeText appends field with PostgreSQL's text-format escapes decoded.
func unescapeText(dst, field []byte) []byte {
	for i := 0; i < len(field); i++ {
		c := field[i]
		if c != '\\' {
			dst = append(dst, c)
			continue
		}
		i++
		c = field[i] // splitText guarantees a byte after every backslash
		switch c {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'v':
			dst = append(dst, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := c - '0'
			for n := 1; n < 3 && i+1 < len(field) && field[i+1] >= '0' && field[i+1] <= '7'; n++ {
				i++
				v = v<<3 | (field[i] - '0')
			}
			dst = append(dst, v)
		case 'x':
			if i+1 < len(field) && isHex(field[i+1]) {
				i++
				v := unhex(field[i])
				if i+1 < len(field) && isHex(field[i+1]) {
					i++
					v = v<<4 | unhex(field[i])
				}
				dst = append(dst, v)
			} else {
				dst = append(dst, 'x')
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// splitCSV decodes a CSV record, reading further lines while a quoted field is open. A field
// is NULL only if it was not quoted at all and equals the NULL string.
func (r *Reader) splitCSV() error {
	r.vals, r.ends = r.vals[:0], r.ends[:0]
	delim, quote, esc := r.opts.Delimiter, r.opts.Quote, r.opts.Escape
	pos, end := 0, len(trimEOL(r.raw)) // end: where the record's line ending starts
	for {
		fieldStart := len(r.vals)
		rawStart := pos
		quoted := false
		for {
			if pos >= end {
				break
			}
			c := r.raw[pos]
			if c == delim {
				break
			}
			if c != quote {
				r.vals = append(r.vals, c)
				pos++
				continue
			}
			quoted = true
			pos++
			for closed := false; !closed; {
				if pos >= len(r.raw) {
					// The record goes on: the quoted field holds a line break.
					ok, err := r.readLine(true)
					if err != nil {
						return err
					}
					if !ok {
						return r.fail("unterminated CSV quoted field")
					}
					end = len(trimEOL(r.raw))
					continue
				}
				c := r.raw[pos]
				switch {
				case c == esc && pos+1 < len(r.raw) && (r.raw[pos+1] == quote || r.raw[pos+1] == esc) && (esc != quote || r.raw[pos+1] == quote):
					r.vals = append(r.vals, r.raw[pos+1])
					pos += 2
				case c == quote:
					closed = true
					pos++
				default:
					r.vals = append(r.vals, c)
					pos++
				}
			}
		}
		null := !quoted && string(r.raw[rawStart:pos]) == r.opts.Null
		switch fi := len(r.ends); {
		case forced(r.opts.ForceNotNull, fi):
			null = false
		case forced(r.opts.ForceNull, fi):
			null = null || string(r.vals[fieldStart:]) == r.opts.Null
		}
		if null {
			r.vals = r.vals[:fieldStart]
			r.ends = append(r.ends, -1)
		} else {
			r.ends = append(r.ends, len(r.vals))
		}
		if pos >= end {
			return r.finish()
		}
		pos++ // the delimiter
	}
}

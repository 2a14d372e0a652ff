package load

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/drovedb/drove/copydata"
)

// records cuts the input into raw records: a line, or in CSV several lines while a quoted
// field is open. It decodes nothing, so it is about as fast as reading.
type records struct {
	br   *bufio.Reader
	opts copydata.Options
	buf  []byte
	line int // physical lines consumed so far
}

// next returns the next record, its final line break included (one is added at the end of
// input), and how many physical lines it spans. The record is valid until the next call.
func (r *records) next() ([]byte, int, error) {
	r.buf = r.buf[:0]
	lines := 0
	inQuote := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(chunk) > 0 {
			lines++
			start := len(r.buf)
			r.buf = append(r.buf, chunk...)
			if r.opts.CSV {
				inQuote = r.quoteState(r.buf[start:], inQuote)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			lines-- // the same line goes on
			continue
		case errors.Is(err, io.EOF):
			if len(r.buf) == 0 {
				return nil, 0, io.EOF
			}
			r.buf = append(r.buf, '\n')
			r.line += lines
			return r.buf, lines, nil // an open quote is the server's to report
		case err != nil:
			return nil, 0, err
		}
		if !inQuote {
			r.line += lines
			return r.buf, lines, nil
		}
	}
}

// quoteState follows CSV quoting through p, starting inside a quoted field if in is set.
// With the escape equal to the quote, a doubled quote is two toggles, so toggling is enough;
// another escape character hides the byte after it.
func (r *records) quoteState(p []byte, in bool) bool {
	q, esc := r.opts.Quote, r.opts.Escape
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case in && c == esc && esc != q:
			i++
		case c == q:
			in = !in
		}
	}
	return in
}

// header reads the header record and returns its fields.
func (r *records) header() ([]string, error) {
	rec, _, err := r.next()
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	opts := r.opts
	opts.Header = false
	fields, err := copydata.NewReader(bytes.NewReader(rec), opts).Read()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = string(f.Value)
	}
	return names, nil
}

// batch is a run of records in the file's format, kept as segments of consecutive lines so
// a line the server names can be found again after rows were dropped.
type batch struct {
	segs []segment
	rows int
	size int
}

type segment struct {
	data  []byte
	line  int   // file line of the segment's first line
	lines int   // physical lines in data
	ends  []int // end offset of each record in data
	spans []int // physical lines of each record
}

func (b *batch) add(rec []byte, line, lines int) {
	if len(b.segs) == 0 {
		b.segs = append(b.segs, segment{line: line, data: make([]byte, 0, 64<<10)})
	}
	s := &b.segs[len(b.segs)-1]
	s.data = append(s.data, rec...)
	s.lines += lines
	s.ends = append(s.ends, len(s.data))
	s.spans = append(s.spans, lines)
	b.rows++
	b.size += len(rec)
}

func (b *batch) reader() io.Reader {
	rs := make([]io.Reader, len(b.segs))
	for i := range b.segs {
		rs[i] = bytes.NewReader(b.segs[i].data)
	}
	return io.MultiReader(rs...)
}

// drop removes the record that starts on line n of the batch as sent and returns its line
// in the file; false if no record starts there.
func (b *batch) drop(n int) (int, bool) {
	for si := range b.segs {
		s := &b.segs[si]
		if n > s.lines {
			n -= s.lines
			continue
		}
		at, start := 1, 0
		for ri, end := range s.ends {
			if at == n {
				fileLine := s.line + n - 1
				before := segment{data: s.data[:start], line: s.line, lines: n - 1,
					ends: s.ends[:ri], spans: s.spans[:ri]}
				after := segment{data: s.data[end:], line: fileLine + s.spans[ri], lines: s.lines - (n - 1) - s.spans[ri],
					spans: s.spans[ri+1:]}
				for _, e := range s.ends[ri+1:] {
					after.ends = append(after.ends, e-end)
				}
				var segs []segment
				segs = append(segs, b.segs[:si]...)
				for _, part := range []segment{before, after} {
					if len(part.ends) > 0 {
						segs = append(segs, part)
					}
				}
				b.segs = append(segs, b.segs[si+1:]...)
				b.rows--
				b.size -= end - start
				return fileLine, true
			}
			at += s.spans[ri]
			start = end
		}
		return 0, false
	}
	return 0, false
}

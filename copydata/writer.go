package copydata

// AppendRecord appends one record, line ending included, to dst. A nil field is NULL; a
// non-nil empty one is the empty string.
func (o *Options) AppendRecord(dst []byte, fields [][]byte) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, o.Delimiter)
		}
		switch {
		case f == nil:
			dst = append(dst, o.Null...)
		case o.CSV:
			dst = o.appendCSV(dst, f, forced(o.ForceQuote, i))
		default:
			dst = o.appendText(dst, f)
		}
	}
	return append(dst, '\n')
}

// AppendHeader appends the column names as a header record.
func (o *Options) AppendHeader(dst []byte, names []string) []byte {
	fields := make([][]byte, len(names))
	for i, n := range names {
		fields[i] = []byte(n)
	}
	plain := *o
	plain.ForceQuote = nil // the names are quoted only where they must be
	return plain.AppendRecord(dst, fields)
}

func (o *Options) appendText(dst, f []byte) []byte {
	for _, c := range f {
		switch c {
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\v':
			dst = append(dst, '\\', 'v')
		case '\\', o.Delimiter:
			dst = append(dst, '\\', c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendCSV quotes a value when it could otherwise be misread: it holds the delimiter, a
// quote, a line break, equals the NULL string, or is the \. end marker.
func (o *Options) appendCSV(dst, f []byte, force bool) []byte {
	needQuote := force || string(f) == o.Null || isEndMarker(f)
	for _, c := range f {
		if c == o.Delimiter || c == o.Quote || c == o.Escape || c == '\n' || c == '\r' {
			needQuote = true
			break
		}
	}
	if !needQuote {
		return append(dst, f...)
	}
	dst = append(dst, o.Quote)
	for _, c := range f {
		if c == o.Quote || c == o.Escape {
			dst = append(dst, o.Escape)
		}
		dst = append(dst, c)
	}
	return append(dst, o.Quote)
}

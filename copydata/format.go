package copydata

import (
	"fmt"
	"unicode/utf8"
)

// Options describe one COPY data format. The zero value is PostgreSQL's default text format
// once Normalize has filled in the defaults.
type Options struct {
	CSV       bool
	Delimiter byte   // default tab (text) or comma (CSV)
	Null      string // default \N (text) or the empty string (CSV)
	Quote     byte   // CSV only; default "
	Escape    byte   // CSV only; default the quote character
	Header    bool   // the first line is a header: skipped on input, written on output
	// CSV's FORCE options, by field (column of the COPY) number: ForceQuote quotes a
	// field's non-NULL values on output; on input ForceNotNull never reads a field as NULL
	// (a value matching the NULL string is that string), ForceNull reads a field whose
	// value, quoted or not, matches the NULL string as NULL.
	ForceQuote, ForceNotNull, ForceNull []bool
	nullSet                             bool
}

// forced reports whether flags marks field i.
func forced(flags []bool, i int) bool { return i < len(flags) && flags[i] }

// SetNull sets the NULL string explicitly (the empty string is a valid choice, so the zero
// value cannot mean "unset").
func (o *Options) SetNull(s string) { o.Null, o.nullSet = s, true }

// Normalize fills in defaults and rejects the combinations PostgreSQL rejects. Its errors
// are the user's: they name the offending option.
func (o *Options) Normalize() error {
	if o.Delimiter == 0 {
		o.Delimiter = '\t'
		if o.CSV {
			o.Delimiter = ','
		}
	}
	if !o.nullSet {
		o.Null = `\N`
		if o.CSV {
			o.Null = ""
		}
		o.nullSet = true
	}
	if o.CSV {
		if o.Quote == 0 {
			o.Quote = '"'
		}
		if o.Escape == 0 {
			o.Escape = o.Quote
		}
		if o.Delimiter == o.Quote {
			return fmt.Errorf("COPY delimiter and quote must be different")
		}
	} else if o.Quote != 0 || o.Escape != 0 {
		return fmt.Errorf("COPY quote and escape are available only in CSV mode")
	}
	switch o.Delimiter {
	case '\r', '\n':
		return fmt.Errorf("COPY delimiter cannot be newline or carriage return")
	case '\\':
		if !o.CSV {
			return fmt.Errorf("COPY delimiter cannot be backslash in text format")
		}
	}
	if o.Delimiter >= utf8.RuneSelf {
		return fmt.Errorf("COPY delimiter must be a single one-byte character")
	}
	for i := 0; i < len(o.Null); i++ {
		if o.Null[i] == '\r' || o.Null[i] == '\n' {
			return fmt.Errorf("COPY null representation cannot use newline or carriage return")
		}
	}
	return nil
}

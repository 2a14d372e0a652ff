package copydata

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader in both formats: it must return records or
// an error, never panic, and whatever it reads must survive a write and a second read.
func FuzzReader(f *testing.F) {
	for _, s := range []string{"1\ta\n", "\\N\t\\x41\\101\n", "\"a\"\"b\",,\"\"\n", "\"open\n", "a\\", "\\.\n", "x,\"y\nz\"\r\n"} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		opts := Options{CSV: csv}
		if err := opts.Normalize(); err != nil {
			t.Fatal(err)
		}
		var records [][][]byte
		r := NewReader(bytes.NewReader(data), opts)
		for {
			fields, err := r.Read()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					var fe *FormatError
					if !errors.As(err, &fe) {
						t.Fatalf("error of type %T: %v", err, err)
					}
				}
				break
			}
			rec := make([][]byte, len(fields))
			for i, fl := range fields {
				if !fl.Null {
					rec[i] = append([]byte{}, fl.Value...)
				}
			}
			records = append(records, rec)
		}
		var out []byte
		for _, rec := range records {
			out = opts.AppendRecord(out, rec)
		}
		r2 := NewReader(bytes.NewReader(out), opts)
		for i, rec := range records {
			fields, err := r2.Read()
			if err != nil {
				t.Fatalf("re-reading record %d: %v\n%q", i, err, out)
			}
			if len(fields) != len(rec) {
				t.Fatalf("record %d: %d fields, want %d\n%q", i, len(fields), len(rec), out)
			}
			for j, fl := range fields {
				if fl.Null != (rec[j] == nil) || !bytes.Equal(fl.Value, rec[j]) {
					t.Fatalf("record %d field %d: got %+v, want %q\n%q", i, j, fl, rec[j], out)
				}
			}
		}
	})
}

package sql

// maxFormatPicture is the longest to_char/to_number/to_date/to_timestamp picture PostgreSQL
// takes: it parses one into (len+1) 16-byte FormatNodes, an allocation that must stay under
// MaxAllocSize (1 GiB - 1), so a picture of 64 MiB fails before any work. drove used to take
// any picture, spending a second per million characters without noticing a cancel and
// memory several times the picture's size (to_char(now(), repeat('YYYY', 1e8)) held 3 GB).
const maxFormatPicture = (maxAlloc+1)/16 - 1

// checkFormatPicture refuses a picture PostgreSQL could not allocate. PostgreSQL's error is
// XX000 "invalid memory alloc request size"; the picture is the client's, so drove says 54000
// (program_limit_exceeded) with the same message.
func checkFormatPicture(f string) error {
	if len(f) >= maxFormatPicture {
		return Errorf("54000", "invalid memory alloc request size %d", (int64(len(f))+1)*16)
	}
	return nil
}

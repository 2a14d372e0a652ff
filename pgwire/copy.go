package pgwire

import (
	"fmt"
	"io"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// COPY runs inside a simple Query or an Execute (which runs it to completion, whatever its
// row limit): the session asks the output for the client's data (CopyIn) or for a place to
// send records (CopyOut), and pgwire switches the connection into the COPY sub-protocol for
// as long as the statement runs. In the extended protocol the client's data follows the
// Execute (tokio-postgres sends the Sync before it: ignored during COPY, as PostgreSQL
// does); data left after the statement ended is ignored by the message loop up to the Sync.

// copyIn reads the client's CopyData messages until CopyDone or CopyFail.
type copyIn struct {
	be     *pgproto3.Backend
	data   []byte
	done   bool  // CopyDone, CopyFail or another message seen: the connection is back in normal mode
	broken bool  // reading failed: the byte stream cannot be trusted
	err    error // what the client's side of the COPY ended with, io.EOF when it went well
}

func (r *copyIn) Read(p []byte) (int, error) {
	for len(r.data) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		r.receive()
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// receive takes one message: data, the end of the data, or a protocol violation.
func (r *copyIn) receive() {
	msg, err := r.be.Receive()
	if err != nil {
		r.broken, r.err = true, err
		return
	}
	switch m := msg.(type) {
	case *pgproto3.CopyData:
		r.data = m.Data // valid until the next Receive, which Read does only once it is consumed
	case *pgproto3.CopyDone:
		r.done, r.err = true, io.EOF
	case *pgproto3.CopyFail:
		r.done, r.err = true, &sql.Error{Code: "57014", Message: "COPY from stdin failed: " + m.Message}
	case *pgproto3.Flush, *pgproto3.Sync:
		// PostgreSQL ignores these during COPY FROM STDIN, for clients that send them anyway.
	default:
		// PostgreSQL raises this before reading the message's body and so must end the
		// connection (protocol synchronization was lost); pgproto3 has read the whole
		// message, the stream is in step, so the COPY fails and the connection goes on, its
		// later CopyData/CopyDone/CopyFail ignored by the loop as PostgreSQL does after an error.
		r.done = true
		r.err = &sql.Error{Code: "08P01", Message: fmt.Sprintf("unexpected message type 0x%02X during COPY from stdin", messageType(m))}
	}
}

// messageType is the type byte a frontend message is sent with.
func messageType(m pgproto3.FrontendMessage) byte {
	b, err := m.Encode(nil)
	if err != nil || len(b) == 0 {
		return 0
	}
	return b[0]
}

// drain discards the rest of the client's data after the statement ended early, so the
// next message read is the client's next command.
func (r *copyIn) drain() {
	for !r.done && !r.broken {
		r.data = nil
		r.receive()
	}
}

// endCopyIn ends an Execute's COPY FROM STDIN; false means the connection must close (the
// stream broke). Data the statement left unread is ignored by the message loop up to the
// Sync, as PostgreSQL ignores it.
func (c *conn) endCopyIn() bool {
	in := c.out.copyIn
	if in == nil {
		return true
	}
	c.out.copyIn = nil
	if !in.broken {
		return true
	}
	if e := toSQLError(in.err); e.Code == "08P01" {
		c.fatal(e)
	}
	return false
}

// CopyIn implements sql.CopyStream.
func (o *output) CopyIn(ncols int, binary bool) (io.Reader, error) {
	o.started = true
	if !o.copying {
		return nil, &sql.Error{Code: "0A000", Message: "COPY FROM STDIN cannot run in a portal read a few rows at a time"}
	}
	if prev := o.copyIn; prev != nil && !prev.done {
		// An earlier COPY FROM STDIN of the same Query stopped at its \. line: the rest of
		// its data, up to the client's CopyDone, precedes this COPY's.
		prev.drain()
		if prev.broken {
			return nil, prev.err
		}
		if e, ok := prev.err.(*sql.Error); ok && e.Code == "08P01" { //nolint:errorlint // set by receive, never wrapped
			return nil, e
		}
	}
	o.be.Send(&pgproto3.CopyInResponse{OverallFormat: format(binary), ColumnFormatCodes: formats(ncols, binary)})
	if err := o.be.Flush(); err != nil {
		return nil, err
	}
	o.copyIn = &copyIn{be: o.be}
	return o.copyIn, nil
}

// CopyOut implements sql.CopyStream.
func (o *output) CopyOut(ncols int, binary bool) (io.Writer, error) {
	o.started = true
	if !o.copying {
		return nil, &sql.Error{Code: "0A000", Message: "COPY TO STDOUT cannot run in a portal read a few rows at a time"}
	}
	o.be.Send(&pgproto3.CopyOutResponse{OverallFormat: format(binary), ColumnFormatCodes: formats(ncols, binary)})
	o.copyingOut = true
	return copyOut{o}, nil
}

func format(binary bool) byte {
	if binary {
		return 1
	}
	return 0
}

func formats(ncols int, binary bool) []uint16 {
	f := make([]uint16, ncols)
	for i := range f {
		f[i] = uint16(format(binary))
	}
	return f
}

// copyOut sends each Write as one CopyData message, flushing like result rows do.
type copyOut struct{ o *output }

func (w copyOut) Write(p []byte) (int, error) {
	w.o.be.Send(&pgproto3.CopyData{Data: p})
	w.o.pending++
	if w.o.pending >= flushRows {
		w.o.pending = 0
		if err := w.o.be.Flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

package pgwire

import (
	"io"
	"reflect"

	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/drovedb/drove/sql"
)

// A message whose length framed it correctly but whose body does not decode (a Bind whose
// parameter length is negative or runs past the message, a Query without its terminating
// NUL) was read whole: the stream is still in step, so, as in PostgreSQL, it is an ERROR
// (08P01) and the connection goes on, where a bad length or message type ends it.

var pgproto3Path = reflect.TypeFor[pgproto3.Query]().PkgPath()

// malformedBody reports which message err says was read whole but did not decode: pgproto3
// returns its unexported invalidMessageFormatErr or invalidMessageLenErr, naming the message,
// only after it has consumed the message's body; a bare io.EOF comes only from a body.
func malformedBody(err error) (string, bool) {
	if err == io.EOF { //nolint:errorlint // pgproto3 turns the stream's io.EOF into io.ErrUnexpectedEOF
		// Parse and Execute return their body's reader's io.EOF for a missing NUL.
		return "Parse or Execute", true
	}
	v := reflect.ValueOf(err)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return "", false
	}
	v = v.Elem()
	t := v.Type()
	if t.PkgPath() != pgproto3Path || t.Name() != "invalidMessageFormatErr" && t.Name() != "invalidMessageLenErr" {
		return "", false
	}
	if f := v.FieldByName("messageType"); f.Kind() == reflect.String {
		return f.String(), true
	}
	return "", false
}

// malformed answers a message read whole with a body that does not decode: handled is
// false for any other error, alive whether the connection goes on. skipToSync is the extended
// protocol's state, which an error in an extended-protocol message sets.
func (c *conn) malformed(err error, skipToSync *bool) (handled, alive bool) {
	kind, ok := malformedBody(err)
	if !ok {
		return false, false
	}
	e := &sql.Error{Code: "08P01", Message: "invalid message format", Detail: err.Error()}
	switch kind {
	case "Query":
		c.session.Abort()
		c.be.Send(errorResponse("ERROR", e))
		c.sendNotes()
		c.be.Send(&pgproto3.ReadyForQuery{TxStatus: c.session.TxStatus()})
	case "Parse", "Bind", "Describe", "Execute", "Close", "Parse or Execute":
		if !*skipToSync {
			c.session.Abort()
			*skipToSync = true
			c.be.Send(errorResponse("ERROR", e))
		}
	case "CopyFail", "CopyDone":
		// Outside a COPY these are ignored, as in the loop.
	default:
		return false, false
	}
	return true, c.be.Flush() == nil
}

package pgwire

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
)

// scramMechanism is the one SASL mechanism offered. SCRAM-SHA-256-PLUS needs TLS to bind to.
const scramMechanism = "SCRAM-SHA-256"

// authenticate runs SCRAM-SHA-256 for user against creds, or a decoy exchange when creds is
// nil (an unknown user), which fails the same way a wrong password does: the client cannot
// tell which users exist. It reports whether the client proved it knows the password; when
// not, the client has been told why (28P01 for a wrong proof, 08P01 for a malformed message,
// as PostgreSQL answers), unless it left or ran out of time.
func (c *conn) authenticate(user string, creds *scram.StoredCredentials) bool {
	if creds == nil {
		decoy := scram.StoredCredentials{KeyFactors: scram.KeyFactors{Salt: randomString(16), Iters: 4096},
			StoredKey: []byte(randomString(32)), ServerKey: []byte(randomString(32))}
		creds = &decoy
	}
	server, err := scram.SHA256.NewServer(func(string) (scram.StoredCredentials, error) {
		// The SCRAM user name is empty from PostgreSQL clients: the startup message's counts.
		return *creds, nil
	})
	if err != nil {
		c.fatal(&sql.Error{Code: "XX000", Message: err.Error()})
		return false
	}
	conv := server.NewConversation()

	c.be.Send(&pgproto3.AuthenticationSASL{AuthMechanisms: []string{scramMechanism}})
	body, ok := c.saslMessage()
	if !ok {
		return false
	}
	mechanism, clientFirst, err := parseSASLInitialResponse(body)
	if err != nil {
		c.fatal(&sql.Error{Code: "08P01", Message: "invalid SASLInitialResponse: " + err.Error()})
		return false
	}
	if mechanism != scramMechanism {
		c.fatal(&sql.Error{Code: "08P01", Message: "client selected an invalid SASL authentication mechanism",
			Detail: fmt.Sprintf("Mechanism %q is not %s.", mechanism, scramMechanism)})
		return false
	}
	serverFirst, err := conv.Step(string(clientFirst))
	if err != nil {
		c.fatal(malformedSCRAM(err))
		return false
	}
	c.be.Send(&pgproto3.AuthenticationSASLContinue{Data: []byte(serverFirst)})
	if body, ok = c.saslMessage(); !ok {
		return false
	}
	serverFinal, err := conv.Step(string(body))
	switch {
	case serverFinal == scram.ErrInvalidProof || err == nil && !conv.Valid():
		c.fatal(&sql.Error{Code: "28P01", Message: fmt.Sprintf("password authentication failed for user %q", user)})
		return false
	case err != nil:
		c.fatal(malformedSCRAM(err))
		return false
	}
	c.be.Send(&pgproto3.AuthenticationSASLFinal{Data: []byte(serverFinal)})
	return true
}

// saslMessage flushes what was sent and reads the client's next SASL message ('p'), raw: the
// SASLInitialResponse is parsed here, strictly, because pgproto3 ignores its length field.
// false means the connection must close (the client has been told why).
func (c *conn) saslMessage() ([]byte, bool) {
	if c.be.Flush() != nil {
		return nil, false
	}
	// Under SASLContinue pgproto3 hands a 'p' message over undecoded as a SASLResponse.
	if err := c.be.SetAuthType(pgproto3.AuthTypeSASLContinue); err != nil {
		c.fatal(&sql.Error{Code: "XX000", Message: err.Error()})
		return nil, false
	}
	msg, err := c.be.Receive()
	if err != nil {
		c.readFailed(err, "invalid SASL message")
		return nil, false
	}
	m, ok := msg.(*pgproto3.SASLResponse)
	if !ok {
		c.fatal(&sql.Error{Code: "08P01", Message: fmt.Sprintf("expected SASL response, got %T", msg)})
		return nil, false
	}
	return m.Data, true
}

// parseSASLInitialResponse splits a SASLInitialResponse body: the mechanism name, NUL, an
// int32 length and exactly that many bytes of data. The length -1 (no initial data) is
// refused: SCRAM begins with the client's message, and every client sends it here.
func parseSASLInitialResponse(body []byte) (mechanism string, data []byte, err error) {
	i := bytes.IndexByte(body, 0)
	if i < 0 {
		return "", nil, errors.New("no mechanism name")
	}
	mechanism, body = string(body[:i]), body[i+1:]
	if len(body) < 4 {
		return "", nil, errors.New("no data length")
	}
	n := int32(binary.BigEndian.Uint32(body))
	if data = body[4:]; n < 0 || int(n) != len(data) {
		return "", nil, fmt.Errorf("data length %d, but %d bytes follow", n, len(data))
	}
	return mechanism, data, nil
}

// malformedSCRAM is PostgreSQL's answer to a SCRAM message it cannot parse or accept.
func malformedSCRAM(err error) *sql.Error {
	return &sql.Error{Code: "08P01", Message: "malformed SCRAM message", Detail: err.Error()}
}

func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return string(b)
}

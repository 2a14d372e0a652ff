package pgwire

import (
	"crypto/rand"
	"fmt"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
)

// scramMechanism is the one SASL mechanism offered. SCRAM-SHA-256-PLUS needs TLS to bind to.
const scramMechanism = "SCRAM-SHA-256"

// authenticate runs SCRAM-SHA-256 for user against creds, or a decoy exchange when creds is
// nil (an unknown user), which fails the same way a wrong password does: the client cannot
// tell which users exist. It reports whether the client proved it knows the password.
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
	failed := func() bool {
		c.fatal(&sql.Error{Code: "28P01", Message: fmt.Sprintf("password authentication failed for user %q", user)})
		return false
	}

	c.be.Send(&pgproto3.AuthenticationSASL{AuthMechanisms: []string{scramMechanism}})
	if c.be.Flush() != nil {
		return false
	}
	if err := c.be.SetAuthType(pgproto3.AuthTypeSASL); err != nil {
		return false
	}
	msg, err := c.be.Receive()
	if err != nil {
		return false
	}
	first, ok := msg.(*pgproto3.SASLInitialResponse)
	if !ok {
		c.fatal(&sql.Error{Code: "08P01", Message: fmt.Sprintf("expected SASLInitialResponse, got %T", msg)})
		return false
	}
	if first.AuthMechanism != scramMechanism {
		c.fatal(&sql.Error{Code: "28000", Message: fmt.Sprintf("SASL mechanism %q is not supported; use %s", first.AuthMechanism, scramMechanism)})
		return false
	}
	serverFirst, err := conv.Step(string(first.Data))
	if err != nil {
		return failed()
	}
	c.be.Send(&pgproto3.AuthenticationSASLContinue{Data: []byte(serverFirst)})
	if c.be.Flush() != nil {
		return false
	}
	if err := c.be.SetAuthType(pgproto3.AuthTypeSASLContinue); err != nil {
		return false
	}
	if msg, err = c.be.Receive(); err != nil {
		return false
	}
	final, ok := msg.(*pgproto3.SASLResponse)
	if !ok {
		c.fatal(&sql.Error{Code: "08P01", Message: fmt.Sprintf("expected SASLResponse, got %T", msg)})
		return false
	}
	serverFinal, err := conv.Step(string(final.Data))
	if err != nil || !conv.Valid() {
		return failed()
	}
	c.be.Send(&pgproto3.AuthenticationSASLFinal{Data: []byte(serverFinal)})
	return true
}

func randomString(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return string(b)
}

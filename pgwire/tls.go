package pgwire

import (
	"context"
	"crypto/tls"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// tlsHandshakeTimeout bounds the handshake, within the whole startup's AuthenticationTimeout.
const tlsHandshakeTimeout = 10 * time.Second

// startTLS answers an SSLRequest: 'N' without a certificate, else 'S' and a TLS handshake,
// after which the startup continues over TLS. false means the connection must close.
func (c *conn) startTLS(ctx context.Context) bool {
	if c.srv.cfg.TLS == nil {
		_, err := c.nc.Write([]byte{'N'})
		return err == nil
	}
	if _, err := c.nc.Write([]byte{'S'}); err != nil {
		return false
	}
	tc := tls.Server(c.nc, c.srv.cfg.TLS)
	hctx, cancel := context.WithTimeout(ctx, tlsHandshakeTimeout)
	defer cancel()
	if err := tc.HandshakeContext(hctx); err != nil {
		c.log.Debug("TLS handshake failed", "err", err)
		return false
	}
	c.nc, c.tls = tc, true
	c.be = pgproto3.NewBackend(tc, tc)
	c.be.SetMaxBodyLen(c.startupMaxBody())
	return true
}

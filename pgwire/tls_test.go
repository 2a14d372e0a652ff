package pgwire

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// selfSigned returns a certificate for 127.0.0.1, made for the test.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "drove test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		DNSNames:     []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func TestTLS(t *testing.T) {
	cert := selfSigned(t)
	_, withTLS := startServer(t, func(c *Config) { c.TLS = &tls.Config{Certificates: []tls.Certificate{cert}} })
	_, without := startServer(t)
	mode := func(url, m string) string { return url[:len(url)-len("disable")] + m }
	cases := []struct {
		name, url string
		wantTLS   bool
		wantErr   bool
	}{
		{"required and offered", mode(withTLS, "require"), true, false},
		{"preferred and offered", mode(withTLS, "prefer"), true, false},
		{"not asked for", withTLS, false, false},
		{"required, not offered", mode(without, "require"), false, true},
		{"preferred, not offered", mode(without, "prefer"), false, false},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pgconn.Connect(ctx, tc.url)
			if tc.wantErr {
				if err == nil {
					c.Close(ctx)
					t.Fatal("connected in the clear though TLS was required")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			if _, isTLS := c.Conn().(*tls.Conn); isTLS != tc.wantTLS {
				t.Fatalf("TLS = %v, want %v", isTLS, tc.wantTLS)
			}
			rows, err := c.Exec(ctx, "rows").ReadAll()
			if err != nil || len(rows) != 1 || len(rows[0].Rows) == 0 {
				t.Fatalf("query over the connection: %v %v", rows, err)
			}
		})
	}
}

package clusternet

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testCA is a throwaway certificate authority.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	path string // PEM of cert
}

func newCA(t testing.TB, dir, name string) *testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	ca := &testCA{cert: cert, key: key, path: filepath.Join(dir, name+".pem")}
	writePEM(t, ca.path, "CERTIFICATE", der)
	return ca
}

// issue writes a node certificate (serverAuth and clientAuth) and key signed by ca.
func (ca *testCA) issue(t testing.TB, dir, node string) *TLSFiles {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: node},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	kd, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	f := &TLSFiles{Cert: filepath.Join(dir, node+".crt"), Key: filepath.Join(dir, node+".key"), CA: ca.path}
	writePEM(t, f.Cert, "CERTIFICATE", der)
	writePEM(t, f.Key, "EC PRIVATE KEY", kd)
	return f
}

func writePEM(t testing.TB, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func listenTLS(t testing.TB, node string, files *TLSFiles) *Mux {
	t.Helper()
	m, err := Listen(Config{NodeID: node, Addr: "127.0.0.1:0", TLS: files, Logger: quiet, HandshakeTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	m.Handle("echo", echo)
	return m
}

func TestMutualTLS(t *testing.T) {
	dir := t.TempDir()
	ca, other := newCA(t, dir, "cluster-ca"), newCA(t, dir, "other-ca")
	n1 := listenTLS(t, "n1", ca.issue(t, dir, "n1"))
	n2 := listenTLS(t, "n2", ca.issue(t, dir, "n2"))
	// A node whose certificate another CA signed, trusting that CA only.
	rogue := listenTLS(t, "rogue", other.issue(t, dir, "rogue"))
	// A node with the other CA's certificate that trusts the cluster CA: its client cert is
	// what the cluster must refuse.
	mixed := other.issue(t, dir, "mixed")
	mixed.CA = ca.path
	mix := listenTLS(t, "mixed", mixed)
	plain := newMuxes(t, 1, nil, nil)[0]

	ctx := context.Background()
	c := dialEcho(t, n1, n2)
	if got, err := roundTrip(c, "over tls"); err != nil || got != "n1: over tls" {
		t.Fatalf("TLS echo: %q, %v", got, err)
	}
	tests := []struct {
		name     string
		from, to *Mux
	}{
		{"cluster node dials a foreign-CA node", n1, rogue},
		{"foreign-CA node dials a cluster node", rogue, n1},
		{"foreign cert trusting the cluster CA", mix, n1},
		{"plain mux dials a TLS port", plain, n1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.from.Dial(ctx, tt.to.Addr(), "echo")
			if err == nil {
				c.Close()
				t.Fatal("dial succeeded")
			}
			t.Log(err)
		})
	}
	t.Run("raw plain TCP to a TLS port", func(t *testing.T) {
		raw, err := net.Dial("tcp", n1.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		hb, _ := header{kindService, "echo", "n9"}.encode()
		if _, err := raw.Write(append(hb, "hello\n"...)); err != nil {
			t.Fatal(err)
		}
		_ = raw.SetReadDeadline(time.Now().Add(5 * time.Second))
		got, _ := io.ReadAll(raw)
		if len(got) > 0 && got[0] != 0x15 { // at most a TLS alert record
			t.Fatalf("TLS port answered plain TCP with %q", got)
		}
	})
	t.Run("missing files", func(t *testing.T) {
		for _, f := range []TLSFiles{{Cert: "x"}, {Cert: "/nonexistent", Key: "/nonexistent", CA: ca.path}} {
			if _, err := Listen(Config{NodeID: "n", Addr: "127.0.0.1:0", TLS: &f}); err == nil {
				t.Fatalf("Listen with TLS files %+v: want an error", f)
			}
		}
	})
}

// TestRaftOverTLS: a group elects and replicates over mutual TLS.
func TestRaftOverTLS(t *testing.T) {
	dir := t.TempDir()
	ca := newCA(t, dir, "ca")
	var ms []*Mux
	for _, n := range []string{"n1", "n2", "n3"} {
		ms = append(ms, listenTLS(t, n, ca.issue(t, dir, n)))
	}
	var ns []*node
	for _, m := range ms {
		ns = append(ns, startRaft(t, m, "tls", servers(ms)))
	}
	apply(t, ns, 4)
	for _, n := range ns {
		waitCount(t, n, 4)
	}
}

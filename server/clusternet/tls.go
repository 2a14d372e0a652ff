package clusternet

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
)

// checkAddr refuses to listen on a non-loopback address in plain TCP unless told to: the
// cluster port carries every write and the internal RPCs, with no other authentication.
func checkAddr(addr string, hasTLS, insecure bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("clusternet: cluster address %q: %w", addr, err)
	}
	if hasTLS || insecure || isLoopback(host) {
		return nil
	}
	return fmt.Errorf("clusternet: refusing to listen on non-loopback cluster address %q without TLS: "+
		"give --cluster-tls-cert, --cluster-tls-key and --cluster-tls-ca for mutual TLS between nodes, "+
		"or --cluster-insecure to accept unauthenticated plain TCP", addr)
}

// isLoopback reports whether host names only the loopback interface. An empty host (all
// interfaces) and names other than localhost are not loopback.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loadTLS builds both sides of mutual TLS 1.3 from PEM files. The cluster CA is the trust root:
// a peer is a cluster node when its certificate chains to the CA, so node certificates carry
// both the serverAuth and clientAuth extended key usages (each node dials and accepts). Host
// names are not checked (nodes are dialed by whatever address the catalog holds, and a private
// CA signs only cluster nodes).
func loadTLS(f TLSFiles) (server, client *tls.Config, err error) {
	if f.Cert == "" || f.Key == "" || f.CA == "" {
		return nil, nil, errors.New("clusternet: cluster TLS needs all of --cluster-tls-cert, --cluster-tls-key and --cluster-tls-ca")
	}
	cert, err := tls.LoadX509KeyPair(f.Cert, f.Key)
	if err != nil {
		return nil, nil, fmt.Errorf("clusternet: cluster TLS certificate: %w", err)
	}
	pem, err := os.ReadFile(f.CA)
	if err != nil {
		return nil, nil, fmt.Errorf("clusternet: cluster TLS CA: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, nil, fmt.Errorf("clusternet: cluster TLS CA %s: no PEM certificate found", f.CA)
	}
	server = &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{cert},
		ClientCAs:    pool,
		ClientAuth:   tls.RequireAndVerifyClientCert,
	}
	client = &tls.Config{
		MinVersion:   tls.VersionTLS13,
		Certificates: []tls.Certificate{cert},
		// The chain is verified below, against the cluster CA, without a host name check;
		// InsecureSkipVerify only turns off Go's built-in check that includes the host name.
		InsecureSkipVerify: true, //nolint:gosec // verified in VerifyConnection
		VerifyConnection: func(cs tls.ConnectionState) error {
			return verifyPeer(cs, pool)
		},
	}
	return server, client, nil
}

// verifyPeer checks that the server's certificate chains to the cluster CA.
func verifyPeer(cs tls.ConnectionState, roots *x509.CertPool) error {
	if len(cs.PeerCertificates) == 0 {
		return errors.New("clusternet: peer sent no certificate")
	}
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := cs.PeerCertificates[0].Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: inter, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if err != nil {
		return fmt.Errorf("clusternet: peer certificate not signed by the cluster CA: %w", err)
	}
	return nil
}

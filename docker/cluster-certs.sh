#!/bin/sh
# Makes a private CA and a certificate for each node, for mutual TLS on the cluster port
# (--cluster-tls-cert/--cluster-tls-key/--cluster-tls-ca):
#
#   docker/cluster-certs.sh docker/certs n1 n2 n3
#   docker-compose -f docker/compose.yaml -f docker/compose.tls.yaml up -d
#
# drove accepts a peer whose certificate chains to the CA (host names are not checked), so
# each node's certificate carries both serverAuth and clientAuth: a node dials and accepts.
# Keep ca.key away from the nodes; it signs new members. Existing files are not replaced.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 DIR NODE..." >&2; exit 2; }
dir=$1
shift
mkdir -p "$dir"
cd "$dir"
umask 077
if [ ! -f ca.key ]; then
	openssl ecparam -name prime256v1 -genkey -noout -out ca.key
	openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/CN=drove cluster CA" -out ca.crt
fi
for node in "$@"; do
	[ -f "$node.crt" ] && continue
	openssl ecparam -name prime256v1 -genkey -noout -out "$node.key"
	openssl req -new -key "$node.key" -subj "/CN=$node" -out "$node.csr"
	printf 'subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n' "$node" >"$node.ext"
	openssl x509 -req -in "$node.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 825 \
		-extfile "$node.ext" -out "$node.crt" 2>/dev/null
	rm -f "$node.csr" "$node.ext"
done
# The image runs as root; the keys stay readable by their owner only.
chmod 644 ca.crt ./*.crt
echo "certificates for $* in $dir"

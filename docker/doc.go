// Package docker holds the container image of a drove node: Dockerfile builds a FROM
// scratch image around the static binary that `make docker` puts next to it, and
// compose.yaml runs three nodes of it as a cluster (docker-compose -f docker/compose.yaml up;
// compose.tls.yaml and cluster-certs.sh add mutual TLS between them).
// It has no Go code; e2e's TestDockerImage tests the image and TestDockerCompose the
// compose file.
package docker

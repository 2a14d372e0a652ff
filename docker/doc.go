// Package docker holds the container image of a drove node: Dockerfile builds a FROM
// scratch image around the static binary that `make docker` puts next to it. It has no Go
// code; the image is tested by e2e's TestDockerImage.
package docker

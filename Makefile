.PHONY: build test bench fuzz vet docker

# drove version prints these; a plain go build falls back to the toolchain's vcs stamp.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
OUT ?= bin/drove

build:
	go build -ldflags "$(LDFLAGS)" -o $(OUT) ./cmd/drove

test:
	go test ./...

vet:
	go vet ./...

bench:
	go test ./tablespace ./wal ./checkpoint ./sql -run '^$$' -bench . -benchmem

fuzz:
	go test ./wal -run '^$$' -fuzz FuzzDecode -fuzztime 60s
	go test ./checkpoint -run '^$$' -fuzz FuzzUnmarshalManifest -fuzztime 60s
	go test ./types -run '^$$' -fuzz FuzzParseDateTime -fuzztime 60s

# drove:latest, a FROM scratch image of a static binary.
docker:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $(LDFLAGS)" -o docker/drove ./cmd/drove
	docker build -t drove:latest docker

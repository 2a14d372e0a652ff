.PHONY: build test bench fuzz vet docker

FUZZTIME ?= 60s

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

fuzz: # every parser of untrusted bytes, FUZZTIME each (default 60s)
	go test ./types -run '^$$' -fuzz '^FuzzParseDateTime$$' -fuzztime $(FUZZTIME)
	go test ./types -run '^$$' -fuzz '^FuzzUnmarshalSchema$$' -fuzztime $(FUZZTIME)
	go test ./sql -run '^$$' -fuzz '^FuzzExec$$' -fuzztime $(FUZZTIME)
	go test ./sql/lexer -run '^$$' -fuzz '^FuzzLex$$' -fuzztime $(FUZZTIME)
	go test ./copydata -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME)
	go test ./server/clusternet -run '^$$' -fuzz '^FuzzHeader$$' -fuzztime $(FUZZTIME)
	go test ./wal -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	go test ./checkpoint -run '^$$' -fuzz '^FuzzUnmarshalManifest$$' -fuzztime $(FUZZTIME)
	go test ./checkpoint -run '^$$' -fuzz '^FuzzReadPage$$' -fuzztime $(FUZZTIME)
	go test ./backup -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME)
	go test ./pgwire -run '^$$' -fuzz '^FuzzMessageLoop$$' -fuzztime $(FUZZTIME)
	go test ./pgwire -run '^$$' -fuzz '^FuzzSASL$$' -fuzztime $(FUZZTIME)
	go test ./pgwire -run '^$$' -fuzz '^FuzzDecodeParam$$' -fuzztime $(FUZZTIME)
	go test ./pgwire -run '^$$' -fuzz '^FuzzForwardHandshake$$' -fuzztime $(FUZZTIME)

# drove:latest, a FROM scratch image of a static binary.
docker:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $(LDFLAGS)" -o docker/drove ./cmd/drove
	docker build -t drove:latest docker

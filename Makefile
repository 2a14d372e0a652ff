.PHONY: build test bench fuzz vet docker

build:
	go build -o bin/drove ./cmd/drove

test:
	go test ./...

vet:
	go vet ./...

bench:
	go test ./tablespace ./wal ./checkpoint ./sql -run '^$$' -bench . -benchmem

fuzz:
	go test ./wal -run '^$$' -fuzz FuzzDecode -fuzztime 60s
	go test ./checkpoint -run '^$$' -fuzz FuzzUnmarshalManifest -fuzztime 60s

# drove:latest, a FROM scratch image of a static binary.
docker:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o docker/drove ./cmd/drove
	docker build -t drove:latest docker

.PHONY: build test bench fuzz vet

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

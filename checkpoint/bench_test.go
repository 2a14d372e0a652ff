package checkpoint

import (
	"bytes"
	"fmt"
	"testing"
)

func BenchmarkPageWriter(b *testing.B) {
	s, _ := OpenStore(b.TempDir())
	value := bytes.Repeat([]byte{'x'}, 100)
	key := make([]byte, 16)
	const perRun = 100000
	b.SetBytes(perRun * 116)
	for i := 0; i < b.N; i++ {
		w := s.NewPageWriter(DefaultPageSize)
		for j := 0; j < perRun; j++ {
			copy(key, fmt.Sprintf("%016d", j))
			if _, _, err := w.Add(key, value); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := w.Finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*perRun)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkPageRecord(b *testing.B) {
	s, _ := OpenStore(b.TempDir())
	w := s.NewPageWriter(DefaultPageSize)
	for j := 0; j < 5000; j++ {
		w.Add([]byte(fmt.Sprintf("%016d", j)), bytes.Repeat([]byte{'x'}, 100))
	}
	infos, _ := w.Finish()
	p, err := s.ReadPage(infos[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := p.Record(uint32(i % p.Len())); err != nil {
			b.Fatal(err)
		}
	}
}

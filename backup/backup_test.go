package backup

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
)

// source builds a page store with a few pages and a manifest naming them.
func source(t testing.TB) (*checkpoint.Manifest, *checkpoint.Store) {
	t.Helper()
	pages, err := checkpoint.OpenStore(filepath.Join(t.TempDir(), "pages"))
	if err != nil {
		t.Fatal(err)
	}
	w := pages.NewPageWriter(4 << 10)
	for i := range 300 {
		if _, _, err := w.Add(fmt.Appendf(nil, "key%05d", i), bytes.Repeat([]byte{byte(i)}, 40)); err != nil {
			t.Fatal(err)
		}
	}
	infos, err := w.Finish()
	if err != nil {
		t.Fatal(err)
	}
	schema := &types.Schema{Name: "t", Columns: []types.Column{{Name: "k", Type: types.Text, NotNull: true}}, PK: []int{0}}
	tm := checkpoint.TableManifest{Schema: types.MarshalSchema(schema)}
	for _, pi := range infos {
		tm.Pages = append(tm.Pages, checkpoint.PageRef{ID: pi.ID, Records: pi.Records})
	}
	return &checkpoint.Manifest{Seq: 3, RaftIndex: 42, NextPageID: pages.NextID(), Tables: []checkpoint.TableManifest{tm}}, pages
}

func archive(t testing.TB) []byte {
	t.Helper()
	m, pages := source(t)
	var buf bytes.Buffer
	info, err := Write(&buf, "sales", m, pages)
	if err != nil {
		t.Fatal(err)
	}
	if info.Pages < 2 || info.RaftIndex != 42 || !reflect.DeepEqual(info.Tables, []string{"t"}) {
		t.Fatalf("info %+v", info)
	}
	return buf.Bytes()
}

func restoreInto(t testing.TB, data []byte) (Info, *checkpoint.Manifest, *checkpoint.Store, error) {
	t.Helper()
	pages, err := checkpoint.OpenStore(filepath.Join(t.TempDir(), "pages"))
	if err != nil {
		t.Fatal(err)
	}
	info, m, err := Read(bytes.NewReader(data), pages)
	return info, m, pages, err
}

func TestRoundTrip(t *testing.T) {
	data := archive(t)
	info, m, pages, err := restoreInto(t, data)
	if err != nil {
		t.Fatal(err)
	}
	if info.Tablespace != "sales" || m.RaftIndex != 42 || m.Seq != 3 {
		t.Fatalf("info %+v manifest %+v", info, m)
	}
	for id := range m.PageIDs() {
		p, err := pages.ReadPage(id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Len() == 0 {
			t.Fatalf("page %d is empty", id)
		}
	}
	if pages.NextID() < m.NextPageID {
		t.Fatalf("allocator at %d, below the manifest's %d: new pages would collide", pages.NextID(), m.NextPageID)
	}
	got, err := ReadInfo(bytes.NewReader(data))
	if err != nil || got.Tablespace != "sales" {
		t.Fatalf("ReadInfo: %+v, %v", got, err)
	}
}

// rebuild re-packs an archive's entries after edit changes them (nil drops one).
func rebuild(t *testing.T, data []byte, edit func(name string, body []byte) []byte, extra ...string) []byte {
	t.Helper()
	zr, err := zstd.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out bytes.Buffer
	zw, _ := zstd.NewWriter(&out)
	tr, tw := tar.NewReader(zr), tar.NewWriter(zw)
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		var body bytes.Buffer
		body.ReadFrom(tr)
		b := edit(h.Name, body.Bytes())
		if b == nil {
			continue
		}
		tw.WriteHeader(&tar.Header{Name: h.Name, Mode: 0o644, Size: int64(len(b))})
		tw.Write(b)
	}
	for _, name := range extra {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: 1})
		tw.Write([]byte{0})
	}
	tw.Close()
	zw.Close()
	return out.Bytes()
}

func TestDamagedBackups(t *testing.T) {
	good := archive(t)
	firstPage := func(name string) bool { return strings.HasSuffix(name, "0000000000000001.page") }
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)/2], "not a valid drove backup"},
		{"empty", nil, "not a valid drove backup"},
		{"not zstd", []byte("PGDMP this is something else"), "not a valid drove backup"},
		{"flipped byte in the compressed stream", func() []byte {
			b := bytes.Clone(good)
			b[len(b)/2] ^= 0x40
			return b
		}(), ""},
		{"page corrupted inside", rebuild(t, good, func(name string, b []byte) []byte {
			if firstPage(name) {
				b[len(b)/2] ^= 1
			}
			return b
		}), "corrupt"},
		{"page missing", rebuild(t, good, func(name string, b []byte) []byte {
			if firstPage(name) {
				return nil
			}
			return b
		}), "pages the manifest names are missing"},
		{"extra entry", rebuild(t, good, func(_ string, b []byte) []byte { return b }, "pages/00000000000000ff.page"), "unexpected entry"},
		{"path escape", rebuild(t, good, func(_ string, b []byte) []byte { return b }, "pages/../../etc/passwd"), "unexpected entry"},
		{"future format", rebuild(t, good, func(name string, b []byte) []byte {
			if name == infoName {
				return bytes.Replace(b, []byte(`"format": 1`), []byte(`"format": 9`), 1)
			}
			return b
		}), "backup format 9"},
		{"manifest damaged", rebuild(t, good, func(name string, b []byte) []byte {
			if name == manifestName {
				b[len(b)-1] ^= 1
			}
			return b
		}), "manifest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := restoreInto(t, tt.data)
			if err == nil {
				t.Fatal("a damaged backup was accepted")
			}
			if tt.want != "" && !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q, want it to mention %q", err, tt.want)
			}
			if tt.want != "" && tt.want != "backup format 9" && !errors.Is(err, ErrInvalid) && !errors.Is(err, checkpoint.ErrCorrupt) {
				t.Fatalf("error %v is neither ErrInvalid nor ErrCorrupt", err)
			}
		})
	}
}

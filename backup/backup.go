package backup

import (
	"archive/tar"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/types"
)

// FormatVersion is the version of the archive layout this package writes and reads.
const FormatVersion = 1

const (
	infoName     = "drove-backup.json"
	manifestName = "manifest"
	pagePrefix   = "pages/"
	pageSuffix   = ".page"
	// maxEntry bounds any one file in an archive: pages are ~1 MiB, manifests smaller.
	maxEntry = 256 << 20
)

// Info describes a backup.
type Info struct {
	Format     int       `json:"format"`
	Tablespace string    `json:"tablespace"`
	RaftIndex  uint64    `json:"raft_index"`
	Created    time.Time `json:"created"`
	Tables     []string  `json:"tables"`
	Pages      int       `json:"pages"`
	PageBytes  int64     `json:"page_bytes"`
}

// ErrInvalid is wrapped by every error about a stream that is not a whole, undamaged backup.
var ErrInvalid = errors.New("not a valid drove backup")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Write writes the checkpoint m of tablespace name, reading its pages from pages.
func Write(w io.Writer, name string, m *checkpoint.Manifest, pages *checkpoint.Store) (Info, error) {
	info := Info{Format: FormatVersion, Tablespace: name, RaftIndex: m.RaftIndex, Created: time.Now().UTC()}
	for _, t := range m.Tables {
		s, err := types.UnmarshalSchema(t.Schema)
		if err != nil {
			return info, err
		}
		info.Tables = append(info.Tables, s.Name)
	}
	ids := make([]uint64, 0)
	for id := range m.PageIDs() {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	info.Pages = len(ids)

	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedFastest))
	if err != nil {
		return info, err
	}
	tw := tar.NewWriter(zw)
	meta, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return info, err
	}
	if err := writeEntry(tw, infoName, meta); err != nil {
		return info, err
	}
	if err := writeEntry(tw, manifestName, m.Marshal()); err != nil {
		return info, err
	}
	for _, id := range ids {
		n, err := copyPage(tw, pages, id)
		if err != nil {
			return info, err
		}
		info.PageBytes += n
	}
	if err := tw.Close(); err != nil {
		return info, err
	}
	return info, zw.Close()
}

func writeEntry(tw *tar.Writer, name string, data []byte) error {
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Format: tar.FormatPAX}); err != nil {
		return err
	}
	_, err := tw.Write(data)
	return err
}

func copyPage(tw *tar.Writer, pages *checkpoint.Store, id uint64) (int64, error) {
	f, err := pages.OpenPageFile(id)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: pageName(id), Mode: 0o644, Size: st.Size(), Format: tar.FormatPAX}); err != nil {
		return 0, err
	}
	return io.Copy(tw, f)
}

func pageName(id uint64) string { return fmt.Sprintf("%s%016x%s", pagePrefix, id, pageSuffix) }

// PageSink receives the pages of a backup being read; *checkpoint.Store is one.
type PageSink interface {
	// ImportPage verifies and stores one page file.
	ImportPage(id uint64, data []byte) error
	// SyncPages makes every imported page durable.
	SyncPages() error
}

// Read reads a backup, importing its pages into pages (verified as they arrive), and returns
// its Info and manifest once the whole stream has been checked.
func Read(r io.Reader, pages PageSink) (Info, *checkpoint.Manifest, error) {
	var info Info
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return info, nil, err
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	next := func(want string) (*tar.Header, []byte, error) {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, nil, invalid("the archive ends before %s", want)
		}
		if err != nil {
			return nil, nil, invalid("%v", err)
		}
		if h.Size < 0 || h.Size > maxEntry {
			return nil, nil, invalid("entry %q of %d bytes", h.Name, h.Size)
		}
		data := make([]byte, h.Size)
		if _, err := io.ReadFull(tr, data); err != nil {
			return nil, nil, invalid("entry %q: %v", h.Name, err)
		}
		return h, data, nil
	}
	h, data, err := next(infoName)
	if err != nil {
		return info, nil, err
	}
	if h.Name != infoName {
		return info, nil, invalid("it starts with %q, not %s", h.Name, infoName)
	}
	if err := json.Unmarshal(data, &info); err != nil {
		return info, nil, invalid("%s: %v", infoName, err)
	}
	if info.Format != FormatVersion {
		return info, nil, fmt.Errorf("backup format %d is not one this drove reads (it reads %d)", info.Format, FormatVersion)
	}
	h, data, err = next(manifestName)
	if err != nil {
		return info, nil, err
	}
	if h.Name != manifestName {
		return info, nil, invalid("entry %q where the manifest belongs", h.Name)
	}
	m, err := checkpoint.UnmarshalManifest(data)
	if err != nil {
		return info, nil, invalid("manifest: %v", err)
	}
	want := m.PageIDs()
	got := make(map[uint64]bool, len(want))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return info, nil, invalid("%v", err)
		}
		id, ok := parsePageName(h.Name)
		if _, named := want[id]; !ok || !named || got[id] {
			return info, nil, invalid("unexpected entry %q", h.Name)
		}
		if h.Size < 0 || h.Size > maxEntry {
			return info, nil, invalid("page %q of %d bytes", h.Name, h.Size)
		}
		data := make([]byte, h.Size)
		if _, err := io.ReadFull(tr, data); err != nil {
			return info, nil, invalid("page %q: %v", h.Name, err)
		}
		if err := pages.ImportPage(id, data); err != nil {
			return info, nil, invalid("%v", err)
		}
		got[id] = true
	}
	if len(got) != len(want) {
		return info, nil, invalid("%d of the %d pages the manifest names are missing", len(want)-len(got), len(want))
	}
	// The zstd checksum is verified when the frame ends; drain to reach it.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return info, nil, invalid("%v", err)
	}
	if err := pages.SyncPages(); err != nil {
		return info, nil, err
	}
	return info, m, nil
}

func parsePageName(name string) (uint64, bool) {
	base, ok := strings.CutPrefix(name, pagePrefix)
	if !ok || path.Base(name) != base {
		return 0, false
	}
	hex, ok := strings.CutSuffix(base, pageSuffix)
	if !ok || len(hex) != 16 {
		return 0, false
	}
	id, err := strconv.ParseUint(hex, 16, 64)
	return id, err == nil
}

// ReadInfo reads only the Info at the start of a backup.
func ReadInfo(r io.Reader) (Info, error) {
	var info Info
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return info, err
	}
	defer zr.Close()
	tr := tar.NewReader(zr)
	h, err := tr.Next()
	if err != nil || h.Name != infoName || h.Size < 0 || h.Size > maxEntry {
		return info, invalid("no %s at its start", infoName)
	}
	if err := json.NewDecoder(io.LimitReader(tr, h.Size)).Decode(&info); err != nil {
		return info, invalid("%s: %v", infoName, err)
	}
	return info, nil
}

package lincheck

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

func TestRecorderHistory(t *testing.T) {
	r := NewRecorder()
	w := r.Invoke(0, Write(1, 10)) // client 0, process 0
	r.Return(w, Result{Value: 99, OK: true})
	f := r.Invoke(0, Write(1, 11)) // certainly failed: dropped
	r.Fail(f)
	u := r.Invoke(0, CAS(1, 10, 12)) // unknown: open to the end, client 0's next op is process 1
	r.Unknown(u)
	ur := r.Invoke(1, Read(1)) // process 1; an unknown read is dropped
	r.Unknown(ur)
	rd := r.Invoke(0, Read(1)) // process 2
	r.Note(rd, "node n2")
	r.Return(rd, Result{Value: 12, Exists: true})
	r.Invoke(1, Write(2, 20)) // process 3, pending at the end: unknown

	hist := r.Operations()
	if len(hist) != 4 {
		t.Fatalf("got %d operations, want 4: %+v", len(hist), hist)
	}
	var end int64
	for _, o := range hist {
		end = max(end, o.Call)
		if o.Output.(Result).Unknown {
			continue
		}
		end = max(end, o.Return)
	}
	want := []struct {
		in      Op
		proc    int
		unknown bool
	}{
		{Write(1, 10), 0, false}, {CAS(1, 10, 12), 0, true}, {Read(1), 2, false}, {Write(2, 20), 3, true},
	}
	for i, o := range hist {
		w := want[i]
		out := o.Output.(Result)
		if o.Input != w.in || o.ClientId != w.proc || out.Unknown != w.unknown {
			t.Errorf("op %d: got %v proc %d %+v, want %v proc %d unknown %v", i, o.Input, o.ClientId, out, w.in, w.proc, w.unknown)
		}
		if out.Unknown && o.Return <= end {
			t.Errorf("op %d: unknown returns at %d, not after every other event (%d)", i, o.Return, end)
		}
	}
	if hist[2].Metadata != "node n2" {
		t.Errorf("note: got %v", hist[2].Metadata)
	}
	res, info := r.Check(0)
	if res != porcupine.Ok {
		t.Fatalf("got %s: %v", res, info)
	}
	if info.Ops != 6 || info.Checked != 4 || info.Unknown != 2 || info.Failed != 1 || info.Keys != 2 {
		t.Errorf("info: %+v", info)
	}
}

func TestRecorderFinishTwicePanics(t *testing.T) {
	r := NewRecorder()
	id := r.Invoke(0, Read(1))
	r.Return(id, Result{})
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	r.Unknown(id)
}

func TestRecorderIllegalWritesVisualization(t *testing.T) {
	r := NewRecorder()
	start := time.Now()
	id := r.Invoke(0, Write(1, 5))
	r.Return(id, Result{})
	id = r.Invoke(1, Read(2)) // key 2 is fine
	r.Return(id, Result{})
	id = r.Invoke(1, Read(1))
	r.Return(id, Result{Value: 4, Exists: true})
	r.Annotate("n1", "killed", start, time.Now())
	res, info := r.Check(time.Second)
	if res != porcupine.Illegal {
		t.Fatalf("got %s", res)
	}
	if len(info.IllegalKeys) != 1 || info.IllegalKeys[0] != 1 {
		t.Errorf("illegal keys: %v", info.IllegalKeys)
	}
	if info.Visualization == "" {
		t.Fatalf("no visualization: %v", info.VisualizationErr)
	}
	defer os.Remove(info.Visualization)
	html, err := os.ReadFile(info.Visualization)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"read(1) -\\u003e 4", "killed"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("visualization lacks %q", want)
		}
	}
	if !strings.Contains(info.String(), info.Visualization) {
		t.Errorf("info does not name the visualization: %v", info)
	}
}

package meta

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// healCatalog builds a catalog from a compact description: nodes "n1 n2- n3" (a trailing '-'
// means not live) and tablespaces "name:r1,r2/expected[@preferred]".
func healCatalog(nodes string, tablespaces ...string) *Catalog {
	c := emptyCatalog()
	for _, f := range strings.Fields(nodes) {
		id := strings.TrimSuffix(f, "-")
		c.Nodes[id] = Node{ID: id, Live: !strings.HasSuffix(f, "-")}
	}
	for _, d := range tablespaces {
		name, rest, _ := strings.Cut(d, ":")
		rest, pref, _ := strings.Cut(rest, "@")
		reps, exp, _ := strings.Cut(rest, "/")
		c.Tablespaces[name] = Tablespace{Name: name, Replicas: strings.Split(reps, ","),
			ExpectedReplicas: int(exp[0] - '0'), PreferredLeader: pref, ModIndex: 7}
	}
	return c
}

func TestHeal(t *testing.T) {
	for _, tc := range []struct {
		name        string
		nodes       string
		tablespaces []string
		want        map[string]string // tablespace → new replicas (comma separated) [@preferred]
	}{
		{"all live", "n1 n2 n3 n4", []string{"a:n1,n2,n3/3"}, nil},
		{"dead replica replaced by the free node", "n1 n2 n3- n4", []string{"a:n1,n2,n3/3"},
			map[string]string{"a": "n1,n2,n4"}},
		{"fewest replicas first", "n1 n2 n3- n4 n5", []string{"a:n1,n2,n3/3", "b:n4/1"},
			map[string]string{"a": "n1,n2,n5"}},
		{"ties by id", "n1 n2 n3- n5 n4", []string{"a:n1,n2,n3/3"},
			map[string]string{"a": "n1,n2,n4"}},
		{"one choice counts for the next", "n1 n2 n3- n4 n5", []string{"a:n1,n2,n3/3", "b:n1,n2,n3/3"},
			map[string]string{"a": "n1,n2,n4", "b": "n1,n2,n5"}},
		{"no free node: the dead replica stays", "n1 n2 n3-", []string{"a:n1,n2,n3/3"}, nil},
		{"no quorum: left to an operator", "n1 n2- n3- n4 n5", []string{"a:n1,n2,n3/3"}, nil},
		{"two dead of five replaced", "n1 n2 n3 n4- n5- n6 n7", []string{"a:n1,n2,n3,n4,n5/5"},
			map[string]string{"a": "n1,n2,n3,n6,n7"}},
		{"short of expected without dead nodes", "n1 n2 n3", []string{"a:n1/3"},
			map[string]string{"a": "n1,n2,n3"}},
		{"short, fewer free nodes than missing", "n1 n2", []string{"a:n1/3"},
			map[string]string{"a": "n1,n2"}},
		{"over expected: not Heal's business", "n1 n2 n3", []string{"a:n1,n2,n3/1"}, nil},
		{"dead preferred leader cleared", "n1 n2 n3- n4", []string{"a:n1,n2,n3/3@n3"},
			map[string]string{"a": "n1,n2,n4"}},
		{"live preferred leader kept", "n1 n2 n3- n4", []string{"a:n1,n2,n3/3@n2"},
			map[string]string{"a": "n1,n2,n4@n2"}},
		{"single dead replica: no quorum", "n1- n2", []string{"a:n1/1"}, nil},
		{"two replicas, one dead: no quorum", "n1 n2- n3", []string{"a:n1,n2/2"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat := healCatalog(tc.nodes, tc.tablespaces...)
			got := map[string]string{}
			for _, ts := range Heal(cat) {
				d := strings.Join(ts.Replicas, ",")
				if ts.PreferredLeader != "" {
					d += "@" + ts.PreferredLeader
				}
				got[ts.Name] = d
				if ts.ModIndex != 7 {
					t.Errorf("%s: ModIndex %d, want the one read (7)", ts.Name, ts.ModIndex)
				}
			}
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Heal = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestInactiveLeaders(t *testing.T) {
	now := time.Unix(1000, 0)
	// n1 heard now, n3 heard 3 s ago, n2 dead; a and e take the default (10 s), b–d 2 s.
	seen := map[string]time.Time{"n1": now, "n3": now.Add(-3 * time.Second)}
	c := healCatalog("n1 n2- n3", "a:n1,n2/2", "b:n1,n2/2", "c:n1/1", "d:n3/1", "e:n3/1", "f:n1/1", "g:n1/1")
	for name, l := range map[string]struct {
		leader  string
		timeout time.Duration
	}{
		"a": {"n1", 0},               // heard now
		"b": {"n2", 2 * time.Second}, // dead
		"c": {"n9", 2 * time.Second}, // not a node any more
		"d": {"n3", 2 * time.Second}, // unheard for 3 s > 2 s
		"e": {"n3", 0},               // unheard for 3 s < 10 s
		"f": {"", 2 * time.Second},   // no leader to clear
		"g": {"n1", 2 * time.Second}, // heard now
	} {
		ts := c.Tablespaces[name]
		ts.Leader, ts.LeaderInactivityTimeout = l.leader, l.timeout
		c.Tablespaces[name] = ts
	}
	got := InactiveLeaders(c, func(id string) time.Time { return seen[id] }, now, 10*time.Second)
	if want := []string{"b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("InactiveLeaders = %v, want %v", got, want)
	}
}

func TestClearLeader(t *testing.T) {
	for _, tc := range []struct {
		name, leader, clear string
		created             uint64
		want                string
		err                 error
	}{
		{name: "the named leader is cleared", leader: "n1", clear: "n1", want: ""},
		{name: "another leader stays", leader: "n2", clear: "n1", want: "n2"},
		{name: "an older incarnation's", leader: "n1", clear: "n1", created: 3, want: "n1", err: ErrConflict},
		{name: "no leader named", leader: "n1", clear: "", want: "n1", err: ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := baseCatalog()
			ts := c.Tablespaces["ts"]
			ts.Leader = tc.leader
			c.Tablespaces["ts"] = ts
			next, err := apply(c, &command{Op: opClearLeader, Tablespace: &Tablespace{Name: "ts", Leader: tc.clear,
				CreatedIndex: tc.created}}, 10)
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if got := next.Tablespaces["ts"].Leader; got != tc.want {
				t.Fatalf("leader %q, want %q", got, tc.want)
			}
		})
	}
}

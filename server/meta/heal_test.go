package meta

import (
	"reflect"
	"strings"
	"testing"
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

func TestStaleLeaders(t *testing.T) {
	c := healCatalog("n1 n2-", "a:n1,n2/2", "b:n1,n2/2", "c:n1/1", "d:n1/1")
	for name, leader := range map[string]string{"a": "n1", "b": "n2", "c": "n9"} {
		ts := c.Tablespaces[name]
		ts.Leader = leader
		c.Tablespaces[name] = ts
	}
	if got := StaleLeaders(c); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Fatalf("StaleLeaders = %v, want [b c]", got)
	}
}

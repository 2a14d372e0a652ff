package sql

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestNotify runs statements on two sessions of one tablespace, a listener and a notifier,
// and checks what each statement's SQLSTATE is and which notifications the listener (and
// the notifier, listening on "self") got after it: delivered at commit, in order, deduplicated
// within a transaction, never after a rollback or one undone by ROLLBACK TO.
func TestNotify(t *testing.T) {
	type step struct {
		who  string // "l" (listener, pid 1) or "n" (notifier, pid 2)
		q    string
		code string
		got  string // notifications delivered after the step, "pid:channel:payload" joined by ","
	}
	long := strings.Repeat("x", 7999)
	cases := []struct {
		name  string
		steps []step
	}{
		{"autocommit", []step{
			{"l", "LISTEN c", "", ""},
			{"n", "NOTIFY c", "", "1<-2:c:"},
			{"n", "NOTIFY c, 'hi'", "", "1<-2:c:hi"},
			{"n", "NOTIFY other, 'x'", "", ""},
			{"n", "SELECT pg_notify('c', 'fn')", "", "1<-2:c:fn"},
			{"n", "SELECT pg_notify('c', NULL)", "", "1<-2:c:"},
			{"l", "UNLISTEN c", "", ""},
			{"n", "NOTIFY c, 'gone'", "", ""},
		}},
		{"at commit, deduplicated, not on rollback", []step{
			{"l", "LISTEN c", "", ""},
			{"n", "BEGIN", "", ""},
			{"n", "NOTIFY c, 'a'", "", ""},
			{"n", "NOTIFY c, 'b'", "", ""},
			{"n", "NOTIFY c, 'a'", "", ""},
			{"n", "SELECT pg_notify('c', 'b')", "", ""},
			{"n", "COMMIT", "", "1<-2:c:a,1<-2:c:b"},
			{"n", "BEGIN; NOTIFY c, 'lost'", "", ""},
			{"n", "ROLLBACK", "", ""},
			{"n", "BEGIN; NOTIFY c, 'failed'", "", ""},
			{"n", "SELECT 1/0", "22012", ""},
			{"n", "COMMIT", "", ""},
			{"n", "SELECT pg_notify('c', 'x') FROM (SELECT 1/0) AS z", "22012", ""},
		}},
		{"savepoints", []step{
			{"l", "LISTEN c", "", ""},
			{"n", "BEGIN; NOTIFY c, 'kept'; SAVEPOINT s; NOTIFY c, 'undone'", "", ""},
			{"n", "ROLLBACK TO s", "", ""},
			{"n", "NOTIFY c, 'after'; RELEASE s; COMMIT", "", "1<-2:c:kept,1<-2:c:after"},
		}},
		{"listen in a transaction takes effect at commit", []step{
			{"l", "BEGIN; LISTEN c", "", ""},
			{"n", "NOTIFY c", "", ""},
			{"l", "SELECT count(*) FROM pg_listening_channels()", "", ""},
			{"l", "ROLLBACK", "", ""},
			{"n", "NOTIFY c", "", ""},
			{"l", "BEGIN; LISTEN c; COMMIT", "", ""},
			{"n", "NOTIFY c", "", "1<-2:c:"},
			{"l", "BEGIN; UNLISTEN *", "", ""},
			{"n", "NOTIFY c", "", "1<-2:c:"},
			{"l", "COMMIT", "", ""},
			{"n", "NOTIFY c", "", ""},
		}},
		{"a session hears itself", []step{
			{"n", "BEGIN; LISTEN self; NOTIFY self, 'me'; COMMIT", "", "2<-2:self:me"},
			{"n", "NOTIFY self", "", "2<-2:self:"},
			{"n", `LISTEN "Mixed"; NOTIFY "Mixed", 'q''uote'`, "", "2<-2:Mixed:q'uote"},
		}},
		{"errors", []step{
			{"l", "LISTEN c", "", ""},
			{"n", "NOTIFY c, '" + long + "'", "", "1<-2:c:" + long[:3] + "..."},
			{"n", "NOTIFY c, '" + long + "x'", "22023", ""},
			{"n", "SELECT pg_notify('', 'x')", "22023", ""},
			{"n", "SELECT pg_notify(NULL, 'x')", "22023", ""},
			{"n", "SELECT pg_notify(repeat('c', 64), 'x')", "22023", ""},
			{"n", "NOTIFY", "42601", ""},
			{"n", "NOTIFY c 'x'", "42601", ""},
			{"n", "NOTIFY c, x", "42601", ""},
			{"n", "UNLISTEN * x", "42601", ""},
			{"n", "LISTEN 'c'", "42601", ""},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := openTestTablespace(t)
			var got []string
			sessions := map[string]*Session{}
			for i, who := range []string{"l", "n"} {
				s := NewSession(ts, nil)
				defer s.Close()
				if _, err := s.Start(Startup{User: "drove", Database: "drove", BackendPID: uint32(i + 1)}); err != nil {
					t.Fatal(err)
				}
				pid := i + 1
				s.SetNotificationSink(func(n Notification) {
					p := n.Payload
					if len(p) > 10 {
						p = p[:3] + "..."
					}
					got = append(got, fmt.Sprintf("%d<-%d:%s:%s", pid, n.PID, n.Channel, p))
				})
				sessions[who] = s
			}
			for _, st := range c.steps {
				got = nil
				err := sessions[st.who].Exec(context.Background(), st.q, &textOutput{})
				if sqlState(err) != st.code {
					t.Fatalf("%s: %v, want SQLSTATE %q", st.q, err, st.code)
				}
				if g := strings.Join(got, ","); g != st.got {
					t.Fatalf("%.60s: delivered %q, want %q", st.q, g, st.got)
				}
			}
		})
	}
}

// TestListeningChannels: pg_listening_channels() lists the committed channels in the order
// they were listened to; a closed session leaves its tablespace's registry.
func TestListeningChannels(t *testing.T) {
	ts := openTestTablespace(t)
	s := NewSession(ts, nil)
	execOK(t, s, `LISTEN b; LISTEN a; LISTEN b; LISTEN "C"`)
	if got := execOK(t, s, "SELECT * FROM pg_listening_channels()").lines; strings.Join(got, ",") != "b,a,C,tag: SELECT 3" {
		t.Fatalf("channels %v, want b,a,C", got)
	}
	execOK(t, s, "UNLISTEN a; UNLISTEN nosuch")
	if got := execOK(t, s, "SELECT pg_listening_channels()").lines; strings.Join(got, ",") != "b,C,tag: SELECT 2" {
		t.Fatalf("channels %v, want b,C", got)
	}
	s.Close()
	hubsMu.Lock()
	_, left := hubs[ts]
	hubsMu.Unlock()
	if left {
		t.Fatal("the tablespace's registry outlived its last listener")
	}
}

// A listener's unread notifications are bounded: a commit whose notifications would take a
// listener past the bound fails with 54000 and rolls back (nothing is half-delivered), as
// PostgreSQL's NOTIFY does when its queue is full; once the connection sent what it held,
// notifying works again. Listeners of other channels do not stop anyone.
func TestNotifyBoundedQueue(t *testing.T) {
	saved := maxUnreadNotify.Load()
	defer maxUnreadNotify.Store(saved)
	ts := openTestTablespace(t)
	l, n, other := NewSession(ts, nil), NewSession(ts, nil), NewSession(ts, nil)
	defer l.Close()
	defer n.Close()
	defer other.Close()
	var got []Notification
	l.SetNotificationSink(func(x Notification) { got = append(got, x) })
	other.SetNotificationSink(func(Notification) {})
	execOK(t, l, "LISTEN c")
	execOK(t, other, "LISTEN busy")
	execOK(t, n, "CREATE TABLE t (id int PRIMARY KEY)")
	one := noteSize(Notification{Channel: "c", Payload: "p0"})
	maxUnreadNotify.Store(3 * one)
	ctx := context.Background()
	for i := range 3 {
		execOK(t, n, fmt.Sprintf("NOTIFY c, 'p%d'", i))
	}
	steps := []struct{ q, code string }{
		{"NOTIFY c, 'p3'", "54000"},
		{"SELECT pg_notify('c', 'p3')", "54000"},
		{"BEGIN; INSERT INTO t VALUES (1); NOTIFY c, 'p3'; COMMIT", "54000"},
		{"NOTIFY busy, 'fine'", ""},
	}
	for _, st := range steps {
		err := n.Exec(ctx, st.q, &textOutput{})
		if code := sqlState(err); code != st.code {
			t.Fatalf("%s: got %q (%v), want %q", st.q, code, err, st.code)
		}
		if st.code == "54000" && err.Error() != "too many notifications in the NOTIFY queue" {
			t.Errorf("%s: message %q", st.q, err.Error())
		}
	}
	if n.TxStatus() != TxIdle {
		t.Fatalf("the failed COMMIT left the session in a transaction")
	}
	if out := execOK(t, n, "SELECT count(*) FROM t"); out.lines[0] != "0" {
		t.Fatalf("the transaction whose COMMIT failed wrote %s rows", out.lines[0])
	}
	if len(got) != 3 {
		t.Fatalf("the listener got %d notifications, want 3", len(got))
	}
	l.NotificationsSent(got[:1]) // the connection sent one: room for one more
	execOK(t, n, "NOTIFY c, 'p3'")
	if _, code := sqlStateOf(n, "NOTIFY c, 'p4'"); code != "54000" {
		t.Fatalf("past the bound again: %q", code)
	}
	if len(got) != 4 || got[3].Payload != "p3" {
		t.Fatalf("the listener got %v", got)
	}
}

func sqlStateOf(s *Session, q string) ([]string, string) {
	out := &textOutput{}
	err := s.Exec(context.Background(), q, out)
	return out.lines, sqlState(err)
}

package sql

import (
	"fmt"
	"strings"

	"github.com/drovedb/drove/tablespace"
)

// Notice is a NOTICE or WARNING a statement tells the client while it succeeds, as PostgreSQL
// does ("table \"x\" does not exist, skipping" for DROP TABLE IF EXISTS x). pgwire sends it as
// a NoticeResponse before the statement's CommandComplete.
type Notice struct {
	Severity string // "NOTICE" or "WARNING"
	Code     string // SQLSTATE: 00000, or the error's code a NOTICE stands in for (42P07)
	Message  string
	Detail   string
	Hint     string
}

// NoticeSender is implemented by outputs that can tell the client of a Notice (pgwire). The
// embedded driver's output does not: its notices are dropped, as a client that ignores
// NoticeResponse would.
type NoticeSender interface {
	Notice(n Notice) error
}

// messageLevels ranks client_min_messages' values: a notice is sent when its severity ranks at
// or above the setting (LOG ranks below NOTICE for the client, as in PostgreSQL).
var messageLevels = map[string]int{
	"debug5": 1, "debug4": 2, "debug3": 3, "debug2": 4, "debug1": 5, "debug": 5,
	"log": 6, "notice": 7, "warning": 8, "error": 9,
}

// noticef sends the running statement's client a NOTICE (severity "NOTICE") or WARNING when
// client_min_messages lets it through; a statement not run for a client (no noticeOut, or an
// output that sends no notices) drops it. The send's error is dropped too: a client gone is
// seen by the statement's next write.
func (s *Session) noticef(severity, code, format string, args ...any) {
	s.sendNotice(Notice{Severity: severity, Code: code, Message: fmt.Sprintf(format, args...)})
}

// sendNotice is noticef for a notice with a DETAIL or HINT.
func (s *Session) sendNotice(n Notice) {
	ns, ok := s.noticeOut.(NoticeSender)
	if !ok {
		return
	}
	min, _ := s.setting("client_min_messages")
	if messageLevels[strings.ToLower(n.Severity)] < messageLevels[min] {
		return
	}
	_ = ns.Notice(n)
}

// endNotices ends the statement whose output noticeOut is.
func (s *Session) endNotices() { s.noticeOut = nil }

// warnInTransaction is BEGIN's WARNING inside a transaction block, which it carries on.
func (s *Session) warnInTransaction() {
	s.noticef("WARNING", "25001", "there is already a transaction in progress")
}

// warnNoTransaction is COMMIT's and ROLLBACK's WARNING outside a transaction block.
func (s *Session) warnNoTransaction() {
	s.noticef("WARNING", "25P01", "there is no transaction in progress")
}

// cascadeNotice is DROP ... CASCADE's NOTICE of the views it drops too: one names the view,
// more are counted, each named in the DETAIL, as PostgreSQL reports its dependent objects.
func (s *Session) cascadeNotice(deps []tablespace.View, kindOf func(tablespace.View) string) {
	if len(deps) == 1 {
		s.noticef("NOTICE", "00000", "drop cascades to %s %s", kindOf(deps[0]), deps[0].Name)
		return
	}
	lines := make([]string, len(deps))
	for i, v := range deps {
		lines[i] = "drop cascades to " + kindOf(v) + " " + v.Name
	}
	s.sendNotice(Notice{Severity: "NOTICE", Code: "00000",
		Message: fmt.Sprintf("drop cascades to %d other objects", len(deps)), Detail: strings.Join(lines, "\n")})
}

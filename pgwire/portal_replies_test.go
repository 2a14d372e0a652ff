package pgwire

import (
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Replies to Executes PostgreSQL answers in ways drove did not: an empty statement's
// EmptyQueryResponse, a portal executed again after it ran to completion ("SELECT 0" for a
// query, 55000 for a statement without rows, where drove sent a CommandComplete with an
// empty tag and kept the batch), and SHOW, which Describe reports (drove: NoData) and whose
// Execute sends no RowDescription (drove sent one, which the extended protocol never does).
var portalReplyCases = []batchCase{
	{"an empty statement answers EmptyQueryResponse",
		[]pipeStep{"X INSERT INTO t VALUES (1)", "X ", "X INSERT INTO t VALUES (2)", "S"}, "1,2",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete", "EmptyQueryResponse",
			"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ReadyForQuery I"}},
	{"a described empty statement",
		[]pipeStep{"P - ", "D S -", "B - -", "D P -", "E -", "S"}, "",
		[]string{"ParseComplete", "ParameterDescription", "NoData", "BindComplete", "NoData", "EmptyQueryResponse", "ReadyForQuery I"}},
	{"a query's portal run again returns no rows",
		[]pipeStep{"X INSERT INTO t VALUES (3)", "P q1 SELECT k FROM t", "B p q1", "E p", "E p", "S"}, "3",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "ParseComplete", "BindComplete",
			"DataRow", "Complete SELECT 1", "Complete SELECT 0", "ReadyForQuery I"}},
	{"an INSERT RETURNING's portal run again",
		[]pipeStep{"P q2 INSERT INTO t VALUES (4) RETURNING k", "B p q2", "E p", "E p", "S"}, "4",
		[]string{"ParseComplete", "BindComplete", "DataRow", "Complete INSERT 0 1", "Complete INSERT 0 0", "ReadyForQuery I"}},
	{"a write's portal run again is 55000 and rolls the batch back",
		[]pipeStep{"P q3 INSERT INTO t VALUES (5)", "B p q3", "E p", "E p", "S"}, "",
		[]string{"ParseComplete", "BindComplete", "Complete INSERT 0 1", "Error 55000", "ReadyForQuery I"}},
	{"SHOW is described, and its Execute sends rows only",
		[]pipeStep{"P q4 SHOW DateStyle", "D S q4", "B p q4", "D P p", "E p", "E p", "S"}, "",
		[]string{"ParseComplete", "ParameterDescription", "RowDescription", "BindComplete", "RowDescription",
			"DataRow", "Complete SHOW", "Complete SHOW", "ReadyForQuery I"}},
}

// TestPortalReplies runs portalReplyCases on drove.
func TestPortalReplies(t *testing.T) {
	checkBatchCases(t, connectSessions(t), portalReplyCases)
}

// TestPortalRepliesMatchPostgres runs portalReplyCases on PostgreSQL 15.
func TestPortalRepliesMatchPostgres(t *testing.T) {
	checkBatchCases(t, pgtest.Connect(t), portalReplyCases)
}

// TestBindParamErrors checks PostgreSQL 15's SQLSTATEs for malformed Bind parameters: a
// format code other than 0 or 1 is 22023, a fixed-size binary value cut short 08P01 (drove
// answered 08P01 and 22P03).
func TestBindParamErrors(t *testing.T) {
	tests := []struct {
		b      []byte
		format int16
		typ    types.Type
		code   string
	}{
		{[]byte{0, 0, 0, 1}, 2, types.Int32, "22023"},
		{[]byte{0, 0, 0, 1}, -1, types.Int32, "22023"},
		{[]byte{0, 0, 1}, 1, types.Int32, "08P01"},
		{[]byte{0, 0, 0, 0, 1}, 1, types.Int32, "22P03"},
		{[]byte{0, 1}, 1, types.UUID, "08P01"},
	}
	for _, tt := range tests {
		_, err := decodeParam(tt.b, tt.format, tt.typ, types.DateOrderMDY)
		if e, ok := err.(*sql.Error); !ok || e.Code != tt.code { //nolint:errorlint // decodeParam's own
			t.Errorf("%x format %d as %s: %v, want %s", tt.b, tt.format, tt.typ, err, tt.code)
		}
	}
}

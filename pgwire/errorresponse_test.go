package pgwire

import (
	"testing"

	"github.com/drovedb/drove/sql"
)

// TestErrorResponsePosition: an error's position in the query (sql/lexer's errors carry
// PostgreSQL's) reaches the client's ErrorResponse.
func TestErrorResponsePosition(t *testing.T) {
	e := errorResponse("ERROR", &sql.Error{Code: "42601", Message: "trailing junk after numeric literal at or near \"0x\"", Position: 8})
	if e.Position != 8 || e.Code != "42601" {
		t.Fatalf("got %+v", e)
	}
}

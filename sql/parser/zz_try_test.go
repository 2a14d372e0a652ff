package parser

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

func TestZZTry(t *testing.T) {
	var qs []string
	b, _ := os.ReadFile(os.Getenv("QF"))
	json.Unmarshal(b, &qs)
	for _, q := range qs {
		l, err := Parse(q)
		if err != nil {
			e := err.(*Error)
			fmt.Printf("%q ==> %s %v pos %d\n", q, e.Code, err, e.Pos)
			continue
		}
		for _, s := range l {
			fmt.Printf("%q ==> %q\n", q, ast.Print(s, ast.SQL))
		}
	}
}

package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPgJDBCOrmFlow runs testdata/JdbcOrmFlow.java: an ORM's transaction through pgjdbc with
// sequence-generated keys, savepoints around a foreign-key and a CHECK violation (23503 and
// 23514, each rolled back to its savepoint), uuid and jsonb columns, a view and ON DELETE
// CASCADE.
func TestPgJDBCOrmFlow(t *testing.T) {
	javac := requireTool(t, "javac")
	java := requireTool(t, "java")
	jar := requireFile(t, "/usr/share/java/postgresql.jar", "libpostgresql-jdbc-java")
	classes := t.TempDir()
	if out, err := exec.Command(javac, "-d", classes, "testdata/JdbcOrmFlow.java").CombinedOutput(); err != nil {
		t.Fatalf("javac: %v\n%s", err, out)
	}
	n := newNode(t)
	n.start()
	url := fmt.Sprintf("jdbc:postgresql://127.0.0.1:%d/drove?user=drove&sslmode=disable", n.port)
	runClient(t, n, exec.Command(java, "-cp", classes+string(filepath.ListSeparator)+jar, "JdbcOrmFlow", url))
}

package sql

import (
	"errors"
	"testing"
)

func TestParseBackupStmt(t *testing.T) {
	tests := []struct {
		sql      string
		restore  bool
		name     string
		wantCode string
	}{
		{sql: "BACKUP TABLESPACE 'sales' TO STDOUT", name: "sales"},
		{sql: "backup tablespace Sales to stdout", name: "sales"},
		{sql: `RESTORE TABLESPACE "Copy" FROM STDIN`, restore: true, name: "Copy"},
		{sql: "BACKUP TABLESPACE 'sales' TO '/tmp/x'", wantCode: "42601"},
		{sql: "RESTORE TABLESPACE 'sales' FROM STDOUT", wantCode: "42601"},
		{sql: "BACKUP TABLESPACE TO STDOUT", wantCode: "42601"},
		{sql: "BACKUP TABLESPACE 'a' TO STDOUT now", wantCode: "42601"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			var st *backupStmt
			sts, err := parseStatements(tt.sql, func() error { return nil })
			if err == nil && (len(sts) != 1 || sts[0].backup == nil) {
				t.Fatalf("not read as BACKUP/RESTORE: %+v", sts)
			}
			if err == nil {
				st = sts[0].backup
			}
			if tt.wantCode != "" {
				var e *Error
				if !errors.As(err, &e) || e.Code != tt.wantCode {
					t.Fatalf("got %v, want SQLSTATE %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if st.restore != tt.restore || st.name != tt.name {
				t.Fatalf("got %+v", st)
			}
		})
	}
}

package sql

import (
	"bufio"
	"context"
)

// backupStmt is BACKUP TABLESPACE 'name' TO STDOUT or RESTORE TABLESPACE 'name' FROM STDIN:
// the backup streams through COPY's sub-protocol, so any client with COPY support (pgx's
// CopyTo/CopyFrom, psql's \copy) can take or feed one.
type backupStmt struct {
	restore bool
	name    string
}

func (s *Session) execBackup(ctx context.Context, st *backupStmt, out Output) error {
	if s.node == nil {
		return Errorf("0A000", "BACKUP and RESTORE need a server")
	}
	verb := "back up tablespaces"
	if st.restore {
		verb = "restore tablespaces"
	}
	if err := s.requireSuperuser(verb); err != nil {
		return err
	}
	if s.tx != nil {
		verb := "BACKUP"
		if st.restore {
			verb = "RESTORE"
		}
		return Errorf("25001", "%s TABLESPACE cannot run inside a transaction block", verb)
	}
	stream, ok := out.(CopyStream)
	if !ok {
		return Errorf("0A000", "BACKUP and RESTORE stream through COPY; this client cannot")
	}
	if st.restore {
		r, err := stream.CopyIn(0, true)
		if err != nil {
			return err
		}
		if err := s.node.RestoreTablespace(ctx, st.name, r); err != nil {
			return err
		}
		return out.Complete("RESTORE")
	}
	w, err := stream.CopyOut(0, true)
	if err != nil {
		return err
	}
	// CopyOut makes a message of every Write: gather the archive into sizable ones.
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := s.node.BackupTablespace(ctx, st.name, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return out.Complete("BACKUP")
}

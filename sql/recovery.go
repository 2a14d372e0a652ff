package sql

import "github.com/drovedb/drove/types"

// pg_is_in_recovery(), pg_dump's first query. A session is served by its tablespace's
// leader (server/route.go forwards it there), so the answer is false; it is true only while
// the replica serving the session is not the leader (it lost the lead mid-session and
// refuses writes until the session reconnects), the nearest thing drove has to PostgreSQL's
// read-only standby.
func init() {
	register([]builtin{
		{name: "pg_is_in_recovery", vol: 'v', strict: true, session: true, procs: []string{"3810: -> bool"}, build: buildIsInRecovery},
	})
}

func buildIsInRecovery(c *funcCall) (*expr, error) {
	s := c.sc.params.sess
	return &expr{typ: types.Bool, eval: func([]types.Value) (types.Value, error) {
		return boolVal(!s.ts.IsLeader()), nil
	}}, nil
}

package sql

import (
	"math"
	"unicode/utf8"

	"github.com/drovedb/drove/types"
)

// overlay(s PLACING r FROM n [FOR m]) (varlena.c's text_overlay, bytea_overlay): s's first
// n-1 characters (bytes of a bytea), r, and s from character n+m on; m is r's length when
// left out. The dialect pass writes the keywords as commas (dialect_similar.go).

func overlayFuncs() []builtin {
	return []builtin{{name: "overlay", vol: 'i', strict: true, procs: []string{"749: bytea, bytea, int4, int4 -> bytea",
		"752: bytea, bytea, int4 -> bytea", "1404: text, text, int4, int4 -> text", "1405: text, text, int4 -> text"},
		build: buildOverlay}}
}

func buildOverlay(c *funcCall) (*expr, error) {
	bytea := c.args[0].typ == types.Bytea
	return strictFunc(c, func(v []types.Value) (types.Value, error) {
		s, r := v[0].S, v[1].S
		sp := v[2].I
		var sl int64
		switch {
		case len(v) == 4:
			sl = v[3].I
		case bytea:
			sl = int64(len(r))
		default:
			sl = int64(utf8.RuneCountInString(r))
		}
		if sp <= 0 {
			return types.Value{}, Errorf("22011", "negative substring length not allowed")
		}
		end := sp + sl
		if end > math.MaxInt32 || end < math.MinInt32 {
			return types.Value{}, Errorf("22003", "integer out of range")
		}
		// head is s's first sp-1 units; tail s from unit end (1-based) on.
		cut := func(n int64) int { // byte offset of unit n (0-based), len(s) past the end
			if bytea {
				return int(min(n, int64(len(s))))
			}
			return byteOffset(s, n+1)
		}
		head := s[:cut(sp-1)]
		tail := s[cut(max(end, 1)-1):]
		out := head + r + tail
		if bytea {
			return types.Value{T: types.Bytea, S: out}, nil
		}
		return types.NewText(out), nil
	})
}

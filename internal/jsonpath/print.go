package jsonpath

import (
	"strconv"

	"github.com/drovedb/drove/types"
)

// String is the path's normalised text, as jsonpath_out prints it.
func (p *Path) String() string {
	var b []byte
	if p.Strict {
		b = append(b, "strict "...)
	}
	return string(appendItem(b, p.Root, false, true))
}

var opNames = map[Kind]string{KAnd: "&&", KOr: "||", KEqual: "==", KNotEqual: "!=", KLess: "<",
	KGreater: ">", KLessEq: "<=", KGreaterEq: ">=", KAdd: "+", KSub: "-", KMul: "*", KDiv: "/",
	KMod: "%", KPlus: "+", KMinus: "-", KStartsWith: "starts with", KType: "type", KSize: "size",
	KAbs: "abs", KFloor: "floor", KCeiling: "ceiling", KDouble: "double", KDatetime: "datetime",
	KKeyValue: "keyvalue"}

// priority is operationPriority: an operand of lower or equal priority gets parentheses.
func priority(k Kind) int {
	switch k {
	case KOr:
		return 0
	case KAnd:
		return 1
	case KEqual, KNotEqual, KLess, KGreater, KLessEq, KGreaterEq, KStartsWith:
		return 2
	case KAdd, KSub:
		return 3
	case KMul, KDiv, KMod:
		return 4
	case KPlus, KMinus:
		return 5
	}
	return 6
}

// appendItem prints n and the items chained after it (looping: a chain can be long).
func appendItem(b []byte, n *Node, inKey, brackets bool) []byte {
	for ; n != nil; n, inKey, brackets = n.Next, true, true {
		b = appendOne(b, n, inKey, brackets)
	}
	return b
}

func appendOne(b []byte, n *Node, inKey, brackets bool) []byte {
	switch n.Kind {
	case KNull:
		b = append(b, "null"...)
	case KString:
		b = types.AppendJSONString(b, n.Str)
	case KNumeric:
		if n.Next != nil {
			b = append(append(append(b, '('), n.Str...), ')')
		} else {
			b = append(b, n.Str...)
		}
	case KBool:
		if n.Str == "t" {
			b = append(b, "true"...)
		} else {
			b = append(b, "false"...)
		}
	case KAnd, KOr, KEqual, KNotEqual, KLess, KGreater, KLessEq, KGreaterEq, KAdd, KSub, KMul, KDiv, KMod, KStartsWith:
		if brackets {
			b = append(b, '(')
		}
		b = appendItem(b, n.Left, false, priority(n.Left.Kind) <= priority(n.Kind))
		b = append(append(append(b, ' '), opNames[n.Kind]...), ' ')
		b = appendItem(b, n.Right, false, priority(n.Right.Kind) <= priority(n.Kind))
		if brackets {
			b = append(b, ')')
		}
	case KNot:
		b = append(appendItem(append(b, "!("...), n.Left, false, false), ')')
	case KIsUnknown:
		b = append(appendItem(append(b, '('), n.Left, false, false), ") is unknown"...)
	case KPlus, KMinus:
		if brackets {
			b = append(b, '(')
		}
		b = append(b, opNames[n.Kind]...)
		b = appendItem(b, n.Left, false, priority(n.Left.Kind) <= priority(n.Kind))
		if brackets {
			b = append(b, ')')
		}
	case KAnyArray:
		b = append(b, "[*]"...)
	case KAnyKey:
		if inKey {
			b = append(b, '.')
		}
		b = append(b, '*')
	case KIndexArray:
		b = append(b, '[')
		for i, s := range n.Subs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendItem(b, s.From, false, false)
			if s.To != nil {
				b = appendItem(append(b, " to "...), s.To, false, false)
			}
		}
		b = append(b, ']')
	case KAny:
		if inKey {
			b = append(b, '.')
		}
		b = appendAnyBounds(b, n.First, n.Last)
	case KKey:
		if inKey {
			b = append(b, '.')
		}
		b = types.AppendJSONString(b, n.Str)
	case KCurrent:
		b = append(b, '@')
	case KRoot:
		b = append(b, '$')
	case KVariable:
		b = types.AppendJSONString(append(b, '$'), n.Str)
	case KFilter:
		b = append(appendItem(append(b, "?("...), n.Left, false, false), ')')
	case KExists:
		b = append(appendItem(append(b, "exists ("...), n.Left, false, false), ')')
	case KType, KSize, KAbs, KFloor, KCeiling, KDouble, KKeyValue:
		b = append(append(append(b, '.'), opNames[n.Kind]...), "()"...)
	case KDatetime:
		b = append(b, ".datetime("...)
		if n.Left != nil {
			b = appendItem(b, n.Left, false, false)
		}
		b = append(b, ')')
	case KLast:
		b = append(b, "last"...)
	case KLikeRegex:
		b = appendLikeRegex(b, n, brackets)
	}
	return b
}

func appendAnyBounds(b []byte, first, last uint32) []byte {
	u := func(b []byte, x uint32) []byte { return strconv.AppendUint(b, uint64(x), 10) }
	switch {
	case first == 0 && last == AnyLast:
		return append(b, "**"...)
	case first == last && first == AnyLast:
		return append(b, "**{last}"...)
	case first == last:
		return append(u(append(b, "**{"...), first), '}')
	case first == AnyLast:
		return append(u(append(b, "**{last to "...), last), '}')
	case last == AnyLast:
		return append(u(append(b, "**{"...), first), " to last}"...)
	}
	return append(u(append(u(append(b, "**{"...), first), " to "...), last), '}')
}

func appendLikeRegex(b []byte, n *Node, brackets bool) []byte {
	if brackets {
		b = append(b, '(')
	}
	b = appendItem(b, n.Left, false, priority(n.Left.Kind) <= priority(KLikeRegex))
	b = types.AppendJSONString(append(b, " like_regex "...), n.Str)
	if n.Flags != 0 {
		b = append(b, ` flag "`...)
		for i, c := range "ismxq" {
			if n.Flags&(1<<i) != 0 {
				b = append(b, byte(c))
			}
		}
		b = append(b, '"')
	}
	if brackets {
		b = append(b, ')')
	}
	return b
}

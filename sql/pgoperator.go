package sql

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// pg_operator lists the operator registry (operators.go), which the binder resolves
// operators through, with PostgreSQL 15's oids and the oids of their functions (oprcode;
// those functions are not in pg_proc, as drove does not call them by name).
// TestOperatorsCompile checks that drove compiles each with the result type listed,
// TestCatalogFunctionsMatchPostgres that each row is PostgreSQL's. uuid's and the json
// operators are listed; they, and the date/time types' operators, are compiled by their
// families without resolution here (catalogScalar). An operator a new type
// brings is a row here (and its family's implementation in the expression compiler).

// operatorRows are "oid name kind left right result code" (kind 'b' infix, 'l' prefix, whose
// left is 0).
const operatorRows = `
	15 = b 23 20 16 852; 36 <> b 23 20 16 853; 37 < b 23 20 16 854; 58 < b 16 16 16 56; 59 > b 16 16 16 57; 76 > b 23 20 16 855;
	80 <= b 23 20 16 856; 82 >= b 23 20 16 857; 85 <> b 16 16 16 84; 91 = b 16 16 16 60; 94 = b 21 21 16 63; 95 < b 21 21 16 64;
	96 = b 23 23 16 65; 97 < b 23 23 16 66; 98 = b 25 25 16 67; 410 = b 20 20 16 467; 411 <> b 20 20 16 468; 412 < b 20 20 16 469;
	413 > b 20 20 16 470; 414 <= b 20 20 16 471; 415 >= b 20 20 16 472; 416 = b 20 23 16 474; 417 <> b 20 23 16 475; 418 < b 20 23 16 476;
	419 > b 20 23 16 477; 420 <= b 20 23 16 478; 430 >= b 20 23 16 479; 439 % b 20 20 20 945; 484 - l 0 20 20 462; 514 * b 23 23 23 141;
	518 <> b 23 23 16 144; 519 <> b 21 21 16 145; 520 > b 21 21 16 146; 521 > b 23 23 16 147; 522 <= b 21 21 16 148; 523 <= b 23 23 16 149;
	524 >= b 21 21 16 151; 525 >= b 23 23 16 150; 526 * b 21 21 21 152; 527 / b 21 21 21 153; 528 / b 23 23 23 154; 529 % b 21 21 21 155;
	530 % b 23 23 23 156; 531 <> b 25 25 16 157; 532 = b 21 23 16 158; 533 = b 23 21 16 159; 534 < b 21 23 16 160; 535 < b 23 21 16 161;
	536 > b 21 23 16 162; 537 > b 23 21 16 163; 538 <> b 21 23 16 164; 539 <> b 23 21 16 165; 540 <= b 21 23 16 166; 541 <= b 23 21 16 167;
	542 >= b 21 23 16 168; 543 >= b 23 21 16 169; 544 * b 21 23 23 170; 545 * b 23 21 23 171; 546 / b 21 23 23 172; 547 / b 23 21 23 173;
	550 + b 21 21 21 176; 551 + b 23 23 23 177; 552 + b 21 23 23 178; 553 + b 23 21 23 179; 554 - b 21 21 21 180; 555 - b 23 23 23 181;
	556 - b 21 23 23 182; 557 - b 23 21 23 183; 558 - l 0 23 23 212; 559 - l 0 21 21 213; 584 - l 0 700 700 206; 585 - l 0 701 701 220;
	586 + b 700 700 700 204; 587 - b 700 700 700 205; 588 / b 700 700 700 203; 589 * b 700 700 700 202; 591 + b 701 701 701 218; 592 - b 701 701 701 219;
	593 / b 701 701 701 217; 594 * b 701 701 701 216; 620 = b 700 700 16 287; 621 <> b 700 700 16 288; 622 < b 700 700 16 289; 623 > b 700 700 16 291;
	624 <= b 700 700 16 290; 625 >= b 700 700 16 292; 641 ~ b 25 25 16 1254; 642 !~ b 25 25 16 1256; 654 || b 25 25 25 1258; 664 < b 25 25 16 740;
	665 <= b 25 25 16 741; 666 > b 25 25 16 742; 667 >= b 25 25 16 743; 670 = b 701 701 16 293; 671 <> b 701 701 16 294; 672 < b 701 701 16 295;
	673 <= b 701 701 16 296; 674 > b 701 701 16 297; 675 >= b 701 701 16 298; 684 + b 20 20 20 463; 685 - b 20 20 20 464; 686 * b 20 20 20 465;
	687 / b 20 20 20 466; 688 + b 20 23 20 1274; 689 - b 20 23 20 1275; 690 * b 20 23 20 1276; 691 / b 20 23 20 1277; 692 + b 23 20 20 1278;
	693 - b 23 20 20 1279; 694 * b 23 20 20 1280; 695 / b 23 20 20 1281; 818 + b 20 21 20 837; 819 - b 20 21 20 838; 820 * b 20 21 20 839;
	821 / b 20 21 20 840; 822 + b 21 20 20 841; 823 - b 21 20 20 942; 824 * b 21 20 20 943; 825 / b 21 20 20 948; 1093 = b 1082 1082 16 1086;
	1094 <> b 1082 1082 16 1091; 1095 < b 1082 1082 16 1087; 1096 <= b 1082 1082 16 1088; 1097 > b 1082 1082 16 1089; 1098 >= b 1082 1082 16 1090; 1099 - b 1082 1082 23 1140;
	1100 + b 1082 23 1082 1141; 1101 - b 1082 23 1082 1142; 1116 + b 700 701 701 281; 1117 - b 700 701 701 282; 1118 / b 700 701 701 280; 1119 * b 700 701 701 279;
	1120 = b 700 701 16 299; 1121 <> b 700 701 16 300; 1122 < b 700 701 16 301; 1123 > b 700 701 16 303; 1124 <= b 700 701 16 302; 1125 >= b 700 701 16 304;
	1126 + b 701 700 701 285; 1127 - b 701 700 701 286; 1128 / b 701 700 701 284; 1129 * b 701 700 701 283; 1130 = b 701 700 16 305; 1131 <> b 701 700 16 306;
	1132 < b 701 700 16 307; 1133 > b 701 700 16 309; 1134 <= b 701 700 16 308; 1135 >= b 701 700 16 310; 1209 ~~ b 25 25 16 850; 1210 !~~ b 25 25 16 851;
	1228 ~* b 25 25 16 1238; 1229 !~* b 25 25 16 1239; 1627 ~~* b 25 25 16 1633; 1628 !~~* b 25 25 16 1634; 1694 <= b 16 16 16 1691; 1695 >= b 16 16 16 1692;
	1751 - l 0 1700 1700 1771; 1752 = b 1700 1700 16 1718; 1753 <> b 1700 1700 16 1719; 1754 < b 1700 1700 16 1722; 1755 <= b 1700 1700 16 1723; 1756 > b 1700 1700 16 1720;
	1757 >= b 1700 1700 16 1721; 1758 + b 1700 1700 1700 1724; 1759 - b 1700 1700 1700 1725; 1760 * b 1700 1700 1700 1726; 1761 / b 1700 1700 1700 1727; 1762 % b 1700 1700 1700 1729;
	1862 = b 21 20 16 1850; 1863 <> b 21 20 16 1851; 1864 < b 21 20 16 1852; 1865 > b 21 20 16 1853; 1866 <= b 21 20 16 1854; 1867 >= b 21 20 16 1855;
	1868 = b 20 21 16 1856; 1869 <> b 20 21 16 1857; 1870 < b 20 21 16 1858; 1871 > b 20 21 16 1859; 1872 <= b 20 21 16 1860; 1873 >= b 20 21 16 1861;
	1874 & b 21 21 21 1892; 1878 << b 21 23 21 1896; 1879 >> b 21 23 21 1897; 1880 & b 23 23 23 1898; 1884 << b 23 23 23 1902; 1885 >> b 23 23 23 1903;
	1886 & b 20 20 20 1904; 1890 << b 20 23 20 1908; 1891 >> b 20 23 20 1909; 1916 + l 0 20 20 1910; 1917 + l 0 21 21 1911; 1918 + l 0 23 23 1912;
	1919 + l 0 700 700 1913; 1920 + l 0 701 701 1914; 1921 + l 0 1700 1700 1915; 1955 = b 17 17 16 1948; 1956 <> b 17 17 16 1953; 1957 < b 17 17 16 1949;
	1958 <= b 17 17 16 1950; 1959 > b 17 17 16 1951; 1960 >= b 17 17 16 1952; 2060 = b 1114 1114 16 2052; 2061 <> b 1114 1114 16 2053; 2062 < b 1114 1114 16 2054;
	2063 <= b 1114 1114 16 2055; 2064 > b 1114 1114 16 2057; 2065 >= b 1114 1114 16 2056; 2345 < b 1082 1114 16 2338; 2346 <= b 1082 1114 16 2339; 2347 = b 1082 1114 16 2340;
	2348 >= b 1082 1114 16 2342; 2349 > b 1082 1114 16 2341; 2350 <> b 1082 1114 16 2343; 2371 < b 1114 1082 16 2364; 2372 <= b 1114 1082 16 2365; 2373 = b 1114 1082 16 2366;
	2374 >= b 1114 1082 16 2368; 2375 > b 1114 1082 16 2367; 2376 <> b 1114 1082 16 2369; 2555 + b 23 1082 1082 2550;
	2972 = b 2950 2950 16 2956; 2973 <> b 2950 2950 16 2959; 2974 < b 2950 2950 16 2954; 2975 > b 2950 2950 16 2958; 2976 <= b 2950 2950 16 2955; 2977 >= b 2950 2950 16 2957;
	3206 #>> b 3802 1009 25 3940; 3211 -> b 3802 25 3802 3478; 3212 -> b 3802 23 3802 3215; 3213 #> b 3802 1009 3802 3217; 3240 = b 3802 3802 16 4043; 3241 <> b 3802 3802 16 4038;
	3242 < b 3802 3802 16 4039; 3243 > b 3802 3802 16 4040; 3244 <= b 3802 3802 16 4041; 3245 >= b 3802 3802 16 4042; 3246 @> b 3802 3802 16 4046; 3247 ? b 3802 25 16 4047;
	3248 ?| b 3802 1009 16 4048; 3249 ?& b 3802 1009 16 4049; 3250 <@ b 3802 3802 16 4050; 3284 || b 3802 3802 3802 3301; 3285 - b 3802 25 3802 3302; 3286 - b 3802 23 3802 3303; 3287 #- b 3802 1009 3802 3304;
	3398 - b 3802 1009 3802 3343; 3477 ->> b 3802 25 25 3214; 3481 ->> b 3802 23 25 3216; 3962 -> b 114 25 114 3947; 3963 ->> b 114 25 25 3948; 3964 -> b 114 23 114 3949;
	3965 ->> b 114 23 25 3950; 3966 #> b 114 1009 114 3951; 3967 #>> b 114 1009 25 3953;
`

// pgOperator is one row of pg_operator.
type pgOperator struct {
	oid                       int64
	name                      string
	kind                      string
	left, right, result, code int64
}

var catalogOperators = func() []pgOperator {
	var ops []pgOperator
	for _, e := range strings.Split(operatorRows, ";") {
		f := strings.Fields(e)
		if len(f) == 0 {
			continue
		}
		n := func(i int) int64 {
			v, err := strconv.ParseInt(f[i], 10, 64)
			if err != nil || len(f) != 7 {
				panic("bad operator row: " + e)
			}
			return v
		}
		ops = append(ops, pgOperator{oid: n(0), name: f[1], kind: f[2], left: n(3), right: n(4), result: n(5), code: n(6)})
	}
	return ops
}()

func init() {
	s := sysSchema("", oidCol("oid"), textCol("oprname"), oidCol("oprnamespace"), oidCol("oprowner"), textCol("oprkind"),
		boolCol("oprcanmerge"), boolCol("oprcanhash"), oidCol("oprleft"), oidCol("oprright"), oidCol("oprresult"),
		oidCol("oprcode"))
	s.Name = "pg_operator"
	systemTables["pg_catalog.pg_operator"] = &systemTable{schema: s, rows: func(*Session) [][]types.Value {
		rows := make([][]types.Value, len(catalogOperators))
		for i, o := range catalogOperators {
			rows[i] = []types.Value{oidVal(o.oid), text(o.name), oidVal(oidPgCatalog), oidVal(oidSuperuser), text(o.kind),
				boolVal(false), boolVal(false), oidVal(o.left), oidVal(o.right), oidVal(o.result), oidVal(o.code)}
		}
		return rows
	}}
}

// buildOperatorIsVisible is pg_operator_is_visible(oid): every operator is pg_catalog's,
// on every search path; NULL for an oid that is no operator.
func buildOperatorIsVisible(c *funcCall) (*expr, error) {
	a := c.args[0]
	return fold(&expr{typ: types.Bool, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Bool, Null: true}, err
		}
		for _, o := range catalogOperators {
			if o.oid == v.I {
				return types.NewBool(true), nil
			}
		}
		return types.Value{T: types.Bool, Null: true}, nil
	}}, a)
}

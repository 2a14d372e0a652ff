package types

import (
	"strings"
	"time"
)

// tzAbbrevs are the time zone abbreviations of PostgreSQL 15's "Default" timezone_abbreviations
// set (share/timezonesets/Default). timestamp and date input accept and ignore them.
var tzAbbrevs = setOf(`
	acdt acsst acst act acwst adt aedt aesst aest aft akdt akst almst almt amst amt anast anat
	arst art ast awsst awst azost azot azst azt bdst bdt bnt bort bot bra brst brt bst btt cadt
	cast cct cdt cest cet cetdst chadt chast chut ckt clst clt cot cst cxt davt ddut easst east
	eat edt eest eet eetdst egst egt est fet fjst fjt fkst fkt fnst fnt galt gamt gest get gft
	gilt gmt gyt hkt hst ict idt iot irkst irkt irt ist jayt jst kdt kgst kgt kost krast krat kst
	lhdt lhst ligt lint lkt magst magt mart mawt mdt mest mesz met metdst mez mht mmt mpt msd msk
	mst must mut mvt myt ndt nft novst novt npt nst nut nzdt nzst nzt omsst omst pdt pet petst
	pett pgt pht pkst pkt pmdt pmst pont pst pwt pyst pyt ret sadt sast sct sgt taht tft tjt tkt
	tmt tot trut tvt uct ulast ulat ut utc uyst uyt uzst uzt vet vlast vlat volt vut wadt wakt
	wast wat wdt wet wetdst wft wgst wgt xjt yakst yakt yapt yekst yekt z zulu `)

// tzMarked are the abbreviations among tzAbbrevs that PostgreSQL marks with a field bit
// of their own (daylight-saving ones, flagged D, and dynamic ones, defined by a zone name):
// a date field after one is refused.
var tzMarked = setOf(`
	acdt acsst adt aedt aesst akdt almst amst anast anat arst art awsst azost azst azt bdst
	brst bst cadt cdt cest cetdst chadt ckt clst clt davt easst east edt eest eetdst egst fjst
	fkst fkt fnst gest get gyt idt iot irkst irkt kdt kgst kgt kost krast krat lhdt lint lkt
	magst magt mawt mdt mest mesz metdst msd msk must ndt novst novt nut nzdt omsst omst pdt
	petst pett pkst pmdt pyst pyt sadt sgt tkt tmt ulast ulat uyst uzst vet vlast vlat volt
	wadt wdt wetdst wgst yakst yakt yekst yekt
`)

// zoneAbbrevOffsets are the offsets, in seconds east, of the fixed-offset abbreviations of
// the Default set (daylight-saving ones included: their offset is the summer one).
var zoneAbbrevOffsets = map[string]int{
	"eat": 10800, "sast": 7200, "wat": 3600, "act": -18000, "akdt": -28800, "akst": -32400,
	"bot": -14400, "bra": -10800, "brst": -7200, "brt": -10800, "cot": -18000, "cdt": -18000,
	"clst": -10800, "cst": -21600, "edt": -14400, "egst": 0, "egt": -3600, "est": -18000,
	"fnt": -7200, "fnst": -3600, "gft": -10800, "mdt": -21600, "mst": -25200, "ndt": -9000,
	"nft": -12600, "nst": -12600, "pet": -18000, "pdt": -25200, "pmdt": -7200, "pmst": -10800,
	"pst": -28800, "pyst": -10800, "uyst": -7200, "uyt": -10800, "wgst": -7200, "wgt": -10800,
	"ddut": 36000, "aft": 16200, "almt": 21600, "almst": 25200, "amt": -14400, "bdt": 21600,
	"bnt": 28800, "bort": 28800, "btt": 21600, "cct": 28800, "hkt": 28800, "ict": 25200, "idt": 10800,
	"irt": 12600, "ist": 7200, "jayt": 32400, "jst": 32400, "kdt": 36000, "kgst": 21600, "kst": 32400,
	"mmt": 23400, "myt": 28800, "npt": 20700, "pht": 28800, "pkt": 18000, "pkst": 21600, "tjt": 18000,
	"ulast": 32400, "uzst": 21600, "uzt": 18000, "xjt": 21600, "yekst": 21600, "adt": -10800,
	"ast": -14400, "azost": 0, "azot": -3600, "acsst": 37800, "acdt": 37800, "acst": 34200,
	"acwst": 31500, "aesst": 39600, "aedt": 39600, "aest": 36000, "awsst": 32400, "awst": 28800,
	"cadt": 37800, "cast": 34200, "lhst": 37800, "ligt": 36000, "nzt": 43200, "sadt": 37800,
	"wadt": 28800, "wast": 25200, "wdt": 32400, "gmt": 0, "uct": 0, "ut": 0, "utc": 0, "z": 0,
	"zulu": 0, "bst": 3600, "bdst": 7200, "cest": 7200, "cet": 3600, "cetdst": 7200, "eest": 10800,
	"eet": 7200, "eetdst": 10800, "fet": 10800, "mest": 7200, "mesz": 7200, "met": 3600, "metdst": 7200,
	"mez": 3600, "msd": 14400, "wet": 0, "wetdst": 3600, "cxt": 25200, "mut": 14400, "must": 18000,
	"mvt": 18000, "ret": 14400, "sct": 14400, "tft": 18000, "chadt": 49500, "chast": 45900,
	"chut": 36000, "fjst": 46800, "fjt": 43200, "galt": -21600, "gamt": -32400, "gilt": 43200,
	"hst": -36000, "mart": -34200, "mht": 43200, "mpt": 36000, "nzdt": 46800, "nzst": 43200,
	"pgt": 36000, "pont": 39600, "pwt": 32400, "taht": -36000, "tot": 46800, "trut": 36000,
	"tvt": 43200, "vut": 39600, "wakt": 43200, "wft": 43200, "yapt": 36000,
}

// zoneAbbrevZones are the Default set's dynamic abbreviations: each stands for what its zone
// called by that name at the time in question (MSK was +04 from 2011 to 2014).
var zoneAbbrevZones = map[string]string{
	"art": "America/Argentina/Buenos_Aires", "arst": "America/Argentina/Buenos_Aires",
	"clt": "America/Santiago", "gyt": "America/Guyana", "pyt": "America/Asuncion",
	"vet": "America/Caracas", "davt": "Antarctica/Davis", "mawt": "Antarctica/Mawson",
	"amst": "Asia/Yerevan", "anast": "Asia/Anadyr", "anat": "Asia/Anadyr",
	"azst": "Asia/Baku", "azt": "Asia/Baku", "gest": "Asia/Tbilisi", "get": "Asia/Tbilisi",
	"irkst": "Asia/Irkutsk", "irkt": "Asia/Irkutsk", "kgt": "Asia/Bishkek",
	"krast": "Asia/Krasnoyarsk", "krat": "Asia/Krasnoyarsk", "lkt": "Asia/Colombo",
	"magst": "Asia/Magadan", "magt": "Asia/Magadan", "novst": "Asia/Novosibirsk",
	"novt": "Asia/Novosibirsk", "omsst": "Asia/Omsk", "omst": "Asia/Omsk",
	"petst": "Asia/Kamchatka", "pett": "Asia/Kamchatka", "sgt": "Asia/Singapore",
	"tmt": "Asia/Ashgabat", "ulat": "Asia/Ulaanbaatar", "vlast": "Asia/Vladivostok",
	"vlat": "Asia/Vladivostok", "yakst": "Asia/Yakutsk", "yakt": "Asia/Yakutsk",
	"yekt": "Asia/Yekaterinburg", "fkst": "Atlantic/Stanley", "fkt": "Atlantic/Stanley",
	"lhdt": "Australia/Lord_Howe", "msk": "Europe/Moscow", "volt": "Europe/Volgograd",
	"iot": "Indian/Chagos", "ckt": "Pacific/Rarotonga", "easst": "Pacific/Easter",
	"east": "Pacific/Easter", "kost": "Pacific/Kosrae", "lint": "Pacific/Kiritimati",
	"nut": "Pacific/Niue", "tkt": "Pacific/Fakaofo",
}

// ZoneAbbrevOffset is the offset (seconds east) of a fixed-offset zone abbreviation.
func ZoneAbbrevOffset(name string) (int, bool) {
	off, ok := zoneAbbrevOffsets[strings.ToLower(name)]
	return off, ok
}

// DynamicAbbrevZone is the zone of a dynamic abbreviation (MSK: Europe/Moscow).
func DynamicAbbrevZone(name string) (*time.Location, bool) {
	z, ok := zoneAbbrevZones[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return LoadZone(z)
}

// abbrevMeaning is what abbreviation abbr meant in zone loc at instant secs (Unix seconds),
// as PostgreSQL's pg_interpret_timezone_abbrev finds it: the offset of its latest use that
// began at or before the instant, else of its first use after; false when loc never used it.
func abbrevMeaning(abbr string, loc *time.Location, secs int64) (int, bool) {
	abbr = strings.ToUpper(abbr)
	// Backwards from the instant: a period counts only when a transition began it (the zone's
	// first, local mean time, is not a transition in the zone file).
	t := time.Unix(secs, 0).In(loc)
	for i := 0; i < 2000; i++ {
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			break
		}
		if name, off := t.Zone(); name == abbr {
			return off, true
		}
		t = start.Add(-time.Second).In(loc)
	}
	t = time.Unix(secs, 0).In(loc)
	for i := 0; i < 2000; i++ {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Year() > 2037 { // the zone file lists transitions to 2037
			break
		}
		t = end.In(loc)
		if name, off := t.Zone(); name == abbr {
			return off, true
		}
	}
	return 0, false
}

// DynamicAbbrevAtInstant is the offset (seconds east) a dynamic abbreviation stands for at
// instant us (AT TIME ZONE 'MSK' of a timestamptz): PostgreSQL's
// DetermineTimeZoneAbbrevOffsetTS, the zone's own offset then when the zone never used it.
func DynamicAbbrevAtInstant(abbr string, us int64) (int, bool) {
	loc, ok := DynamicAbbrevZone(abbr)
	if !ok {
		return 0, false
	}
	secs := floorDiv(us, 1e6)
	if off, ok := abbrevMeaning(abbr, loc, secs); ok {
		return off, true
	}
	_, off := time.Unix(secs, 0).In(loc).Zone()
	return off, true
}

// DynamicAbbrevAtLocal is the offset (seconds east) a dynamic abbreviation stands for at
// wall clock local (timestamptz input, AT TIME ZONE 'MSK' of a timestamp): PostgreSQL's
// DetermineTimeZoneAbbrevOffset probes the instant the zone gives that wall clock.
func DynamicAbbrevAtLocal(abbr string, local int64) (int, bool) {
	loc, ok := DynamicAbbrevZone(abbr)
	if !ok {
		return 0, false
	}
	zoneOff := ZoneOffsetAt(local, loc)
	if off, ok := abbrevMeaning(abbr, loc, floorDiv(local, 1e6)-zoneOff); ok {
		return off, true
	}
	return int(zoneOff), true
}

package types

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

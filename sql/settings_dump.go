package sql

// pg_dump's plain output begins by setting default_tablespace, default_table_access_method and
// xmloption (and dumps from older servers set default_with_oids = false), so a restore stops
// at its first lines unless they are accepted. drove accepts each with PostgreSQL 15's checks
// for the values it can honour: its one tablespace is pg_default (the only row of its
// pg_tablespace), its one table access method is heap, and tables never have oids.

// dumpSettingDefs are the settings pg_dump's plain output sets.
func dumpSettingDefs() []*settingDef {
	return []*settingDef{
		{name: "default_tablespace", desc: "Sets the default tablespace to create tables and indexes in.", check: checkDefaultTablespace},
		{name: "default_table_access_method", def: "heap", desc: "Sets the default table access method for new tables.", check: checkTableAccessMethod},
		{name: "default_with_oids", def: "off", hidden: true, desc: "WITH OIDS is no longer supported; this can only be false.", check: checkWithOids},
	}
}

// checkDefaultTablespace accepts the empty name (the database's tablespace) and pg_default,
// as PostgreSQL does each name pg_tablespace lists.
func checkDefaultTablespace(v string) (string, error) {
	if v == "" || v == "pg_default" {
		return v, nil
	}
	return "", &Error{Code: "22023", Message: `invalid value for parameter "default_tablespace": "` + v + `"`,
		Detail: `Tablespace "` + v + `" does not exist.`}
}

// checkTableAccessMethod accepts heap, the only table access method drove has.
func checkTableAccessMethod(v string) (string, error) {
	msg := `invalid value for parameter "default_table_access_method": "` + v + `"`
	switch v {
	case "heap":
		return v, nil
	case "":
		return "", &Error{Code: "22023", Message: msg, Detail: "default_table_access_method cannot be empty."}
	}
	return "", &Error{Code: "22023", Message: msg, Detail: `Table access method "` + v + `" does not exist.`}
}

// checkWithOids accepts only false, as PostgreSQL 12 and later do.
func checkWithOids(v string) (string, error) {
	b, err := checkBool("default_with_oids")(v)
	if err == nil && b == "on" {
		return "", Errorf("0A000", "tables declared WITH OIDS are not supported")
	}
	return b, err
}

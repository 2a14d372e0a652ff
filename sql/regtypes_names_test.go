package sql

import "testing"

// A function in FROM returning a scalar under an OUT parameter's name (json_array_elements'
// value) names its column so whatever the table's alias, as PostgreSQL 15 does (psql prints
// "value" for SELECT * FROM json_array_elements('[1,2]') q); one without (unnest) takes the
// alias, and a column alias list renames either.
func TestScalarOutFunctionColumnNames(t *testing.T) {
	checkColumnNames(t, map[string]string{
		"SELECT * FROM json_array_elements('[1,2]') q":                "value",
		"SELECT * FROM jsonb_array_elements_text('[1]') AS q":         "value",
		"SELECT * FROM json_array_elements('[1]')":                    "value",
		"SELECT * FROM jsonb_array_elements('[1]') WITH ORDINALITY q": "value,ordinality",
		"SELECT * FROM jsonb_array_elements('[1]') q(v)":              "v",
		"SELECT q FROM json_array_elements('[1]') q":                  "q",
		"SELECT * FROM unnest(ARRAY[1]) q":                            "q",
		"SELECT * FROM unnest(ARRAY[1]) WITH ORDINALITY q":            "q,ordinality",
	})
}

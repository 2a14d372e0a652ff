package types

// JSONPath is PostgreSQL's jsonpath: S holds the path's normalised text (jsonpath_out's),
// which internal/jsonpath parses back when a function evaluates it.
const JSONPath Type = 47

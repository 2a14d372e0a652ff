// Package copydata reads and writes the data stream of PostgreSQL's COPY in its text and CSV
// formats: the server decodes COPY FROM STDIN with it and encodes COPY TO STDOUT, and
// `drove load` uses the same reader to find bad rows and cut a file into batches before any
// byte reaches the server. The rules are PostgreSQL 15's (see its COPY reference, "File
// Formats"), including \N and backslash escapes in text, quoted NULL-vs-empty in CSV and the
// \. end-of-data line.
package copydata

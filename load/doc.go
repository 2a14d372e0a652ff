// Package load is the bulk loader behind `drove load`: it reads a CSV (or COPY text) file,
// cuts it into batches of records and sends each batch as one COPY FROM STDIN over one of a
// few connections, so every batch is one transaction and one log entry, and concurrent
// batches share the server's group commit.
//
// The loader does not decode fields: it only finds where records end (following CSV quotes
// across lines) and forwards the bytes in the file's own format, so the client costs little
// more than reading the file. The server decodes every row; a row it refuses (malformed, a
// bad value, a duplicate key) fails its batch, and the COPY error names the row's line in
// the batch (its CONTEXT). The loader maps that back to the file's line, reports the row,
// drops it and sends the rest of the batch again. Once more rows than MaxErrors
// were bad, no further batch starts; the batches already committed stay, and no batch is ever
// half applied.
package load

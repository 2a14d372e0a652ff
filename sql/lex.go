package sql

import (
	"errors"

	"github.com/drovedb/drove/sql/lexer"
)

// lexSQL splits a statement's PostgreSQL text into tokens with sql/lexer, the one lexer of
// the front end; its errors become *Error with the same SQLSTATE and message.
func lexSQL(q string) ([]lexer.Token, error) {
	toks, err := lexer.Lex(q)
	if err != nil {
		return nil, lexError(err)
	}
	return toks, nil
}

func lexError(err error) error {
	var le *lexer.Error
	if errors.As(err, &le) {
		return &Error{Code: le.Code, Message: le.Error(), Hint: le.Hint}
	}
	return err
}

// lexErrorIn is lexError for an error in the query string q, with its position.
func lexErrorIn(err error, q string) error {
	var le *lexer.Error
	if errors.As(err, &le) {
		return &Error{Code: le.Code, Message: le.Error(), Hint: le.Hint, Position: le.Position(q)}
	}
	return err
}

//go:build !linux

package sysmonslack

import (
	"errors"
	"time"
)

// Set does nothing here: thread timer slack is Linux's.
func Set(time.Duration) (int, error) {
	return 0, errors.New("sysmonslack: not supported on this system")
}

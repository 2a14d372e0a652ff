package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterh/liner"
)

// Interactive reads statements at a prompt with line editing, running each as it completes
// and carrying on after errors. History is loaded from and saved to historyPath ("" for
// none).
func (sh *Shell) Interactive(ctx context.Context, historyPath string) error {
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	if historyPath != "" {
		if f, err := os.Open(historyPath); err == nil {
			ln.ReadHistory(f)
			f.Close()
		}
		defer func() {
			if f, err := os.Create(historyPath); err == nil {
				ln.WriteHistory(f)
				f.Close()
			}
		}()
	}
	fmt.Fprintln(sh.Out, `drove SQL shell. End statements with ";". \? for help, \q to quit.`)
	var sp Splitter
	for {
		prompt := "drove> "
		if sp.Pending() != "" {
			prompt = "   ...> "
		}
		line, err := ln.Prompt(prompt)
		switch {
		case errors.Is(err, liner.ErrPromptAborted): // Ctrl-C drops the unfinished statement
			sp.Reset()
			continue
		case errors.Is(err, io.EOF):
			fmt.Fprintln(sh.Out)
			return nil
		case err != nil:
			return err
		}
		trimmed := strings.TrimSpace(line)
		if trimmed != "" {
			ln.AppendHistory(line)
		}
		var stmts []string
		if sp.Pending() == "" && strings.HasPrefix(trimmed, `\`) {
			stmts = []string{trimmed}
		} else {
			stmts = sp.Add(line + "\n")
		}
		for _, st := range stmts {
			if err := sh.Exec(ctx, st); errors.Is(err, errQuit) {
				return nil
			}
		}
	}
}

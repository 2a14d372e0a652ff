package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version and commit are stamped at build time by the Makefile:
//
//	-ldflags "-X main.version=v1.2.3 -X main.commit=<git sha>"
//
// A plain `go build` or `go run` leaves them empty; the Go toolchain's build info (module
// version, vcs.revision, vcs.modified) fills in what it knows.
var version, commit string

func versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the drove version and the commit it was built from",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "drove %s\n", cmd.Root().Version)
		},
	}
}

func readBuildInfo() *debug.BuildInfo {
	bi, _ := debug.ReadBuildInfo()
	return bi
}

// versionString is "v1.2.3 (commit 0123abcd)", with ", modified" when the tree had
// uncommitted changes. Stamped values win over the build info; "dev" when nothing is known.
func versionString(version, commit string, bi *debug.BuildInfo) string {
	modified, fromBuildInfo := false, false
	if bi != nil {
		if version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			version = bi.Main.Version // go install module@version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit, fromBuildInfo = s.Value, true
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	modified = modified && fromBuildInfo // a stamped version says so itself (git describe --dirty)
	if version == "" {
		version = "dev"
	}
	switch {
	case commit == "":
		return version
	case modified:
		return fmt.Sprintf("%s (commit %s, modified)", version, commit)
	}
	return fmt.Sprintf("%s (commit %s)", version, commit)
}

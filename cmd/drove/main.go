package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func main() {
	if err := rootCmd().Execute(); err != nil {
		if !errors.Is(err, errSilentFailure) {
			fmt.Fprintln(os.Stderr, "drove:", err)
		}
		os.Exit(1)
	}
}

func rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "drove",
		Short:         "drove is a replicated-log SQL database that speaks the PostgreSQL protocol",
		SilenceUsage:  true,
		SilenceErrors: true,
		// Like the postgres image, every flag can come from the environment: --data-dir from
		// DROVE_DATA_DIR, --url from DROVE_URL. A flag on the command line wins.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return flagsFromEnv(cmd.Flags()) },
	}
	root.Version = versionString(version, commit, readBuildInfo())
	root.SetVersionTemplate("drove {{.Version}}\n")
	root.AddCommand(serverCmd(), sqlCmd(), statusCmd(), tablespaceCmd(), nodeCmd(), checkpointCmd(), loadCmd(), backupCmd(), restoreCmd(), versionCmd())
	return root
}

// flagsFromFile sets each flag not given on the command line or in the environment from a
// TOML file whose keys are flag names. An unknown key is an error: a typo must not be
// silently ignored.
func flagsFromFile(flags *pflag.FlagSet, path string) error {
	var settings map[string]any
	if _, err := toml.DecodeFile(path, &settings); err != nil {
		return fmt.Errorf("--config: %w", err)
	}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := flags.Lookup(k)
		if f == nil || k == "config" {
			return fmt.Errorf("--config %s: unknown setting %q", path, k)
		}
		if f.Changed {
			continue
		}
		if err := flags.Set(k, fmt.Sprint(settings[k])); err != nil {
			return fmt.Errorf("--config %s: %s: %w", path, k, err)
		}
	}
	return nil
}

// flagsFromEnv sets each flag not given on the command line from DROVE_<FLAG_NAME>.
func flagsFromEnv(flags *pflag.FlagSet) error {
	var err error
	flags.VisitAll(func(f *pflag.Flag) {
		env := "DROVE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok && !f.Changed && err == nil {
			if serr := flags.Set(f.Name, v); serr != nil {
				err = fmt.Errorf("%s: %w", env, serr)
			}
		}
	})
	return err
}

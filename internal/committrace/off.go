//go:build !committrace

package committrace

// Enabled reports whether this build records marks.
const Enabled = false

// Mark records nothing in a build without the committrace tag.
func Mark(Stage, uint64, uint64) {}

package drove_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// goBlock is a fenced ```go block of a Markdown file.
type goBlock struct {
	file string
	line int
	code string
}

// goBlocks returns the ```go blocks of a Markdown file, without the indentation of a list item.
func goBlocks(t *testing.T, file string) []goBlock {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []goBlock
	var cur *goBlock
	indent := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && trimmed == "```go":
			cur = &goBlock{file: file, line: n}
			indent = line[:strings.Index(line, "```")]
		case cur != nil && trimmed == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.code += strings.TrimPrefix(line, indent) + "\n"
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s:%d: unterminated ```go block", file, cur.line)
	}
	return blocks
}

// TestDocsGoBlocksCompile builds every Go block of README.md and docs/*.md against this
// checkout, so the documentation's code cannot rot. A block must be a whole program or
// package (it starts with "package"): a fragment cannot be checked.
func TestDocsGoBlocksCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the documentation's programs")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("docs/*.md")
	files = append([]string{"README.md"}, files...)
	var blocks []goBlock
	for _, f := range files {
		blocks = append(blocks, goBlocks(t, f)...)
	}
	if len(blocks) == 0 {
		t.Fatal("no ```go blocks found in README.md: the extraction is broken")
	}
	// Each block becomes a package of its own inside this module through -overlay, so it
	// builds against this checkout's code without writing into the source tree.
	tmp := t.TempDir()
	overlay := map[string]string{}
	var pkgs []string
	for i, b := range blocks {
		if !strings.HasPrefix(strings.TrimSpace(b.code), "package ") {
			t.Errorf("%s:%d: a ```go block must be a whole file starting with \"package\", so this test can compile it", b.file, b.line)
			continue
		}
		src := filepath.Join(tmp, fmt.Sprintf("block%d.go", i))
		// A //line directive makes compiler errors point at the Markdown file.
		code := fmt.Sprintf("//line %s:%d\n%s", filepath.Join(root, b.file), b.line+1, b.code)
		if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
			t.Fatal(err)
		}
		dir := fmt.Sprintf("doccheck%d", i)
		overlay[filepath.Join(root, dir, "main.go")] = src
		pkgs = append(pkgs, "./"+dir)
	}
	if len(pkgs) == 0 {
		return
	}
	js, _ := json.Marshal(map[string]any{"Replace": overlay})
	ov := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ov, js, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"build", "-o", os.DevNull, "-overlay", ov}, pkgs...)
	if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"byline/news"
)

// Errors for files byline will not read.
var (
	ErrBinary      = errors.New("binary file, not text")
	ErrUnsupported = errors.New("unsupported file type (byline reads .txt, .md and .html)")
	ErrEmpty       = errors.New("no text in it")
)

// maxFileSize bounds what one article file may weigh; news stories are
// kilobytes, so anything bigger is a mistake.
const maxFileSize = 16 << 20

// kinds maps file extensions to their parsers.
var kinds = map[string]func(data []byte, name string) (*news.Article, error){
	".txt":      ParseText,
	".text":     ParseText,
	".md":       ParseMarkdown,
	".markdown": ParseMarkdown,
	".html":     parseHTMLFile,
	".htm":      parseHTMLFile,
}

func parseHTMLFile(data []byte, name string) (*news.Article, error) {
	return ParseHTML(data, fileURL(name))
}

// Supported reports whether ReadFile reads files with this name.
func Supported(name string) bool {
	_, ok := kinds[strings.ToLower(filepath.Ext(name))]
	return ok
}

// ReadFile reads one article from a .txt, .md or .html file. The article's
// URL is the file's file:// URL unless the file names its own, so adding
// the same file again updates the article instead of duplicating it.
func ReadFile(path string) (*news.Article, error) {
	parse, ok := kinds[strings.ToLower(filepath.Ext(path))]
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return nil, fmt.Errorf("%s: %w", path, notRegular(fi.Mode())) // what it is matters more than its name
	}
	if !ok {
		return nil, fmt.Errorf("%s: %w", path, ErrUnsupported)
	}
	data, err := readRegular(path)
	if err != nil {
		return nil, err
	}
	a, err := parse(data, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if a.URL == "" {
		a.URL = fileURL(path)
	}
	return a, nil
}

// readRegular reads a regular file of at most maxFileSize bytes. Anything
// else (a FIFO, a socket, a device) is refused without reading it: a FIFO
// would block for ever.
func readRegular(path string) ([]byte, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", path, notRegular(fi.Mode()))
	}
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: %w", path, notRegular(fi.Mode()))
	case fi.Size() > maxFileSize:
		return nil, fmt.Errorf("%s: larger than %d MB", path, maxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d MB", path, maxFileSize>>20)
	}
	return data, nil
}

// ErrNotRegular is the error for a path that is no regular file.
var ErrNotRegular = errors.New("not a regular file")

func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return fmt.Errorf("a %s, %w", kind, ErrNotRegular)
}

// unwrapPath drops the path from an *fs.PathError: the caller names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ParseInput reads an article of unknown kind, such as standard input:
// HTML when it looks like a page, Markdown when it has front matter or
// headings, text otherwise.
func ParseInput(data []byte, name string) (*news.Article, error) {
	head := strings.ToLower(string(bytes.TrimSpace(data[:min(len(data), 512)])))
	switch {
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<body"):
		return ParseHTML(data, "")
	case strings.HasPrefix(head, "---\n") || strings.HasPrefix(head, "# "):
		return ParseMarkdown(data, name)
	}
	return ParseText(data, name)
}

// checkText refuses binary input and returns the text as UTF-8, without
// a byte-order mark and with Unix line ends. Text that is not UTF-8 is
// read in the Cyrillic, Greek or East Asian charset detectUndeclared
// recognises, else as Windows-1252: a file saved in Latin-1, or UTF-8
// with a Latin-1 line pasted in, reads as its author wrote it.
func checkText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	sample := data[:min(len(data), 8192)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return "", ErrBinary
	}
	controls := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	if controls*10 > len(sample) && len(sample) > 0 {
		return "", ErrBinary
	}
	text := data
	if !utf8.Valid(data) {
		text = repairUTF8(data)
		if e, _ := detectUndeclared(data); e != nil {
			if out, err := e.NewDecoder().Bytes(data); err == nil {
				text = out
			}
		}
	}
	s := strings.ReplaceAll(string(text), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	return s, nil
}

// Files lists the article files under root: root itself when it is a file,
// else every supported file below it, hidden files and folders skipped,
// sorted.
func Files(root string) ([]string, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{root}, nil
	}
	// WalkDir does not follow a symbolic link, not even the root: given a
	// link to a folder it would list the link alone. A trailing separator
	// makes it open the folder; the paths still begin with what was given.
	walkRoot := root
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		walkRoot += string(filepath.Separator)
	}
	var out []string
	err = filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != walkRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		// A FIFO, socket or device is listed whatever its name, so that
		// reading it says what it is and skips it.
		special := d.Type()&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice) != 0
		if !d.IsDir() && (Supported(path) || special) {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func fileURL(path string) string {
	if path == "" {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

package feed

import (
	"strconv"
	"strings"
	"time"

	"byline/internal/termtext"
	"byline/news"
)

// ParseMarkdown reads a Markdown article with optional YAML front matter
// (title, date, source, url, author, tags). Without a title there, the
// first "# " heading is the title; without one, the first sentence.
func ParseMarkdown(data []byte, name string) (*news.Article, error) {
	s, err := checkText(data)
	if err != nil {
		return nil, err
	}
	s = termtext.Clean(s)
	a := &news.Article{}
	body := s
	if meta, rest, ok := frontMatter(s); ok {
		body = rest
		applyFrontMatter(a, meta)
	}
	body = strings.TrimSpace(body)
	if strings.HasPrefix(body, "# ") {
		heading, rest, _ := strings.Cut(body, "\n")
		if a.Title == "" {
			a.Title = strings.TrimSpace(strings.TrimPrefix(heading, "# "))
		}
		if a.Title == strings.TrimSpace(strings.TrimPrefix(heading, "# ")) {
			body = strings.TrimSpace(rest)
		}
	}
	if body == "" && a.Title == "" {
		return nil, ErrEmpty
	}
	if a.Title == "" {
		a.Title = headlineFrom(body)
	}
	a.Title = termtext.Line(a.Title)
	a.Body = body
	a.Words = news.WordCount(body)
	return a, nil
}

// frontMatter splits "---\nkey: value\n---\n" off the top of s.
func frontMatter(s string) (map[string]string, string, bool) {
	if !strings.HasPrefix(s, "---\n") {
		return nil, s, false
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return nil, s, false
	}
	block := s[4 : 4+end]
	rest := s[4+end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		rest = ""
	}
	meta := map[string]string{}
	var listKey string
	for _, line := range strings.Split(block, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if item, ok := strings.CutPrefix(strings.TrimSpace(line), "- "); ok && listKey != "" {
			// A block list: "tags:\n  - a\n  - b".
			if meta[listKey] != "" {
				meta[listKey] += ","
			}
			meta[listKey] += unquote(item)
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		listKey = ""
		if value == "" {
			listKey = key
			continue
		}
		if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
			items := strings.Split(value[1:len(value)-1], ",")
			for i := range items {
				items[i] = unquote(strings.TrimSpace(items[i]))
			}
			value = strings.Join(items, ",")
		} else {
			value = unquote(value)
		}
		meta[key] = value
	}
	return meta, rest, true
}

func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

func applyFrontMatter(a *news.Article, meta map[string]string) {
	a.Title = meta["title"]
	a.Source = firstOf(meta, "source", "publisher", "site")
	a.Author = firstOf(meta, "author", "byline")
	a.URL = firstOf(meta, "url", "link", "canonical")
	if d := firstOf(meta, "date", "published"); d != "" {
		a.Published = parseDate(d)
	}
	if added := meta["added"]; added != "" {
		a.Added = parseDate(added)
	}
	if tags := meta["tags"]; tags != "" {
		for _, t := range strings.Split(tags, ",") {
			if t = strings.TrimSpace(t); t != "" {
				a.Tags = append(a.Tags, t)
			}
		}
	}
	a.Read = meta["read"] == "true"
	a.Starred = meta["starred"] == "true"
}

func firstOf(meta map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := meta[k]; v != "" {
			return v
		}
	}
	return ""
}

func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly, time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return parseLooseDate(s)
}

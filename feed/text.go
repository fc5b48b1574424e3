package feed

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"byline/internal/termtext"
	"byline/news"
)

// ParseText reads a news story saved as plain text, the way people copy one
// out of a web page: page chrome around it, perhaps a headline line, a
// byline, a dateline that names the outlet, picture credits. The headline
// becomes the title (or one is made from the first sentence), the dateline
// gives the source, and the chrome is dropped.
func ParseText(data []byte, name string) (*news.Article, error) {
	s, err := checkText(data)
	if err != nil {
		return nil, err
	}
	paras := paragraphs(termtext.Clean(s))
	a := &news.Article{}
	paras = dropChrome(paras, a)
	if len(paras) == 0 {
		return nil, ErrEmpty
	}
	if looksLikeHeadline(paras) {
		a.Title = paras[0]
		paras = dropChrome(paras[1:], a)
	}
	place := ""
	if len(paras) > 0 {
		var source string
		paras[0], source, place = cutDateline(paras[0])
		if a.Source == "" {
			a.Source = source
		}
	}
	a.Body = strings.Join(paras, "\n\n")
	if strings.TrimSpace(a.Body) == "" {
		if a.Title == "" {
			return nil, ErrEmpty
		}
		a.Body = a.Title
	}
	if a.Title == "" {
		a.Title = headlineFrom(a.Body)
	}
	if place != "" {
		// The dateline's place stays with the story, as a wire reader
		// reads it (and it is often the only mention of where it
		// happened); its outlet went to Source.
		a.Body = place + " — " + a.Body
	}
	a.Title = termtext.Line(a.Title)
	a.Words = news.WordCount(a.Body)
	return a, nil
}

// paragraphs splits text at blank lines and joins the hard-wrapped lines
// inside each paragraph, except where lines are list items.
func paragraphs(s string) []string {
	var out []string
	for _, block := range regexp.MustCompile(`\n[ \t]*\n`).Split(s, -1) {
		var b strings.Builder
		flush := func() {
			if p := strings.TrimSpace(b.String()); p != "" {
				out = append(out, p)
			}
			b.Reset()
		}
		for _, l := range strings.Split(block, "\n") {
			l = strings.TrimSpace(l)
			switch {
			case l == "":
			case isChrome(l):
				// Chrome glued to text by a single newline
				// ("Advertisement\nThe council said…") is dropped.
			case isMetaLine(l):
				// A byline or timestamp stands alone so dropChrome sees it.
				flush()
				b.WriteString(l)
				flush()
			default:
				if b.Len() > 0 {
					if listItem.MatchString(l) {
						b.WriteByte('\n')
					} else {
						b.WriteByte(' ')
					}
				}
				b.WriteString(l)
			}
		}
		flush()
	}
	return out
}

func isMetaLine(l string) bool {
	return len(l) < 100 && (bylineLine.MatchString(l) || timeLine.MatchString(l) || dateLine.MatchString(l))
}

var listNumber = regexp.MustCompile(`^\d{1,3}\\?[.)]\s+`)

var listItem = regexp.MustCompile(`^([-*•]|\d+[.)])\s`)

// chromeLines are whole lines of page furniture, compared in lower case.
var chromeLines = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "sponsored": true, "sponsored content": true,
	"skip to content": true, "skip to main content": true, "skip to navigation": true, "jump to content": true,
	"listen live": true, "watch live": true, "live": true, "breaking news": true, "breaking": true,
	"share": true, "share this": true, "share this article": true, "share this story": true, "share on facebook": true,
	"share on twitter": true, "share on x": true, "copy link": true, "link copied": true, "print": true, "email": true,
	"menu": true, "search": true, "home": true, "log in": true, "login": true, "sign in": true, "subscribe": true,
	"sign up": true, "close": true, "more": true, "toggle navigation": true, "main menu": true, "navigation": true,
	"accept": true, "accept all": true, "accept cookies": true, "reject all": true, "manage cookies": true,
	"story continues below advertisement": true, "continue reading": true, "continue reading below": true,
	"article continues below": true, "scroll to continue": true, "most read": true, "most popular": true,
	"related stories": true, "related articles": true, "related topics": true, "top stories": true,
	"comments": true, "show comments": true, "view comments": true, "follow": true, "follow us": true,
	"getty images": true, "play video": true, "watch": true, "video": true, "audio": true, "listen": true,
	"listen to this article": true, "sign up for our newsletter": true, "newsletter": true, "back to top": true,
}

// chromePrefixes start lines that are furniture or credits, not story.
var chromePrefixes = []string{
	"photo:", "photos:", "photograph:", "picture:", "image:", "image caption", "image copyright", "image source",
	"media caption", "caption:", "credit:", "(photo by", "(photo:", "photo by ", "photo credit", "video caption",
	"related:", "read more:", "read more", "more on this story", "see also:", "watch:", "listen:", "click here",
	"follow us on", "sign up for", "subscribe to", "download our app", "we use cookies", "this site uses cookies",
	"by using this site", "copyright ©", "© ", "all rights reserved", "advertisement -", "advertisement:",
	"this article was amended", "this story has been updated", "get our newsletter", "want more stories",
}

var (
	breadcrumb = regexp.MustCompile(`^[\p{L} &]{2,30}( ?[>›»/|] ?[\p{L} &]{2,30}){1,5}$`)
	bylineLine = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|al))*)\s*(?:[,|–—-]\s*(.{2,60}))?$`)
	timeLine   = regexp.MustCompile(`^(?i:updated|published|posted|last updated|first published)\b[: ]*(.{0,80})$`)
	dateLine   = regexp.MustCompile(`^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?(?:\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4}|\p{Lu}\p{Ll}+\.?\s+\d{1,2},?\s+\d{4})(?:\s*[,·|]?\s*\d{1,2}[:.]\d{2}\s*(?i:am|pm|a\.m\.|p\.m\.)?\s*[A-Z]{0,4})?$`)
)

// isChrome reports whether a paragraph is page furniture.
func isChrome(p string) bool {
	l := strings.ToLower(strings.TrimSpace(p))
	l = strings.TrimRight(l, " :.>»›")
	if chromeLines[l] {
		return true
	}
	if len(l) > 200 {
		return false
	}
	for _, pre := range chromePrefixes {
		if strings.HasPrefix(l, pre) {
			return true
		}
	}
	if breadcrumb.MatchString(p) && strings.ContainsAny(p, ">›»|") {
		return true
	}
	// Short credit lines such as "Jane Doe/AP" or "Reuters/Jane Doe".
	if len(p) < 60 && strings.Count(p, "/") == 1 && !strings.ContainsAny(p, ".!?\"“") {
		parts := strings.Split(p, "/")
		if isNameish(parts[0]) && isNameish(parts[1]) {
			return true
		}
	}
	return false
}

func isNameish(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// dropChrome removes furniture, credits and byline or timestamp lines
// wherever they stand, noting author, source and date on a.
func dropChrome(paras []string, a *news.Article) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if isChrome(p) {
			continue
		}
		if len(p) < 100 {
			if m := bylineLine.FindStringSubmatch(p); m != nil && len(strings.Fields(m[1])) <= 8 {
				if a.Author == "" {
					a.Author = strings.TrimSpace(m[1])
				}
				if a.Source == "" && m[2] != "" {
					a.Source = strings.TrimSpace(m[2])
				}
				continue
			}
			if m := timeLine.FindStringSubmatch(p); m != nil {
				if a.Published.IsZero() {
					a.Published = parseLooseDate(m[1])
				}
				continue
			}
			if dateLine.MatchString(p) {
				if a.Published.IsZero() {
					a.Published = parseLooseDate(p)
				}
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// looksLikeHeadline reports whether the first paragraph is a headline: one
// short line, no sentence-ending full stop, and more text after it.
func looksLikeHeadline(paras []string) bool {
	if len(paras) < 2 {
		return false
	}
	h := paras[0]
	if strings.Contains(h, "\n") || utf8.RuneCountInString(h) > 160 || len(strings.Fields(h)) > 25 {
		return false
	}
	if _, src, _ := cutDateline(h); src != "" || h != stripDateline(h) {
		return false
	}
	if strings.HasSuffix(h, ".") && !strings.HasSuffix(h, "...") {
		// A sentence, unless it is Title Case ("U.S. Markets Rally.")
		return titleCase(h)
	}
	return true
}

func titleCase(s string) bool {
	words := strings.Fields(s)
	upper := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return len(words) > 2 && upper*10 >= len(words)*8
}

var (
	// (CNN) — … ; (CNN Business) - …
	parenDateline = regexp.MustCompile(`^\((\p{Lu}[\p{L}.&' ]{1,40})\)\s*[—–-]{1,2}\s*`)
	// WASHINGTON (Reuters) - … ; LONDON, March 3 (AP) — … ; PORTSMOUTH, England (Meridian Wire) — …
	placeDateline = regexp.MustCompile(`^\p{Lu}{2}[\p{Lu} .'-]*(?:,\s*[\p{L}. ]{2,30}?)?(?:,?\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2})?\s*\((\p{Lu}[\p{L}.&' ]{1,40})\)\s*[—–-]{1,2}\s*`)
	// LONDON — … (no outlet named)
	bareDateline = regexp.MustCompile(`^\p{Lu}{3,}[\p{Lu} .'-]*(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?\s+[—–]\s+`)
)

// cutDateline removes a dateline from the start of the first paragraph and
// returns the outlet it names and the place it starts with, if any
// ("RIYADH, Saudi Arabia").
func cutDateline(p string) (rest, source, place string) {
	if m := parenDateline.FindStringSubmatchIndex(p); m != nil {
		return p[m[1]:], strings.TrimSpace(p[m[2]:m[3]]), ""
	}
	if m := placeDateline.FindStringSubmatchIndex(p); m != nil {
		place = strings.TrimSpace(p[:m[2]-1])
		return p[m[1]:], strings.TrimSpace(p[m[2]:m[3]]), strings.TrimRight(place, ", ")
	}
	if m := bareDateline.FindStringIndex(p); m != nil {
		place = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p[:m[1]]), "—–"))
		return p[m[1]:], "", place
	}
	return p, "", ""
}

func stripDateline(p string) string {
	rest, _, _ := cutDateline(p)
	return rest
}

// headlineFrom makes a headline out of the first sentence of a body, cut
// at a word boundary.
func headlineFrom(body string) string {
	first := strings.SplitN(body, "\n", 2)[0]
	first = strings.TrimLeft(first, "#>*- ")
	// A story that opens with a list item is titled by the item, not its
	// number: "1. Prices rose", "2\\. Wages" (escaped in Markdown).
	first = listNumber.ReplaceAllString(first, "")
	end := sentenceEnd(first)
	h := strings.TrimSpace(first[:end])
	h = strings.TrimRight(h, ".")
	const max = 90
	if utf8.RuneCountInString(h) <= max {
		return h
	}
	cut := 0
	for i := range h {
		if utf8.RuneCountInString(h[:i]) > max-1 {
			break
		}
		if h[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		cut = len(string([]rune(h)[:max-1]))
	}
	return strings.TrimRight(h[:cut], " ,;:—–-") + "…"
}

// sentenceEnd finds the end of the first sentence: a full stop, question
// or exclamation mark followed by a space and a capital, skipping common
// abbreviations and initials.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		if i+2 >= len(s) || s[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(next) && next != '"' && next != '“' {
			continue
		}
		if c == '.' && abbreviationBefore(s[:i]) {
			continue
		}
		return i + 1
	}
	return len(s)
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "prof": true, "jr": true, "sr": true, "no": true,
	"u.s": true, "u.k": true, "inc": true, "co": true, "ltd": true, "corp": true, "vs": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "a.m": true, "p.m": true}

func abbreviationBefore(s string) bool {
	i := strings.LastIndexAny(s, " (\"“")
	w := strings.ToLower(s[i+1:])
	return abbreviations[w] || utf8.RuneCountInString(w) == 1
}

// parseLooseDate reads the dates news pages print ("Sun June 30, 2019",
// "3 March 2024 10:00 GMT", "2024-03-03"); zero when it cannot.
func parseLooseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	dateRe := regexp.MustCompile(`(\d{4}-\d{2}-\d{2})|(\d{1,2})\s+(\p{Lu}\p{Ll}+)\s+(\d{4})|(\p{Lu}\p{Ll}+)\.?\s+(\d{1,2}),?\s+(\d{4})`)
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	if m[1] != "" {
		t, _ := time.Parse(time.DateOnly, m[1])
		return t
	}
	day, month, year := m[2], m[3], m[4]
	if m[5] != "" {
		month, day, year = m[5], m[6], m[7]
	}
	for _, layout := range []string{"2 January 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, day+" "+month+" "+year); err == nil {
			return t
		}
	}
	if len(month) > 3 {
		if t, err := time.Parse("2 Jan 2006", day+" "+month[:3]+" "+year); err == nil {
			return t
		}
	}
	return time.Time{}
}

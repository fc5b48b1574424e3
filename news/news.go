// Package news is byline's vocabulary: the articles a reader keeps, the
// people, places and quotes found in them, the reader's notes, the feeds
// articles come from, and the queries that select them. It holds types and
// pure functions only; it does no I/O and imports nothing of ours.
package news

import "time"

// Article is one stored story. Body is Markdown. Fields a source cannot
// give stay at their zero value: a zero Published means the date is unknown.
type Article struct {
	ID        int64 // small stable integer given by the store; 0 until stored
	GUID      string
	URL       string
	FeedID    int64 // 0 when the article did not come from a feed
	Feed      string
	Title     string
	Source    string // the outlet: "CNN", "Reuters", a feed's title, a site's name
	Author    string
	Published time.Time
	Added     time.Time
	Body      string
	Words     int

	Read       bool
	Starred    bool
	Tags       []string
	Notes      []Note
	Highlights []Highlight // in the order of the text

	Entities Entities
	// EntitiesVersion is the extractor version that filled Entities; 0 means
	// the article has not been through extraction yet.
	EntitiesVersion int
}

// Date is the time an article is sorted and shown by: when it was
// published, or when it was added if the source gave no date.
func (a *Article) Date() time.Time {
	if a.Published.IsZero() {
		return a.Added
	}
	return a.Published
}

// Entities are the people, places and quotes of one article, each list in
// order of first appearance.
type Entities struct {
	People []Person
	Places []Place
	Quotes []Quote
}

// Person is a named individual. Name is the fullest form the article uses,
// without titles; Aliases are the other forms it uses ("Trump",
// "President Donald Trump").
type Person struct {
	Name     string
	Mentions int
	Aliases  []string
}

// Place is a named geographic location or a named building used as one.
type Place struct {
	Name     string
	Mentions int
	Aliases  []string
}

// Quote is words someone said or wrote. Speaker is a person's Name from the
// same article, an organisation or outlet when an institution speaks, or ""
// when nobody can be named. Partial marks a fragment quoted inside a
// sentence. Paragraph counts the body's paragraphs from 1.
type Quote struct {
	Text      string
	Speaker   string
	Partial   bool
	Paragraph int
}

// Note is a reader's annotation on an article.
type Note struct {
	ID        int64
	ArticleID int64
	Text      string
	Created   time.Time
	Updated   time.Time
}

// Feed is a subscription. ETag and LastModified make refreshes conditional;
// LastError is the reason the last refresh failed, "" when it worked.
type Feed struct {
	ID           int64
	URL          string
	Title        string
	SiteURL      string
	ETag         string
	LastModified string
	FullText     bool // fetch each item's page: the feed carries only summaries
	LastRefresh  time.Time
	LastError    string
	Added        time.Time

	Articles int // filled by the store when listing feeds
	Unread   int
}

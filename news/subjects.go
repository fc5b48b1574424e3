package news

import "time"

// Kind says whether a Subject is a person or a place.
type Kind string

// The kinds of subject.
const (
	KindPerson Kind = "person"
	KindPlace  Kind = "place"
)

// Subject is a person or a place as the whole library knows them: every
// story that names them, under any of the forms that were merged into one.
type Subject struct {
	ID        int64
	Kind      Kind
	Name      string
	Stories   int
	Mentions  int
	FirstSeen time.Time // the date of their first and latest story
	LastSeen  time.Time
	// Weekly counts their stories in each of the last weeks, oldest
	// first, when asked for (a sparkline's data).
	Weekly []int
}

// LibraryQuote is a quote with the story it comes from.
type LibraryQuote struct {
	Quote
	ArticleID int64
	Ord       int // its place among the article's quotes
	Title     string
	Source    string
	Date      time.Time
	SpeakerID int64 // the speaker's Subject; 0 when not a person of the library
}

// Highlight is a passage of an article the reader marked, with an
// optional note. Start and End are byte offsets in the body it was made
// on; Text is the passage itself.
type Highlight struct {
	ID        int64
	ArticleID int64
	Start     int
	End       int
	Text      string
	Note      string
	Created   time.Time
	Updated   time.Time
}

package ui

// pane names a part of the reader that can have focus.
type pane int

const (
	paneList pane = iota
	paneArticle
	panePeople
	panePlaces
	paneQuotes
	paneCount
)

func (p pane) title() string {
	return [...]string{"Library", "Article", "People", "Places", "Quotes"}[p]
}

func (p pane) isPanel() bool { return p >= panePeople }

// rect is a box on the screen, borders included.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return r.w > 0 && x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where every pane goes for one terminal size and focus. A pane
// with a zero rect is not on screen.
type layout struct {
	panes  [paneCount]rect
	status int // the row of the status line
}

// Breakpoints: at 120 columns and more every pane is on screen; from 80 the
// people, places and quotes panels share the right column with the article
// as tabs; below 80 one pane at a time fills the screen.
const (
	wideWidth   = 120
	narrowWidth = 80
)

// computeLayout does the arithmetic once, so panes never guess.
func computeLayout(width, height int, focus pane) layout {
	var l layout
	bodyH := max(height-1, 1) // the last row is the status line
	l.status = bodyH
	switch {
	case width >= wideWidth:
		// The list takes two fifths, up to 72 columns for a long headline,
		// as long as the article keeps 50.
		sideW := max(width*22/100, 30)
		listW := min(max(width*2/5, 36), 72)
		listW = max(min(listW, width-sideW-50), 30)
		artW := width - listW - sideW
		l.panes[paneList] = rect{0, 0, listW, bodyH}
		l.panes[paneArticle] = rect{listW, 0, artW, bodyH}
		peopleH := bodyH * 35 / 100
		placesH := bodyH * 25 / 100
		quotesH := bodyH - peopleH - placesH
		l.panes[panePeople] = rect{listW + artW, 0, sideW, peopleH}
		l.panes[panePlaces] = rect{listW + artW, peopleH, sideW, placesH}
		l.panes[paneQuotes] = rect{listW + artW, peopleH + placesH, sideW, quotesH}
	case width >= narrowWidth:
		listW := width * 38 / 100
		l.panes[paneList] = rect{0, 0, listW, bodyH}
		right := rect{listW, 0, width - listW, bodyH}
		if focus.isPanel() {
			l.panes[focus] = right
		} else {
			l.panes[paneArticle] = right
		}
	default:
		l.panes[focus] = rect{0, 0, width, bodyH}
	}
	return l
}

package feed

import "net/url"

// ItemBody converts an item's HTML (or plain text) to the Markdown body
// byline stores, the way a feed's items are converted: for items another
// program fetched and parsed, such as an aggregator's entries. pageURL
// resolves relative links.
func ItemBody(src, pageURL string) string {
	base, _ := url.Parse(pageURL)
	return bodyMarkdown(src, base)
}

// PlainText is the text of an HTML fragment such as a title, on one line,
// free of terminal controls.
func PlainText(s string) string { return plainText(s) }

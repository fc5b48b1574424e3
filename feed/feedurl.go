package feed

import "strings"

// CheckFeedURL returns the address byline fetches for a feed address read
// from a file (an OPML import): an absolute http or https address, with
// the old feed: scheme taken as http. Anything else — file:, javascript:,
// data:, ftp:, a bare path — is refused, as subscribe refuses it: a feed
// list from elsewhere must not make byline read local files or other
// schemes.
func CheckFeedURL(raw string) (string, error) {
	u, err := parseWebURL(normalizeFeedScheme(strings.TrimSpace(raw)))
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// Package feed owns reading articles from outside: local files (.txt
// copied from web pages, Markdown, HTML), web pages, feeds fetched
// conditionally and parsed, OPML, and the conversion of HTML to Markdown.
// It fetches and parses only; package ingest saves what it reads.
//
// Everything read from outside passes through internal/termtext before it
// leaves this package, so no terminal control sequence enters the library.
package feed

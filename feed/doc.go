// Package feed owns getting articles into the library: reading local
// files (.txt copied from web pages, Markdown, HTML), capturing web pages,
// fetching and parsing feeds, OPML, conversion of HTML to Markdown, and
// the ingest pipeline that extracts entities and saves in batches.
//
// Everything read from outside passes through internal/termtext before it
// is stored, so no terminal control sequence ever enters the library.
package feed

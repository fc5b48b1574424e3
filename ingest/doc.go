// Package ingest owns putting articles into the library: any source of
// articles (feeds, files, a sync client) hands them to a Pipeline, which
// saves them, finds their people, places and quotes, and indexes them for
// search, with bounded queues between the stages so memory stays flat
// whatever the number of articles. Refresh and Add drive the pipeline
// from feeds and from files; Finish resumes the work an interrupted run
// left in the library.
//
// Fetching and parsing belong to package feed; the SQL to package store.
package ingest

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"byline/news"
)

// Account is an account on a feed aggregator whose articles the library
// keeps in step with the server. The secret is never stored: SecretSource
// says where to get it ("command:pass show miniflux", "file:PATH", "env").
type Account struct {
	ID           int64
	Kind         string // "miniflux" or "greader"
	URL          string
	Username     string
	SecretSource string
	Cursor       string // the server's position after the last pull; opaque here
	LastSync     time.Time
	LastError    string // why the last sync failed, "" when it worked
	Added        time.Time
	// LastReconcile is when the unread and starred sets were last
	// compared with the server's; zero: never.
	LastReconcile time.Time

	Feeds   int // filled when listing
	Waiting int // local changes the server has not accepted yet
}

const accountColumns = `a.id, a.kind, a.url, a.username, a.secret_source, a.cursor, a.last_sync, a.last_error, a.added,
	COALESCE((SELECT at FROM account_reconciled r WHERE r.account_id = a.id), 0),
	(SELECT count(*) FROM account_feeds f WHERE f.account_id = a.id),
	(SELECT count(*) FROM outbox o WHERE o.account_id = a.id)`

func scanAccount(row interface{ Scan(...any) error }) (Account, error) {
	var a Account
	var last sql.NullInt64
	var added, reconciled int64
	err := row.Scan(&a.ID, &a.Kind, &a.URL, &a.Username, &a.SecretSource, &a.Cursor, &last, &a.LastError, &added, &reconciled, &a.Feeds, &a.Waiting)
	if reconciled > 0 {
		a.LastReconcile = time.Unix(reconciled, 0)
	}
	if last.Valid {
		a.LastSync = time.Unix(last.Int64, 0)
	}
	a.Added = time.Unix(added, 0)
	return a, err
}

// AddAccount saves a new account and sets a.ID. The same kind, URL and
// user name again is ErrExists.
func (s *Store) AddAccount(ctx context.Context, a *Account) error {
	if a.Added.IsZero() {
		a.Added = time.Now()
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM accounts WHERE kind = ? AND url = ? AND username = ?`, a.Kind, a.URL, a.Username).Scan(&a.ID)
		if err == nil {
			return fmt.Errorf("account %d (%s %s): %w", a.ID, a.Kind, a.URL, ErrExists)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts(kind, url, username, secret_source, added) VALUES (?, ?, ?, ?, ?)`,
			a.Kind, a.URL, a.Username, a.SecretSource, a.Added.Unix())
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
}

// Accounts lists every account with its feed and waiting-change counts.
func (s *Store) Accounts(ctx context.Context) ([]Account, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+accountColumns+` FROM accounts a ORDER BY a.id`)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Account returns one account.
func (s *Store) Account(ctx context.Context, id int64) (Account, error) {
	a, err := scanAccount(s.db.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM accounts a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("account %d: %w", id, ErrNotFound)
	}
	return a, explain(err)
}

// RemoveAccount forgets an account and its waiting changes. Its feeds and
// articles stay in the library, as feeds byline fetches itself again.
func (s *Store) RemoveAccount(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("account %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// SetSyncResult records how a sync ended: the cursor to pull from next
// time ("" keeps the old one) and the error, "" when it worked.
func (s *Store) SetSyncResult(ctx context.Context, id int64, cursor, syncErr string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE accounts SET cursor = CASE WHEN ? = '' THEN cursor ELSE ? END,
			last_sync = ?, last_error = ? WHERE id = ?`, cursor, cursor, time.Now().Unix(), syncErr, id)
		return err
	})
}

// SetReconciled records that the account's marks were just compared
// with the server's.
func (s *Store) SetReconciled(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO account_reconciled(account_id, at) VALUES (?, ?)
			ON CONFLICT (account_id) DO UPDATE SET at = excluded.at`, id, time.Now().Unix())
		return err
	})
}

// SyncedFeeds returns the ids of the feeds an account's server fetches:
// byline refresh leaves them alone.
func (s *Store) SyncedFeeds(ctx context.Context) (map[int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT feed_id FROM account_feeds`)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// RemoteFeed is a subscription as the server lists it.
type RemoteFeed struct {
	RemoteID string
	URL      string
	Title    string
	SiteURL  string
	Category string
}

// SetAccountFeeds makes the account's feeds those the server lists (the
// server wins): a feed already followed here with the same URL is taken
// over, a new one is added, and one the server no longer lists is removed
// like byline feeds remove does (starred, tagged and annotated articles
// stay).
func (s *Store) SetAccountFeeds(ctx context.Context, account int64, feeds []RemoteFeed) (added, removed int, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		added, removed = 0, 0
		listed := map[string]bool{}
		for _, f := range feeds {
			listed[f.RemoteID] = true
			var feedID int64
			err := tx.QueryRowContext(ctx, `SELECT feed_id FROM account_feeds WHERE account_id = ? AND remote_id = ?`, account, f.RemoteID).Scan(&feedID)
			switch {
			case err == nil:
				if _, err := tx.ExecContext(ctx, `UPDATE account_feeds SET category = ? WHERE account_id = ? AND remote_id = ? AND category <> ?`, f.Category, account, f.RemoteID, f.Category); err != nil {
					return err
				}
				if f.Title != "" {
					if _, err := tx.ExecContext(ctx, `UPDATE feeds SET title = ?, site_url = ? WHERE id = ? AND (title <> ? OR site_url <> ?)`,
						f.Title, f.SiteURL, feedID, f.Title, f.SiteURL); err != nil {
						return err
					}
				}
				continue
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			err = tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, f.URL).Scan(&feedID)
			if errors.Is(err, sql.ErrNoRows) {
				res, err := tx.ExecContext(ctx, `INSERT INTO feeds(url, title, site_url, added) VALUES (?, ?, ?, ?)`, f.URL, f.Title, f.SiteURL, time.Now().Unix())
				if err != nil {
					return err
				}
				if feedID, err = res.LastInsertId(); err != nil {
					return err
				}
			} else if err != nil {
				return err
			}
			// A feed another account already syncs stays with it.
			res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO account_feeds(account_id, remote_id, feed_id, category) VALUES (?, ?, ?, ?)`,
				account, f.RemoteID, feedID, f.Category)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				added++
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT remote_id, feed_id, category FROM account_feeds WHERE account_id = ?`, account)
		if err != nil {
			return err
		}
		type goneFeed struct {
			id       int64
			category string
		}
		var gone []goneFeed
		for rows.Next() {
			var rid string
			var g goneFeed
			if err := rows.Scan(&rid, &g.id, &g.category); err != nil {
				rows.Close()
				return err
			}
			if !listed[rid] {
				gone = append(gone, g)
			}
		}
		rows.Close()
		for _, g := range gone {
			// The category's tag came from the server, not the reader:
			// it keeps no article from going with its feed.
			if tags := normalTags([]string{g.category}); len(tags) == 1 {
				if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE name = ? AND article_id IN (SELECT id FROM articles WHERE feed_id = ?)`, tags[0], g.id); err != nil {
					return err
				}
			}
			if err := removeFeed(ctx, tx, g.id); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	return added, removed, err
}

// RemoteEntry is an entry as the server gives it, made into an article.
type RemoteEntry struct {
	RemoteID     string
	RemoteFeedID string
	// GUIDHash is the hex SHA-256 of the item's GUID, as Miniflux keeps
	// it: it finds a copy byline fetched itself. "" when unknown.
	GUIDHash string
	Article  *news.Article
	Read     bool
	Starred  bool
}

// RemoteSaved counts what storing a page of the server's entries did.
type RemoteSaved struct {
	New     int // articles the library did not have
	Matched int // local copies found and linked to their server entry
	Marked  int // articles whose read or starred mark the server changed
}

// PrepareRemote takes a page of the server's entries, in one transaction.
// An entry already linked to an article has its read and starred marks set
// to the server's, except a mark with a local change still waiting to be
// sent: the pull never flips it back. The others are returned ready to
// save: in their local feed, tagged with its category, carrying the GUID
// of a copy byline fetched itself when the GUID's hash matches (so the
// save finds that copy, as it finds one by canonical URL), and marked as
// on the server. marked counts the articles whose marks changed.
func (s *Store) PrepareRemote(ctx context.Context, account int64, entries []RemoteEntry) (toSave []RemoteEntry, marked int, err error) {
	err = s.writeStmts(ctx, func(w *wtx) error {
		toSave, marked = nil, 0
		feeds := map[string]remoteFeedInfo{}
		hashes := map[int64]map[string]string{} // local feed → GUID hash → GUID
		var newestID, newestPublished int64
		for _, e := range entries {
			var articleID int64
			var read, starred bool
			err := w.scan(`SELECT r.article_id, a.read, a.starred FROM remote_entries r JOIN articles a ON a.id = r.article_id
				WHERE r.account_id = ? AND r.remote_id = ?`, []any{account, e.RemoteID}, &articleID, &read, &starred)
			if err == nil {
				n, err := applyRemoteMarks(w, account, e.RemoteFeedID, articleID, read, starred, e.Read, e.Starred)
				if err != nil {
					return err
				}
				marked += n
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			fi, err := remoteFeed(w, account, e.RemoteFeedID, feeds)
			if err != nil {
				return err
			}
			a := e.Article
			a.FeedID = fi.feedID
			a.GUID = "remote:" + strconv.FormatInt(account, 10) + ":" + e.RemoteID
			if e.GUIDHash != "" && fi.feedID != 0 {
				byHash, ok := hashes[fi.feedID]
				if !ok {
					if byHash, err = localGUIDHashes(w, fi.feedID); err != nil {
						return err
					}
					hashes[fi.feedID] = byHash
				}
				if guid, ok := byHash[e.GUIDHash]; ok {
					a.GUID = guid
				}
			}
			if fi.category != "" {
				a.Tags = append(a.Tags, fi.category)
			}
			a.Read, a.Starred = e.Read, e.Starred
			if n, err := strconv.ParseInt(e.RemoteID, 10, 64); err == nil {
				newestID = max(newestID, n)
			}
			if !a.Published.IsZero() {
				newestPublished = max(newestPublished, a.Published.Unix())
			}
			toSave = append(toSave, e)
		}
		_, err := w.exec(`UPDATE accounts SET newest_id = max(newest_id, ?), newest_published = max(newest_published, ?) WHERE id = ?`,
			newestID, newestPublished, account)
		return err
	})
	return toSave, marked, err
}

// LinkRemote records which articles the entries PrepareRemote returned
// became, given what their save did (res[i] for entries[i]), in one
// transaction. An article that was already here is a local copy: a mark
// on either side wins, and a mark only the local copy has is queued for
// the server.
func (s *Store) LinkRemote(ctx context.Context, account int64, entries []RemoteEntry, res []SaveResult) (RemoteSaved, error) {
	var out RemoteSaved
	now := time.Now()
	err := s.writeStmts(ctx, func(w *wtx) error {
		out = RemoteSaved{}
		for i, e := range entries {
			id := res[i].ID
			linked, err := w.exec(`INSERT OR IGNORE INTO remote_entries(account_id, remote_id, article_id) VALUES (?, ?, ?)`, account, e.RemoteID, id)
			if err != nil {
				return err
			}
			var read, starred bool
			if err := w.scan(`SELECT read, starred FROM articles WHERE id = ?`, []any{id}, &read, &starred); err != nil {
				return err
			}
			if res[i].New {
				out.New++
				// A mark made between the save and now, before the
				// article was known to be the server's, still goes.
				if read != e.Read {
					if err := queueMark(w, id, markAction("read", read), now); err != nil {
						return err
					}
				}
				if starred != e.Starred {
					if err := queueMark(w, id, markAction("starred", starred), now); err != nil {
						return err
					}
				}
				continue
			}
			if n, _ := linked.RowsAffected(); n == 0 {
				continue // linked already, to this entry or another
			}
			out.Matched++
			if _, err := w.exec(`UPDATE articles SET read = ?, starred = ? WHERE id = ?`, read || e.Read, starred || e.Starred, id); err != nil {
				return err
			}
			if read && !e.Read {
				if err := queueMark(w, id, "read", now); err != nil {
					return err
				}
			}
			if starred && !e.Starred {
				if err := queueMark(w, id, "star", now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return out, err
}

type remoteFeedInfo struct {
	feedID   int64
	category string
}

func remoteFeed(w *wtx, account int64, remoteID string, cache map[string]remoteFeedInfo) (remoteFeedInfo, error) {
	if fi, ok := cache[remoteID]; ok {
		return fi, nil
	}
	var fi remoteFeedInfo
	err := w.scan(`SELECT feed_id, category FROM account_feeds WHERE account_id = ? AND remote_id = ?`, []any{account, remoteID}, &fi.feedID, &fi.category)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fi, err
	}
	cache[remoteID] = fi
	return fi, nil
}

// localGUIDHashes maps the SHA-256 of each GUID of a feed's articles not
// yet linked to a server entry to the GUID.
func localGUIDHashes(w *wtx, feedID int64) (map[string]string, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT a.guid FROM articles a WHERE a.feed_id = ? AND a.guid <> ''
		AND NOT EXISTS (SELECT 1 FROM remote_entries r WHERE r.article_id = a.id)`, feedID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var guid string
		if err := rows.Scan(&guid); err != nil {
			return nil, err
		}
		sum := sha256.Sum256([]byte(guid))
		out[hex.EncodeToString(sum[:])] = guid
	}
	return out, rows.Err()
}

// pendingRead and pendingStar say whether a local change to an article's
// read or starred mark is waiting to be sent: a read or unread of the
// article, or a mark-feed-read or mark-all-read that covers it.
const (
	pendingRead = `SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = ? AND (
		(o.article_id = ? AND o.action IN ('read', 'unread'))
		OR (o.article_id IS NULL AND (o.action = 'all-read' OR (o.action = 'feed-read' AND o.remote_id = ?)))))`
	pendingStar = `SELECT EXISTS (SELECT 1 FROM outbox o WHERE o.article_id = ? AND o.action IN ('star', 'unstar'))`
)

// applyRemoteMarks sets an article's marks to the server's, leaving alone
// a mark with a change waiting to be sent. It returns 1 when it changed
// something.
func applyRemoteMarks(w *wtx, account int64, remoteFeedID string, id int64, read, starred, wantRead, wantStarred bool) (int, error) {
	if read == wantRead && starred == wantStarred {
		return 0, nil
	}
	if read != wantRead {
		var pending bool
		if err := w.scan(pendingRead, []any{account, id, remoteFeedID}, &pending); err != nil {
			return 0, err
		}
		if !pending {
			read = wantRead
		}
	}
	if starred != wantStarred {
		var pending bool
		if err := w.scan(pendingStar, []any{id}, &pending); err != nil {
			return 0, err
		}
		if !pending {
			starred = wantStarred
		}
	}
	res, err := w.exec(`UPDATE articles SET read = ?, starred = ? WHERE id = ? AND (read <> ? OR starred <> ?)`, read, starred, id, read, starred)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// markAction names the outbox change that sets mark ("read" or
// "starred") to on: read, unread, star or unstar.
func markAction(mark string, on bool) string {
	actions := map[string][2]string{"read": {"unread", "read"}, "starred": {"unstar", "star"}}[mark]
	if on {
		return actions[1]
	}
	return actions[0]
}

// queueMark records a mark for the server when the article is a server's
// entry. An earlier waiting change of the same mark is replaced: only the
// last one matters.
func queueMark(w *wtx, id int64, action string, now time.Time) error {
	opposite := map[string]string{"read": "unread", "unread": "read", "star": "unstar", "unstar": "star"}[action]
	if _, err := w.exec(`DELETE FROM outbox WHERE article_id = ? AND action IN (?, ?)`, id, action, opposite); err != nil {
		return err
	}
	_, err := w.exec(`INSERT INTO outbox(account_id, article_id, action, remote_id, created)
		SELECT account_id, article_id, ?, remote_id, ? FROM remote_entries WHERE article_id = ?`, action, now.Unix(), id)
	return err
}

// KnownRemote tells which of the server's entry ids the library holds.
func (s *Store) KnownRemote(ctx context.Context, account int64, ids []string) (map[string]bool, error) {
	return s.knownKeys(ctx, `SELECT remote_id FROM remote_entries WHERE account_id = ? AND remote_id IN `, account, ids)
}

// Reconcile makes the marks of the account's articles agree with the
// server's sets of unread and starred entries (changes waiting to be sent
// excepted), catching what an incremental pull missed. missing lists the
// ids of unread or starred entries the library does not hold.
func (s *Store) Reconcile(ctx context.Context, account int64, unread, starred []string) (changed int, missing []string, err error) {
	isUnread := make(map[string]bool, len(unread))
	for _, id := range unread {
		isUnread[id] = true
	}
	isStarred := make(map[string]bool, len(starred))
	for _, id := range starred {
		isStarred[id] = true
	}
	// Most syncs change nothing: the comparison reads without taking the
	// write lock, and only articles that differ are written, in one
	// transaction that checks them again.
	held, differ, err := s.remoteMarks(ctx, account, isUnread, isStarred)
	if err != nil {
		return 0, nil, err
	}
	seen := map[string]bool{}
	for _, set := range [][]string{unread, starred} {
		for _, rid := range set {
			if _, ok := held[rid]; !ok && !seen[rid] {
				seen[rid] = true
				missing = append(missing, rid)
			}
		}
	}
	if len(differ) == 0 {
		return 0, missing, nil
	}
	err = s.writeStmts(ctx, func(w *wtx) error {
		changed = 0
		for _, rid := range differ {
			l := held[rid]
			var read, starred bool
			if err := w.scan(`SELECT read, starred FROM articles WHERE id = ?`, []any{l.id}, &read, &starred); errors.Is(err, sql.ErrNoRows) {
				continue
			} else if err != nil {
				return err
			}
			n, err := applyRemoteMarks(w, account, l.feed, l.id, read, starred, !isUnread[rid], isStarred[rid])
			if err != nil {
				return err
			}
			changed += n
		}
		return nil
	})
	return changed, missing, err
}

// heldEntry is an article linked to a server entry, as Reconcile reads it.
type heldEntry struct {
	id            int64
	read, starred bool
	feed          string // the server's id of its feed
}

func (s *Store) remoteMarks(ctx context.Context, account int64, isUnread, isStarred map[string]bool) (map[string]heldEntry, []string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.remote_id, r.article_id, a.read, a.starred, COALESCE(f.remote_id, '')
		FROM remote_entries r JOIN articles a ON a.id = r.article_id
		LEFT JOIN account_feeds f ON f.feed_id = a.feed_id AND f.account_id = r.account_id
		WHERE r.account_id = ?`, account)
	if err != nil {
		return nil, nil, explain(err)
	}
	defer rows.Close()
	held := map[string]heldEntry{}
	var differ []string
	for rows.Next() {
		var rid string
		var l heldEntry
		if err := rows.Scan(&rid, &l.id, &l.read, &l.starred, &l.feed); err != nil {
			return nil, nil, err
		}
		held[rid] = l
		if l.read == isUnread[rid] || l.starred != isStarred[rid] {
			differ = append(differ, rid)
		}
	}
	return held, differ, rows.Err()
}

// Change is a local mark waiting to be sent to an account's server.
type Change struct {
	ID        int64
	ArticleID int64  // 0 for feed-read and all-read
	Action    string // read, unread, star, unstar, feed-read, all-read
	RemoteID  string // the entry, or for feed-read the feed
	UptoID    string // feed-read, all-read: the newest entry id known at the key press
	UptoTime  int64  // …and the newest publication time then, in Unix microseconds
}

// Outbox returns up to limit of the account's waiting changes, oldest
// first.
func (s *Store) Outbox(ctx context.Context, account int64, limit int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, COALESCE(article_id, 0), action, remote_id, upto_id, upto_time
		FROM outbox WHERE account_id = ? ORDER BY id LIMIT ?`, account, limit)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.Action, &c.RemoteID, &c.UptoID, &c.UptoTime); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Sent deletes changes the server accepted.
func (s *Store) Sent(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return s.writeStmts(ctx, func(w *wtx) error {
		for _, id := range ids {
			if _, err := w.exec(`DELETE FROM outbox WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// Waiting counts the changes waiting to be sent, for one account or, with
// account 0, for all.
func (s *Store) Waiting(ctx context.Context, account int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox WHERE ? = 0 OR account_id = ?`, account, account).Scan(&n)
	return n, explain(err)
}

// MarkFeedRead marks every article of a feed read. For a feed an
// account's server fetches, the server is told to mark the whole feed
// read, including entries this library does not hold, but none newer than
// those known now: the change waits in the outbox with that bound.
func (s *Store) MarkFeedRead(ctx context.Context, feedID int64) (int, error) {
	return s.markAllRead(ctx, &feedID)
}

// MarkAllRead marks every article read, and asks every account's server
// to do the same for the entries known now.
func (s *Store) MarkAllRead(ctx context.Context) (int, error) {
	return s.markAllRead(ctx, nil)
}

func (s *Store) markAllRead(ctx context.Context, feedID *int64) (int, error) {
	var n int
	err := s.writeStmts(ctx, func(w *wtx) error {
		if feedID != nil {
			if err := w.scan(`SELECT 1 FROM feeds WHERE id = ?`, []any{*feedID}, new(int)); errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("feed %d: %w", *feedID, ErrNotFound)
			} else if err != nil {
				return err
			}
		}
		// Per-article changes of these articles are overtaken.
		scope, args := `a.read = 0`, []any{}
		if feedID != nil {
			scope, args = `a.read = 0 AND a.feed_id = ?`, []any{*feedID}
		}
		if _, err := w.exec(`DELETE FROM outbox WHERE action IN ('read', 'unread') AND article_id IN (SELECT a.id FROM articles a WHERE `+scope+`)`, args...); err != nil {
			return err
		}
		res, err := w.exec(`UPDATE articles AS a SET read = 1 WHERE `+scope, args...)
		if err != nil {
			return err
		}
		m, _ := res.RowsAffected()
		n = int(m)
		now := time.Now().Unix()
		// The bound: the newest entry the account's pulls have seen, by
		// the server's id and by publication time.
		bound := `SELECT newest_id, newest_published FROM accounts WHERE id = ?`
		if feedID != nil {
			var account int64
			var remoteID string
			err := w.scan(`SELECT account_id, remote_id FROM account_feeds WHERE feed_id = ?`, []any{*feedID}, &account, &remoteID)
			if errors.Is(err, sql.ErrNoRows) {
				return nil // a local feed
			} else if err != nil {
				return err
			}
			var uptoID, published int64
			if err := w.scan(bound, []any{account}, &uptoID, &published); err != nil {
				return err
			}
			_, err = w.exec(`INSERT INTO outbox(account_id, action, remote_id, upto_id, upto_time, created) VALUES (?, 'feed-read', ?, ?, ?, ?)`,
				account, remoteID, strconv.FormatInt(uptoID, 10), published*1e6+999999, now)
			return err
		}
		accounts, err := queryIDs(w, `SELECT id FROM accounts`)
		if err != nil {
			return err
		}
		for _, account := range accounts {
			var uptoID, published int64
			if err := w.scan(bound, []any{account}, &uptoID, &published); err != nil {
				return err
			}
			if _, err := w.exec(`INSERT INTO outbox(account_id, action, upto_id, upto_time, created) VALUES (?, 'all-read', ?, ?, ?)`,
				account, strconv.FormatInt(uptoID, 10), published*1e6+999999, now); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

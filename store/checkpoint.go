package store

import (
	"context"
	"database/sql"
	"sync"
)

// A bulk write (a refresh, an import, a sync) commits a transaction every
// thousand articles, and with SQLite's default each of those commits then
// copied the write-ahead log into the library and flushed both to disk
// before the writer could go on: 18% of a refresh's writer time, spent
// waiting. Here the writer's connections never checkpoint on their own
// below bulkCheckpointPages; a goroutine on a connection of its own
// checkpoints after each commit instead (PASSIVE: it copies what no reader
// still needs and never blocks the writer), so the copying and the flushing
// overlap the next transaction. Should it fall behind, the log reaching
// bulkCheckpointPages makes the writer checkpoint as before.
const bulkCheckpointPages = 16384 // 64 MB of 4 KB pages

type checkpointer struct {
	kick     chan struct{}
	stop     chan struct{}
	done     chan struct{}
	stopOnce sync.Once // a Store closed twice (a deferred Close after an explicit one) stops it once
}

func startCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for {
			select {
			case <-c.kick:
				// An error leaves the frames in the log, where the next
				// checkpoint (or the writer's own, or the last close) takes
				// them: nothing is lost by ignoring it.
				db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
			case <-c.stop:
				return
			}
		}
	}()
	return c
}

// committed asks for a checkpoint of what was just committed, unless one is
// already asked for.
func (c *checkpointer) committed() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) close() {
	if c == nil {
		return
	}
	c.stopOnce.Do(func() { close(c.stop) })
	<-c.done
}

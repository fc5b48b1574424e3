package store

import (
	"context"
	"database/sql"
	"strings"
)

// wtx is a write transaction that prepares each statement once. A bulk save
// runs the same dozen statements for every article; preparing them anew on
// each call cost more than executing them.
type wtx struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt

	entities entityQueue      // rows writeEntities queued for flushEntities
	subjects []indexedArticle // articles whose subjects flushEntities indexes
	search   []searchRow      // rows saveOne queued for flushSearch

	held *heldSet // the keys a save's look-ups can find (nil: any)

	aliases   []any             // rows queueAliases queued for flushAliases
	aliasSeen map[aliasRow]bool // those queued or inserted in this transaction
}

func newWTX(ctx context.Context, tx *sql.Tx) *wtx {
	return &wtx{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (w *wtx) stmt(query string) (*sql.Stmt, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	s, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = s
	return s, nil
}

func (w *wtx) exec(query string, args ...any) (sql.Result, error) {
	s, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(w.ctx, args...)
}

// scan runs a one-row query; sql.ErrNoRows when there is none.
func (w *wtx) scan(query string, args []any, dest ...any) error {
	s, err := w.stmt(query)
	if err != nil {
		return err
	}
	return s.QueryRowContext(w.ctx, args...).Scan(dest...)
}

// close releases the prepared statements; the transaction's commit or
// rollback would too, but closing early frees them for a long batch.
func (w *wtx) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

// writeStmts runs fn in one write transaction with a statement cache.
func (s *Store) writeStmts(ctx context.Context, fn func(w *wtx) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		w := newWTX(ctx, tx)
		defer w.close()
		return fn(w)
	})
}

// placeholders is "(?, ?, …)" with n parameters: an IN list, or one row of
// a VALUES list.
func placeholders(n int) string { return "(?" + strings.Repeat(", ?", n-1) + ")" }

// inIDs calls fn for ids 500 at a time, in their order, with the IN list
// of their placeholders and the ids as its arguments: SQLite takes a
// bounded number of parameters a statement.
func inIDs(ids []int64, fn func(in string, args []any) error) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := fn(placeholders(n), args); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// valueRows is n rows of cols parameters each, for a multi-row VALUES.
func valueRows(cols, n int) string {
	row := placeholders(cols)
	return row + strings.Repeat(", "+row, n-1)
}

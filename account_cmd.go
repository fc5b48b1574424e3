package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"byline/feed"
	"byline/internal/termtext"
	"byline/remote"
	"byline/store"
)

func (a *app) accountCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "account",
		Short: "Sync with a Miniflux or Google Reader server: add, list, remove accounts",
		Long: `An account keeps the library in step with a feed aggregator: Miniflux, or
any server speaking the Google Reader API (FreshRSS, Inoreader, The Old
Reader, Miniflux itself). Its subscriptions, articles, read marks and stars
come here; read marks and stars made here go there. byline sync (and
refresh, and r in the reader) does it.

The token or password is never stored: byline asks for it at each sync
from --token-command, or from a file readable only by you (--token-file),
or from $BYLINE_TOKEN.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.listAccounts(cmd.Context()) },
	}
	cmd.AddCommand(a.accountAddCommand(), a.accountListCommand(), a.accountRemoveCommand())
	return cmd
}

func (a *app) accountAddCommand() *cobra.Command {
	var user, tokenCommand, tokenFile string
	cmd := &cobra.Command{
		Use:   "add miniflux|greader URL",
		Short: "Add an account and pull its subscriptions and articles",
		Long: `Add an account on a Miniflux server (with an API key, made in Miniflux under
Settings → API Keys) or on a Google Reader API server (with --user and the
password, or for FreshRSS its API password; for FreshRSS the URL ends in
/api/greader.php). The secret comes from --token-command, whose output is
read at each sync, or --token-file (mode 0600), or $BYLINE_TOKEN at each
sync. The account is checked and synced once.`,
		Example: `  byline account add miniflux https://rss.example.org --token-command "pass show miniflux"
  byline account add greader https://rss.example.org --user ada --token-file ~/.config/byline/greader`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			kind, raw := args[0], args[1]
			if kind != "miniflux" && kind != "greader" {
				return fmt.Errorf("account kind %q: say miniflux or greader", kind)
			}
			u, err := url.Parse(raw)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("%s is not a server address (http:// or https://)", raw)
			}
			if kind == "greader" && user == "" {
				return errors.New("a Google Reader account needs --user NAME")
			}
			var source string
			switch {
			case tokenCommand != "" && tokenFile != "":
				return errors.New("give --token-command or --token-file, not both")
			case tokenCommand != "":
				source = "command:" + tokenCommand
			case tokenFile != "":
				abs, err := filepath.Abs(tokenFile)
				if err != nil {
					return err
				}
				source = "file:" + abs
			case os.Getenv("BYLINE_TOKEN") != "":
				source = "env"
			default:
				return errors.New("no secret: give --token-command CMD, --token-file PATH (mode 0600), or set BYLINE_TOKEN")
			}
			acct := store.Account{Kind: kind, URL: strings.TrimRight(raw, "/"), Username: user, SecretSource: source}
			client, err := a.client(ctx, acct)
			if err != nil {
				return err
			}
			verr := client.Verify(ctx)
			if errors.Is(verr, remote.ErrAuth) {
				return fmt.Errorf("%s %s: %w", kind, acct.URL, verr)
			}
			a.bulk = true
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := lib.AddAccount(ctx, &acct); err != nil {
				if errors.Is(err, store.ErrExists) {
					return fmt.Errorf("already an account: %d", acct.ID)
				}
				return err
			}
			fmt.Fprintf(a.stdout, "account %d  %s  %s\n", acct.ID, kind, termtext.Line(acct.URL))
			if verr != nil {
				fmt.Fprintf(a.stderr, "byline: %s: %s; byline sync will try again\n", termtext.Line(acct.URL), termtext.Line(verr.Error()))
				return nil
			}
			return a.sync(ctx, lib, []int64{acct.ID})
		},
	}
	cmd.Flags().StringVar(&user, "user", "", "user name (Google Reader servers)")
	cmd.Flags().StringVar(&tokenCommand, "token-command", "", `command that prints the token or password, run at each sync (e.g. "pass show miniflux")`)
	cmd.Flags().StringVar(&tokenFile, "token-file", "", "file holding the token or password, readable only by you (mode 0600)")
	return cmd
}

func (a *app) accountListCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List accounts with their feeds, last sync and changes waiting",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return a.listAccounts(cmd.Context()) },
	}
}

func (a *app) listAccounts(ctx context.Context) error {
	lib, err := a.openForReading(ctx)
	if err != nil {
		return err
	}
	accounts, err := lib.Accounts(ctx)
	if err != nil {
		return err
	}
	if len(accounts) == 0 {
		fmt.Fprintln(a.stdout, "no accounts: byline account add miniflux|greader URL")
		return nil
	}
	for _, acct := range accounts {
		fmt.Fprintln(a.stdout, accountLine(acct))
	}
	return nil
}

// accountLine is one account on one line: what it is, when it last
// synced, how many changes wait, and why the last sync failed.
func accountLine(acct store.Account) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d  %s  %s", acct.ID, acct.Kind, termtext.Line(acct.URL))
	if acct.Username != "" {
		fmt.Fprintf(&b, "  (%s)", termtext.Line(acct.Username))
	}
	fmt.Fprintf(&b, "  %s", plural(acct.Feeds, "feed"))
	if acct.LastSync.IsZero() {
		b.WriteString("  never synced")
	} else {
		fmt.Fprintf(&b, "  synced %s", acct.LastSync.Local().Format("2 Jan 15:04"))
	}
	if acct.Waiting > 0 {
		fmt.Fprintf(&b, "  %s waiting", plural(acct.Waiting, "change"))
	}
	if acct.LastError != "" {
		fmt.Fprintf(&b, "  last sync failed: %s", termtext.Line(acct.LastError))
	}
	return b.String()
}

func (a *app) accountRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID",
		Short: "Forget an account; its feeds and articles stay, fetched by byline again",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("account %q: not an account id (byline account list shows them)", args[0])
			}
			lib, err := a.open(ctx)
			if err != nil {
				return err
			}
			acct, err := lib.Account(ctx, id)
			if err != nil {
				return err
			}
			if err := lib.RemoveAccount(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "removed account %d  %s  %s", id, acct.Kind, termtext.Line(acct.URL))
			if acct.Waiting > 0 {
				fmt.Fprintf(a.stdout, "; %s never sent", plural(acct.Waiting, "change"))
			}
			fmt.Fprintln(a.stdout)
			return nil
		},
	}
}

// client gets the account's secret and a client for its server.
func (a *app) client(ctx context.Context, acct store.Account) (remote.Client, error) {
	secret, err := a.secret(ctx, acct)
	if err != nil {
		return nil, err
	}
	return remote.New(acct, secret, remote.Options{UserAgent: "byline/" + version})
}

// secret gets an account's token or password from where the account
// says: a command's output, a file only its owner can read, or
// $BYLINE_TOKEN. It is never stored, logged or put in an argument list.
func (a *app) secret(ctx context.Context, acct store.Account) (string, error) {
	kind, arg, _ := strings.Cut(acct.SecretSource, ":")
	var s string
	switch kind {
	case "command":
		cmd := exec.CommandContext(ctx, "/bin/sh", "-c", arg)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if !a.inReader {
			// pass may ask for a passphrase; in the reader the screen
			// is bubbletea's, and the command gets no terminal.
			cmd.Stdin = os.Stdin
		}
		if err := cmd.Run(); err != nil {
			msg := strings.TrimSpace(errOut.String())
			if msg != "" {
				return "", fmt.Errorf("token command %q failed: %v: %s", arg, err, termtext.Line(firstLine(msg)))
			}
			return "", fmt.Errorf("token command %q failed: %v", arg, err)
		}
		s = firstLine(out.String())
	case "file":
		fi, err := os.Stat(arg)
		if err != nil {
			return "", fmt.Errorf("token file: %w", err)
		}
		if fi.Mode().Perm()&0o077 != 0 {
			return "", fmt.Errorf("token file %s can be read by others (mode %04o): chmod 600 %s", arg, fi.Mode().Perm(), arg)
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return "", fmt.Errorf("token file: %w", err)
		}
		s = firstLine(string(data))
	case "env":
		s = strings.TrimSpace(os.Getenv("BYLINE_TOKEN"))
		if s == "" {
			return "", errors.New("BYLINE_TOKEN is not set (the account takes its secret from it)")
		}
	default:
		return "", fmt.Errorf("account %d: unknown secret source %q", acct.ID, kind)
	}
	if s == "" {
		return "", fmt.Errorf("the secret from %s is empty", kind)
	}
	return s, nil
}

// firstLine is a secret's line: pass and similar tools print the password
// first and other fields after it.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimLeft(s, "\r\n"), "\n")
	return strings.TrimSpace(line)
}

// subscribeAccount is the account a new subscription goes to: the one
// named, or the only one. ok is false when there is none.
func (a *app) subscribeAccount(ctx context.Context, lib *store.Store, id int64) (store.Account, bool, error) {
	if id != 0 {
		acct, err := lib.Account(ctx, id)
		return acct, err == nil, err
	}
	accounts, err := lib.Accounts(ctx)
	switch {
	case err != nil:
		return store.Account{}, false, err
	case len(accounts) == 0:
		return store.Account{}, false, nil
	case len(accounts) > 1:
		return store.Account{}, false, errors.New("several accounts: say which server follows the feed with --account ID, or --local")
	}
	return accounts[0], true, nil
}

// subscribeOnServer finds each feed (a page's address finds its feed, as
// byline subscribe does), adds it on the account's server and syncs.
func (a *app) subscribeOnServer(ctx context.Context, lib *store.Store, fetcher *feed.Fetcher, acct store.Account, args []string) error {
	client, err := a.client(ctx, acct)
	if err != nil {
		return err
	}
	failed := 0
	for _, raw := range args {
		feedURL, _, err := fetcher.Discover(ctx, raw)
		if err == nil {
			err = client.Subscribe(ctx, feedURL)
		}
		if err != nil {
			fmt.Fprintf(a.stderr, "byline: %s: %s\n", termtext.Line(raw), termtext.Line(err.Error()))
			failed++
			continue
		}
		fmt.Fprintf(a.stdout, "following %s on account %d (%s)\n", termtext.Line(feedURL), acct.ID, termtext.Line(acct.URL))
	}
	if failed == len(args) {
		return exitError{1}
	}
	if err := a.sync(ctx, lib, []int64{acct.ID}); err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

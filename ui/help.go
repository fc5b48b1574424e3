package ui

import "charm.land/bubbles/v2/key"

type helpBinding = key.Binding

// withDesc is b with another description: the same key does different
// things in different panes, and the help says which.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

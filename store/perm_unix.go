//go:build unix

package store

import "syscall"

// access reports whether this process may write path, as the kernel will
// judge it: permission bits, ownership, a read-only file system.
func access(path string) error { return syscall.Access(path, 2 /* W_OK */) }

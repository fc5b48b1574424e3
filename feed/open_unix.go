//go:build unix

package feed

import (
	"os"
	"syscall"
)

// openFile opens path for reading without waiting: opening a FIFO blocks
// until something writes to it, which may be never, and a FIFO can take a
// checked file's place between the check and the open.
func openFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

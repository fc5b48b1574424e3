package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkResidentMemory is what extraction adds to a process's resident
// memory: every article of the BBC corpus is extracted and the peak
// resident size compared with the size before the first extraction (which
// brings in the lexicon). The ceiling is 20 MB. Run it with
// -benchtime 1x so it starts cold. Linux only; skipped without the corpus.
func BenchmarkResidentMemory(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "bbc", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC corpus not present")
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc")
	}
	// Articles are read one at a time, as a refresh hands them over, so
	// the corpus itself is not held in memory and counted.
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // "5" resets the peak (VmHWM)
	before := procStatus(b, "VmRSS")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			title, body, _ := strings.Cut(string(data), "\n")
			Entities(title, body)
		}
	}
	b.StopTimer()
	peak := procStatus(b, "VmHWM")
	b.ReportMetric(float64(peak-before)/1024, "MB-extra-peak-RSS")
}

// procStatus reads a size in kB from /proc/self/status.
func procStatus(b *testing.B, field string) int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	b.Fatalf("%s not in /proc/self/status", field)
	return 0
}

package lexicon

import "testing"

// BenchmarkLoad measures what a fresh `byline extract` process pays
// before its lookups run at full speed: one lookup in each table, reading
// the embedded data for the first time. There is no index to build, so
// the figure is that of ordinary lookups; the page faults of a truly cold
// process (measured separately with a small program) add a millisecond or
// two.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		LookupPlace("Seoul")
		Demonym("British")
		GivenName("Gordon")
		Surname("Smith")
		CommonWord("however")
	}
}

func BenchmarkLookupPlace(b *testing.B) {
	forms := []string{"U.S.", "Seoul", "Reading", "Sunday", "North Rhine-Westphalia", "Gordon"}
	LookupPlace("U.S.")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		LookupPlace(forms[i%len(forms)])
	}
}

func BenchmarkCommonWord(b *testing.B) {
	words := []string{"however", "the", "gordon", "afterward", "xqzv"}
	CommonWord("the")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		CommonWord(words[i%len(words)])
	}
}

func BenchmarkGivenName(b *testing.B) {
	names := []string{"Gordon", "Hillary", "Seoul", "Jordan"}
	GivenName("Gordon")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		GivenName(names[i%len(names)])
	}
}

package lexicon

import (
	"strings"
	"testing"
)

func TestLookupPlaceResolvesWhatNewsWrites(t *testing.T) {
	tests := []struct {
		form    string
		name    string
		kind    Kind
		country string
	}{
		{"U.S.", "United States", Country, ""},
		{"US", "United States", Country, ""},
		{"USA", "United States", Country, ""},
		{"America", "United States", Country, ""},
		{"United States", "United States", Country, ""},
		{"UK", "United Kingdom", Country, ""},
		{"Britain", "United Kingdom", Country, ""},
		{"Great Britain", "United Kingdom", Country, ""},
		{"England", "England", Region, "United Kingdom"},
		{"Scotland", "Scotland", Region, "United Kingdom"},
		{"Wales", "Wales", Region, "United Kingdom"},
		{"Northern Ireland", "Northern Ireland", Region, "United Kingdom"},
		{"South Korea", "South Korea", Country, ""},
		{"North Korea", "North Korea", Country, ""},
		{"Ivory Coast", "Ivory Coast", Country, ""},
		{"Côte d'Ivoire", "Ivory Coast", Country, ""},
		{"Czechia", "Czech Republic", Country, ""},
		{"Czech Republic", "Czech Republic", Country, ""},
		{"Holland", "Netherlands", Country, ""},
		{"the Netherlands", "Netherlands", Country, ""},
		{"Burma", "Myanmar", Country, ""},
		{"Seoul", "Seoul", City, "South Korea"},
		{"New York", "New York City", City, "United States"},
		{"New York City", "New York City", City, "United States"},
		{"Washington", "Washington, D.C.", City, "United States"},
		{"London", "London", City, "United Kingdom"},
		{"Paris", "Paris", City, "France"},
		{"Reading", "Reading", City, "United Kingdom"},
		{"Sao Paulo", "São Paulo", City, "Brazil"},
		{"California", "California", Region, "United States"},
		{"Bavaria", "Bavaria", Region, "Germany"},
		{"North Rhine-Westphalia", "North Rhine-Westphalia", Region, "Germany"},
		{"Ontario", "Ontario", Region, "Canada"},
		{"North Yorkshire", "North Yorkshire", Region, "United Kingdom"},
		{"Europe", "Europe", Continent, ""},
		{"Middle East", "Middle East", Continent, ""},
		{"Latin America", "Latin America", Continent, ""},
		{"Scandinavia", "Scandinavia", Continent, ""},
		{"the Balkans", "Balkans", Continent, ""},
		{"South China Sea", "South China Sea", Feature, ""},
		{"Georgia", "Georgia", Country, ""},
	}
	for _, tt := range tests {
		p, ok := LookupPlace(tt.form)
		if !ok {
			t.Errorf("LookupPlace(%q) not found", tt.form)
			continue
		}
		if p.Name != tt.name || p.Kind != tt.kind || p.Country != tt.country {
			t.Errorf("LookupPlace(%q) = %q %v in %q, want %q %v in %q", tt.form, p.Name, p.Kind, p.Country, tt.name, tt.kind, tt.country)
		}
	}
}

func TestLookupPlaceRejectsWordsThatAreNotPlaces(t *testing.T) {
	for _, w := range []string{"Sunday", "us", "uk", "seoul", "President", "", "The", "said", "U.S.\tx"} {
		if p, ok := LookupPlace(w); ok {
			t.Errorf("LookupPlace(%q) = %+v, want no place", w, p)
		}
	}
}

func TestCitiesCarryPopulation(t *testing.T) {
	p, _ := LookupPlace("Seoul")
	if p.Population < 5_000_000 {
		t.Errorf("Seoul population = %d, want millions", p.Population)
	}
	if p, _ := LookupPlace("France"); p.Population != 0 {
		t.Errorf("France population = %d, want 0 (unknown)", p.Population)
	}
}

func TestAmbiguousPlaceNamesNeedContext(t *testing.T) {
	for _, name := range []string{"Reading", "Nice", "Bath", "Mobile", "Victoria", "Florence", "Jordan", "Georgia", "Chad", "Israel", "Washington"} {
		if _, ok := LookupPlace(name); !ok {
			t.Errorf("LookupPlace(%q) not found; an ambiguous place must still be a place", name)
		}
		if !Ambiguous(name) {
			t.Errorf("Ambiguous(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"France", "London", "Paris", "New York", "Seoul", "China", "Turkey", "United States", "Scotland", "Sunday"} {
		if Ambiguous(name) {
			t.Errorf("Ambiguous(%q) = true, want false", name)
		}
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ word, country string }{
		{"British", "United Kingdom"},
		{"Britons", "United Kingdom"},
		{"American", "United States"},
		{"Americans", "United States"},
		{"French", "France"},
		{"Chinese", "China"},
		{"Korean", "South Korea"},
		{"North Korean", "North Korea"},
		{"Scottish", "United Kingdom"},
		{"Welsh", "United Kingdom"},
		{"English", "United Kingdom"},
		{"Texan", "United States"},
		{"Germans", "Germany"},
		{"Israeli", "Israel"},
	}
	for _, tt := range tests {
		got, ok := Demonym(tt.word)
		if !ok || got != tt.country {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, got, ok, tt.country)
		}
	}
	// A territory's own name is no nationality word, though the source
	// data lists it as one.
	for _, w := range []string{"Gibraltar", "Djibouti"} {
		if c, ok := Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q; want none", w, c)
		}
	}
	for _, w := range []string{"british", "Britain", "European", "Frenchs", "Sunday"} {
		if got, ok := Demonym(w); ok {
			t.Errorf("Demonym(%q) = %q, want none", w, got)
		}
	}
}

func TestGivenName(t *testing.T) {
	tests := []struct {
		name string
		want Gender
	}{
		{"Gordon", Male},
		{"Bill", Male},
		{"James", Male},
		{"Hillary", Female},
		{"Theresa", Female},
		{"Mary", Female},
		{"Jordan", Unisex},
	}
	for _, tt := range tests {
		got, ok := GivenName(tt.name)
		if !ok || got != tt.want {
			t.Errorf("GivenName(%q) = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
	}
	for _, w := range []string{"gordon", "The", "President", "Seoul", "Smith", "West", "King", "Sunday", ""} {
		if _, ok := GivenName(w); ok {
			t.Errorf("GivenName(%q) found, want not a given name", w)
		}
	}
}

func TestSurname(t *testing.T) {
	for _, w := range []string{"Smith", "Brown", "Nguyen", "Kim", "Lee", "Young", "Washington"} {
		if !Surname(w) {
			t.Errorf("Surname(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"smith", "The", "However", "Said"} {
		if Surname(w) {
			t.Errorf("Surname(%q) = true, want false", w)
		}
	}
}

func TestCommonWord(t *testing.T) {
	for _, w := range []string{"however", "afterward", "meanwhile", "bill", "reading", "nice", "the", "colour", "color"} {
		if !CommonWord(w) {
			t.Errorf("CommonWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"However", "sunday", "london", "seoul", "gordon", "xqzv", ""} {
		if CommonWord(w) {
			t.Errorf("CommonWord(%q) = true, want false", w)
		}
	}
}

func TestCountryName(t *testing.T) {
	if n, ok := CountryName("KR"); !ok || n != "South Korea" {
		t.Errorf("CountryName(KR) = %q, %v", n, ok)
	}
}

// record returns the i-th record without its newline.
func (t *table) record(i int) string {
	end := len(t.data) - 1 // the data ends with a newline
	if i+1 < t.len() {
		end = t.offset(i+1) - 1
	}
	return t.data[t.offset(i):end]
}

// The lookups binary-search the embedded text through the generated
// offsets, so every table must be in byte order with one record per key
// and its index must point at the start of each record; a hand edit that
// breaks either would make names silently unfindable.
func TestTablesAreSortedAndIndexed(t *testing.T) {
	for name, tab := range map[string]*table{
		"places": places, "countries": countries, "demonyms": demonyms,
		"given": given, "surnames": surnames, "words": words,
	} {
		if tab.len() == 0 || len(tab.idx)%4 != 0 {
			t.Errorf("%s: index of %d bytes", name, len(tab.idx))
			continue
		}
		if want := strings.Count(tab.data, "\n"); tab.len() != want || !strings.HasSuffix(tab.data, "\n") {
			t.Errorf("%s: %d offsets for %d records", name, tab.len(), want)
			continue
		}
		prev := ""
		for i := range tab.len() {
			off := tab.offset(i)
			if off > 0 && tab.data[off-1] != '\n' {
				t.Errorf("%s: offset %d of record %d is mid-line", name, off, i)
				break
			}
			key, val, _ := strings.Cut(tab.record(i), "\t")
			if key <= prev {
				t.Errorf("%s: record %d key %q not after %q", name, i, key, prev)
				break
			}
			prev = key
			if got, ok := tab.get(key); !ok || got != val {
				t.Errorf("%s: get(%q) = %q, %v; want %q", name, key, got, ok, val)
			}
		}
	}
}

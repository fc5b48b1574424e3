package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// A captured page is checked through both doors a reader uses: `byline add
// URL` against a loopback server, and `byline add FILE.html` on the same
// bytes saved to disk. Each page is written for the defect it shows, with
// enough story around it for readability to find the article.

// storyParas is the body of every test page: the defect goes among them.
const storyParas = `<p>The harbour board met on Tuesday evening to decide the future of the old fish market, which has stood empty since the autumn storms tore part of its roof away.</p>
<p>Members heard from traders, fishermen and residents, most of whom asked for the building to be repaired rather than replaced with flats, as a developer has proposed.</p>
<p>The board's chair said a decision would follow in the spring, once engineers have reported on the state of the timber frame and the cost of the work.</p>`

// page wraps a story in the furniture of a real news page.
func page(head, title, article string) string {
	return `<!DOCTYPE html><html lang="en"><head>` + head + `<title>` + title + `</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>` + title + `</h1>` + article + `</article></main>
<footer><p>Copyright The Harbour Gazette. All rights reserved.</p></footer></body></html>`
}

type capturePage struct {
	name        string
	contentType string // sent by the server; the file has only its bytes
	body        []byte
	title       string   // "" to leave unchecked
	want        []string // in the stored body; "{page}" is the page's address
	never       []string // nowhere in title or body
}

// captured is what `byline show --json` says of an added article.
type captured struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Body  string `json:"body"`
}

// captureBothWays adds the page by URL and as a file, each into a library
// of its own, and returns the two articles with the address each was
// captured from.
func captureBothWays(t *testing.T, p capturePage) map[string]captured {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct := p.contentType
		if ct == "" {
			ct = "text/html"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(p.body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "story.html")
	if err := os.WriteFile(file, p.body, 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string]captured{}
	for door, input := range map[string]string{"URL": srv.URL + "/news/story", "file": file} {
		lib := filepath.Join(dir, door+".db")
		if _, errs, code := run(t, "", "--library", lib, "add", input); code != 0 {
			t.Fatalf("%s: byline add %s: exit %d\n%s", p.name, input, code, errs)
		}
		var a captured
		if err := json.Unmarshal([]byte(mustRun(t, "--library", lib, "show", "--json", "1")), &a); err != nil {
			t.Fatal(err)
		}
		page := srv.URL + "/news/story"
		if door == "file" {
			page = "file://" + filepath.ToSlash(file)
		}
		a.URL = page
		out[door] = a
	}
	return out
}

func checkCapture(t *testing.T, p capturePage) {
	t.Helper()
	for door, a := range captureBothWays(t, p) {
		if p.title != "" && a.Title != p.title {
			t.Errorf("%s by %s: title %q, want %q", p.name, door, a.Title, p.title)
		}
		for _, w := range p.want {
			w = strings.ReplaceAll(w, "{page}", a.URL)
			if !strings.Contains(a.Body, w) {
				t.Errorf("%s by %s: body lacks %q:\n%s", p.name, door, w, a.Body)
			}
		}
		for _, n := range p.never {
			n = strings.ReplaceAll(n, "{page}", a.URL)
			if strings.Contains(a.Title+"\n"+a.Body, n) {
				t.Errorf("%s by %s: %q kept:\ntitle %q\n%s", p.name, door, n, a.Title, a.Body)
			}
		}
	}
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A head that pushes the charset declaration past the first 1,024 bytes,
// as analytics and inline styles do on real pages.
var longHead = `<script>window.analytics = {` + strings.Repeat(`"slot": "banner-top-leaderboard", `, 60) + `};</script>`

func TestCaptureCharsetFromHeaderMetaOrBytes(t *testing.T) {
	story := `<p>It’s the café on the quay that matters most, the owner said: “We’ve served the boats for forty years.”</p>` + storyParas
	latin := func(s string) []byte { return encode(t, charmap.Windows1252, s) }
	zh := `<p>市議會昨天通過新的公車路線計畫，預計明年春天開始營運。市長表示，這項計畫將改善偏遠地區居民的交通問題，也會減少市中心的塞車情況。</p>
<p>議員們在會議中討論了將近三個小時，最後以二十票對五票通過。反對的議員認為預算太高，而且路線沒有經過足夠的公開討論。</p>
<p>交通局長說，新的路線會經過學校、醫院和市場，每十五分鐘一班車，票價維持不變。他希望市民多多利用大眾運輸，保護我們的環境。</p>`
	want := []string{"It’s the café on the quay", "“We’ve served the boats"}
	never := []string{"â€", "\uFFFD", "Ã©"}
	for _, p := range []capturePage{
		{name: "Windows-1252 named only by the header", contentType: "text/html; charset=windows-1252",
			body: latin(page("", "Café stays open", story))},
		{name: "UTF-8 declared by a meta tag after 1,024 bytes of head",
			body: []byte(page(longHead+`<meta charset="utf-8">`, "Café stays open", story))},
		{name: "UTF-8 declared nowhere",
			body: []byte(page(longHead, "Café stays open", story))},
		{name: "Windows-1252 declared by http-equiv after 1,024 bytes",
			body: latin(page(longHead+`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, "Café stays open", story))},
		{name: "UTF-8 declared by header and meta, Latin-1 sent", contentType: "text/html; charset=utf-8",
			body: latin(page(`<meta charset="utf-8">`, "Café stays open", story))},
		{name: "UTF-8 with one Latin-1 line pasted in",
			body: append([]byte(page(`<meta charset="utf-8">`, "Café stays open", story)), latin("<p>caf\u00e9</p>")...)},
	} {
		p.title, p.want, p.never = "Café stays open", want, never
		checkCapture(t, p)
	}
	gbk := encode(t, simplifiedchinese.GBK, page(longHead+`<meta charset="gbk">`, "公車路線計畫通過", zh))
	big5 := encode(t, traditionalchinese.Big5, page("", "公車路線計畫通過", zh))
	for _, p := range []capturePage{
		{name: "GBK named by the header", contentType: "text/html; charset=GBK", body: gbk},
		{name: "GBK named by a meta tag after 1,024 bytes", body: gbk},
		{name: "Big5 declared nowhere", body: big5},
	} {
		p.title = "公車路線計畫通過"
		p.want = []string{"市議會昨天通過新的公車路線計畫", "保護我們的環境"}
		p.never = never
		checkCapture(t, p)
	}
}

// Pages that declare no charset are read in the one their bytes are in:
// Russian in Windows-1251 or KOI8-R, Greek in ISO-8859-7 or Windows-1253,
// and still western pages in Windows-1252 — not Cyrillic or Greek read as
// Windows-1252 ("Ìýð ãîðîäà"), nor French read as Cyrillic ("cafй").
func TestCaptureUndeclaredCyrillicGreekAndWestern(t *testing.T) {
	ru := `<p>Мэр города Ада Квилл открыла в понедельник старый пирс после долгого ремонта. "Мы ждали достаточно долго", - сказала она рыбакам в порту.</p>
<p>Городской совет обсудил бюджет на следующий год. Депутаты спорили почти три часа и в конце концов одобрили план большинством голосов.</p>
<p>Жители набережной просят совет отремонтировать старый рыбный рынок, а не строить на его месте новые квартиры, как предлагает застройщик.</p>`
	el := `<p>Η δήμαρχος της πόλης άνοιξε τη Δευτέρα την παλιά προβλήτα μετά από μακρές επισκευές. «Περιμέναμε αρκετά», είπε στους ψαράδες του λιμανιού.</p>
<p>Το δημοτικό συμβούλιο συζήτησε τον προϋπολογισμό της επόμενης χρονιάς. Οι σύμβουλοι διαφώνησαν για σχεδόν τρεις ώρες και τελικά ενέκριναν το σχέδιο.</p>
<p>Οι κάτοικοι της παραλίας ζητούν να επισκευαστεί η παλιά ψαραγορά και όχι να χτιστούν στη θέση της νέα διαμερίσματα.</p>`
	fr := `<p>La maire de la ville a rouvert lundi le vieux quai après deux années de travaux. « Nous avons assez attendu », a-t-elle déclaré aux pêcheurs du port.</p>
<p>Le conseil municipal a débattu du budget de l’année prochaine pendant près de trois heures, et les élus ont fini par approuver le projet.</p>
<p>Les habitants du front de mer réclament la rénovation de l’ancienne halle aux poissons plutôt que la construction d’appartements.</p>`
	de := `<p>Die Bürgermeisterin hat am Montag den alten Steg nach zwei Jahren Bauzeit wieder eröffnet. „Wir haben lange genug gewartet“, sagte sie den Fischern im Hafen.</p>
<p>Der Stadtrat beriet fast drei Stunden über den Haushalt für das nächste Jahr. Am Ende stimmte eine Mehrheit für den Plan.</p>
<p>Die Anwohner an der Uferstraße möchten, dass die alte Fischhalle repariert und nicht durch Wohnungen ersetzt wird.</p>`
	never := []string{"\uFFFD", "Ì", "Ã", "й", "ь"}
	for _, p := range []capturePage{
		{name: "Russian in Windows-1251", body: encode(t, charmap.Windows1251, page("", "Старый пирс открыт", ru)), title: "Старый пирс открыт",
			want: []string{"Мэр города Ада Квилл открыла", "отремонтировать старый рыбный рынок"}, never: []string{"\uFFFD", "Ì", "Ã"}},
		{name: "Russian in KOI8-R", body: encode(t, charmap.KOI8R, page("", "Старый пирс открыт", ru)), title: "Старый пирс открыт",
			want: []string{"Мэр города Ада Квилл открыла", "отремонтировать старый рыбный рынок"}, never: []string{"\uFFFD", "Í", "ÍÜÒ"}},
		{name: "Russian in UTF-8", body: []byte(page("", "Старый пирс открыт", ru)), title: "Старый пирс открыт",
			want: []string{"Мэр города Ада Квилл открыла"}, never: []string{"\uFFFD", "Ð"}},
		{name: "Greek in ISO-8859-7", body: encode(t, charmap.ISO8859_7, page("", "Άνοιξε η παλιά προβλήτα", el)), title: "Άνοιξε η παλιά προβλήτα",
			want: []string{"Η δήμαρχος της πόλης άνοιξε", "«Περιμέναμε αρκετά»", "προϋπολογισμό"}, never: []string{"\uFFFD", "Ç ä", "¶"}},
		{name: "Greek in Windows-1253", body: encode(t, charmap.Windows1253, page("", "Άνοιξε η παλιά προβλήτα", strings.ReplaceAll(el, "«Περιμέναμε αρκετά»", "“Περιμέναμε αρκετά”"))),
			title: "Άνοιξε η παλιά προβλήτα", want: []string{"Η δήμαρχος της πόλης άνοιξε", "“Περιμέναμε αρκετά”", "προϋπολογισμό"}, never: []string{"\uFFFD", "Ç ä"}},
		{name: "French in Windows-1252", body: encode(t, charmap.Windows1252, page("", "Le vieux quai rouvre après les travaux", fr)), title: "Le vieux quai rouvre après les travaux",
			want: []string{"déclaré aux pêcheurs", "l’année prochaine", "« Nous avons assez attendu »"}, never: never},
		{name: "German in Windows-1252", body: encode(t, charmap.Windows1252, page("", "Bürgermeisterin öffnet den Steg", de)), title: "Bürgermeisterin öffnet den Steg",
			want: []string{"„Wir haben lange genug gewartet“", "Uferstraße"}, never: never},
	} {
		checkCapture(t, p)
	}
}

func TestCapturePreInBlockquoteStaysQuoted(t *testing.T) {
	checkCapture(t, capturePage{
		name: "pre in blockquote",
		body: []byte(page("", "Board publishes the survey", storyParas+`
<blockquote><p>The engineers' log reads:</p><pre>beam 4: sound
beam 7: rot at the joint
beam 9: replace</pre><p>They signed it on Friday.</p></blockquote>
<p>The survey will be published in full next week.</p>`)),
		want:  []string{"> beam 4: sound\n> beam 7: rot at the joint\n> beam 9: replace", "> They signed it on Friday."},
		never: []string{"\nbeam 7", "\nThey signed it"},
	})
}

func TestCaptureKeepsTablesAndGlamourDrawsThem(t *testing.T) {
	p := capturePage{
		name: "table",
		body: []byte(page("", "Catches by port", storyParas+`
<table><thead><tr><th>Port</th><th>Boats</th><th>Catch (tonnes)</th></tr></thead>
<tbody><tr><td>Newlyn</td><td>41</td><td>1,204</td></tr><tr><td>Looe</td><td>17</td><td>388</td></tr>
<tr><td>Mevagissey</td><td>12</td><td>260</td></tr></tbody></table>
<p>The figures cover the twelve months to March.</p>
<table><tr><th>Port</th><th>Main catch</th></tr>
<tr><td><h4>Newlyn</h4></td><td><ul><li>hake</li><li>monkfish</li></ul></td></tr>
<tr><td><h4>Looe</h4></td><td><p>crab</p><p>lobster</p></td></tr></table>
<table><tr><td><p>The board's chair said the harbour would need all of its boats, and all of its buyers, if the market hall stayed shut through the summer and the auctions moved to the north quay as planned.</p></td>
<td><p>Two traders said they would move to Plymouth.</p></td></tr></table>`)),
		want: []string{"| Port", "| Newlyn", "| 1,204", "| Looe", "| **Newlyn** | hake; monkfish", "| **Looe**", "| crab; lobster",
			"\n\nThe board's chair said the harbour would need", "\n\nTwo traders said they would move to Plymouth."},
		never: []string{"PortBoats", "Newlyn41", "| The board's chair"},
	}
	checkCapture(t, p)
	a := captureBothWays(t, p)["URL"]
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	shown, err := r.Render(a.Body)
	if err != nil {
		t.Fatal(err)
	}
	row := ""
	for _, l := range strings.Split(ansi.Strip(shown), "\n") {
		if strings.Contains(l, "Newlyn") && row == "" {
			row = l
		}
	}
	if !strings.Contains(row, "41") || !strings.Contains(row, "1,204") || strings.Contains(shown, "| Newlyn") {
		t.Errorf("glamour does not draw the table's rows as rows:\n%s", ansi.Strip(shown))
	}
}

func TestCaptureAnchorsAndFragmentLinks(t *testing.T) {
	checkCapture(t, capturePage{
		name: "anchors",
		body: []byte(page("", "Board publishes the survey", `<p><a name="top"></a>The survey of the market hall is out, and <a href="#notes">the notes</a> explain its method.</p>`+storyParas+
			`<h2><a id="notes"></a>Notes</h2><p>The survey was paid for by the harbour board and <a href="/about">the gazette</a> has read all of it.</p>`)),
		want:  []string{"[the notes]({page}#notes)", "[the gazette]("},
		never: []string{"[](", "[top]", "/#notes)"},
	})
}

func TestCaptureKeepsSrcsetAndLazyImages(t *testing.T) {
	checkCapture(t, capturePage{
		name: "srcset and lazy images",
		body: []byte(page("", "Board publishes the survey", storyParas+`
<figure><img srcset="/img/roof-800.jpg 800w, /img/roof-1600.jpg 1600w" sizes="100vw" alt="The torn roof of the fish market"><figcaption>The roof after the storm</figcaption></figure>
<p>Repairs would take a year, the engineers think.</p>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="/img/traders.jpg" alt="Traders outside the hall"></figure>
<picture><source srcset="/img/quay.webp" type="image/webp"><img alt="The quay at low tide"></picture>
<p>The market opened in 1884.</p>`)),
		want: []string{"![The torn roof of the fish market](", "/img/roof-800.jpg)", "![Traders outside the hall](", "/img/traders.jpg)",
			"![The quay at low tide](", "/img/quay.webp)"},
		never: []string{"data:image"},
	})
}

func TestCaptureDropsCommentsEscapesAltAndNumbersInTitles(t *testing.T) {
	checkCapture(t, capturePage{
		name: "comments and alt text",
		body: []byte(page("", "Board publishes the survey", storyParas+`
<p><img src="/img/chart.png" alt="Costs <rising> since 2020"></p>
<p>Readings of &lt;5 ppm were normal; readings &gt;9 ppm closed the beach.</p>
<p>That is the whole report.</p><!--THE END--><!-- google_ad_section_end -->`)),
		want:  []string{`![Costs \<rising> since 2020](`, `Readings of \<5 ppm were normal; readings \>9 ppm`},
		never: []string{"<!--", "THE END", "google_ad", "&lt;", "&gt;"},
	})
	// No title anywhere: it is made from the first sentence, which opens
	// a numbered list.
	body := `<!DOCTYPE html><html><head></head><body><article><ol>
<li>Fish prices rose for the third month running. Traders blamed the storms and the cost of diesel.</li>
<li>The market hall will stay shut until the roof is mended, the board said on Tuesday evening.</li>
<li>Boats will land at the north quay instead, where a temporary auction shed has been set up.</li></ol>
` + storyParas + `</article></body></html>`
	checkCapture(t, capturePage{
		name:  "title from a numbered first sentence",
		body:  []byte(body),
		title: "Fish prices rose for the third month running",
	})
}

func TestCaptureDropsPlayerCaptionsAndHiddenHeadings(t *testing.T) {
	checkCapture(t, capturePage{
		name: "player captions and hidden headings",
		body: []byte(page("", "Board publishes the survey", `<h2 hidden>Top stories</h2>
<h2 aria-hidden="true">Share this page</h2>
<h2 style="display: none">Related content</h2>
<h2 class="visually-hidden">Article information</h2>`+storyParas+`
<figure class="media-player"><div class="player"><iframe src="https://player.example/v/123"></iframe></div>
<figcaption><span class="off-screen">Media caption</span> The chair explains the delay to reporters</figcaption></figure>
<h2>What happens next</h2><p>Engineers report in March, and the board votes in April.</p>`)),
		want:  []string{"What happens next", "Engineers report in March"},
		never: []string{"Top stories", "Share this page", "Related content", "Article information", "Media caption", "explains the delay"},
	})
}

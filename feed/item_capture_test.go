package feed

import (
	"path/filepath"
	"strings"
	"testing"
)

// Feed items go through the fast converter when their HTML is simple and
// through html-to-markdown otherwise; both keep what a page capture keeps.
func TestFeedItemsKeepTablesImagesAndDropComments(t *testing.T) {
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Catches by port</title><guid>g-1</guid><link>https://gazette.example/catches</link>
<content:encoded><![CDATA[<p>The year's figures are out.</p><table><tr><th>Port</th><th>Boats</th></tr><tr><td>Newlyn</td><td>41</td></tr><tr><td>Looe</td><td>17</td></tr></table><!--THE END-->]]></content:encoded></item>
<item><title>The roof</title><guid>g-2</guid><link>https://gazette.example/roof</link>
<content:encoded><![CDATA[<p>The roof after the storm. <img srcset="/img/roof-800.jpg 800w, /img/roof-1600.jpg 1600w" alt="The torn roof"> <img src="data:image/gif;base64,R0lGOD" data-src="/img/quay.jpg" alt="The quay"></p><!-- ad slot -->]]></content:encoded></item>
</channel></rss>`
	p, err := ParseFeed([]byte(feed), "https://gazette.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 {
		t.Fatalf("%d items", len(p.Items))
	}
	table, images := p.Items[0].Body, p.Items[1].Body
	for _, want := range []string{"| Port", "| Newlyn | 41", "| Looe"} {
		if !strings.Contains(table, want) {
			t.Errorf("table item lacks %q:\n%s", want, table)
		}
	}
	for _, want := range []string{"![The torn roof](https://gazette.example/img/roof-800.jpg)", "![The quay](https://gazette.example/img/quay.jpg)"} {
		if !strings.Contains(images, want) {
			t.Errorf("image item lacks %q:\n%s", want, images)
		}
	}
	if strings.Contains(table+images, "THE END") || strings.Contains(table+images, "<!--") || strings.Contains(images, "data:image") {
		t.Errorf("comments or placeholders kept:\n%s\n%s", table, images)
	}
}

// A page saved to disk links to its web site, not to the root of the
// disk: its root-relative addresses resolve against its canonical address.
func TestSavedPageLinksResolveAgainstItsCanonicalAddress(t *testing.T) {
	a, err := ReadFile(filepath.Join("testdata", "capture-eval", "06-drupal-river.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := "![An otter on a gravel bank at night](https://valleytrust.example/sites/default/files/otter-trap.jpg)"
	if !strings.Contains(a.Body, want) || strings.Contains(a.Body, "file://") {
		t.Errorf("body lacks %q:\n%s", want, a.Body)
	}
	if a.URL != "https://valleytrust.example/news/otters-return-upper-wye" {
		t.Errorf("URL %q, want the canonical address", a.URL)
	}
}

package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"byline/news"
)

// Helpers that read an extraction the way a reader would.

func personNamed(e news.Entities, name string) (news.Person, bool) {
	for _, p := range e.People {
		if p.Name == name {
			return p, true
		}
	}
	return news.Person{}, false
}

func peopleNames(e news.Entities) []string {
	var out []string
	for _, p := range e.People {
		out = append(out, p.Name)
	}
	return out
}

func placeNames(e news.Entities) []string {
	var out []string
	for _, p := range e.Places {
		out = append(out, p.Name)
	}
	return out
}

func hasName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// quoteStarting finds the quote whose text starts with prefix.
func quoteStarting(t *testing.T, e news.Entities, prefix string) news.Quote {
	t.Helper()
	for _, q := range e.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q
		}
	}
	t.Fatalf("no quote starting %q in %+v", prefix, e.Quotes)
	return news.Quote{}
}

func TestSentencesSurviveAbbreviations(t *testing.T) {
	text := `Mr. Brown met Dr. Jane Smith at 3.30 p.m. in the U.S. capital on Jan. 5. George W. Bush was not there. "It went well," Mr. Brown said.`
	paras := []paragraph{{Text: text, Number: 1}}
	toks := tokenize(text, 0, nil)
	markSentences(toks, func(l string) bool { return openers.has(l) })
	starts := 0
	for _, tk := range toks {
		if tk.SentStart {
			starts++
		}
	}
	if starts != 3 {
		var words []string
		for _, tk := range toks {
			if tk.SentStart {
				words = append(words, tk.Text)
			}
		}
		t.Fatalf("want 3 sentences, got %d starting at %v", starts, words)
	}
	_ = paras
	for _, want := range []string{"Mr.", "Dr.", "3.30", "p.m.", "U.S.", "Jan.", "W."} {
		found := false
		for _, tk := range toks {
			if tk.Text == want {
				found = true
			}
		}
		if !found {
			t.Errorf("token %q was split", want)
		}
	}
}

func TestQuoteSpeakerAfterQuote(t *testing.T) {
	e := Entities("Talks", `"We will not give up," Angela Merkel said on Monday.`)
	if q := quoteStarting(t, e, "We will not"); q.Speaker != "Angela Merkel" || q.Paragraph != 1 || q.Partial {
		t.Errorf("got %+v", q)
	}
}

func TestQuoteSpeakerSaidNameWithAppositive(t *testing.T) {
	e := Entities("Ward", `"The ward was full all night," said Sarah Jones, 34, a nurse at the hospital.`)
	if q := quoteStarting(t, e, "The ward"); q.Speaker != "Sarah Jones" {
		t.Errorf("speaker %q, want Sarah Jones", q.Speaker)
	}
}

func TestQuoteSpeakerIsTheNameAfterADescription(t *testing.T) {
	e := Entities("Rail", "\"We want a deal,\" said Joan Pike, a union official.\n\n"+
		"The operator disagreed. \"Our offer is fair,\" said its chief executive, Martin Hale.")
	if q := quoteStarting(t, e, "Our offer"); q.Speaker != "Martin Hale" {
		t.Errorf("speaker %q, want Martin Hale, the name the description introduces", q.Speaker)
	}
}

func TestQuoteAfterIntroducingParagraph(t *testing.T) {
	e := Entities("Strike", "\"We are ready,\" said Mr Tom Reid, the organiser.\n\n"+
		"Later Anne Boyd spoke. She went on:\n\n"+
		"\"Our members want rest between shifts.\n\n"+
		"\"That is all we ask.\"")
	for _, start := range []string{"Our members", "That is all"} {
		if q := quoteStarting(t, e, start); q.Speaker != "Anne Boyd" {
			t.Errorf("%q: speaker %q, want Anne Boyd", start, q.Speaker)
		}
	}
}

func TestQuoteSpeakerBeforeColonAndTold(t *testing.T) {
	body := "Finance minister Robert Hall told reporters: \"The budget is balanced.\"\n\n" +
		"Opposition leader Maria Lopez said: \"It is not.\""
	e := Entities("Budget", body)
	if q := quoteStarting(t, e, "The budget"); q.Speaker != "Robert Hall" {
		t.Errorf("told: speaker %q", q.Speaker)
	}
	if q := quoteStarting(t, e, "It is not"); q.Speaker != "Maria Lopez" || q.Paragraph != 2 {
		t.Errorf("said: got %+v", q)
	}
}

func TestQuoteSpeakerFromPronoun(t *testing.T) {
	body := "Mary Collins spoke after the vote. Her rival, Mr John Baker, left early.\n\n" +
		`"This is a good day for the town," she said. "We have waited long enough," he added later.`
	e := Entities("Vote", body)
	if q := quoteStarting(t, e, "This is a good day"); q.Speaker != "Mary Collins" {
		t.Errorf("she → %q, want Mary Collins", q.Speaker)
	}
	if q := quoteStarting(t, e, "We have waited"); q.Speaker != "John Baker" {
		t.Errorf("he → %q, want John Baker", q.Speaker)
	}
}

func TestQuoteSpeakerFromRoleDescription(t *testing.T) {
	body := "President Vladimir Putin met the visiting delegation in Moscow.\n\n" +
		`"We are ready to talk," the president said.`
	e := Entities("Talks", body)
	if q := quoteStarting(t, e, "We are ready"); q.Speaker != "Vladimir Putin" {
		t.Errorf("the president → %q", q.Speaker)
	}
}

func TestQuoteSpeakerOrganisation(t *testing.T) {
	body := `"Prices will fall next year," a spokesman for Tesco said.` + "\n\n" +
		`Police said: "The road is closed."`
	e := Entities("Shops", body)
	if q := quoteStarting(t, e, "Prices will"); q.Speaker != "Tesco" {
		t.Errorf("spokesman for Tesco → %q", q.Speaker)
	}
	if hasName(peopleNames(e), "Tesco") {
		t.Errorf("Tesco listed as a person: %v", peopleNames(e))
	}
}

func TestQuoteAccordingTo(t *testing.T) {
	e := Entities("Report", `The plan is "dead in the water", according to David Miller.`)
	if q := quoteStarting(t, e, "dead in the water"); q.Speaker != "David Miller" || !q.Partial {
		t.Errorf("got %+v", q)
	}
}

func TestSplitQuoteIsTwoQuotes(t *testing.T) {
	e := Entities("Split", `"We tried everything," Tom Walker said, "but the river rose too fast."`)
	if len(e.Quotes) != 2 {
		t.Fatalf("want 2 quotes, got %+v", e.Quotes)
	}
	for _, q := range e.Quotes {
		if q.Speaker != "Tom Walker" {
			t.Errorf("quote %q speaker %q", q.Text, q.Speaker)
		}
	}
}

func TestQuoteSpanningParagraphs(t *testing.T) {
	body := "Emma Clark said: \u201cThe first part of the plan is ready.\n\n" +
		"\u201cThe second part will follow in the spring.\u201d\n\nThe council meets on Friday."
	e := Entities("Plan", body)
	if len(e.Quotes) != 2 {
		t.Fatalf("want one quote per paragraph, got %+v", e.Quotes)
	}
	second := quoteStarting(t, e, "The second part")
	if second.Speaker != "Emma Clark" || second.Paragraph != 2 {
		t.Errorf("continued quote: %+v", second)
	}
}

func TestTitleOfWorkIsNotAQuote(t *testing.T) {
	body := `The band played their hit single "Dream On Forever" and the film "Beyond the Hills" opened. "It was a great night," said Anna Price.`
	e := Entities("Gig", body)
	if len(e.Quotes) != 1 || !strings.HasPrefix(e.Quotes[0].Text, "It was a great night") {
		t.Errorf("titles became quotes: %+v", e.Quotes)
	}
}

func TestNamesInsideTitleOfWorkAreNotPeople(t *testing.T) {
	e := Entities("Album", `The band closed with the ballad "Waiting for Molly Brennan", and singer Tess Avery thanked the crowd.`)
	for _, p := range e.People {
		if p.Name != "Tess Avery" {
			t.Errorf("%q from a song title taken for a person", p.Name)
		}
	}
}

func TestScareQuoteIsNotAQuote(t *testing.T) {
	e := Entities("Reform", `The so-called "reform" package passed on Tuesday.`)
	if len(e.Quotes) != 0 {
		t.Errorf("scare quote kept: %+v", e.Quotes)
	}
}

func TestSurnameMergesIntoFullName(t *testing.T) {
	body := "Prime Minister Gordon Brown visited the factory. Mr Brown later spoke to workers.\n\n" +
		"Brown's speech was short."
	e := Entities("Visit", body)
	p, ok := personNamed(e, "Gordon Brown")
	if !ok || len(e.People) != 1 {
		t.Fatalf("people %v", peopleNames(e))
	}
	if p.Mentions != 3 {
		t.Errorf("mentions %d, want 3", p.Mentions)
	}
	if !hasName(p.Aliases, "Mr Brown") || !hasName(p.Aliases, "Brown") {
		t.Errorf("aliases %v", p.Aliases)
	}
}

func TestFirstNameMergesIntoFullName(t *testing.T) {
	body := "North Korean leader Kim Jong Un inspected the site. Kim said nothing to the press."
	e := Entities("Site", body)
	if p, ok := personNamed(e, "Kim Jong Un"); !ok || p.Mentions != 2 || len(e.People) != 1 {
		t.Errorf("people %+v", e.People)
	}
}

func TestSharedSurnameFollowsMostRecentPerson(t *testing.T) {
	body := "Michael Howard met Australian adviser John Howard. Later Howard said the talks were useful."
	e := Entities("Talks", body)
	if p, _ := personNamed(e, "John Howard"); p.Mentions != 2 {
		t.Errorf("people %+v", e.People)
	}
}

func TestTitlesStrippedButKept(t *testing.T) {
	body := "Defence Secretary Geoff Hoon and Lord Falconer met Sir Paul McCartney."
	e := Entities("Meeting", body)
	for _, want := range []string{"Geoff Hoon", "Falconer", "Paul McCartney"} {
		if !hasName(peopleNames(e), want) {
			t.Errorf("missing %q in %v", want, peopleNames(e))
		}
	}
}

func TestOrganisationIsNotAPerson(t *testing.T) {
	body := "Shares in Barclays Capital rose as the Labour Party met. The rock band Korn and Manchester United FC were also in the news, and the BBC reported it."
	e := Entities("Markets", body)
	if len(e.People) != 0 {
		t.Errorf("organisations as people: %v", peopleNames(e))
	}
}

func TestSentenceOpenerIsNotAPerson(t *testing.T) {
	body := "Afterward the crowd left. Sunday was quiet. Speaking later, Alan Davies thanked them."
	e := Entities("Crowd", body)
	if got := peopleNames(e); len(got) != 1 || got[0] != "Alan Davies" {
		t.Errorf("people %v", got)
	}
}

func TestDemonymIsNotAPlace(t *testing.T) {
	e := Entities("Trade", "British and German firms signed a deal with Russian buyers in France.")
	if got := placeNames(e); len(got) != 1 || got[0] != "France" {
		t.Errorf("places %v", got)
	}
}

func TestPlaceInsideOrganisationIsNotAPlace(t *testing.T) {
	e := Entities("Sport", "UK Athletics and the University of London backed the London Marathon in Paris.")
	if got := placeNames(e); len(got) != 1 || got[0] != "Paris" {
		t.Errorf("places %v", got)
	}
}

func TestCountryShortFormsAreOnePlace(t *testing.T) {
	e := Entities("Trade", "The US and Britain agreed. Officials in the UK and the U.S. welcomed it.")
	if len(e.Places) != 2 {
		t.Fatalf("places %+v", e.Places)
	}
	if e.Places[0].Name != "US" || e.Places[0].Mentions != 2 || e.Places[1].Name != "Britain" || e.Places[1].Mentions != 2 {
		t.Errorf("places %+v", e.Places)
	}
}

func TestNameBeforeGeographicNounIsAPlace(t *testing.T) {
	e := Entities("Ice", "Snow fell from the Monte Verro massif to the Sella Alta range, said guide Paolo Ricci.")
	for _, p := range e.People {
		if p.Name != "Paolo Ricci" {
			t.Errorf("%q taken for a person", p.Name)
		}
	}
	var places []string
	for _, p := range e.Places {
		places = append(places, p.Name)
	}
	if got := strings.Join(places, ", "); got != "Monte Verro, Sella Alta" {
		t.Errorf("places = %s", got)
	}
}

func TestLandmarkIsAPlace(t *testing.T) {
	e := Entities("Film", "Stars gathered in Leicester Square before driving across Tower Bridge.")
	for _, want := range []string{"Leicester Square", "Tower Bridge"} {
		if !hasName(placeNames(e), want) {
			t.Errorf("missing %q in %v", want, placeNames(e))
		}
	}
}

func TestModifierRevealsPlace(t *testing.T) {
	e := Entities("Bank", "The California-based lender Wells Fargo grew.")
	if got := placeNames(e); len(got) != 1 || got[0] != "California" {
		t.Errorf("places %v", got)
	}
	if len(e.People) != 0 {
		t.Errorf("people %v", peopleNames(e))
	}
}

func TestMarkdownIsStripped(t *testing.T) {
	body := "## Reaction\n\n*Janet Reed*, the [mayor](https://example.com/mayor), spoke.\n\n" +
		"> \"We will rebuild the bridge,\" she said.\n\n![Photo: Getty](x.jpg)"
	e := Entities("Flood", body)
	if !hasName(peopleNames(e), "Janet Reed") {
		t.Errorf("people %v", peopleNames(e))
	}
	q := quoteStarting(t, e, "We will rebuild")
	if q.Speaker != "Janet Reed" || q.Paragraph != 3 {
		t.Errorf("blockquote quote %+v", q)
	}
}

func TestNoiseLinesAreIgnored(t *testing.T) {
	body := "Image caption: Peter Moss/Getty Images\n\nListen Live\n\nThe storm hit Dover on Monday."
	e := Entities("Storm", body)
	if len(e.People) != 0 {
		t.Errorf("people from page chrome: %v", peopleNames(e))
	}
}

func FuzzEntities(f *testing.F) {
	f.Add("Title", `"Hello," Mr. Smith said. "Bye`)
	f.Add("", "> “quote\n\n‘nested’ \"x\" — 'y'")
	f.Add("A U.S.", "[a](b) *c* _d_ ![e](f) \xff\xfe")
	f.Fuzz(func(t *testing.T, title, body string) {
		e := Entities(title, body)
		for _, p := range e.People {
			if !utf8.ValidString(p.Name) || p.Name == "" || p.Mentions < 1 {
				t.Fatalf("bad person %+v", p)
			}
		}
		for _, p := range e.Places {
			if !utf8.ValidString(p.Name) || p.Name == "" {
				t.Fatalf("bad place %+v", p)
			}
		}
		for _, q := range e.Quotes {
			if !utf8.ValidString(q.Text) || !utf8.ValidString(q.Speaker) || q.Paragraph < 1 {
				t.Fatalf("bad quote %+v", q)
			}
		}
	})
}

func TestPronounAfterSpokeswomanIsTheOrganisation(t *testing.T) {
	body := `A Tesco spokeswoman said Lord Woolf agreed with the plan. "The stores will open on Sunday," she said.`
	e := Entities("Stores", body)
	if q := quoteStarting(t, e, "The stores"); q.Speaker != "Tesco" {
		t.Errorf("she → %q, want Tesco", q.Speaker)
	}
}

func TestFragmentBeforeOtherVerbKeepsEarlierSpeaker(t *testing.T) {
	body := `Coach Andy Robinson said he was "livid" after his side were denied two tries, but insisted the referee had "done his best on the day".`
	e := Entities("Rugby", body)
	for _, q := range e.Quotes {
		if q.Speaker != "Andy Robinson" {
			t.Errorf("%q → %q, want Andy Robinson", q.Text, q.Speaker)
		}
	}
	if len(e.Quotes) != 2 {
		t.Errorf("quotes %+v", e.Quotes)
	}
}

func TestNameInAppositiveIsTheSpeaker(t *testing.T) {
	body := `The chairman of the panel, Ambassador Stefan Olsen of Norway, warned there was "still a lot of work to be done".`
	e := Entities("Talks", body)
	if q := quoteStarting(t, e, "still a lot"); q.Speaker != "Stefan Olsen" {
		t.Errorf("speaker %q", q.Speaker)
	}
}

func TestStatementSpeaksForItsAuthor(t *testing.T) {
	body := `Mr Crosby's statement said: "We have never discussed it." It added: "The party will not be distracted."`
	e := Entities("Row", body)
	if q := quoteStarting(t, e, "The party will"); q.Speaker != "Crosby" {
		t.Errorf("it added → %q", q.Speaker)
	}
}

// TestRunOnTextStaysFast guards against a rule that turns quadratic on a
// body with no sentence breaks: at 1 MB that would take minutes. The bound is
// far above the linear time (about a second on a loaded 2-core machine) so
// that a busy machine cannot fail it; speed itself is BenchmarkEntities' job.
func TestRunOnTextStaysFast(t *testing.T) {
	body := strings.Repeat(`Mr Smith said "hello there" and the president added `, 20000)
	done := make(chan struct{})
	go func() {
		Entities("Long", body)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("a one-sentence 1 MB body took more than a minute: some rule is quadratic")
	}
}

func TestNamedPersonBeforeAppositiveSpeaks(t *testing.T) {
	body := `"It is all about digital," Jeff Joseph, from the Consumer Electronics Association (CEA), told the BBC.`
	e := Entities("Gadgets", body)
	if q := quoteStarting(t, e, "It is all"); q.Speaker != "Jeff Joseph" {
		t.Errorf("speaker %q", q.Speaker)
	}
}

func TestMonthThatIsASurnameJoinsThePerson(t *testing.T) {
	body := `Guitarist Brian May has said the band will tour. May said: "We are rising again."`
	e := Entities("Tour", body)
	if p, ok := personNamed(e, "Brian May"); !ok || p.Mentions != 2 {
		t.Errorf("people %+v", e.People)
	}
	if q := quoteStarting(t, e, "We are rising"); q.Speaker != "Brian May" {
		t.Errorf("speaker %q", q.Speaker)
	}
}

func TestUnnamedSourceIsNotGivenToEarlierSpeaker(t *testing.T) {
	body := `"We cannot comment," studio spokesman Sean Dudas said. The lawsuit said the actor had endured "extreme mental and physical pain".`
	e := Entities("Lawsuit", body)
	if q := quoteStarting(t, e, "extreme mental"); q.Speaker != "" {
		t.Errorf("the lawsuit's words given to %q", q.Speaker)
	}
	if q := quoteStarting(t, e, "We cannot"); q.Speaker != "Sean Dudas" {
		t.Errorf("speaker %q", q.Speaker)
	}
}

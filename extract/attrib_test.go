package extract

import (
	"strings"
	"testing"
)

// Each sieve of quote attribution, and each phrase resolver, shown on
// sentences written for the test: the speaker, and that the rule which
// decided is the one the row is about (so a later change that decides the
// same quote by luck through another rule shows up).

type attribCase struct {
	rule, body string
	quote      string // the start of the quote
	speaker    string
	decidedBy  string // the start of the quote's speakerRule
}

// attributed runs the pipeline and returns its quotes with their reasons.
func attributed(body string) []QuoteWhy {
	return Explain("", body).Quotes
}

func checkAttribution(t *testing.T, cases []attribCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			for _, q := range attributed(tc.body) {
				if !strings.HasPrefix(q.Text, tc.quote) {
					continue
				}
				if q.Speaker != tc.speaker || !strings.HasPrefix(q.Rule, tc.decidedBy) {
					t.Errorf("speaker %q by %q on %q; want %q by %q", q.Speaker, q.Rule, q.Cue, tc.speaker, tc.decidedBy)
				}
				if q.Speaker != "" && q.Cue == "" {
					t.Errorf("speaker %q by %q with no cue", q.Speaker, q.Rule)
				}
				return
			}
			t.Fatalf("no quote starting %q", tc.quote)
		})
	}
}

func TestSieveAfterQuote(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"subject then verb", `Nadia Korvel runs the depot. "We ship at dawn," Korvel said.`,
			"We ship", "Nadia Korvel", "after the quote: X said / named person"},
		{"verb then subject", `Nadia Korvel runs the depot. "We ship at dawn," said Korvel.`,
			"We ship", "Nadia Korvel", "after the quote: said X / named person"},
		{"verb then description then name", `"Orders are up," said its managing director, Pavel Ostrander.`,
			"Orders are", "Pavel Ostrander", "after the quote: said X / appositive name"},
		{"subject with an appositive", `"Costs will fall," Ilse Margold, an analyst at Brenner Bank, told reporters.`,
			"Costs will", "Ilse Margold", "after the quote: X said / named person"},
		{"according to after the quote", `"The bridge is unsafe," according to engineer Tomas Ferreira.`,
			"The bridge", "Tomas Ferreira", "after the quote: according to / named person"},
		{"quoted as saying", `"Rates will hold," the Daily Ledger quoted governor Ruth Abernathy as saying.`,
			"Rates will", "Ruth Abernathy", "after the quote: quoted as saying / named person"},
		{"a new clause is no attribution", `Halvard Brun spoke first. The crowd was "restless and loud all night" and the band played on.`,
			"restless", "", ""},
	})
}

func TestSieveBeforeQuote(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"subject and verb before", `Mayor Lena Vasquez said: "The roads reopen on Monday."`,
			"The roads", "Lena Vasquez", "before the quote: X said / named person"},
		{"told an object", `Olu Adeyemi told the council: "We cannot wait."`,
			"We cannot", "Olu Adeyemi", "before the quote: X said / named person"},
		{"verb after and", `Bruno Castellan toured the plant and promised "better pay for all".`,
			"better pay", "Bruno Castellan", "before the quote: and said / the sentence's subject"},
		{"said he thought", `Greta Lindqvist said he thought the plan was "a fair deal for the town".`,
			"a fair deal", "Greta Lindqvist", "before the quote: X said he thought"},
		{"participle", `Councillor Amos Fairweather voted against it, saying the budget was "a fantasy".`,
			"a fantasy", "Amos Fairweather", "before the quote: X saying"},
		{"according to before", `According to Hana Petrova, "the vote was never close".`,
			"the vote", "Hana Petrova", "before the quote: according to / named person"},
		{"a thing as subject settles the quote as nobody's", `Dora Kell spoke. The report said the river had "no safe level" now.`,
			"no safe level", "", ""},
	})
}

func TestSieveAccordingLater(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"according to after the sentence's words", `The firm did "everything it possibly could" to stay open, according to manager Ines Albright.`,
			"everything", "Ines Albright", "according to, later: named person"},
	})
}

func TestSieveColonIntroduction(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"a paragraph ending in a colon", "Coach Marta Rilke told reporters:\n\n\"We were second best all night.\"",
			"We were", "Marta Rilke", "colon introduction: named person"},
	})
}

func TestSieveReportedBefore(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"the sentence before reports speech", `Pieter Hals said the strike would go on. "We have no choice left."`,
			"We have", "Pieter Hals", "reported just before: named person"},
	})
}

func TestSieveFollowOn(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"a quote with no cue goes on with the one before",
			"\"The harvest is late,\" said farmer Ewan Tully.\n\n\"Rain every day since June.\"",
			"Rain every", "Ewan Tully", "follow-on"},
		{"a quotation over several paragraphs takes its closing attribution",
			"\"The first part of the plan is simple.\n\n\"The second part is not,\" said Vera Mossgiel.",
			"The first", "Vera Mossgiel", "continued quotation"},
	})
}

func TestPhraseResolvers(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"pronoun", `Ana Ribeiro opened the clinic. "It took ten years," she said.`,
			"It took", "Ana Ribeiro", "after the quote: X said / pronoun"},
		{"description", `Goalkeeper Tomasz Wrobel saved twice. "I was lucky," said the goalkeeper.`,
			"I was lucky", "Tomasz Wrobel", "after the quote: said X / description"},
		{"spokesperson", `Prices rose at Harwick Foods. "We regret it," a spokesman said.`,
			"We regret", "Harwick Foods", "after the quote: X said / spokesperson"},
		{"spokesperson for an organisation", `"We regret it," said a spokesman for Harwick Foods.`,
			"We regret", "Harwick Foods", "after the quote: said X / organisation"},
		{"unnamed member", `"Nobody is buying," one Dunmore trader said.`,
			"Nobody is", "", "after the quote: X said / unnamed member"},
		{"it", `The Orland Trust warned of cuts. "Services will close," it said.`,
			"Services will", "Orland Trust", "after the quote: X said / it"},
		{"it: the statement of the quote two paragraphs before", "Corvane Records have put out a statement.\n\n\"We have never blocked a show,\" they said.\n\nNow they have written to the organisers of the Lakeside Awards.\n\n\"We have agreed to every request,\" it says.",
			"We have agreed", "Corvane Records", "after the quote: X said / it"},
		{"a plural noun that is a word of an organisation's name", "The doctors, members of the new group Doctors for Open Clinics, wrote to the minister.\n\n\"We write with urgency,\" the doctors stated.",
			"We write", "Doctors for Open Clinics", "after the quote: X said / institution named before"},
		{"institution named before", `The Department for Rivers published figures. "Levels are falling," the department said.`,
			"Levels are", "Department for Rivers", "after the quote: X said / institution named before"},
		{"institution", `"Roads will be gritted," the county council said.`,
			"Roads will", "county council", "after the quote: X said / institution"},
		{"a role nobody holds in the story", `"Stay indoors," a doctor said.`,
			"Stay indoors", "", "after the quote: X said"},
	})
}

func TestWireQuoteMarks(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"two apostrophes close a quote opened with a curly mark", "“Is this the end?’’ asked Ned Rusk.",
			"Is this the end?", "Ned Rusk", "after the quote: said X"},
		{"two apostrophes open and close", "Ona Pell spoke. She added: ''It is time to go.'' Later she left.",
			"It is time", "Ona Pell", "before the quote"},
		{"two curly apostrophes open and close", "Ona Pell spoke. ’’We will step across,’’ said Pell.",
			"We will step", "Ona Pell", "after the quote: said X"},
	})
}

func TestAttributionAfterAStop(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"a question mark ends the sentence before the attribution", `Rhea Dunmore met the envoy. “Will we step across?” Dunmore asked.`,
			"Will we step", "Rhea Dunmore", "after the quote: X said / named person"},
		{"a full stop ends the sentence before the attribution", `"We won the vote." Keld Hansen said on Monday.`,
			"We won", "Keld Hansen", "after the quote: X said / named person"},
		{"an attribution with no comma", `“We never had demand like that ” Ivo Marsh said.`,
			"We never had", "Ivo Marsh", "after the quote: X said / named person"},
		{"a quote nested at the end", `“I thought, ‘Oh no, not again,’ ” Tilde Brann said.`,
			"I thought", "Tilde Brann", "after the quote: X said / named person"},
		{"a new sentence about something else is no attribution", `"Prices rose." Oskar Vell described the market as calm.`,
			"Prices rose", "", ""},
		{"a noun that is also a speech verb is no attribution", `Dag Roe spoke. The firm fought a "campaign of illegal and unfair" tax claims. Dag Roe left.`,
			"campaign of", "", ""},
		{"an earlier remark is no attribution", `"We are ready." Lena Ovitz had said before the game that she would stay.`,
			"We are ready", "", ""},
	})
}

func TestSieveSentenceFinal(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"subject and verb close the sentence", `Doctors should "take very careful histories" of their patients, Owen Brack said.`,
			"take very careful", "Owen Brack", "attribution closing the sentence: X said / named person"},
		{"verb, description, then the name", `Pell was known for telling aides "he ran the port" for years, said another witness in the inquiry, harbour adviser Mira Sandvik.`,
			"he ran the port", "Mira Sandvik", "attribution closing the sentence: said X / appositive name"},
		{"the pronoun is not the person the reported clause names", `Lars Ekdahl spoke next. Mr Harlan has "the same drive he always had" for the job, he said.`,
			"the same drive", "Lars Ekdahl", "attribution closing the sentence: X said / pronoun"},
		{"a name set off by commas before the verb", `Wages had "fallen behind the cost of living for years" in every grade, the union's treasurer, Ana Belmonte, said.`,
			"fallen behind", "Ana Belmonte", "attribution closing the sentence: X said / appositive name"},
		{"an attribution that opens a quote of its own belongs to it", "Jon Wald said: \"It was mobbed all day.\" Street director Annie Walde said on Saturday: \"The stores were heaving.\"",
			"It was mobbed", "Jon Wald", "before the quote"},
		{"a speech verb before the quote reports whose words they are", `Nils Orm spoke. The barrister had said the rules were "weighted heavily against owners" in such cases, said Mr Orm.`,
			"weighted heavily", "", "before the quote"},
		{"the listener of told is no speaker", `"Jobs are temporary this winter," Ana Ruiz, an economist with Hale & Dorn in Lisbon, told Reuters.`,
			"Jobs are", "Ana Ruiz", "after the quote: X said / named person"},
	})
}

func TestInstitutionsAndDemonyms(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"they are the organisation that opened the sentence before", "The row went on. Corvane Records have denied it twice.\n\n\"We never blocked the show,\" they said in a statement.",
			"We never", "Corvane Records", "after the quote: X said / pronoun"},
		{"they after people are not an organisation", "The nurses met Dunmore Health. Anna Pike and Tom Rees spoke.\n\n\"We are tired,\" they said.",
			"We are tired", "", "after the quote: X said"},
		{"the statement is whoever made it", "Two soldiers died in a crash in Kandahar, the Peruvian army said in a statement on Monday.\n\n\"The cause is under investigation,\" the statement said.",
			"The cause", "Peruvian army", "after the quote: X said / the statement"},
		{"a country before a body names the body", `"Talks will resume," the Kenyan foreign ministry said.`,
			"Talks will", "Kenyan foreign ministry", "after the quote: X said / institution"},
		{"a demonym is never the speaker", `Director Aled Moss spoke in Sydney. "It will take years," said the New Zealander.`,
			"It will take", "Aled Moss", "after the quote: said X / demonym"},
	})
}

func TestNamesInQuotesAreNotQuotes(t *testing.T) {
	body := "Tova Brisk spoke.\n\n\"We never take it for granted,\" the \"Harbour\" actor said on \"NDTV.\" She left early. The \"Starts Here\" campaign ran on."
	for _, q := range attributed(body) {
		if q.Text == "Harbour" || q.Text == "NDTV." || q.Text == "Starts Here" {
			t.Errorf("a name in quotes taken for a quote: %q", q.Text)
		}
		if strings.HasPrefix(q.Text, "We never") && q.Speaker != "Tova Brisk" {
			t.Errorf("a name in quotes hid the attribution: speaker %q by %q", q.Speaker, q.Rule)
		}
	}
}

func TestNameBeforeAppositives(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"two appositives after the name", `Omar Velt, an analyst at Norrow Partners, the Oslo-based firm, told reporters: "The port is safe."`,
			"The port", "Omar Velt", "before the quote: X said / name before appositives"},
		{"a missing second comma", `Colin Aspley, Redsand Hotel Association said: "We tried very hard."`,
			"We tried", "Colin Aspley", "before the quote: X said / name before appositives"},
	})
}

func TestNestedReportedSpeech(t *testing.T) {
	checkAttribution(t, []attribCase{
		{"prosecutors alleged: words of nobody the story names", "Senator Ray Halden spoke on Monday. \"It is a scandal,\" Halden told reporters.\n\nProsecutors alleged that Morrow \"ran a scheme for years\" at his homes.",
			"ran a scheme", "", "before the quote"},
		{"an adjective is no speech verb", "Ray Halden spoke. \"We are close,\" Halden said.\n\nThe alleged \"ringleader of the group\" was held.",
			"ringleader", "Ray Halden", "follow-on"},
	})
}

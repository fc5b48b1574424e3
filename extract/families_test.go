package extract

import (
	"testing"

	"byline/news"
)

// Errors a reader met in a large library, by family: firms listed as
// people, stage names listed as places, and a name counted twice. Every
// sentence is written for the test.

func TestFirmShapesAreNoPeople(t *testing.T) {
	for _, tc := range []struct {
		rule, body string
		want, not  []string
	}{
		{"Bros after a given name is a studio",
			`Profits dipped at Warner Bros, while Tom Hallam stayed on as chief.`,
			[]string{"Tom Hallam"}, []string{"Warner Bros"}},
		{"Brothers and Interactive end firms' names",
			`Gordon Brothers said sales fell. Martin Interactive lost money. Ruth Ames was hired.`,
			[]string{"Ruth Ames"}, []string{"Gordon Brothers", "Martin Interactive"}},
		{"an ampersand before Co or Sons makes one firm, even after a town's name",
			`Orders at Martin & Co fell. Lincoln & Sons closed its mill. Anna Reyes spoke.`,
			[]string{"Anna Reyes"}, []string{"Martin", "Lincoln", "Martin & Co", "Lincoln & Sons"}},
		{"a firm's first word alone is the firm when nobody in the story bears it",
			`Profits dipped at Warner Bros. Later, Time Warner said costs rose. Tom Hallam agreed.`,
			[]string{"Tom Hallam"}, []string{"Warner", "Warner Bros"}},
		{"the first word of a firm stays a person's when someone bears it",
			`Warner Hale left Warner Bros in May. Warner said he was tired.`,
			[]string{"Warner Hale"}, []string{"Warner Bros"}},
		{"a country inside a name whose first word is no given name is a firm",
			`Agence France Presse reported the deal. Summit Austria said profits rose. Jason Scotland scored twice. Jools Holland played. India Knight wrote a column.`,
			[]string{"Jason Scotland", "Jools Holland", "India Knight"}, []string{"Agence France Presse", "Summit Austria"}},
		{"single words joined by an ampersand are a firm",
			`Victor Hale, a partner at Kessler & Dorr, said no.`,
			[]string{"Victor Hale"}, []string{"Kessler", "Dorr"}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			e := Entities("Story", tc.body)
			names := append(peopleNames(e), placeNames(e)...)
			for _, w := range tc.want {
				if !hasName(peopleNames(e), w) {
					t.Errorf("want person %q in %v", w, peopleNames(e))
				}
			}
			for _, n := range tc.not {
				if hasName(names, n) {
					t.Errorf("%q is a firm, no person or place: %v", n, names)
				}
			}
		})
	}
}

func TestStageNamesAreNoPlaces(t *testing.T) {
	for _, tc := range []struct {
		rule, body  string
		people, not []string
		places      []string
	}{
		{"a job only a person has before one word makes a person of a region's name",
			`The campaign was backed by U2 frontman Bono, who flew in.`,
			[]string{"Bono"}, []string{"Bono"}, nil},
		{"every mention of the person joins them, even where the gazetteer is asked",
			`The rapper Bono spoke first. Bono's album sold well, and Bono later said he was tired.`,
			[]string{"Bono"}, []string{"Bono"}, nil},
		{"a country after a kinship word keeps its meaning",
			`Rhys Gant told his brother Britain would leave the union.`,
			nil, nil, []string{"Britain"}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			checkFamilies(t, Entities("Story", tc.body), tc.people, tc.not, tc.places)
		})
	}
}

// A plural verb after a coordinated subject is the pair's: the last name
// of the pair is still a person.
func TestCoordinatedSubjectKeepsItsPeople(t *testing.T) {
	e := Entities("Story", `Chairman Ann Lowe and chief financial officer Tim Hale have left the firm.`)
	for _, w := range []string{"Ann Lowe", "Tim Hale"} {
		if !hasName(peopleNames(e), w) {
			t.Errorf("want person %q in %v", w, peopleNames(e))
		}
	}
}

// A file with no headline is titled by its first sentence; its names are
// read once.
func TestTitleThatRepeatsTheBodyCountsOnce(t *testing.T) {
	for _, tc := range []struct{ title, body string }{
		{"Tom Hallam flew to Rome", "Tom Hallam flew to Rome."},
		{"Tom Hallam flew to Rome", "Tom Hallam flew to Rome. He stayed a week.\n\nLater he left."},
		{"Tom Hallam flew to Rome with his…", "Tom Hallam flew to Rome with his brother and sister in the spring of that year."},
	} {
		e := Entities(tc.title, tc.body)
		if len(e.People) != 1 || e.People[0].Mentions != 1 || len(e.Places) != 1 || e.Places[0].Mentions != 1 {
			t.Errorf("title %q: %+v, want Tom Hallam and Rome once each", tc.title, e)
		}
	}
	e := Entities("Tom Hallam in Rome", "Tom Hallam flew to Rome.")
	if len(e.People) != 1 || e.People[0].Mentions != 2 {
		t.Errorf("a headline of its own still counts: %+v", e.People)
	}
}

// A surname honorific takes a family name: "Mr Hollis" is not Hollis
// Grant, whose given name that is, but it is Wang Xuebing's "Mr Wang".
func TestHonorificJoinsByFamilyName(t *testing.T) {
	for _, tc := range []struct {
		rule, body string
		person     string // the person the honorific form must be an alias of
		form       string
	}{
		{"Mr and a given name is somebody else",
			`Party treasurer Hollis Grant resigned on Friday. Mr Hollis, the party's leader, said he was sorry.`,
			"Hollis", "Mr Hollis"},
		{"Mr and a surname joins the full name",
			`Party leader Peter Hollis spoke. Treasurer Hollis Grant resigned. Mr Hollis said he was sorry.`,
			"Peter Hollis", "Mr Hollis"},
		{"Mr and a Chinese family name joins the full name",
			`Finance minister Wang Xuebing met bankers. Mr Wang said rates would hold.`,
			"Wang Xuebing", "Mr Wang"},
		{"Sir takes the given name",
			`Sir Hollis Grant opened the library. Sir Hollis said reading mattered.`,
			"Hollis Grant", "Sir Hollis"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			e := Entities("Story", tc.body)
			for _, p := range e.People {
				has := hasName(p.Aliases, tc.form)
				if p.Name == tc.person && !has {
					t.Errorf("%q should be a form of %s: %+v", tc.form, p.Name, e.People)
				}
				if p.Name != tc.person && has {
					t.Errorf("%q joined %s: %+v", tc.form, p.Name, e.People)
				}
			}
		})
	}
}

// "If the young X were…" is a supposition about a person, not a plural.
func TestSubjunctiveWereKeepsAPerson(t *testing.T) {
	e := Entities("Story", `"If the young Martin Ashby were starting out today, he would fail," she said. Martin Ashby smiled.`)
	if !hasName(peopleNames(e), "Martin Ashby") {
		t.Errorf("want person Martin Ashby in %v", peopleNames(e))
	}
}

// Places that are firms or people by what the sentence does with them.
func TestPlacesThatAreFirmsOrPeople(t *testing.T) {
	for _, tc := range []struct {
		rule, body string
		people     []string
		not        []string // no places
		places     []string
	}{
		{"a royal title in apposition makes a person of a town's name",
			`She wrote a life of Diana, princess of Wales. His divorce from Diana was hard.`,
			[]string{"Diana"}, []string{"Diana"}, []string{"Wales"}},
		{"a mention before the job that made a person is theirs too",
			`Her divorce from Diana was hard. She wrote a life of Diana, princess of Wales.`,
			[]string{"Diana"}, []string{"Diana"}, []string{"Wales"}},
		{"a job in apposition after a determiner",
			`The album by Kano, a rapper, sold well.`,
			[]string{"Kano"}, []string{"Kano"}, nil},
		{"what shares are in is a firm, even after 'in'",
			`Telcorp will buy the shares in Equant it does not own. Equant makes routers.`,
			nil, []string{"Equant"}, nil},
		{"an unknown name a firm holds shares in is a firm wherever it is written",
			`Its interest in Cegetel grew. Telcorp's shares in Cegetel are for sale.`,
			nil, []string{"Cegetel"}, nil},
		{"a small town whose profits rose is a firm",
			`Toyota profits rose 11% in the year. Toyota also cut prices.`,
			nil, []string{"Toyota"}, nil},
		{"a country's sales are its market's",
			`Japan sales rose 4% as exports to Japan grew.`,
			nil, nil, []string{"Japan"}},
		{"an acronym and a comma open a sentence, not a dateline, when no region follows",
			`The chief quit on Tuesday. KPMG, the firm's auditor, will review the books.`,
			nil, []string{"Kpmg", "KPMG"}, nil},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			checkFamilies(t, Entities("Story", tc.body), tc.people, tc.not, tc.places)
		})
	}
}

// checkFamilies: e has each of people as a person, none of notPlaces as a
// place, and each of places as a place.
func checkFamilies(t *testing.T, e news.Entities, people, notPlaces, places []string) {
	t.Helper()
	for _, w := range people {
		if !hasName(peopleNames(e), w) {
			t.Errorf("want person %q in %v", w, peopleNames(e))
		}
	}
	for _, n := range notPlaces {
		if placeNamed(e, n) {
			t.Errorf("%q is no place: %v", n, placeNames(e))
		}
	}
	for _, w := range places {
		if !placeNamed(e, w) {
			t.Errorf("want place %q in %v", w, placeNames(e))
		}
	}
}

// The kind of business right before a name makes it a firm's, in every
// mention; a kind that is also a person's job ("broadcaster") yields to a
// given name, unless the name is a place's and a common word.
func TestKindOfBusinessBeforeAName(t *testing.T) {
	for _, tc := range []struct {
		body   string
		firm   string
		people []string
	}{
		{"The brokerage Kestrel Amberley said in a note that it expected a fall. Kestrel Amberley added that rates would rise.",
			"Kestrel Amberley", nil},
		{"Shares in the mortgage firm Harlow Finch fell after Harlow Finch restated its figures, said Tom Reid.",
			"Harlow Finch", []string{"Tom Reid"}},
		{"The investment bank Marsden Tilly has forecast growth, its economist Ann Carver said.",
			"Marsden Tilly", []string{"Ann Carver"}},
		{"The veteran broadcaster Ruth Hollis said she agreed. Hollis had presented the show for years.",
			"", []string{"Ruth Hollis"}},
		{"A venture between public broadcaster France Televisions and two studios was announced.",
			"France Televisions", nil},
		{"The producer Chad Smith said it was done, and the host Georgia Pointon agreed.",
			"", []string{"Chad Smith", "Georgia Pointon"}},
	} {
		e := Entities("Markets", tc.body)
		if tc.firm != "" && hasName(peopleNames(e), tc.firm) {
			t.Errorf("%q: the firm %q is listed as a person: %v", tc.body, tc.firm, peopleNames(e))
		}
		checkFamilies(t, e, tc.people, nil, nil)
	}
}

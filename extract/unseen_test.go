package extract

import "testing"

// The error classes that unseen news showed (issue 9), one sentence or two
// per class, every one written for this test with invented names.
func TestUnseenNewsPeople(t *testing.T) {
	for _, tc := range []struct {
		class, body string
		want        []string // people
		not         []string // names that must not be people
	}{
		{"a name after a long organisation title",
			`State Teachers Association President Jane Roe said the strike would go on.`,
			[]string{"Jane Roe"}, []string{"State Teachers Association President Jane Roe"}},
		{"a name after a chamber's office",
			`House Speaker Nadia Pellard scheduled the vote for Tuesday.`,
			[]string{"Nadia Pellard"}, nil},
		{"a name after an agency's possessive title",
			`NASA's Administrator Glen Oberly said the launch would slip.`,
			[]string{"Glen Oberly"}, nil},
		{"a name after an outlet and a title",
			`CBS Sports NFL Insider Marcus La Torre reported the fine on Friday.`,
			[]string{"Marcus La Torre"}, []string{"CBS Sports NFL Insider Marcus La Torre"}},
		{"an ambassador's country before the name",
			`The country's ambassador to Britain Kim Soo-hyun met the minister.`,
			[]string{"Kim Soo-hyun"}, []string{"Britain Kim Soo-hyun"}},
		{"a sports position before the name",
			`Rivermouth DL Tobias Quarrie was suspended. Hawks: F Ismael Dorantes missed the game.`,
			[]string{"Tobias Quarrie", "Ismael Dorantes"}, nil},
		{"a duo named with 'and'",
			`The French duo Amélie Farge and Jules Carrel won the prize.`,
			[]string{"Amélie Farge", "Jules Carrel"}, nil},
		{"a full name before 'and' and a party",
			`He asked for an inquiry into Joel Varden and Democrats in the state.`,
			[]string{"Joel Varden"}, []string{"Joel Varden and Democrats"}},
		{"an inverted attribution with a first name that is a word",
			`There were 30 vacancies at the jail, said Serene Walsh, local president of the union.`,
			[]string{"Serene Walsh"}, nil},
		{"a profession shaped like one",
			`"The ocean is deep," said planetary geologist Rosalind Ubaldo of the institute.`,
			[]string{"Rosalind Ubaldo"}, nil},
		{"a romanised given name of two syllables",
			`The report was confirmed, according to Mei-Lin Tse of the Daily Courier.`,
			[]string{"Mei-Lin Tse"}, nil},
		{"an unknown given name opening a sentence",
			`He paid the agent. Harwinder Dhillon, another deportee, said he had paid more.`,
			[]string{"Harwinder Dhillon"}, nil},
		{"East-Asian name order: one person",
			`Samwon chairman Park Sung-ho died on Sunday. Sung-Ho Park had led the firm since 1987. Chairman Park was 78.`,
			[]string{"Park Sung-ho"}, []string{"Sung-Ho Park"}},
		{"a stake in what a person owns",
			`The firm bought a majority stake in Kira Lennox's cosmetics company. Kira Lennox will stay on.`,
			[]string{"Kira Lennox"}, nil},
		{"a team and a word of praise before a name",
			`Four players did it before him, including Lakers great Magic Holloway and Jason Kidd.`,
			[]string{"Magic Holloway", "Jason Kidd"}, nil},
		{"a byline is not a person in the story",
			"By Colin Ashdown\n\nThe council voted to close the library on Monday.",
			nil, []string{"Colin Ashdown"}},
		{"a byline at the bottom",
			"The council voted to close the library on Monday.\n\nBy Colin Ashdown, Staff Writer",
			nil, []string{"Colin Ashdown"}},
	} {
		t.Run(tc.class, func(t *testing.T) {
			e := Entities("", tc.body)
			got := peopleNames(e)
			for _, w := range tc.want {
				if !hasName(got, w) {
					t.Errorf("want person %q, got %q\n%s", w, got, explainText(tc.body))
				}
			}
			for _, n := range tc.not {
				if hasName(got, n) {
					t.Errorf("%q must not be a person, got %q\n%s", n, got, explainText(tc.body))
				}
			}
		})
	}
}

// explainText prints the reasons, so a failing case says which rule
// decided.
func explainText(body string) string {
	ex := Explain("", body)
	s := ""
	for _, group := range [][]EntityWhy{ex.People, ex.Places} {
		for _, e := range group {
			for _, m := range e.Mentions {
				s += "  " + e.Name + " <- " + m.Text + ": " + reasonList(m.Reasons) + "\n"
			}
		}
	}
	for _, m := range ex.Others {
		s += "  (" + m.Kind + ") " + m.Text + ": " + reasonList(m.Reasons) + "\n"
	}
	return s
}

func reasonList(rs []Reason) string {
	s := ""
	for _, r := range rs {
		s += r.Rule + " [" + r.Words + "] "
	}
	return s
}

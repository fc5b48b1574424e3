package extract

import (
	"strings"

	"byline/extract/lexicon"
	"byline/news"
)

type place struct {
	Name     string
	Key      string
	Mentions int
	Aliases  []string
	First    int
}

// resolvePlaces groups place mentions into places. Every form of one
// country ("US", "U.S.", "America", "the United States") is one place,
// named by the form the article uses first. "the North" and "the South"
// are a country only when the article names one starting with that word.
// Headline mentions count only for places the body names too.
func resolvePlaces(toks []token, ms []mention) []place {
	var places []place
	idx := map[string]int{}
	for pass := 0; pass < 2; pass++ {
		for i := range ms {
			m := &ms[i]
			if m.Kind != mPlace || m.InTitle != (pass == 1) {
				continue
			}
			key := placeKey(m)
			j, ok := idx[key]
			if !ok {
				if m.InTitle && (m.Place.Kind == 0 || m.Place.Kind == lexicon.Feature) {
					// A headline is set in title case more often than not: only
					// gazetteer places are trusted there.
					m.Kind = mOther
					continue
				}
				places = append(places, place{Name: m.Name, Key: key, First: m.Start})
				j = len(places) - 1
				idx[key] = j
			}
			m.Ent = j
			p := &places[j]
			p.Mentions++
			if m.Start < p.First {
				p.First = m.Start
			}
			if m.Name != p.Name && !contains(p.Aliases, m.Name) {
				p.Aliases = append(p.Aliases, m.Name)
			}
		}
	}
	addCompassShortForms(toks, places)
	return places
}

// placeKey groups the forms of one place: the gazetteer's canonical name
// ("U.S." and "America" are both "United States").
func placeKey(m *mention) string {
	if m.Place.Name != "" {
		return strings.ToLower(m.Place.Name)
	}
	return strings.ToLower(m.Name)
}

// addCompassShortForms counts "the North" as North Korea (and the like)
// when the article names that country.
func addCompassShortForms(toks []token, places []place) {
	for i := 1; i < len(toks); i++ {
		w := toks[i].Text
		if w != "North" && w != "South" || toks[i-1].lower() != "the" {
			continue
		}
		if i+1 < len(toks) && toks[i+1].cap() {
			continue
		}
		for j := range places {
			if strings.HasPrefix(places[j].Name, w+" ") {
				places[j].Mentions++
				if form := "the " + w; !contains(places[j].Aliases, form) {
					places[j].Aliases = append(places[j].Aliases, form)
				}
				break
			}
		}
	}
}

func toPlaces(places []place) []news.Place {
	out := make([]news.Place, 0, len(places))
	for _, p := range places {
		out = append(out, news.Place{Name: p.Name, Mentions: p.Mentions, Aliases: p.Aliases})
	}
	return out
}

package store

import (
	"strings"
	"testing"

	"byline/internal/cputime"
)

// benchBody is a news story of the bench's average length (2.2 KB),
// written for byline.
func benchBody() string {
	return strings.Join([]string{
		"Plans for a heat network under the north of the city were approved by the council on Tuesday, after two years of delays.",
		"About 4,000 homes and a hospital will be connected by the end of next year, the authority said in a statement.",
		"Contractors warned that the cost of steel pipe had risen by 18 per cent since the scheme was first proposed in 2023.",
		"\"We have been waiting for this since the old plant closed,\" said Maureen Okafor, who chairs the residents' association.",
		"The network will draw warm water from flooded mine workings 200 metres below the ground, and will be run by a company owned by the council.",
		"Opposition councillors questioned whether the heat would be cheaper than gas, and asked for prices to be published before work begins.",
		"Officials said bills would be capped for the first five years, and that households could leave the scheme after three.",
		"Similar schemes in Scotland and the Netherlands have cut carbon emissions by a third, according to a government report published last month.",
		"Work on the first stretch, beneath Market Street, is expected to close two lanes of traffic from March until the summer.",
		"Local businesses have asked for compensation, saying the roadworks on the bridge last year cost them thousands of pounds in lost trade.",
		"The council's cabinet member for climate, Daniel Brooks, said the disruption would be worth it and that contractors would work at night where possible.",
		"A public meeting will be held at the library on 14 February, and the plans can be seen on the council's website.",
		"Engineers will also test whether the water can be used to cool the hospital's data centre in the summer months.",
		"The scheme is funded by a loan of 42 million pounds from a national investment bank, to be repaid from customers' bills over thirty years.",
		"Campaigners welcomed the decision but said the city was still far behind its target of net zero by 2035.",
		"Ms Okafor said her neighbours mainly wanted to know when the pipes would reach their street, and how much it would cost them.",
		"The first homes are due to be connected in October.",
	}, " ")
}

// BenchmarkPackBody is the CPU of packing one body, as a refresh's
// extraction workers do for every new article, and the size it packs to.
func BenchmarkPackBody(b *testing.B) {
	body := benchBody()
	var n int
	done := cputime.PerOp(b)
	for b.Loop() {
		n = len(packBody(body).([]byte))
	}
	done()
	b.ReportMetric(float64(n)/float64(len(body)), "ratio")
}

// BenchmarkUnpackBody is the CPU of reading one packed body back, as
// opening an article or exporting it does.
func BenchmarkUnpackBody(b *testing.B) {
	packed := packBody(benchBody())
	done := cputime.PerOp(b)
	for b.Loop() {
		if _, err := unpackBody(packed); err != nil {
			b.Fatal(err)
		}
	}
	done()
}

// BenchmarkPackBBC packs the bodies of ../shared/corpus/bbc in turn, one
// body an iteration, and reports the size they pack to over their text's
// (pack.go's table of formats was measured with it), and reads each back
// once to check it.
func BenchmarkPackBBC(b *testing.B) {
	var bodies []string
	for _, a := range loadBBC(b) {
		bodies = append(bodies, a[1])
	}
	var text, packed int
	for _, body := range bodies {
		p := packBody(body)
		got, err := unpackBody(p)
		if err != nil || got != body {
			b.Fatalf("a body read back differs (%v)", err)
		}
		text += len(body)
		if v, ok := p.([]byte); ok {
			packed += len(v)
		} else {
			packed += len(body)
		}
	}
	i := 0
	done := cputime.PerOp(b)
	for b.Loop() {
		packBody(bodies[i%len(bodies)])
		i++
	}
	done()
	b.ReportMetric(float64(packed)/float64(text), "ratio")
}

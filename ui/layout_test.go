package ui

import "testing"

func TestLayoutFitsEverySize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {60, 20}, {40, 15}, {119, 30}} {
		for focus := range paneCount {
			l := computeLayout(size[0], size[1], focus)
			if l.panes[focus].w == 0 {
				t.Errorf("%dx%d: the focused pane %s is not on screen", size[0], size[1], focus.title())
			}
			for p := range paneCount {
				r := l.panes[p]
				if r.w == 0 {
					continue
				}
				if r.x+r.w > size[0] || r.y+r.h > size[1]-1 || r.w < 3 || r.h < 3 {
					t.Errorf("%dx%d: %s at %+v does not fit", size[0], size[1], p.title(), r)
				}
				for q := p + 1; q < paneCount; q++ {
					if o := l.panes[q]; o.w > 0 && r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h {
						t.Errorf("%dx%d: %s overlaps %s", size[0], size[1], p.title(), q.title())
					}
				}
			}
		}
	}
	wide := computeLayout(160, 45, paneList)
	for p := range paneCount {
		if wide.panes[p].w == 0 {
			t.Errorf("160 columns: %s hidden; every pane fits there", p.title())
		}
	}
}

package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are every colour and emphasis the reader uses, built once from the
// terminal's background and NO_COLOR; panes take them and invent none.
type Styles struct {
	Border, BorderFocused   lipgloss.Style
	Title, TitleFocused     lipgloss.Style
	Selected, SelectedBlur  lipgloss.Style
	Unread, Read, Dim       lipgloss.Style
	Star, Count, Speaker    lipgloss.Style
	Chip, Status, Error     lipgloss.Style
	Prompt, HelpKey, HelpDe lipgloss.Style
	Quote, QuoteBar         lipgloss.Style // a quote jumped to in the article
	Glamour                 string         // glamour's standard style name
}

// DefaultStyles picks colours for a dark or light background; noColor
// keeps emphasis (bold, reverse) and drops colour.
func DefaultStyles(isDark, noColor bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#5A3FC0", "#A78BFA")
	subtle := c("#9A9A9A", "#5C5C5C")
	text := c("#1F1F1F", "#E4E4E4")
	dim := c("#767676", "#8A8A8A")
	s := Styles{
		Border:        lipgloss.NewStyle().Foreground(subtle),
		BorderFocused: lipgloss.NewStyle().Foreground(accent),
		Title:         lipgloss.NewStyle().Foreground(dim),
		TitleFocused:  lipgloss.NewStyle().Foreground(accent).Bold(true),
		Selected:      lipgloss.NewStyle().Foreground(c("#FFFFFF", "#FFFFFF")).Background(accent).Bold(true),
		SelectedBlur:  lipgloss.NewStyle().Background(c("#E6E1F7", "#3B3360")),
		Unread:        lipgloss.NewStyle().Foreground(text).Bold(true),
		Read:          lipgloss.NewStyle().Foreground(dim),
		Dim:           lipgloss.NewStyle().Foreground(dim),
		Star:          lipgloss.NewStyle().Foreground(c("#B7791F", "#F6C453")),
		Count:         lipgloss.NewStyle().Foreground(dim),
		Speaker:       lipgloss.NewStyle().Foreground(accent).Italic(true),
		Chip:          lipgloss.NewStyle().Foreground(c("#FFFFFF", "#1F1F1F")).Background(c("#2F855A", "#68D391")).Padding(0, 1),
		Status:        lipgloss.NewStyle().Foreground(dim),
		Error:         lipgloss.NewStyle().Foreground(c("#C53030", "#FC8181")).Bold(true),
		Prompt:        lipgloss.NewStyle().Foreground(accent).Bold(true),
		HelpKey:       lipgloss.NewStyle().Foreground(text).Bold(true),
		HelpDe:        lipgloss.NewStyle().Foreground(dim),
		Quote:         lipgloss.NewStyle().Foreground(c("#1F1F1F", "#1F1F1F")).Background(c("#FCE588", "#F6C453")),
		QuoteBar:      lipgloss.NewStyle().Foreground(c("#B7791F", "#F6C453")).Bold(true),
		Glamour:       "dark",
	}
	if noColor {
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.SelectedBlur = lipgloss.NewStyle().Underline(true)
		s.Chip = lipgloss.NewStyle().Reverse(true).Padding(0, 1)
		s.Quote = lipgloss.NewStyle().Reverse(true)
		s.Glamour = "notty"
	} else if !isDark {
		s.Glamour = "light"
	}
	return s
}

//go:build ignore

// gen_icons draws the app icons: the SVGs browsers prefer and the PNGs that
// install prompts and home screens still ask for. Both come from the same
// shapes so they cannot drift apart. Run it with `go generate ./web`.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

const (
	brand = "#0b6b63"
	grid  = 512.0
	// cornerRadius rounds the plain icon; the maskable one is full-bleed
	// because the launcher cuts its own shape.
	cornerRadius = 112.0
	// maskableScale keeps the drawing inside the maskable safe zone (a circle
	// of 80% of the icon) with some air.
	maskableScale = 0.86
)

var brandRGBA = color.RGBA{0x0b, 0x6b, 0x63, 0xff}

// The drawing, on a 512 grid: a white speech bubble with a bridge in it.
var (
	bubbleMin, bubbleMax = pt{96, 112}, pt{416, 344}
	bubbleRadius         = 64.0
	tail                 = [3]pt{{150, 330}, {132, 414}, {238, 330}}
	// An arch bridge: a deck on an arch, with a post at each end.
	deckMin, deckMax     = pt{136, 200}, pt{376, 222}
	archCentre           = pt{256, 300}
	outerRX, outerRY     = 104.0, 88.0
	innerRX, innerRY     = 80.0, 66.0
	posts                = [2]float64{172, 340}
	postHalf, postBottom = 7.0, 252.0
)

type pt struct{ X, Y float64 }

func main() {
	dir := filepath.Join("static", "icons")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("icon.svg", []byte(svg(false)))
	write("icon-maskable.svg", []byte(svg(true)))
	for _, p := range []struct {
		name     string
		size     int
		maskable bool
	}{
		{"icon-192.png", 192, false},
		{"icon-512.png", 512, false},
		{"icon-maskable-512.png", 512, true},
		// iOS rounds home screen icons itself and shows transparency as black.
		{"apple-touch-icon.png", 180, true},
	} {
		f, err := os.Create(filepath.Join(dir, p.name))
		if err != nil {
			log.Fatal(err)
		}
		if err := png.Encode(f, raster(p.size, p.maskable)); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
}

func svg(maskable bool) string {
	bg := fmt.Sprintf(`<rect width="512" height="512" rx="%g" fill="%s"/>`, cornerRadius, brand)
	groupOpen, groupClose := "", ""
	if maskable {
		bg = fmt.Sprintf(`<rect width="512" height="512" fill="%s"/>`, brand)
		off := grid / 2 * (1 - maskableScale)
		groupOpen = fmt.Sprintf(`<g transform="translate(%g %g) scale(%g)">`, off, off, maskableScale)
		groupClose = `</g>`
	}
	w, h := bubbleMax.X-bubbleMin.X, bubbleMax.Y-bubbleMin.Y
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="Brobygger">
%s
%s<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="#fff"/>
<path d="M%g %gL%g %gL%g %gz" fill="#fff"/>
<g fill="%s">
<rect x="%g" y="%g" width="%g" height="%g" rx="6"/>
<path d="M%g %gA%g %g 0 0 1 %g %gH%gA%g %g 0 0 0 %g %gz"/>
<rect x="%g" y="%g" width="%g" height="%g"/>
<rect x="%g" y="%g" width="%g" height="%g"/>
</g>%s
</svg>
`, bg, groupOpen, bubbleMin.X, bubbleMin.Y, w, h, bubbleRadius,
		tail[0].X, tail[0].Y, tail[1].X, tail[1].Y, tail[2].X, tail[2].Y,
		brand, deckMin.X, deckMin.Y, deckMax.X-deckMin.X, deckMax.Y-deckMin.Y,
		archCentre.X-outerRX, archCentre.Y, outerRX, outerRY, archCentre.X+outerRX, archCentre.Y,
		archCentre.X+innerRX, innerRX, innerRY, archCentre.X-innerRX, archCentre.Y,
		posts[0]-postHalf, deckMax.Y-2, postHalf*2, postBottom-deckMax.Y+2,
		posts[1]-postHalf, deckMax.Y-2, postHalf*2, postBottom-deckMax.Y+2, groupClose)
}

// raster draws the icon at size×size with 4×4 supersampling for smooth edges.
func raster(size int, maskable bool) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4
	scale := grid / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var bgCov, whiteCov float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					p := pt{(float64(x) + (float64(sx)+0.5)/ss) * scale, (float64(y) + (float64(sy)+0.5)/ss) * scale}
					if !maskable && !inRoundedRect(p, pt{0, 0}, pt{grid, grid}, cornerRadius) {
						continue
					}
					bgCov++
					q := p
					if maskable {
						q = pt{(p.X-grid/2)/maskableScale + grid/2, (p.Y-grid/2)/maskableScale + grid/2}
					}
					// The bridge is cut out of the bubble in the background colour.
					if inBubble(q) && !onBridge(q) {
						whiteCov++
					}
				}
			}
			n := float64(ss * ss)
			if bgCov == 0 {
				continue
			}
			// Mix white over brand by the covered share; alpha is the icon's shape.
			wShare := whiteCov / bgCov
			r := float64(brandRGBA.R)*(1-wShare) + 255*wShare
			g := float64(brandRGBA.G)*(1-wShare) + 255*wShare
			b := float64(brandRGBA.B)*(1-wShare) + 255*wShare
			img.SetNRGBA(x, y, color.NRGBA{uint8(math.Round(r)), uint8(math.Round(g)), uint8(math.Round(b)),
				uint8(math.Round(255 * bgCov / n))})
		}
	}
	return img
}

func inBubble(p pt) bool {
	return inRoundedRect(p, bubbleMin, bubbleMax, bubbleRadius) || inTriangle(p, tail)
}

func onBridge(p pt) bool {
	if inRoundedRect(p, deckMin, deckMax, 6) {
		return true
	}
	for _, x := range posts {
		if math.Abs(p.X-x) <= postHalf && p.Y >= deckMax.Y-2 && p.Y <= postBottom {
			return true
		}
	}
	if p.Y > archCentre.Y {
		return false
	}
	in := func(rx, ry float64) bool {
		dx, dy := (p.X-archCentre.X)/rx, (p.Y-archCentre.Y)/ry
		return dx*dx+dy*dy <= 1
	}
	return in(outerRX, outerRY) && !in(innerRX, innerRY)
}

func inRoundedRect(p, min, max pt, r float64) bool {
	if p.X < min.X || p.Y < min.Y || p.X > max.X || p.Y > max.Y {
		return false
	}
	cx := math.Max(min.X+r, math.Min(p.X, max.X-r))
	cy := math.Max(min.Y+r, math.Min(p.Y, max.Y-r))
	return math.Hypot(p.X-cx, p.Y-cy) <= r
}

func inTriangle(p pt, t [3]pt) bool {
	side := func(a, b pt) float64 { return (b.X-a.X)*(p.Y-a.Y) - (b.Y-a.Y)*(p.X-a.X) }
	d1, d2, d3 := side(t[0], t[1]), side(t[1], t[2]), side(t[2], t[0])
	neg := d1 < 0 || d2 < 0 || d3 < 0
	pos := d1 > 0 || d2 > 0 || d3 > 0
	return !(neg && pos)
}

//! The pre-projected map of Central Asia in `content/geo.json` (see `tools/geo/generate.mjs`), typed.

/// The whole map: view box, scale bar, country shapes and places, in view-box units.
#[derive(Debug)]
pub struct GeoData {
    /// Provenance and every parameter the generator used.
    pub meta: GeoMeta,
    /// `[min_x, min_y, width, height]` for the SVG `viewBox`.
    pub view_box: [f64; 4],
    /// Length of a round distance at the frame centre, for a scale note.
    pub scale_bar: ScaleBar,
    /// The five republics first (`focus`), then the neighbours that show inside the frame.
    pub countries: &'static [CountryShape],
    /// The five capitals and Xi'an.
    pub places: &'static [Place],
    /// Credit line for the places' coordinates.
    pub source_places: &'static str,
}

/// Provenance of the geometry (the generator writes more keys; these are the ones the app may show).
#[derive(Debug)]
pub struct GeoMeta {
    /// Data source, e.g. Natural Earth 1:50m via world-atlas.
    pub source: &'static str,
    /// Licence of the source geometry.
    pub license: &'static str,
    /// Projection name (`conicEqualArea`).
    pub projection: &'static str,
    /// Standard parallels, degrees.
    pub parallels: [f64; 2],
    /// d3 rotation `[lambda, phi]`, degrees.
    pub rotate: [f64; 2],
    /// How the outlines were simplified.
    pub simplify: &'static str,
    /// Exact grammar of `CountryShape::path`.
    pub path_grammar: &'static str,
    /// How `Place::distance_km` is computed.
    pub distance_method: &'static str,
    /// Script that wrote the file.
    pub generator: &'static str,
}

/// `km` kilometres at the frame centre measure `px` view-box units.
#[derive(Debug)]
pub struct ScaleBar {
    /// Distance represented, kilometres.
    pub km: f64,
    /// Its length in view-box units.
    pub px: f64,
}

/// One country's outline, clipped to the frame.
#[derive(Debug)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 (`KZ`), or `XS` for Natural Earth's Siachen Glacier.
    pub id: &'static str,
    /// ISO 3166-1 numeric, zero-padded (`"004"`); empty when there is none.
    pub iso_n3: &'static str,
    /// English short name.
    pub name: &'static str,
    /// One of the five republics.
    pub focus: bool,
    /// SVG path data: absolute `M x,y L x,y ... Z` rings (see `GeoMeta::path_grammar`).
    pub path: &'static str,
    /// Where to centre the name; `None` when the visible part is too thin to hold it.
    pub label: Option<[f64; 2]>,
}

impl CountryShape {
    /// True for the five Central Asian republics.
    pub fn is_focus(&self) -> bool {
        self.focus
    }
}

/// A capital (inside the frame) or a distant place shown as an arrow at the frame edge.
#[derive(Debug)]
pub struct Place {
    /// Lowercase ASCII key (`astana`, `xian`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Alpha-2 code of its country.
    pub country: &'static str,
    /// Whether `xy` is inside the frame.
    pub inside: bool,
    /// Projected position, when inside.
    pub xy: Option<[f64; 2]>,
    /// Where the line from the frame centre towards it leaves the frame, when outside.
    pub edge: Option<[f64; 2]>,
    /// Initial great-circle bearing from Astana, degrees from north, when outside.
    pub bearing_deg: Option<f64>,
    /// Great-circle distance from Astana, km (rounded to 10), when outside.
    pub distance_km: Option<f64>,
    /// 16-point compass name of the bearing (`east-southeast`), when outside.
    pub direction: Option<&'static str>,
}

/// The map data (compiled in from `content/geo.json` by build.rs).
pub fn geo() -> &'static GeoData {
    &crate::content::generated::GEO
}

/// Parses the path grammar of `geo.json` (`M x,y L x,y ... Z`, repeated) into rings; each returned ring
/// is closed (its last point equals its first).
pub fn parse_path(d: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let (body, tail) = d.trim().rsplit_once('Z').ok_or("no ring closed with Z")?;
    if !tail.trim().is_empty() {
        return Err(format!("ring not closed with Z: {tail:?}"));
    }
    body.split('Z')
        .map(|ring| {
            let ring = ring
                .trim()
                .strip_prefix('M')
                .ok_or_else(|| format!("ring must start with M: {ring:?}"))?;
            let mut pts = ring
                .split('L')
                .map(parse_point)
                .collect::<Result<Vec<_>, _>>()?;
            if pts.len() < 3 {
                return Err(format!("ring with {} points", pts.len()));
            }
            if pts.first() != pts.last() {
                pts.push(pts[0]);
            }
            Ok(pts)
        })
        .collect()
}

fn parse_point(s: &str) -> Result<(f64, f64), String> {
    let mut nums = s.split([',', ' ']).filter(|t| !t.is_empty()).map(|t| {
        t.parse::<f64>()
            .map_err(|e| format!("bad number {t:?}: {e}"))
    });
    match (nums.next(), nums.next(), nums.next()) {
        (Some(x), Some(y), None) => Ok((x?, y?)),
        _ => Err(format!("expected one x,y pair, got {s:?}")),
    }
}

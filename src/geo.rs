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
    /// SVG path data: rings of `M x,y l dx,dy ... z` (see `GeoMeta::path_grammar`).
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

/// Parses the path grammar of `geo.json` (`GeoMeta::path_grammar`: rings of `M x,y l dx,dy ... z`, with SVG's
/// implicit separators; absolute `L` is read too) into rings of absolute points; each returned ring is
/// closed (its last point equals its first). Coordinates are summed in tenths, so no rounding drifts.
pub fn parse_path(d: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let mut rings = Vec::new();
    let mut ring: Option<Vec<(i64, i64)>> = None;
    let mut command = None;
    let mut rest = d.trim();
    while !rest.is_empty() {
        let c = rest.as_bytes()[0];
        match c {
            b'M' | b'L' | b'l' => {
                if (c == b'M') != ring.is_none() {
                    return Err(format!(
                        "{} at {rest:.12?}",
                        if c == b'M' {
                            "ring not closed with Z before M"
                        } else {
                            "ring must start with M"
                        }
                    ));
                }
                command = Some(c);
                rest = &rest[1..];
                let (x, r) = number(rest)?;
                let (y, r) = number(r.strip_prefix(',').unwrap_or(r))?;
                rest = r;
                point(&mut ring, c, (x, y));
            }
            b'Z' | b'z' => {
                let mut pts = ring.take().ok_or("Z without a ring")?;
                if pts.len() < 3 {
                    return Err(format!("ring with {} points", pts.len()));
                }
                if pts.first() != pts.last() {
                    pts.push(pts[0]);
                }
                rings.push(
                    pts.iter()
                        .map(|&(x, y)| (x as f64 / 10.0, y as f64 / 10.0))
                        .collect(),
                );
                command = None;
                rest = &rest[1..];
            }
            b',' | b' ' => rest = &rest[1..],
            _ => {
                // Another pair for the same command (SVG's implicit repetition).
                let c = command
                    .filter(|&c| c != b'M')
                    .ok_or_else(|| format!("expected a command at {rest:.12?}"))?;
                let (x, r) = number(rest)?;
                let (y, r) = number(r.strip_prefix(',').unwrap_or(r))?;
                rest = r;
                point(&mut ring, c, (x, y));
            }
        }
    }
    if ring.is_some() {
        return Err("ring not closed with Z".into());
    }
    if rings.is_empty() {
        return Err("no ring".into());
    }
    Ok(rings)
}

fn point(ring: &mut Option<Vec<(i64, i64)>>, command: u8, (x, y): (i64, i64)) {
    let pts = ring.get_or_insert_with(Vec::new);
    match (command, pts.last()) {
        (b'l', Some(&(px, py))) => pts.push((px + x, py + y)),
        _ => pts.push((x, y)),
    }
}

/// One number (at most one decimal) in tenths, and the rest of the input.
fn number(s: &str) -> Result<(i64, &str), String> {
    let (sign, body) = match s.strip_prefix('-') {
        Some(b) => (-1, b),
        None => (1, s),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (int, after) = body.split_at(int_len);
    let (frac, rest) = match after.strip_prefix('.') {
        Some(f) if f.as_bytes().first().is_some_and(u8::is_ascii_digit) => {
            (f.as_bytes()[0] - b'0', &f[1..])
        }
        Some(_) => return Err(format!("bad number at {s:.12?}")),
        None => (0, after),
    };
    if int.is_empty() && !after.starts_with('.') {
        return Err(format!("expected a number at {s:.12?}"));
    }
    if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(format!("more than one decimal at {s:.12?}"));
    }
    let int: i64 = if int.is_empty() {
        0
    } else {
        int.parse()
            .map_err(|e| format!("bad number {int:?}: {e}"))?
    };
    Ok((sign * (int * 10 + i64::from(frac)), rest))
}

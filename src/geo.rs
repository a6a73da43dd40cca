//! The pre-projected map of Central Asia in `content/geo.json` (see `tools/geo/generate.mjs`), typed.

pub use crate::model::schema::{CountryShape, GeoData, GeoMeta, Place, ScaleBar};

impl CountryShape {
    /// True for the five Central Asian republics.
    pub fn is_focus(&self) -> bool {
        self.focus
    }

    /// The outline as SVG path data (`GeoMeta::path_grammar`). The browser build does not carry it: it reads
    /// it from the pre-rendered map at start ([`read_page`]); one the page lacked draws as an empty shape.
    pub fn path(&self) -> &'static str {
        #[cfg(geo_from_page)]
        return page::path(self.id).unwrap_or("M0,0Z");
        #[cfg(not(geo_from_page))]
        self.path
    }
}

/// The attribute that marks a country's shape on the static page (`data-geo="KZ"`), followed by its `d`.
pub const MARK: &str = "data-geo";

/// `read_paths(html, found)` calls `found(id, d)` for each shape in server-rendered HTML marked
/// ` data-geo="ID"` whose next attribute is its path, ` d="..."` (path data needs no escaping).
pub fn read_paths<'a>(html: &'a str, mut found: impl FnMut(&'a str, &'a str)) {
    const OPEN: &str = " data-geo=\"";
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        rest = &rest[at + OPEN.len()..];
        let Some((id, after)) = rest.split_once('"') else {
            return;
        };
        if let Some((d, _)) = after.strip_prefix(" d=\"").and_then(|a| a.split_once('"')) {
            found(id, d);
        }
        rest = after;
    }
}

/// Reads the countries' outlines from the pre-rendered page before the app replaces it: from the parts' text
/// waiting in `.static-rest` (as `crate::prose` reads its texts), else from the map on screen. Does nothing
/// where the outlines are compiled in.
#[cfg(target_arch = "wasm32")]
pub fn read_page(root: &web_sys::Element, rest: Option<&str>) {
    #[cfg(geo_from_page)]
    page::read(root, rest);
    #[cfg(not(geo_from_page))]
    let _ = (root, rest);
}

/// Reads the outlines in page text that came after start (the served site's other parts, `crate::prose`), keeping
/// those already read.
#[cfg(target_arch = "wasm32")]
pub fn read_more(text: &str) {
    #[cfg(geo_from_page)]
    page::read_more(text);
    #[cfg(not(geo_from_page))]
    let _ = text;
}

/// Whether the browser build found no outlines on the page (the files with the map did not arrive): the map part
/// then says so instead of drawing empty shapes.
pub fn outlines_missing() -> bool {
    #[cfg(geo_from_page)]
    return page::empty();
    #[cfg(not(geo_from_page))]
    false
}

#[cfg(geo_from_page)]
mod page {
    use std::cell::RefCell;

    thread_local! {
        /// The outlines read from the page: (country id, path data).
        static STORE: RefCell<Vec<(String, &'static str)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn empty() -> bool {
        STORE.with(|s| s.borrow().is_empty())
    }

    pub fn path(id: &str) -> Option<&'static str> {
        STORE.with(|s| s.borrow().iter().find(|(k, _)| k == id).map(|(_, d)| *d))
    }

    fn keep(store: &mut Vec<(String, &'static str)>, id: &str, d: &str) {
        if !store.iter().any(|(k, _)| k == id) {
            store.push((id.to_string(), Box::leak(d.into())));
        }
    }

    pub fn read_more(text: &str) {
        STORE.with(|s| {
            let mut store = s.borrow_mut();
            super::read_paths(text, |id, d| keep(&mut store, id, d));
        });
    }

    pub fn read(root: &web_sys::Element, rest: Option<&str>) {
        let mut store: Vec<(String, &'static str)> = Vec::new();
        let mut keep = |id: &str, d: &str| keep(&mut store, id, d);
        if let Some(rest) = rest {
            super::read_paths(rest, &mut keep);
        }
        if let Ok(list) = root.query_selector_all("[data-geo]") {
            for el in crate::browser::elements(&list) {
                if let (Some(id), Some(d)) = (el.get_attribute(super::MARK), el.get_attribute("d"))
                {
                    keep(&id, &d);
                }
            }
        }
        STORE.with(|s| *s.borrow_mut() = store);
    }
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

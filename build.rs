//! Compiles `content/*.json` into Rust statics (`$OUT_DIR/content_gen.rs`), so the app carries its words and
//! figures as plain data: no JSON parser in the WebAssembly, nothing to parse at start-up.
//!
//! The content types are defined once, in `src/model/schema.rs` (closed sets in `src/model/ids.rs`). This
//! script compiles the same files without the `content_static` cfg, which gives them owned strings and
//! serde derives with `deny_unknown_fields`; it reads every file with them and writes each value back out in
//! its `Debug` form, which `schema.rs` keeps valid Rust. Every `Text` is written as `t(FROM, LEN)`, a piece of one
//! string `TEXT` that holds each distinct text once (one inside another is not repeated); the display-only texts
//! the browser build keeps (see src/prose.rs) end that string. An unknown or misspelt key, a missing field or a
//! value of the wrong type stops the build with the file, the item (by its id) and the key named.

use std::{env, fs, path::Path};

#[path = "src/data/fnv.rs"]
mod fnv;
#[allow(dead_code)]
#[path = "src/model/ids.rs"]
mod ids;
#[allow(dead_code)]
#[path = "src/model/schema.rs"]
mod schema;

use schema::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `where_in(value, path)` names the place a path points to, items by their `id` where they have one:
/// `spectrum.items[id “sino-soviet-1950”].also` rather than `spectrum.items[3].also`.
fn where_in(mut value: &Value, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                value = &value[*index];
                match value.get("id").and_then(Value::as_str) {
                    Some(id) => out.push_str(&format!("[id “{id}”]")),
                    None => out.push_str(&format!("[{index}]")),
                }
            }
            Segment::Map { key } => {
                value = &value[key.as_str()];
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => out.push_str(&format!("({variant})")),
            Segment::Unknown => out.push('?'),
        }
    }
    if out.is_empty() {
        "the top level".to_string()
    } else {
        out
    }
}

/// Reads `content/<name>` as a `T`; on failure, stops the build naming the file, the item and the key.
fn read<T: DeserializeOwned>(name: &str) -> T {
    let path = Path::new("content").join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("content/{name}: not JSON: {e}"));
    let de = &mut serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).unwrap_or_else(|e| {
        let at = where_in(&value, e.path());
        panic!("content/{name}, at {at}: {}", e.into_inner())
    })
}

/// The same checksum as `charm_offensive::prose::checksum` (FNV-1a, 64 bits, each text ended by a zero byte).
fn checksum(texts: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in texts {
        for b in t.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The map's geometry. The shipped browser build leaves out the countries' outlines (17 KB) when the
/// pre-rendered page beside the PROSE_ON_PAGE list (`index.html`) draws every one of them exactly, marked
/// `data-geo="ID" d="..."`, and sets `geo_from_page`: the wasm reads them from the page (src/geo.rs).
fn geo(prose_on_page: Option<&str>) -> GeoData {
    println!("cargo::rustc-check-cfg=cfg(geo_from_page)");
    let mut geo: GeoData = read("geo.json");
    let Some(list) = prose_on_page else {
        return geo;
    };
    let page = Path::new(list).with_file_name("index.html");
    println!("cargo::rerun-if-changed={}", page.display());
    let html = fs::read_to_string(&page).unwrap_or_default();
    let missing: Vec<&str> = geo
        .countries
        .0
        .iter()
        .filter(|c| !html.contains(&format!(" data-geo=\"{}\" d=\"{}\"", c.id, c.path)))
        .map(|c| c.id.as_str())
        .collect();
    // Provenance the app never shows (the map's notes name only the source and licence; the pre-renderer and
    // the native tools keep it all).
    for text in [
        &mut geo.meta.projection,
        &mut geo.meta.simplify,
        &mut geo.meta.path_grammar,
        &mut geo.meta.distance_method,
        &mut geo.meta.generator,
    ] {
        text.clear();
    }
    if missing.is_empty() {
        for c in &mut geo.countries.0 {
            c.path.clear();
        }
        println!("cargo::rustc-cfg=geo_from_page");
    } else {
        println!(
            "cargo::warning={} lacks the outlines of {missing:?}: they are compiled in",
            page.display()
        );
    }
    geo
}

/// The site's framing words. The shipped browser build leaves out the no-JavaScript note: only the pre-rendered
/// page shows it (src/bin/prerender.rs), never the app.
fn site(shipped: bool) -> Site {
    let mut site: Site = read("site.json");
    if shipped {
        site.noscript.clear();
    }
    site
}

/// Sets `slices_frozen` when `src/data/frozen.rs` (every view of the data, written by a test: see
/// src/data/freeze.rs) was made from the files as they are now; otherwise the app works the views out at
/// run time and that test fails until the file is written again.
fn frozen_slices() {
    println!("cargo::rustc-check-cfg=cfg(slices_frozen)");
    let frozen = "src/data/frozen.rs";
    println!("cargo::rerun-if-changed={frozen}");
    let Ok(text) = fs::read_to_string(frozen) else {
        return;
    };
    let mut lines = text.lines().skip(1);
    let (Some(inputs), Some(sum)) = (
        lines.next().and_then(|l| l.split_once("Made from: ")),
        lines.next().and_then(|l| l.strip_prefix("// checksum ")),
    ) else {
        return;
    };
    let mut h = fnv::START;
    for path in inputs.1.split_whitespace() {
        println!("cargo::rerun-if-changed={path}");
        let Ok(bytes) = fs::read(path) else {
            return;
        };
        h = fnv::add(h, &bytes);
    }
    if format!("{h:016x}") == sum {
        println!("cargo::rustc-cfg=slices_frozen");
    } else {
        println!("cargo::warning={frozen} is stale: the views of the data are worked out at run time (UPDATE_FROZEN=1 cargo test --lib freeze)");
    }
}

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/model/schema.rs");
    println!("cargo::rerun-if-changed=src/model/ids.rs");
    // The app, its tests and tools see the content types with `&'static` data (see schema.rs).
    println!("cargo::rustc-check-cfg=cfg(content_static)");
    println!("cargo::rustc-cfg=content_static");
    // The shipped browser build (wasm32, release, built by scripts/build.sh) leaves out the display-only texts
    // that the pre-rendered page gives back: the pre-renderer lists their numbers in the file PROSE_ON_PAGE
    // names, and the wasm reads them from the page (src/prose.rs). Every other text, every text of a build
    // without that list, of the native build and of the wasm tests (debug) is compiled in.
    println!("cargo::rustc-check-cfg=cfg(prose_from_page)");
    println!("cargo::rerun-if-env-changed=PROSE_ON_PAGE");
    let on_page_path: Option<String> = env::var("PROSE_ON_PAGE").ok().filter(|_| {
        env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
            && env::var("PROFILE").as_deref() == Ok("release")
    });
    let on_page: Option<String> = on_page_path.as_ref().map(|path| {
        println!("cargo::rerun-if-changed={path}");
        fs::read_to_string(path).unwrap_or_else(|e| panic!("PROSE_ON_PAGE={path}: {e}"))
    });
    if on_page.is_some() {
        println!("cargo::rustc-cfg=prose_from_page");
    }
    frozen_slices();

    let mut cards: Vec<Card> = Vec::new();
    for theme in ["concepts", "history", "actors", "argument"] {
        cards.extend(read::<List<Card>>(&format!("cards/{theme}.json")).0);
    }
    // The timeline's events: the history cards with a date, by start year, then end year, then content order
    // (a stable sort), as indices into CARDS; the app does not sort them again.
    let mut timeline: Vec<usize> = (0..cards.len())
        .filter(|&i| cards[i].theme == ids::Theme::History && cards[i].when.is_some())
        .collect();
    timeline.sort_by_key(|&i| cards[i].when.as_ref().map(|w| (w.start, w.end)));
    assert!(
        cards.len() <= usize::from(u8::MAX),
        "TIMELINE holds card indices as u8"
    );
    let timeline = format!("&{timeline:?}");
    let statics: Vec<(&str, &str, String)> = vec![
        ("TIMELINE", "&[u8]", timeline),
        ("CARDS", "&[Card]", format!("{:?}", List(cards))),
        (
            "GLOSSARY",
            "&[Term]",
            format!("{:?}", read::<List<Term>>("glossary.json")),
        ),
        (
            "PARAGRAPHS",
            "&[Paragraph]",
            format!("{:?}", read::<List<Paragraph>>("paragraphs.json")),
        ),
        (
            "REFERENCES",
            "References",
            format!("{:?}", read::<References>("references.json")),
        ),
        (
            "ERAS",
            "&[Era]",
            format!("{:?}", read::<List<Era>>("timeline.json")),
        ),
        (
            "INTERACTIVES",
            "Interactives",
            format!("{:?}", read::<Interactives>("interactives.json")),
        ),
        (
            "FIGURES",
            "&[Figure]",
            format!("{:?}", read::<List<Figure>>("figures.json")),
        ),
        (
            "SITE",
            "Site",
            format!("{:?}", site(on_page_path.is_some())),
        ),
        (
            "GEO",
            "GeoData",
            format!("{:?}", geo(on_page_path.as_deref())),
        ),
        (
            "DATA_NOTES",
            "DataNotes",
            format!("{:?}", read::<DataNotes>("data-notes.json")),
        ),
        (
            "STUDY",
            "Study",
            format!("{:?}", read::<Study>("study.json")),
        ),
    ];
    let mut out = String::from(
        "// Generated by build.rs from content/*.json. Do not edit.\n\
         use crate::model::ids::*;\nuse crate::model::schema::*;\n\
         use crate::model::schema::{Derive::*, QuestionKind::*};\n",
    );
    for (name, ty, value) in statics {
        out.push_str(&format!("pub static {name}: {ty} = {value};\n"));
    }
    // Every `t(#N)` above becomes `t(FROM, LEN)`, a piece of one string (schema::place_texts).
    let (mut all, at) = schema::place_texts();
    let mut placed = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("t(#") {
        let (before, after) = rest.split_at(i + 3);
        let end = after.find(')').expect("t(#N)");
        let n: usize = after[..end].parse().expect("t(#N)");
        placed.push_str(&before[..i]);
        placed.push_str(&format!("t({}, {})", at[n].0, at[n].1));
        rest = &after[end + 1..];
    }
    placed.push_str(rest);
    let mut out = placed;
    // Every `Prose(N)` above, by N (the statics' Debug forms numbered them).
    let prose = schema::prose_list();
    out.push_str(&format!(
        "pub const PROSE_COUNT: usize = {};\n",
        prose.len()
    ));
    match on_page {
        None => out.push_str(&format!("pub static PROSE: &[&str] = &{prose:?};\n")),
        Some(list) => {
            // The list names the texts it was made from: numbers from other content would point at other texts.
            let mut lines = list.lines();
            let head = format!("# prose {} {:016x}", prose.len(), checksum(&prose));
            assert_eq!(
                lines.next(),
                Some(head.as_str()),
                "PROSE_ON_PAGE was made from other content: run the pre-renderer again (scripts/build.sh)"
            );
            let on_page: Vec<usize> = lines
                .map(|n| {
                    n.trim()
                        .parse()
                        .unwrap_or_else(|_| panic!("PROSE_ON_PAGE: {n:?}"))
                })
                .collect();
            // The kept texts as one string, with each one's number and where it ends in that string (not a
            // `&str` of 8 bytes beside each number: 1,368 -> 456 bytes of records for 114 texts).
            let (mut at, mut end, mut text) = (Vec::new(), Vec::new(), String::new());
            for (n, t) in prose
                .iter()
                .enumerate()
                .filter(|(n, _)| !on_page.contains(n))
            {
                text.push_str(t);
                at.push(u16::try_from(n).expect("Prose numbers are u16"));
                end.push(u16::try_from(text.len()).expect("the kept texts fit in 64 KB"));
            }
            // They end the one string of every text (beside the other texts: LZMA stream -134 B, against a
            // string of their own).
            out.push_str(&format!(
                "pub static PROSE_KEPT_AT: &[u16] = &{at:?};\n\
                 pub static PROSE_KEPT_END: &[u16] = &{end:?};\n\
                 pub static PROSE_KEPT_TEXT: &str = t({}, {});\n",
                all.len(),
                text.len()
            ));
            all.push_str(&text);
        }
    }
    out.push_str(&format!(
        "/// Every text of the statics above, once; `t(FROM, LEN)` is one of them.\n\
         pub static TEXT: &str = {all:?};\n\
         const fn t(from: usize, len: usize) -> &'static str {{\n    \
         let piece = TEXT.as_bytes().split_at(from).1.split_at(len).0;\n    \
         match core::str::from_utf8(piece) {{\n        Ok(text) => text,\n        \
         Err(_) => panic!(\"t(): not a text of TEXT\"),\n    }}\n}}\n"
    ));
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("content_gen.rs"), out).unwrap();
    // For tests/content_schema.rs, which runs this script on content with planted mistakes.
    let me = env::current_exe().unwrap();
    fs::write(
        Path::new(&out_dir).join("build_script"),
        me.to_string_lossy().as_bytes(),
    )
    .unwrap();
}

//! Writes `frozen.rs`, every view of the data as Rust statics, and checks it: the frozen views must equal
//! what `compute.rs` works out from today's content, and the file must name the inputs it was made from.
//! After a change to the figures, the data notes or this code: `UPDATE_FROZEN=1 cargo test --lib freeze`.

use std::fmt::Write;

use super::{compute, Row, Shade, Slice};
use crate::content::generated::FIGURES;
use crate::model::Figure;

/// The files the frozen views depend on; build.rs hashes the ones the file's header lists and uses the
/// frozen views only while they match (otherwise the app works them out at run time, as before).
const INPUTS: [&str; 8] = [
    "content/figures.json",
    "content/data-notes.json",
    "src/data/mod.rs",
    "src/data/compute.rs",
    "src/data/announce.rs",
    "src/scale.rs",
    "src/model/figures.rs",
    "src/model/ids.rs",
];

#[path = "fnv.rs"]
mod fnv;

/// The inputs' checksum, as build.rs works it out (`fnv.rs`, shared).
fn checksum(root: &std::path::Path) -> u64 {
    INPUTS.iter().fold(fnv::START, |h, path| {
        let bytes = std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        fnv::add(h, &bytes)
    })
}

fn figure(f: Option<&Figure>) -> String {
    match f {
        None => "None".into(),
        Some(f) => {
            let at = FIGURES
                .iter()
                .position(|g| g.id == f.id)
                .expect("a figure of the content");
            format!("Some(&FIGURES[{at}])")
        }
    }
}

fn number(v: f64) -> String {
    assert!(v.is_finite(), "a finite value");
    format!("{v:?}")
}

fn row(r: &Row) -> String {
    format!(
        "Row {{ country: {:?}, figure: {}, on_map: {}, value: {}, label: {:?}, population: {}, energy: {}, gap: {} }}",
        r.country,
        figure(r.figure),
        r.on_map,
        r.value.map_or("None".into(), |v| format!("Some({})", number(v))),
        r.label,
        figure(r.population),
        figure(r.energy),
        r.gap.map_or("None".into(), |g| format!("Some(Gap::{g:?})")),
    )
}

fn shade(s: &Shade) -> String {
    format!(
        "Shade {{ country: {:?}, fill: {:?}, value_label: {:?}, light_text: {}, value: {}, reliability: {} }}",
        s.country,
        s.fill,
        s.value_label,
        s.light_text,
        s.value.map_or("None".into(), |v| format!("Some({})", number(v))),
        s.reliability.map_or("None".into(), |r| format!("Some(Reliability::{r:?})")),
    )
}

/// `frozen.rs` for these views.
fn rust_of(slices: &[Slice], sum: u64) -> String {
    let mut out = format!(
        "// Every view of the data, written by src/data/freeze.rs (`UPDATE_FROZEN=1 cargo test --lib freeze`).\n\
         // Do not edit. Made from: {}\n// checksum {sum:016x}\n\n\
         use super::{{Gap, Reliability, Row, Shade, Slice}};\n\
         use crate::content::generated::FIGURES;\n\
         use crate::model::{{CountryId, Layer}};\n\
         use crate::scale::Classes;\n\n\
         pub static SLICES: &[Slice] = &[\n",
        INPUTS.join(" ")
    );
    for s in slices {
        let _ = writeln!(
            out,
            "Slice {{ layer: {:?}, year: {:?}, per_person: {},\n  rows: &[\n{}  ],\n  shades: &[\n{}  ],\n  \
             scale: Classes {{ step: {}, count: {}, whole: {} }},\n  caution: {:?},\n  announcement: {:?} }},",
            s.layer,
            s.year,
            s.per_person,
            s.rows.iter().map(|r| format!("    {},\n", row(r))).collect::<String>(),
            s.shades.iter().map(|r| format!("    {},\n", shade(r))).collect::<String>(),
            number(s.scale.step),
            s.scale.count,
            s.scale.whole,
            s.caution,
            s.announcement,
        );
    }
    out.push_str("];\n");
    out
}

#[test]
fn the_frozen_views_are_what_the_content_gives() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let computed = compute::slices();
    let text = rust_of(&computed, checksum(root));
    let file = root.join("src/data/frozen.rs");
    if std::env::var_os("UPDATE_FROZEN").is_some() {
        std::fs::write(&file, &text).unwrap();
        return;
    }
    let stale =
        "src/data/frozen.rs is stale: run `UPDATE_FROZEN=1 cargo test --lib freeze` and commit it";
    assert_eq!(std::fs::read_to_string(&file).ok(), Some(text), "{stale}");
    // The views the app uses are the frozen ones (build.rs found the file current) and equal the computed ones.
    #[cfg(not(slices_frozen))]
    panic!("{stale}");
    #[cfg(slices_frozen)]
    assert_eq!(super::all_slices(), computed.as_slice());
}

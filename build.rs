//! Compiles `content/*.json` into Rust statics (`$OUT_DIR/content_gen.rs`), so the app carries its words
//! and figures as plain data: no JSON parser and no deserialisation code in the WebAssembly, nothing to
//! parse at start-up. The schema below mirrors the types in `src/model`, `src/geo.rs` and `src/content.rs`;
//! a field that is missing or of the wrong type stops the build with the file and path named.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use serde_json::Value;

/// How one JSON value becomes a Rust expression.
#[allow(clippy::upper_case_acronyms)]
enum K {
    /// `&'static str`, required.
    S,
    /// `&'static str`, `""` when missing or null.
    SD,
    /// `Option<&'static str>`.
    OS,
    /// `&'static [&'static str]`, empty when missing.
    LS,
    I,
    F,
    OF,
    /// `bool`, false when missing.
    B,
    /// `[f64; N]`.
    FA(usize),
    /// `Option<[f64; N]>`.
    OFA(usize),
    /// A closed set: `Enum::Variant` by key.
    E(&'static str),
    OE(&'static str),
    T(&'static Ty),
    OT(&'static Ty),
    LT(&'static Ty),
    /// `&'static [(&str, &str)]` from an object of strings.
    Pairs,
    /// A tagged enum whose fields sit in the same object: (tag value, variant type).
    Tagged(&'static str, &'static [(&'static str, &'static Ty)]),
    /// An untagged enum: the first variant whose marker key is present.
    OneOf(&'static [(&'static str, &'static Ty)]),
}
use K::*;

/// A struct (or struct variant): its Rust path and fields (json key, rust name, kind).
struct Ty(&'static str, &'static [(&'static str, &'static str, K)]);

const M: &str = "crate::model";
macro_rules! ty {
    ($name:ident = $path:literal { $($json:literal $(as $rust:literal)? : $k:expr),* $(,)? }) => {
        static $name: Ty = Ty($path, &[$(($json, ty!(@rust $json $(, $rust)?), $k)),*]);
    };
    (@rust $json:literal) => { $json };
    (@rust $json:literal, $rust:literal) => { $rust };
}

ty!(QUOTE = "crate::model::Quote" { "text": S, "source": S });
ty!(WHEN = "crate::model::When" { "label": S, "start": I, "end": I, "approximate": B, "era": S });
ty!(CARD = "crate::model::Card" { "id": S, "theme": E("Theme"), "title": S, "summary": S, "detail": LS, "quote": OT(&QUOTE),
    "paragraphs": LS, "refs": LS, "related": LS, "when": OT(&WHEN), "country": OE("CountryId") });
ty!(TERM = "crate::model::Term" { "id": S, "term": S, "definition": S, "paragraphs": LS, "card": OS });
ty!(PARAGRAPH = "crate::model::Paragraph" { "id": S, "section": S, "gist": S });
ty!(ESSAY = "crate::model::EssayMeta" { "title": S, "author": S, "publisher": S, "date": S, "url": S });
ty!(REFERENCE = "crate::model::Reference" { "id": S, "citation": S, "short": S, "url": OS, "cited_in": LS, "note": OS });
ty!(UNLISTED = "crate::model::Unlisted" { "id": S, "short": S, "cited_in": LS, "note": S });
ty!(MISMATCH = "crate::model::YearMismatch" { "ref" as "reference": S, "cited_as": S, "cited_in": LS, "listed": S, "note": S });
ty!(REFERENCES = "crate::model::References" { "essay": T(&ESSAY), "entries": LT(&REFERENCE), "unlisted": LT(&UNLISTED),
    "year_mismatches": LT(&MISMATCH) });
ty!(ERA = "crate::model::Era" { "id": S, "label": S, "start": I, "end": I, "description": SD });
ty!(SLOT = "crate::model::Slot" { "id": S, "label": S, "description": SD });
ty!(PLACEABLE = "crate::model::Placeable" { "id": S, "label": S, "answer": S, "also": LS, "explanation": S, "paragraphs": LS });
ty!(SPECTRUM = "crate::model::Spectrum" { "prompt": S, "positions": LT(&SLOT), "items": LT(&PLACEABLE) });
ty!(SORTER = "crate::model::Sorter" { "prompt": S, "bins": LT(&SLOT), "items": LT(&PLACEABLE) });
ty!(INTERACTIVES = "crate::model::Interactives" { "spectrum": T(&SPECTRUM), "sorter": T(&SORTER) });
ty!(FIGURE = "crate::model::Figure" { "id": S, "layer": E("Dataset"), "country": OE("CountryId"), "year": S, "value": F, "unit": S,
    "qualifier": SD, "source_title": SD, "source_publisher": SD, "source_url": SD, "source_date": SD, "excerpt": SD,
    "confidence": E("Confidence"), "note": SD, "paragraph": OS });
ty!(AUDIENCE = "crate::content::Audience" { "who": S, "what": S });
ty!(OVERVIEW = "crate::content::Overview" { "lead": S, "how": LS, "audiences": LT(&AUDIENCE) });
ty!(SITE = "crate::content::Site" { "tagline": S, "overview": T(&OVERVIEW), "parts": Pairs, "noscript": S, "credits": S });
ty!(GEO_META = "crate::geo::GeoMeta" { "source": S, "license": S, "projection": S, "parallels": FA(2), "rotate": FA(2),
    "simplify": S, "path_grammar": S, "distance_method": S, "generator": S });
ty!(SCALE_BAR = "crate::geo::ScaleBar" { "km": F, "px": F });
ty!(SHAPE = "crate::geo::CountryShape" { "id": S, "iso_n3": S, "name": S, "focus": B, "path": S, "label": OFA(2) });
ty!(PLACE = "crate::geo::Place" { "id": S, "name": S, "country": S, "inside": B, "xy": OFA(2), "edge": OFA(2),
    "bearing_deg": OF, "distance_km": OF, "direction": OS });
ty!(GEO = "crate::geo::GeoData" { "meta": T(&GEO_META), "view_box": FA(4), "scale_bar": T(&SCALE_BAR),
    "countries": LT(&SHAPE), "places": LT(&PLACE), "source_places": S });
ty!(S_PART = "crate::model::study::StudyPart" { "id": S, "label": S, "paragraphs": LS });
ty!(S_VIEW = "crate::model::study::View" { "part": E("Part"), "card": OS, "country": OE("CountryId"), "layer": OE("Layer"), "year": OE("Period") });
ty!(S_STEP = "crate::model::study::TourStep" { "id": S, "title": S, "body": LS, "look_for": S, "paragraphs": LS, "view": T(&S_VIEW) });
ty!(S_FEEDBACK = "crate::model::study::Feedback" { "correct": S, "incorrect": S });
ty!(S_OPTION = "crate::model::study::Labelled" { "id": S, "text": S });
ty!(S_BIN = "crate::model::study::Labelled" { "id": S, "label" as "text": S });
ty!(S_ITEM = "crate::model::study::SortItem" { "id": S, "text": S, "answer": S });
ty!(S_RATIO = "crate::model::study::Derive::Ratio" { "numerator": S, "denominator": S, "as" as "scale": E("Scale") });
ty!(S_VALUE = "crate::model::study::Derive::Value" { "value": S });
ty!(S_CHOICE = "crate::model::study::QuestionKind::Choice" { "options": LT(&S_OPTION), "answer": S });
ty!(S_SORT = "crate::model::study::QuestionKind::Sort" { "bins": LT(&S_BIN), "items": LT(&S_ITEM) });
ty!(S_PREDICT = "crate::model::study::QuestionKind::Predict" { "unit": S, "min": F, "max": F, "step": F,
    "derive": OneOf(&[("value", &S_VALUE), ("numerator", &S_RATIO)]), "tolerance": F });
ty!(S_QUESTION = "crate::model::study::Question" { "id": S, "part": S, "prompt": S,
    "kind": Tagged("kind", &[("choice", &S_CHOICE), ("sort", &S_SORT), ("predict", &S_PREDICT)]),
    "feedback": T(&S_FEEDBACK), "paragraphs": LS, "refs": LS, "figures": LS, "view": OT(&S_VIEW) });
ty!(S_QUOTE = "crate::model::study::Quote" { "text": S, "source": S });
ty!(S_EVIDENCE = "crate::model::study::Evidence" { "id": S, "kind": E("EvidenceKind"), "title": S, "status": E("Status"),
    "claim": S, "quote": OT(&S_QUOTE), "finding": S, "why_it_matters": S, "paragraphs": LS, "figures": LS, "refs": LS });
ty!(S_PROMPT = "crate::model::study::Prompt" { "id": S, "text": S, "paragraphs": LS });
ty!(D_LAYER = "crate::data::LayerNote" { "title": S, "source": S, "short": S, "about": S, "caveat": S });
ty!(D_LAYERS = "crate::data::notes::LayerNotes" { "trade": T(&D_LAYER), "investment": T(&D_LAYER), "students": T(&D_LAYER),
    "confucius": T(&D_LAYER) });
ty!(D_PER_PERSON = "crate::data::notes::PerPersonNotes" { "trade": S, "trade_unavailable": S, "investment": S, "students": S });
ty!(D_COMPARISON = "crate::data::Comparison" { "id": S, "kind": S, "title": S, "layer": E("Layer"), "year": OE("Period"), "essay": OS,
    "sources": LS, "status": S, "explanation": S });
ty!(DATA_NOTES = "crate::data::DataNotes" { "layers": T(&D_LAYERS), "per_person": T(&D_PER_PERSON), "missing": Pairs,
    "none_found": Pairs, "context": Pairs, "comparisons": LT(&D_COMPARISON) });
ty!(STUDY = "crate::model::study::Study" { "parts": LT(&S_PART), "tour": LT(&S_STEP), "questions": LT(&S_QUESTION),
    "evidence": LT(&S_EVIDENCE), "prompts": LT(&S_PROMPT) });

/// The Rust variant for a key of a closed set (mirrors the keys in src/model/ids.rs and study.rs).
fn variant(set: &str, key: &str) -> Option<String> {
    let table: &[(&str, &str)] = match set {
        "Theme" => &[
            ("concepts", "Concepts"),
            ("history", "History"),
            ("actors", "Actors"),
            ("argument", "Argument"),
        ],
        "CountryId" => &[
            ("KZ", "Kazakhstan"),
            ("KG", "Kyrgyzstan"),
            ("TJ", "Tajikistan"),
            ("TM", "Turkmenistan"),
            ("UZ", "Uzbekistan"),
        ],
        "Part" => &[
            ("overview", "Overview"),
            ("cards", "Cards"),
            ("map", "Map"),
            ("timeline", "Timeline"),
            ("study", "Study"),
            ("evidence", "Evidence"),
            ("sources", "Sources"),
        ],
        "Layer" => &[
            ("trade", "Trade"),
            ("investment", "Investment"),
            ("students", "Students"),
            ("confucius", "Confucius"),
        ],
        "EvidenceKind" => &[
            ("figure", "Figure"),
            ("fact", "Fact"),
            ("citation", "Citation"),
            ("year", "Year"),
            ("arithmetic", "Arithmetic"),
        ],
        "Status" => &[
            ("confirmed", "Confirmed"),
            ("differs", "Differs"),
            ("not found", "NotFound"),
            ("no bibliography entry", "NoBibliographyEntry"),
            ("year disagrees", "YearDisagrees"),
        ],
        "Scale" => &[("percent", "Percent")],
        "Period" => &[
            ("2013", "Y2013"),
            ("2022", "Y2022"),
            ("2023", "Y2023"),
            ("2024", "Y2024"),
            ("2005-2018", "Y2005To2018"),
            ("2005-2021", "Y2005To2021"),
        ],
        "Dataset" => &[
            ("trade", "Trade"),
            ("investment", "Investment"),
            ("students", "Students"),
            ("confucius", "Confucius"),
            ("trade_national_statistics", "TradeNationalStatistics"),
            ("trade_partial_year", "TradePartialYear"),
            ("region_total", "RegionTotal"),
            ("population", "Population"),
            ("area", "Area"),
            ("essay", "Essay"),
            ("world", "World"),
            ("event", "Event"),
            ("method", "Method"),
        ],
        "Confidence" => &[
            ("high", "High"),
            ("medium", "Medium"),
            ("low", "Low"),
            ("as stated in the essay", "AsStated"),
        ],
        _ => &[],
    };
    let path = if matches!(set, "EvidenceKind" | "Status" | "Scale") {
        format!("{M}::study::{set}")
    } else {
        format!("{M}::{set}")
    };
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| format!("{path}::{v}"))
}

fn emit(
    out: &mut String,
    v: Option<&Value>,
    parent: &Value,
    k: &K,
    at: &str,
) -> Result<(), String> {
    let null = Value::Null;
    let v = v.unwrap_or(&null);
    let fail = |what: &str| Err(format!("{at}: expected {what}, found {v}"));
    match k {
        S => match v.as_str() {
            Some(s) => write!(out, "{s:?}").unwrap(),
            None => return fail("text"),
        },
        SD => write!(out, "{:?}", v.as_str().unwrap_or_default()).unwrap(),
        OS => match v {
            Value::Null => out.push_str("None"),
            Value::String(s) => write!(out, "Some({s:?})").unwrap(),
            _ => return fail("text or null"),
        },
        LS => {
            out.push_str("&[");
            for (i, x) in v
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                emit(out, Some(x), parent, &S, &format!("{at}[{i}]"))?;
                out.push(',');
            }
            out.push(']');
        }
        I => match v.as_i64() {
            Some(n) => write!(out, "{n}").unwrap(),
            None => return fail("an integer"),
        },
        F => match v.as_f64() {
            Some(n) => write!(out, "{n:?}_f64").unwrap(),
            None => return fail("a number"),
        },
        OF => match v {
            Value::Null => out.push_str("None"),
            _ => {
                out.push_str("Some(");
                emit(out, Some(v), parent, &F, at)?;
                out.push(')')
            }
        },
        B => out.push_str(if v.as_bool().unwrap_or(false) {
            "true"
        } else {
            "false"
        }),
        FA(n) => {
            let xs = v
                .as_array()
                .filter(|a| a.len() == *n)
                .ok_or(format!("{at}: expected {n} numbers"))?;
            out.push('[');
            for (i, x) in xs.iter().enumerate() {
                emit(out, Some(x), parent, &F, &format!("{at}[{i}]"))?;
                out.push(',');
            }
            out.push(']');
        }
        OFA(n) => match v {
            Value::Null => out.push_str("None"),
            _ => {
                out.push_str("Some(");
                emit(out, Some(v), parent, &FA(*n), at)?;
                out.push(')')
            }
        },
        E(set) => match v.as_str().and_then(|key| variant(set, key)) {
            Some(p) => out.push_str(&p),
            None => return fail(&format!("a {set} key")),
        },
        OE(set) => match v {
            Value::Null => out.push_str("None"),
            _ => {
                out.push_str("Some(");
                emit(out, Some(v), parent, &E(set), at)?;
                out.push(')')
            }
        },
        T(ty) => emit_struct(out, v, ty, at)?,
        OT(ty) => match v {
            Value::Null => out.push_str("None"),
            _ => {
                out.push_str("Some(");
                emit_struct(out, v, ty, at)?;
                out.push(')')
            }
        },
        LT(ty) => {
            out.push_str("&[");
            for (i, x) in v
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                emit_struct(out, x, ty, &format!("{at}[{i}]"))?;
                out.push_str(",\n");
            }
            out.push(']');
        }
        Pairs => {
            out.push_str("&[");
            for (key, x) in v.as_object().ok_or(format!("{at}: expected an object"))? {
                write!(out, "({key:?},").unwrap();
                emit(out, Some(x), parent, &S, &format!("{at}.{key}"))?;
                out.push_str("),");
            }
            out.push(']');
        }
        Tagged(tag, variants) => {
            let key = parent.get(*tag).and_then(Value::as_str).unwrap_or_default();
            let ty = variants
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, t)| *t)
                .ok_or(format!("{at}: unknown {tag} {key:?}"))?;
            emit_struct(out, parent, ty, at)?;
        }
        OneOf(variants) => {
            let ty = variants
                .iter()
                .find(|(marker, _)| v.get(*marker).is_some())
                .map(|(_, t)| *t)
                .ok_or(format!("{at}: matches no variant"))?;
            emit_struct(out, v, ty, at)?;
        }
    }
    Ok(())
}

fn emit_struct(out: &mut String, v: &Value, ty: &Ty, at: &str) -> Result<(), String> {
    if !v.is_object() {
        return Err(format!("{at}: expected an object for {}", ty.0));
    }
    write!(out, "{} {{", ty.0).unwrap();
    for (json, rust, k) in ty.1 {
        write!(out, "{rust}:").unwrap();
        emit(out, v.get(*json), v, k, &format!("{at}.{json}"))?;
        out.push(',');
    }
    out.push('}');
    Ok(())
}

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=build.rs");
    let read = |name: &str| -> Value {
        let path = Path::new("content").join(name);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut out = String::from("// Generated by build.rs from content/*.json. Do not edit.\n");
    let mut item = |name: &str, ty: &str, k: K, value: Value, file: &str| {
        write!(out, "pub static {name}: {ty} = ").unwrap();
        emit(&mut out, Some(&value), &value, &k, file).unwrap_or_else(|e| panic!("content/{e}"));
        out.push_str(";\n");
    };
    let mut cards = Vec::new();
    for theme in ["concepts", "history", "actors", "argument"] {
        if let Value::Array(xs) = read(&format!("cards/{theme}.json")) {
            cards.extend(xs);
        }
    }
    item(
        "CARDS",
        "&[crate::model::Card]",
        LT(&CARD),
        Value::Array(cards),
        "cards/*.json",
    );
    item(
        "GLOSSARY",
        "&[crate::model::Term]",
        LT(&TERM),
        read("glossary.json"),
        "glossary.json",
    );
    item(
        "PARAGRAPHS",
        "&[crate::model::Paragraph]",
        LT(&PARAGRAPH),
        read("paragraphs.json"),
        "paragraphs.json",
    );
    item(
        "REFERENCES",
        "crate::model::References",
        T(&REFERENCES),
        read("references.json"),
        "references.json",
    );
    item(
        "ERAS",
        "&[crate::model::Era]",
        LT(&ERA),
        read("timeline.json"),
        "timeline.json",
    );
    item(
        "INTERACTIVES",
        "crate::model::Interactives",
        T(&INTERACTIVES),
        read("interactives.json"),
        "interactives.json",
    );
    item(
        "FIGURES",
        "&[crate::model::Figure]",
        LT(&FIGURE),
        read("figures.json"),
        "figures.json",
    );
    item(
        "SITE",
        "crate::content::Site",
        T(&SITE),
        read("site.json"),
        "site.json",
    );
    item(
        "GEO",
        "crate::geo::GeoData",
        T(&GEO),
        read("geo.json"),
        "geo.json",
    );
    item(
        "DATA_NOTES",
        "crate::data::DataNotes",
        T(&DATA_NOTES),
        read("data-notes.json"),
        "data-notes.json",
    );
    item(
        "STUDY",
        "crate::model::study::Study",
        T(&STUDY),
        read("study.json"),
        "study.json",
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("content_gen.rs");
    fs::write(dest, out).unwrap();
}

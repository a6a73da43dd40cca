//! Content integrity: ids resolve (paragraphs, references, related cards, inline links, eras), no empty
//! text, coverage of P1-P34, quotations verbatim, history dates on the axis, and the 12-word rule.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use charm_offensive::content::content;
use charm_offensive::model::Theme;
use charm_offensive::text::{plain, spans, Span};

const N: usize = 12;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Lowercase words as tools/overlap.py counts them: runs of a-z0-9, with an apostrophe suffix ("china's").
fn words(text: &str) -> Vec<String> {
    let s = plain(text).to_lowercase().replace('’', "'");
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'\'' && b[i + 1].is_ascii_lowercase() {
            i += 1;
            while i < b.len() && b[i].is_ascii_lowercase() {
                i += 1;
            }
        }
        out.push(s[start..i].to_string());
    }
    out
}

/// Every run of N consecutive words of the essay.
fn essay_grams() -> HashSet<Vec<String>> {
    words(&read("tests/fixtures/essay.md"))
        .windows(N)
        .map(<[String]>::to_vec)
        .collect()
}

/// The first run of N words that `text` shares with the essay.
fn shared_run(text: &str, grams: &HashSet<Vec<String>>) -> Option<String> {
    words(text)
        .windows(N)
        .find(|w| grams.contains(*w))
        .map(|w| w.join(" "))
}

/// Every string in a JSON value with its path; `quote` objects are skipped unless `quotes` is set,
/// in which case only their `text` is returned.
fn strings(v: &serde_json::Value, path: String, quotes: bool, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) if !quotes => out.push((path, s.clone())),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, format!("{path}[{i}]"), quotes, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                match (k.as_str() == "quote", quotes) {
                    (true, true) => out.push((
                        format!("{path}.quote"),
                        x["text"].as_str().unwrap_or_default().to_string(),
                    )),
                    (true, false) => {}
                    (false, _) => strings(x, format!("{path}.{k}"), quotes, out),
                }
            }
        }
        _ => {}
    }
}

/// The content files whose prose must be our own (bibliographic and geometric data excepted).
fn prose_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("content"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.extend(["concepts", "history", "actors", "argument"].map(|t| format!("cards/{t}.json")));
    files.retain(|f| {
        f.ends_with(".json")
            && !["figures.json", "geo.json", "references.json", "places.json"].contains(&f.as_str())
    });
    files.sort();
    files
}

fn all_strings(quotes: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in prose_files() {
        let v: serde_json::Value = serde_json::from_str(&read(&format!("content/{f}")))
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        strings(&v, f, quotes, &mut out);
    }
    out
}

fn is_paragraph(p: &str) -> bool {
    p.strip_prefix('P')
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| (1..=34).contains(&n))
        && !p.starts_with("P0")
}

#[test]
fn the_twelve_word_checker_flags_a_copied_sentence() {
    let grams = essay_grams();
    let essay = words(&read("tests/fixtures/essay.md"));
    let copied = format!(
        "In our words: [{}](term:soft-power), and more.",
        essay[400..414].join(" ")
    );
    assert!(
        shared_run(&copied, &grams).is_some(),
        "a planted 14-word copy must be caught"
    );
    let short = format!("We quote eleven words only: {}.", essay[400..411].join(" "));
    assert_eq!(
        shared_run(&short, &grams),
        None,
        "eleven shared words are allowed"
    );
}

#[test]
fn no_text_shares_twelve_words_with_the_essay_outside_quotations() {
    let grams = essay_grams();
    let bad: Vec<String> = all_strings(false)
        .iter()
        .filter_map(|(path, s)| shared_run(s, &grams).map(|run| format!("{path}: “{run}”")))
        .collect();
    assert!(
        bad.is_empty(),
        "text copied from the essay:\n{}",
        bad.join("\n")
    );
}

#[test]
fn quotations_appear_verbatim_in_the_essay() {
    let norm = |s: &str| {
        s.replace(['’', '‘'], "'")
            .replace(['“', '”'], "\"")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let essay = norm(&read("tests/fixtures/essay.md"));
    let quotes = all_strings(true);
    assert!(quotes.len() >= 5, "the cards mark their quotations");
    for (path, q) in quotes {
        assert!(
            !q.trim().is_empty() && essay.contains(&norm(&q)),
            "{path}: “{q}” is not in the essay"
        );
    }
}

#[test]
fn no_text_field_is_empty() {
    for (path, s) in all_strings(false) {
        let optional = path.ends_with(".description") && s.is_empty();
        assert!(optional || !s.trim().is_empty(), "{path} is empty");
    }
    for c in content().cards {
        assert!(
            !c.detail.is_empty() && !c.paragraphs.is_empty(),
            "card {} needs detail and paragraphs",
            c.id
        );
    }
}

#[test]
fn ids_are_unique_and_every_listed_card_exists() {
    let c = content();
    let ids: BTreeSet<&str> = c.cards.iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), c.cards.len(), "card ids repeat");
    let terms: BTreeSet<&str> = c.glossary.iter().map(|t| t.id).collect();
    assert_eq!(terms.len(), c.glossary.len(), "glossary ids repeat");
    let md = read("content/card-ids.md");
    for (theme, line) in md.lines().filter_map(|l| l.split_once(": ")) {
        let Some(theme) = Theme::from_key(theme) else {
            continue;
        };
        for id in line.split(',').map(str::trim) {
            let card = c
                .card(id)
                .unwrap_or_else(|| panic!("card {id} (card-ids.md) is missing"));
            assert_eq!(card.theme, theme, "card {id} has the wrong theme");
        }
    }
    for theme in Theme::ALL {
        assert!(
            c.cards_of(*theme).count() > 0,
            "theme {theme:?} has no cards"
        );
    }
}

#[test]
fn paragraphs_are_p1_to_p34_in_order() {
    let ids: Vec<&str> = content().paragraphs.iter().map(|p| p.id).collect();
    let expected: Vec<String> = (1..=34).map(|n| format!("P{n}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn every_citation_resolves() {
    let c = content();
    let check = |what: &str, ps: &[&str], refs: &[&str]| {
        for p in ps {
            assert!(
                is_paragraph(p) && c.paragraph(p).is_some(),
                "{what}: paragraph {p} does not exist"
            );
        }
        for r in refs {
            assert!(
                c.citation(r).is_some(),
                "{what}: reference {r} does not resolve"
            );
        }
    };
    for card in c.cards {
        check(card.id, card.paragraphs, card.refs);
        for r in card.related {
            assert!(
                c.card(r).is_some() && *r != card.id,
                "{}: related card {r} does not exist",
                card.id
            );
        }
    }
    for t in c.glossary {
        check(t.id, t.paragraphs, &[]);
        assert!(
            t.card.is_none_or(|id| c.card(id).is_some()),
            "term {}: card does not exist",
            t.id
        );
    }
    let i = c.interactives;
    for (slots, items) in [
        (i.spectrum.positions, i.spectrum.items),
        (i.sorter.bins, i.sorter.items),
    ] {
        for item in items {
            check(item.id, item.paragraphs, &[]);
            assert!(
                !item.paragraphs.is_empty() && slots.iter().any(|s| s.id == item.answer),
                "{}: answer {} is not a slot",
                item.id,
                item.answer
            );
        }
    }
    let r = c.references;
    for (id, cited) in r
        .entries
        .iter()
        .map(|e| (e.id, e.cited_in))
        .chain(r.unlisted.iter().map(|u| (u.id, u.cited_in)))
    {
        check(id, cited, &[]);
    }
    for m in r.year_mismatches {
        check(m.cited_as, m.cited_in, &[m.reference]);
    }
}

#[test]
fn every_inline_link_resolves() {
    let c = content();
    for (path, s) in all_strings(false) {
        let found = spans(&s);
        for span in &found {
            match span {
                Span::Term { id, .. } => assert!(c.term(id).is_some(), "{path}: unknown term {id}"),
                Span::Card { id, .. } => assert!(c.card(id).is_some(), "{path}: unknown card {id}"),
                Span::Figure { id, .. } => {
                    assert!(c.figures.get(id).is_some(), "{path}: unknown figure {id}")
                }
                Span::Text(t) => assert!(
                    !t.contains("](term:") && !t.contains("](card:") && !t.contains("](fig:"),
                    "{path}: malformed link in “{t}”"
                ),
            }
        }
    }
}

#[test]
fn history_cards_sit_on_the_axis_in_an_existing_era() {
    let c = content();
    for card in c.cards {
        let Some(w) = &card.when else {
            assert_ne!(
                card.theme,
                Theme::History,
                "history card {} has no date",
                card.id
            );
            continue;
        };
        assert_eq!(
            card.theme,
            Theme::History,
            "{} has a date but is not a history card",
            card.id
        );
        assert!(
            1900 <= w.start && w.start <= w.end && w.end <= 2024,
            "{}: {}-{} is off the axis",
            card.id,
            w.start,
            w.end
        );
        let era = c
            .eras
            .iter()
            .find(|e| e.id == w.era)
            .unwrap_or_else(|| panic!("{}: era {} does not exist", card.id, w.era));
        assert!(
            w.start <= era.end && era.start <= w.end,
            "{}: {}-{} lies outside its era {}",
            card.id,
            w.start,
            w.end,
            era.id
        );
        assert!(!w.label.trim().is_empty());
    }
    for pair in c.eras.windows(2) {
        assert!(
            pair[0].start < pair[1].start && pair[0].end <= pair[1].start,
            "eras {} and {} overlap",
            pair[0].id,
            pair[1].id
        );
    }
}

#[test]
fn every_paragraph_is_explained_by_a_card() {
    let c = content();
    let mut by: BTreeMap<u32, Vec<&str>> = (1..=34).map(|n| (n, Vec::new())).collect();
    for card in c.cards {
        for p in card.paragraphs {
            by.entry(p[1..].parse().unwrap()).or_default().push(card.id);
        }
    }
    println!("cards per theme:");
    for t in Theme::ALL {
        println!("  {:<24} {}", t.label(), c.cards_of(*t).count());
    }
    println!("cards citing each paragraph:");
    for (p, cards) in &by {
        println!("  P{p:<3} {:>2}  {}", cards.len(), cards.join(", "));
    }
    let covered = by.values().filter(|v| !v.is_empty()).count();
    println!(
        "coverage: {covered} of 34 paragraphs; fewest citing cards: {}",
        by.values().map(Vec::len).min().unwrap()
    );
    let missing: Vec<String> = by
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(p, _)| format!("P{p}"))
        .collect();
    assert!(
        missing.is_empty(),
        "no card explains {}",
        missing.join(", ")
    );
}

/// Words a reader would not know: a field name of the content files (`year_mismatches`) in a shown note.
fn field_names(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| {
            w.contains('_')
                && w.split('_')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        })
        .collect()
}

#[test]
fn shown_notes_name_no_field_of_the_content_files() {
    assert_eq!(
        field_names("See year_mismatches. content_85354854.htm, Owl_View"),
        ["year_mismatches"]
    );
    let v: serde_json::Value = serde_json::from_str(&read("content/references.json")).unwrap();
    let mut all = Vec::new();
    strings(&v, "references.json".into(), false, &mut all);
    for (path, s) in all.iter().filter(|(p, _)| p.ends_with(".note")) {
        assert!(field_names(s).is_empty(), "{path} names a field: {s}");
    }
}

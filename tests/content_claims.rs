//! Claims stay checked (issue 11): numbers with a unit reach the reader only through a sourced figure,
//! the essay's hedges stay hedges, citations support their card, and each name has one spelling.
//! Every rule is a function over text with a planted-error test beside it, so each one can fail.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use charm_offensive::content::{content, Citation};
use charm_offensive::model::format_number;
use charm_offensive::text::{spans, Span};
use serde_json::Value;

fn read(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Content files whose strings a reader sees as prose. `data-notes.json` is left out: the map's notes are
/// rendered without inline markup (its numbers are the layer's own values and the tracker's threshold).
const PROSE: [&str; 11] = [
    "cards/concepts.json",
    "cards/history.json",
    "cards/actors.json",
    "cards/argument.json",
    "glossary.json",
    "paragraphs.json",
    "timeline.json",
    "interactives.json",
    "study.json",
    "site.json",
    "data-notes.json",
];

/// Keys whose strings are ids, keys or data, not prose.
const NOT_PROSE: [&str; 19] = [
    "id",
    "theme",
    "paragraphs",
    "refs",
    "related",
    "era",
    "card",
    "answer",
    "also",
    "kind",
    "status",
    "part",
    "figures",
    "country",
    "layer",
    "year",
    "unit",
    "numerator",
    "denominator",
];

/// One displayed string: file, the id of the nearest object that has one, the JSON path, the text.
struct Prose {
    file: &'static str,
    owner: String,
    path: String,
    text: String,
}

fn walk(v: &Value, file: &'static str, owner: &str, path: String, out: &mut Vec<Prose>) {
    match v {
        Value::String(s) => out.push(Prose {
            file,
            owner: owner.to_string(),
            path,
            text: s.clone(),
        }),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| walk(x, file, owner, format!("{path}[{i}]"), out)),
        Value::Object(o) => {
            // The owner is the outermost object with an id: the card, question or note, not an option.
            let owner = match owner {
                "" => o.get("id").and_then(Value::as_str).unwrap_or(owner),
                _ => owner,
            };
            for (k, x) in o {
                // Quotations are the essay's words (checked verbatim elsewhere); views are data.
                if !NOT_PROSE.contains(&k.as_str()) && k != "quote" && k != "view" && k != "derive"
                {
                    walk(x, file, owner, format!("{path}.{k}"), out);
                }
            }
        }
        _ => {}
    }
}

fn prose(files: &[&'static str]) -> Vec<Prose> {
    let mut out = Vec::new();
    for f in files {
        let v: Value = serde_json::from_str(&read(&format!("content/{f}"))).unwrap();
        walk(&v, f, "", f.to_string(), &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------------
// (1) Numbers with a unit, percent or currency only through a figure reference.

/// Words that make a number a quantity (or a day of a month, a date that needs its source).
const UNITS: [&str; 28] = [
    "percent",
    "per",
    "billion",
    "million",
    "bn",
    "yuan",
    "students",
    "student",
    "institutes",
    "institute",
    "countries",
    "scholarships",
    "classes",
    "classrooms",
    "people",
    "km",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The first number in plain prose that carries a unit, percent or currency sign, if any: "$3.7 billion",
/// "90%", "22,000 students", "11,784 Kazakh students", "19 May". Years (1800-2099 written alone) and
/// paragraph ids ("P21") are allowed.
fn unsourced_quantity(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b',' | b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
        {
            i += 1;
        }
        let number = &text[start..i];
        let before = text[..start].chars().last();
        if before.is_some_and(|c| c.is_ascii_alphabetic()) {
            continue; // "P21", "2023a"-style ids
        }
        if before == Some('$') {
            return Some(format!("${number}"));
        }
        let rest = &text[i..];
        if rest.starts_with('%') {
            return Some(format!("{number}%"));
        }
        let is_year = number.len() == 4
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1800..2100).contains(&y));
        if is_year {
            continue;
        }
        let next: Vec<String> = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(2)
            .map(str::to_lowercase)
            .collect();
        // A unit directly after the number, or after one describing word ("11,784 Kazakh students").
        let adjacent = rest.starts_with(' ') || rest.starts_with('\u{a0}') || rest.starts_with('-');
        if adjacent && next.iter().any(|w| UNITS.contains(&w.as_str())) {
            return Some(format!("{number}{}", &rest[..rest.len().min(24)]));
        }
    }
    None
}

/// Items whose subject is arithmetic on the essay's figures (percent against percentage points): their
/// numbers are the worked example, and the figures they work on are listed with them.
const ARITHMETIC: [&str; 2] = ["q-obj-points", "ev-percentage-points"];

#[test]
fn the_quantity_rule_flags_planted_numbers() {
    for planted in [
        "China pledged $3.7 billion in loans.",
        "a rise to 90% of students",
        "22,000 students from four republics",
        "11,784 Kazakh students",
        "announced on 19 May 2023",
        "26 billion yuan",
        "548 institutes in 154 countries",
    ] {
        assert!(unsourced_quantity(planted).is_some(), "{planted}");
    }
    for fine in [
        "In 2018, P21 and P28 say so (pp. 71-72).",
        "from 2005 to 2018, in the early 1960s",
        "four institutes over ten years",
        "the 1950 treaty",
    ] {
        assert_eq!(unsourced_quantity(fine), None, "{fine}");
    }
}

#[test]
fn no_quantity_reaches_the_reader_except_through_a_figure() {
    let mut bad = Vec::new();
    for p in prose(&PROSE[..PROSE.len() - 1]) {
        if ARITHMETIC.contains(&p.owner.as_str()) {
            continue;
        }
        for span in spans(&p.text) {
            if let Span::Text(t) = span {
                if let Some(q) = unsourced_quantity(t) {
                    bad.push(format!("{} {}: “{q}”", p.file, p.path));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "write these as [shown](fig:ID) with a figure from figures.json:\n{}",
        bad.join("\n")
    );
}

/// The number a figure reference shows, as a multiple of one ("$3.7 billion" -> 3.7e9, "1.86 million" -> 1.86e6).
fn shown_amount(shown: &str) -> Option<(f64, f64)> {
    let start = shown.find(|c: char| c.is_ascii_digit())?;
    let digits: String = shown[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let n: f64 = digits
        .trim_end_matches(['.', ','])
        .replace(',', "")
        .parse()
        .ok()?;
    let after = shown[start + digits.len()..].trim_start().to_lowercase();
    let scale = if after.starts_with("billion") || after.starts_with("bn") {
        1e9
    } else if after.starts_with("million") || (after.starts_with('m') && shown.contains('$')) {
        1e6
    } else {
        1.0
    };
    Some((n, n * scale))
}

#[test]
fn every_figure_reference_shows_its_figure_s_number_and_qualifier() {
    let figures = &content().figures;
    let mut seen = 0;
    for p in prose(&PROSE) {
        for span in spans(&p.text) {
            let Span::Figure { shown, id } = span else {
                continue;
            };
            seen += 1;
            let f = figures
                .get(id)
                .unwrap_or_else(|| panic!("{} {}: no figure {id}", p.file, p.path));
            let unit = match f.unit {
                "USD bn" | "CNY bn" => 1e9,
                "USD m" => 1e6,
                _ => 1.0,
            };
            let (n, amount) = shown_amount(shown)
                .unwrap_or_else(|| panic!("{} {}: “{shown}” shows no number", p.file, p.path));
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            assert!(
                close(n, f.value) || close(amount, f.value * unit),
                "{} {}: “{shown}” does not show {id} ({})",
                p.file,
                p.path,
                format_number(f.value, 3)
            );
            assert!(
                f.qualifier.is_empty() || shown.contains(f.qualifier),
                "{} {}: “{shown}” drops the qualifier “{}” of {id}",
                p.file,
                p.path,
                f.qualifier
            );
        }
    }
    assert!(seen >= 50, "only {seen} figure references");
}

#[test]
fn figures_in_prompts_and_options_are_listed_with_the_feedback() {
    // Prompts and options are read as plain text (a label cannot hold a source button); the figures
    // they mention must be among the question's figures, shown with their sources after an answer.
    use charm_offensive::model::study::{study, QuestionKind};
    for q in study().questions {
        let mut texts = vec![q.prompt.text()];
        if let QuestionKind::Choice { options, .. } = &q.kind {
            texts.extend(options.iter().map(|o| o.text.text()));
        }
        for t in texts {
            for span in spans(t) {
                if let Span::Figure { id, .. } = span {
                    assert!(q.figures.contains(&id), "{}: figure {id} not listed", q.id);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// (2) The essay's hedges stay hedges.

/// Where our words restate a hedged claim of the essay, the hedge the essay uses, and one of the words
/// that keep it hedged in ours.
const HEDGED: [(&str, &str, &str); 13] = [
    ("paragraphs.json", "P5", "may prove most useful"),
    ("glossary.json", "alignment", "may prove most useful"),
    ("cards/concepts.json", "alignment", "may prove most useful"),
    ("paragraphs.json", "P30", "may not be sufficient"),
    ("paragraphs.json", "P32", "may necessitate recalibration"),
    (
        "cards/argument.json",
        "conclusion",
        "may necessitate recalibration",
    ),
    (
        "cards/argument.json",
        "limits-of-education-diplomacy",
        "may not be sufficient",
    ),
    ("cards/actors.json", "china", "may not be sufficient"),
    (
        "cards/actors.json",
        "confucius-institutes",
        "may not be sufficient",
    ),
    ("cards/actors.json", "kazakhstan", "may be explained by"),
    ("study.json", "limits", "may not be sufficient"),
    ("study.json", "conclusion", "may necessitate recalibration"),
    (
        "study.json",
        "q-concl-recalibrate",
        "may necessitate recalibration",
    ),
];

const HEDGE_WORDS: [&str; 5] = ["may", "might", "could", "suggest", "perhaps"];

/// Phrasings that turn one of those hedges into a certainty.
const HARDENED: [&str; 10] = [
    "best pictured as",
    "best seen as",
    "must rethink",
    "cannot fix",
    "needs adjusting",
    "does little to correct",
    "will not overcome",
    "cannot overcome",
    "explains the lead by",
    "must recalibrate",
];

fn hedged(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| HEDGE_WORDS.iter().any(|h| w.starts_with(h)))
}

fn hardened(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    HARDENED.iter().copied().find(|h| lower.contains(h))
}

#[test]
fn the_hedge_rules_flag_planted_certainty() {
    assert!(!hedged("China must rethink its approach."));
    assert_eq!(
        hardened("China must rethink its approach."),
        Some("must rethink")
    );
    assert!(hedged("Its strategy may need recalibrating."));
    assert_eq!(hardened("Its strategy may need recalibrating."), None);
}

#[test]
fn hedged_claims_keep_a_hedge_in_our_words() {
    let all = prose(&PROSE);
    for (file, owner, essay_hedge) in HEDGED {
        let ours: Vec<&Prose> = all
            .iter()
            .filter(|p| p.file == file && p.owner == owner)
            .collect();
        assert!(!ours.is_empty(), "{file}: no item {owner}");
        assert!(
            ours.iter().any(|p| hedged(&p.text)),
            "{file} {owner} restates “{essay_hedge}” without a hedge"
        );
    }
    for p in &all {
        if let Some(h) = hardened(&p.text) {
            panic!(
                "{} {}: “{h}” hardens one of the essay's hedges",
                p.file, p.path
            );
        }
    }
    let essay = read("tests/fixtures/essay.md");
    for (_, _, hedge) in HEDGED {
        assert!(essay.contains(hedge), "the essay says “{hedge}”");
    }
}

// ---------------------------------------------------------------------------------------------------
// (3) Citations support their card.

#[test]
fn every_card_cites_paragraphs_and_references_that_exist_and_fit() {
    let c = content();
    let essay = read("tests/fixtures/essay.md");
    let mut bad = Vec::new();
    for card in c.cards {
        assert!(
            !card.paragraphs.is_empty(),
            "{} cites no paragraph",
            card.id
        );
        for p in card.paragraphs {
            assert!(
                essay.contains(&format!("**{p}.**")) && c.paragraph(p).is_some(),
                "{}: paragraph {p} is not in the essay",
                card.id
            );
        }
        for r in card.refs {
            let cited_in = match c.citation(r) {
                Some(Citation::Listed(e)) => e.cited_in,
                Some(Citation::Unlisted(u)) => {
                    assert!(
                        u.note.to_lowercase().contains("no bibliography entry"),
                        "{r}: a citation missing from the bibliography must say so"
                    );
                    u.cited_in
                }
                None => panic!(
                    "{}: reference {r} is neither listed nor marked missing",
                    card.id
                ),
            };
            if !cited_in.iter().any(|p| card.paragraphs.contains(p)) {
                bad.push(format!(
                    "{}: {r} is cited in {} but the card cites {}",
                    card.id,
                    cited_in.join(", "),
                    card.paragraphs.join(", ")
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

// ---------------------------------------------------------------------------------------------------
// (4) One spelling per name.

/// The spelling we use, and the variants that must not appear.
const NAMES: [(&str, &[&str]); 7] = [
    ("Strüver", &["Struver", "Strueve", "Strűver"]),
    ("Melnikovová", &["Melnikovova", "Melniková"]),
    (
        "Shanghai Cooperation Organization",
        &["Shanghai Cooperation Organisation"],
    ),
    ("World Trade Organization", &["World Trade Organisation"]),
    (
        "Collective Security Treaty Organization",
        &["Collective Security Treaty Organisation"],
    ),
    (
        "Nazarbayev University",
        &["Nazarbaev", "Nazarbayev university"],
    ),
    ("Xi'an", &["Xi’an", "Xian "]),
];

fn misspelt(text: &str) -> Option<(&'static str, &'static str)> {
    NAMES.iter().find_map(|(right, wrong)| {
        wrong
            .iter()
            .find(|w| text.contains(**w))
            .map(|w| (*right, *w))
    })
}

#[test]
fn the_spelling_rule_flags_a_planted_variant() {
    assert_eq!(
        misspelt("as Struver (2017) argues"),
        Some(("Strüver", "Struver"))
    );
    assert_eq!(misspelt("as Strüver (2017) argues"), None);
}

#[test]
fn each_name_has_one_spelling() {
    let mut all = prose(&PROSE);
    let figures: Value = serde_json::from_str(&read("content/figures.json")).unwrap();
    for f in figures.as_array().unwrap() {
        for key in ["note", "source_publisher"] {
            all.push(Prose {
                file: "figures.json",
                owner: f["id"].as_str().unwrap().to_string(),
                path: key.to_string(),
                text: f[key].as_str().unwrap_or_default().to_string(),
            });
        }
    }
    for p in all {
        if let Some((right, wrong)) = misspelt(&p.text) {
            panic!(
                "{} {} {}: “{wrong}”, write “{right}”",
                p.file, p.owner, p.path
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// The review lists every item (content/REVIEW.md; `tools/review/skeleton.py --check` covers the rest).

#[test]
fn the_review_lists_every_card_note_question_and_step() {
    use charm_offensive::model::study::study;
    let review = read("content/REVIEW.md");
    let listed = |id: &str| review.contains(&format!("| `{id}` |"));
    let c = content();
    let s = study();
    let mut missing: Vec<String> = Vec::new();
    missing.extend(c.cards.iter().map(|x| x.id.to_string()));
    missing.extend(c.glossary.iter().map(|x| x.id.to_string()));
    missing.extend(c.figures.all.iter().map(|x| x.id.to_string()));
    missing.extend(s.questions.iter().map(|x| x.id.to_string()));
    missing.extend(s.evidence.iter().map(|x| x.id.to_string()));
    missing.extend(s.tour.iter().map(|x| format!("tour:{}", x.id)));
    missing.retain(|id| !listed(id));
    assert!(
        missing.is_empty(),
        "not in content/REVIEW.md: {}",
        missing.join(", ")
    );
    for verdict in ["| fine", "| fixed", "| flagged for the reader"] {
        assert!(review.contains(verdict), "no “{verdict}” verdict");
    }
    assert!(!review.contains("| TODO |"), "a verdict is still to fill");
}

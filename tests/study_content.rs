//! Checks content/study.json: answer keys, feedback, paragraph/card/figure ids, counts, and `Question::check`.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::model::study::*;
use charm_offensive::model::Part;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Figure id -> value, from content/figures.json.
fn figures() -> BTreeMap<String, f64> {
    let path = root().join("content/figures.json");
    read_json(&path)
        .as_array()
        .expect("figures.json is an array")
        .iter()
        .filter_map(|f| Some((f["id"].as_str()?.to_string(), f["value"].as_f64()?)))
        .collect()
}

/// Card ids fixed in content/card-ids.md.
fn card_ids_md() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("content/card-ids.md")).unwrap();
    text.lines()
        .filter_map(|l| {
            l.strip_prefix("concepts:")
                .or(l.strip_prefix("history:"))
                .or(l.strip_prefix("actors:"))
                .or(l.strip_prefix("argument:"))
        })
        .flat_map(|rest| rest.split(',').map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Card ids in content/cards/*.json (empty if none are written yet).
fn card_ids_json() -> BTreeSet<String> {
    let Ok(dir) = std::fs::read_dir(root().join("content/cards")) else {
        return BTreeSet::new();
    };
    let mut ids = BTreeSet::new();
    for entry in dir
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
    {
        for card in read_json(&entry.path())
            .as_array()
            .expect("cards file is an array")
        {
            ids.insert(card["id"].as_str().expect("card id").to_string());
        }
    }
    ids
}

fn valid_paragraphs(ps: &[&str], what: &str) {
    assert!(!ps.is_empty(), "{what}: no paragraphs");
    for p in ps {
        let n: u32 = p
            .strip_prefix('P')
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!((1..=34).contains(&n), "{what}: bad paragraph {p}");
    }
}

fn card_links(text: &str) -> Vec<String> {
    text.split("](card:")
        .skip(1)
        .map(|s| s.split(')').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn parts_cover_the_essay_in_order() {
    let s = study();
    let ids: Vec<&str> = s.parts.iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        [
            "introduction",
            "alignment-and-power",
            "core-of-policy",
            "objectives",
            "education",
            "conclusion"
        ]
    );
    let all: Vec<String> = s
        .parts
        .iter()
        .flat_map(|p| p.paragraphs.iter().map(|x| x.to_string()))
        .collect();
    let expected: Vec<String> = (1..=34).map(|n| format!("P{n}")).collect();
    assert_eq!(all, expected);
}

#[test]
fn counts_are_in_range() {
    let s = study();
    assert!(
        (8..=12).contains(&s.tour.len()),
        "tour has {} steps",
        s.tour.len()
    );
    for part in s.parts {
        let n = s.questions.iter().filter(|q| q.part == part.id).count();
        assert!((2..=4).contains(&n), "part {} has {n} questions", part.id);
    }
    for q in s.questions {
        assert!(
            s.parts.iter().any(|p| p.id == q.part),
            "{}: unknown part {}",
            q.id,
            q.part
        );
    }
    // One note per checked figure or fact (issue 11 added untraced figures and three facts).
    assert!(
        (8..=20).contains(&s.evidence.len()),
        "{} notes",
        s.evidence.len()
    );
    assert!((5..=8).contains(&s.prompts.len()));
    let predicts = s
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Predict { .. }))
        .count();
    assert!(predicts >= 2);
}

#[test]
fn ids_are_unique() {
    let s = study();
    let ids: Vec<&str> = s
        .tour
        .iter()
        .map(|t| t.id)
        .chain(s.questions.iter().map(|q| q.id))
        .chain(s.evidence.iter().map(|e| e.id))
        .chain(s.prompts.iter().map(|p| p.id))
        .collect();
    let set: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(set.len(), ids.len(), "duplicate ids");
}

#[test]
fn answer_keys_are_valid() {
    let figs = figures();
    for q in study().questions {
        assert!(!q.prompt.trim().is_empty(), "{}: empty prompt", q.id);
        assert!(
            !q.feedback.correct.trim().is_empty() && !q.feedback.incorrect.trim().is_empty(),
            "{}: empty feedback",
            q.id
        );
        valid_paragraphs(q.paragraphs, q.id);
        for f in q.figures {
            assert!(figs.contains_key(*f), "{}: unknown figure {f}", q.id);
        }
        match &q.kind {
            QuestionKind::Choice { options, answer } => {
                let ids: BTreeSet<&str> = options.iter().map(|o| o.id).collect();
                assert_eq!(ids.len(), options.len(), "{}: duplicate option ids", q.id);
                assert!(
                    (3..=4).contains(&options.len()),
                    "{}: {} options",
                    q.id,
                    options.len()
                );
                assert_eq!(
                    options.iter().filter(|o| o.id == *answer).count(),
                    1,
                    "{}: key not an option",
                    q.id
                );
            }
            QuestionKind::Sort { bins, items } => {
                let bin_ids: BTreeSet<&str> = bins.iter().map(|b| b.id).collect();
                assert_eq!(bin_ids.len(), bins.len(), "{}: duplicate bins", q.id);
                let item_ids: BTreeSet<&str> = items.iter().map(|i| i.id).collect();
                assert_eq!(item_ids.len(), items.len(), "{}: duplicate items", q.id);
                assert!(
                    (4..=6).contains(&items.len()),
                    "{}: {} items",
                    q.id,
                    items.len()
                );
                for i in items.iter() {
                    assert!(
                        bin_ids.contains(i.answer),
                        "{}: item {} has no bin",
                        q.id,
                        i.id
                    );
                }
            }
            QuestionKind::Predict {
                min,
                max,
                step,
                derive,
                tolerance,
                unit,
            } => {
                assert!(
                    min < max && *step > 0.0 && *tolerance > 0.0,
                    "{}: bad range",
                    q.id
                );
                assert!(!unit.is_empty());
                let ids = match derive {
                    Derive::Ratio {
                        numerator,
                        denominator,
                        ..
                    } => vec![numerator, denominator],
                    Derive::Value { value } => vec![value],
                };
                for id in ids {
                    assert!(
                        figs.contains_key(*id),
                        "{}: derive id {id} not in figures.json",
                        q.id
                    );
                }
                let v = derive.value(|id| figs.get(id).copied()).expect("derivable");
                assert!(
                    *min <= v && v <= *max,
                    "{}: true value {v} outside the slider",
                    q.id
                );
            }
        }
    }
}

#[test]
fn check_accepts_the_key_and_rejects_a_wrong_answer() {
    let figs = figures();
    let look = |id: &str| figs.get(id).copied();
    for q in study().questions {
        let (right, wrong) = match &q.kind {
            QuestionKind::Choice { options, answer } => {
                let other = options
                    .iter()
                    .find(|o| o.id != *answer)
                    .expect("a distractor");
                (
                    Answer::Choice(answer.to_string()),
                    Answer::Choice(other.id.to_string()),
                )
            }
            QuestionKind::Sort { bins, items } => {
                let key: charm_offensive::model::SortedMap<String, String> = items
                    .iter()
                    .map(|i| (i.id.to_string(), i.answer.to_string()))
                    .collect();
                let mut bad = key.clone();
                let first = &items[0];
                let other = bins
                    .iter()
                    .find(|b| b.id != first.answer)
                    .expect("a second bin");
                bad.insert(first.id.to_string(), other.id.to_string());
                let v = q.check(&Answer::Sort(bad.clone()), look);
                assert_eq!(
                    v.items.values().filter(|ok| !**ok).count(),
                    1,
                    "{}: per-item verdict",
                    q.id
                );
                assert!(!v.items[first.id]);
                (Answer::Sort(key), Answer::Sort(bad))
            }
            QuestionKind::Predict {
                min,
                max,
                derive,
                tolerance,
                ..
            } => {
                let v = derive.value(look).unwrap();
                let far = if v - min > *tolerance { *min } else { *max };
                assert!(
                    (far - v).abs() > *tolerance,
                    "{}: no wrong answer on the slider",
                    q.id
                );
                assert_eq!(q.check(&Answer::Predict(v), look).expected, Some(v));
                (Answer::Predict(v), Answer::Predict(far))
            }
        };
        assert!(q.check(&right, look).correct, "{}: key judged wrong", q.id);
        assert!(
            !q.check(&wrong, look).correct,
            "{}: wrong answer judged right",
            q.id
        );
        let other_kind = match q.kind {
            QuestionKind::Predict { .. } => Answer::Choice("a".into()),
            _ => Answer::Predict(0.0),
        };
        assert!(
            !q.check(&other_kind, look).correct,
            "{}: answer of another kind judged right",
            q.id
        );
    }
}

#[test]
fn tour_views_and_links_are_valid() {
    let fixed = card_ids_md();
    let written = card_ids_json();
    if written.is_empty() {
        eprintln!("note: no content/cards/*.json yet; checking card ids against card-ids.md only");
    }
    let check_card = |c: &str, what: &str| {
        assert!(fixed.contains(c), "{what}: card {c} not in card-ids.md");
        assert!(
            written.is_empty() || written.contains(c),
            "{what}: card {c} not in content/cards"
        );
    };
    let s = study();
    let views = s
        .tour
        .iter()
        .map(|t| (&t.id, Some(&t.view)))
        .chain(s.questions.iter().map(|q| (&q.id, q.view.as_ref())));
    for (id, view) in views {
        let Some(v) = view else { continue };
        if v.layer.is_some() || v.country.is_some() {
            assert_eq!(v.part, Part::Map, "{id}: a layer or republic needs the map");
        }
        if let Some(c) = &v.card {
            check_card(c, id);
        }
        match (v.layer, &v.year) {
            (Some(layer), Some(year)) => assert!(
                layer.years().contains(year),
                "{id}: {year:?} is not a period of {layer:?}"
            ),
            (Some(layer), None) => {
                assert!(layer.years().is_empty(), "{id}: {layer:?} needs a year")
            }
            (None, year) => assert!(year.is_none(), "{id}: a year without a layer"),
        }
    }
    for t in s.tour {
        assert!(
            (2..=3).contains(&t.body.len()) && !t.look_for.trim().is_empty(),
            "{}: body/look_for",
            t.id
        );
        valid_paragraphs(t.paragraphs, t.id);
        for c in t.body.iter().flat_map(|b| card_links(b)) {
            check_card(&c, t.id);
        }
    }
    for q in s.questions {
        for c in card_links(q.feedback.correct)
            .into_iter()
            .chain(card_links(q.feedback.incorrect))
        {
            check_card(&c, q.id);
        }
    }
}

#[test]
fn evidence_and_prompts_are_sourced() {
    let figs = figures();
    let s = study();
    for e in s.evidence {
        valid_paragraphs(e.paragraphs, e.id);
        assert!(
            !e.claim.is_empty() && !e.finding.is_empty() && !e.why_it_matters.is_empty(),
            "{}",
            e.id
        );
        for f in e.figures.iter() {
            assert!(figs.contains_key(*f), "{}: unknown figure {f}", e.id);
        }
    }
    for p in s.prompts {
        valid_paragraphs(p.paragraphs, p.id);
        assert!(!p.text.trim().is_empty());
    }
    let refs_path = root().join("content/references.json");
    if refs_path.exists() {
        let r = read_json(&refs_path);
        let known: BTreeSet<&str> = ["entries", "unlisted"]
            .iter()
            .flat_map(|k| r[*k].as_array().into_iter().flatten())
            .filter_map(|x| x["id"].as_str())
            .collect();
        let used = s
            .questions
            .iter()
            .flat_map(|q| q.refs.iter())
            .chain(s.evidence.iter().flat_map(|e| e.refs.iter()));
        for id in used {
            assert!(known.contains(*id), "unknown ref {id}");
        }
    } else {
        eprintln!("note: content/references.json not written yet; refs not checked");
    }
}

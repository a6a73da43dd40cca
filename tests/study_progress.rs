//! The study progress model: recording, its string form, tolerant parsing, tour views and the export summary.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::components::study::export::{entries, summary_text};
use charm_offensive::components::study::progress_model::{Progress, STORAGE_KEY};
use charm_offensive::components::study::tour::{end_tour, view_for_step};
use charm_offensive::content::content;
use charm_offensive::deep_link::{decode, encode, Known};
use charm_offensive::model::study::{study, Answer, QuestionKind};
use charm_offensive::model::{CardId, Layer, Part, SortedMap};
use charm_offensive::state::{Control, Hidden, View};

fn value(id: &str) -> Option<f64> {
    content().figures.get(id).map(|f| f.value)
}

/// The right answer to every question, and whether `check` agrees.
fn answer_all(p: &mut Progress, right: bool) {
    for q in study().questions {
        let answer = match &q.kind {
            QuestionKind::Choice { options, answer } => {
                let pick = if right {
                    *answer
                } else {
                    options.iter().find(|o| o.id != *answer).unwrap().id
                };
                Answer::Choice(pick.to_string())
            }
            QuestionKind::Sort { items, .. } => Answer::Sort(
                items
                    .iter()
                    .map(|i| (i.id.to_string(), i.answer.to_string()))
                    .collect(),
            ),
            QuestionKind::Predict { derive, .. } => {
                Answer::Predict(derive.value(value).unwrap() + if right { 0.0 } else { 1e6 })
            }
        };
        let correct = q.check(&answer, value).correct;
        p.record(q.id, answer, correct);
    }
}

#[test]
fn records_steps_and_answers_once() {
    let mut p = Progress::default();
    assert!(p.see_step(3));
    assert!(!p.see_step(3), "a step seen twice is recorded once");
    assert!(p.record("q-a", Answer::Choice("b".into()), true));
    assert!(
        !p.record("q-a", Answer::Choice("b".into()), true),
        "the same answer again changes nothing"
    );
    assert!(
        p.record("q-a", Answer::Choice("c".into()), false),
        "a new answer replaces the old"
    );
    assert_eq!(p.answers.len(), 1);
    assert!(!p.answers["q-a"].correct);
}

#[test]
fn round_trips_through_its_string_form() {
    let mut p = Progress::default();
    for n in [1, 4, 11] {
        p.see_step(n);
    }
    answer_all(&mut p, true);
    p.record("q-extra", Answer::Predict(42.5), false);
    p.record("q-odd", Answer::Predict(46.216_666_6), false);
    assert_eq!(
        p.answers["q-odd"].answer,
        Answer::Predict(46.217),
        "guesses are kept to thousandths"
    );
    let s = p.encode();
    assert!(s.starts_with("v1|1,4,11|"), "{s}");
    assert_eq!(Progress::decode(&s), Ok(p));
    assert_eq!(
        Progress::decode(&Progress::default().encode()),
        Ok(Progress::default())
    );
    assert_eq!(STORAGE_KEY, "charm-offensive.progress.v1");
}

#[test]
fn a_corrupted_value_gives_empty_progress_and_an_error() {
    for bad in [
        "",
        "garbage",
        "v2|1|",
        "v1|1,x|",
        "v1|1|q-a:y:c",
        "v1|1|q-a:maybe:c:b",
        "v1|1|q-a:y:p:NaN",
        "v1||q a:y:c:b",
        "v1|0|",
        "v1|1|q-a:y:s:x",
    ] {
        let r = Progress::restore(Ok(Some(bad.to_string())));
        assert_eq!(r.progress, Progress::default(), "{bad:?}");
        assert!(r.corrupted.is_some(), "{bad:?} should be reported");
        assert!(r.blocked.is_none());
    }
}

#[test]
fn blocked_storage_is_reported_and_progress_starts_empty() {
    let r = Progress::restore(Err("The operation is insecure.".into()));
    assert_eq!(r.blocked.as_deref(), Some("The operation is insecure."));
    assert_eq!(r.progress, Progress::default());
    let nothing = Progress::restore(Ok(None));
    assert!(nothing.blocked.is_none() && nothing.corrupted.is_none());
}

#[test]
fn tally_counts_per_part() {
    let mut p = Progress::default();
    p.see_step(2);
    p.see_step(99); // beyond the tour: not counted
    answer_all(&mut p, false);
    let t = p.tally();
    assert_eq!((t.steps_seen, t.steps), (1, study().tour.len()));
    assert_eq!(t.answered, study().questions.len());
    // The wrong choices and predictions are wrong; the sort questions were answered right.
    let sorts = study()
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::Sort { .. }))
        .count();
    assert_eq!(t.correct, sorts);
    assert_eq!(t.parts.len(), 6);
    assert_eq!(
        t.parts.iter().map(|x| x.3).sum::<usize>(),
        study().questions.len()
    );
}

#[test]
fn view_for_step_applies_each_steps_view_and_keeps_embed() {
    let current = View {
        embed: true,
        hidden: Hidden::of(&[Control::Share]),
        per_person: true,
        ..View::default()
    };
    let known = Known {
        card: &|id| content().card_id(id),
        steps: study().tour.len(),
    };
    for (i, step) in study().tour.iter().enumerate() {
        let v = view_for_step(&current, i + 1);
        assert_eq!(v.step, Some(i + 1));
        assert_eq!(v.part, step.view.part, "{}", step.id);
        assert_eq!(v.card.map(CardId::as_str), step.view.card, "{}", step.id);
        assert_eq!(v.country, step.view.country, "{}", step.id);
        assert_eq!(
            v.layer,
            step.view.layer.unwrap_or(Layer::Trade),
            "{}",
            step.id
        );
        assert_eq!(
            v.period(),
            step.view.year.or(v.layer.default_year()),
            "{}",
            step.id
        );
        assert!(
            v.embed && v.hidden == Hidden::of(&[Control::Share]),
            "{}: embed settings kept",
            step.id
        );
        // The step's URL opens the same view.
        let d = decode(&encode(&v), &known);
        assert_eq!(d.ignored, Vec::<String>::new(), "{}", step.id);
        assert_eq!(d.view, v, "{}", step.id);
    }
    assert_eq!(view_for_step(&current, 0).step, None);
    assert_eq!(view_for_step(&current, study().tour.len() + 1).step, None);
    assert_eq!(end_tour(&view_for_step(&current, 2)).step, None);
    assert!(
        study().tour.iter().any(|s| s.view.part == Part::Map),
        "the tour visits the map"
    );
}

#[test]
fn the_export_summary_lists_every_answered_question_with_its_citations() {
    let mut p = Progress::default();
    p.see_step(1);
    let (first, second) = (&study().questions[0], &study().questions[4]);
    let q_right = match &first.kind {
        QuestionKind::Choice { answer, .. } => Answer::Choice(answer.to_string()),
        _ => panic!("the first question is a choice"),
    };
    p.record(first.id, q_right, true);
    let placed: SortedMap<String, String> = match &second.kind {
        QuestionKind::Sort { items, bins } => items
            .iter()
            .map(|i| (i.id.to_string(), bins[0].id.to_string()))
            .collect(),
        _ => panic!("question 5 is a sort"),
    };
    p.record(second.id, Answer::Sort(placed), false);
    let text = summary_text(&p, "2026-11-28");
    assert!(text.contains("Date: 2026-11-28"));
    assert!(text.contains(&format!("1 of {} steps seen", study().tour.len())));
    assert!(
        text.contains(&format!(
            "2 of {} answered, 1 correct",
            study().questions.len()
        )),
        "{text}"
    );
    for (q, result) in [(first, "correct"), (second, "incorrect")] {
        assert!(text.contains(q.prompt.text()), "{} missing", q.id);
        let block = text.split(q.prompt.text()).nth(1).unwrap();
        assert!(block.contains(&format!("Result: {result}")), "{}", q.id);
        let cited = block
            .lines()
            .find(|l| l.trim_start().starts_with("Cited:"))
            .unwrap();
        for para in q.paragraphs {
            assert!(cited.contains(para), "{}: {para} not cited", q.id);
        }
        for r in q.refs {
            assert!(
                cited.contains(content().citation(r).unwrap().short()),
                "{}: {r} not cited",
                q.id
            );
        }
    }
    assert!(
        !text.contains(study().questions[1].prompt.text()),
        "an unanswered question is not listed"
    );
    assert_eq!(entries(&p).len(), 2);
    assert!(
        text.contains("Your answer: Students from all member states"),
        "the chosen option in words"
    );
}

#[test]
fn the_progress_reducer_records_resets_and_keeps_what_storage_said() {
    use charm_offensive::components::study::progress_model::{ProgressAction, StudyProgress};
    use std::rc::Rc;
    use yew::Reducible;
    let start = Rc::new(StudyProgress::restored(Ok(Some("v1|2|".into()))));
    assert_eq!(start.progress.steps.len(), 1);
    let same = start.clone().reduce(ProgressAction::SeeStep(2));
    assert!(
        Rc::ptr_eq(&start, &same),
        "a step seen again changes nothing"
    );
    let s = start
        .reduce(ProgressAction::SeeStep(3))
        .reduce(ProgressAction::Record {
            id: "q-one",
            answer: Answer::Choice("a".into()),
            correct: true,
        });
    assert_eq!(s.progress.encode(), "v1|2,3|q-one:y:c:a");
    let s = s.reduce(ProgressAction::Blocked("quota".into()));
    assert_eq!(s.blocked.as_deref(), Some("quota"));
    let s = s.reduce(ProgressAction::Reset);
    assert_eq!((s.progress.encode().as_str(), s.resets), ("v1||", 1));
    assert_eq!(
        s.blocked.as_deref(),
        Some("quota"),
        "storage is still blocked"
    );
    let restored = Progress::decode("v1|1|").unwrap();
    let s = s.reduce(ProgressAction::Replace(restored.clone()));
    assert_eq!(*s.progress, restored);
    let broken = StudyProgress::restored(Ok(Some("nonsense".into())));
    assert!(broken.corrupted.is_some() && broken.progress.steps.is_empty());
    let dismissed = Rc::new(broken).reduce(ProgressAction::DismissCorrupted);
    assert_eq!(dismissed.corrupted, None);
}

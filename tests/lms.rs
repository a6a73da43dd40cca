//! The course-site (SCORM) report: suspend_data stays within 4,096 characters and round-trips, completion
//! and score follow the study progress, with the real study content.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::components::study::progress_model::Progress;
use charm_offensive::lms::report::{
    completed, report, restore, suspend_data, Standard, SUSPEND_LIMIT,
};
use charm_offensive::model::study::{study, Answer, QuestionKind};
use proptest::prelude::*;

/// Every question answered (correctly where `correct` says so) and every tour step seen.
fn everything_done(correct: impl Fn(usize) -> bool) -> Progress {
    let s = study();
    let mut p = Progress::default();
    for n in 1..=s.tour.len() {
        p.see_step(n);
    }
    for (i, q) in s.questions.iter().enumerate() {
        let answer = match &q.kind {
            QuestionKind::Choice { options, .. } => Answer::Choice(options[0].id.to_string()),
            QuestionKind::Sort { items, bins, .. } => Answer::Sort(
                items
                    .iter()
                    .map(|it| (it.id.to_string(), bins[0].id.to_string()))
                    .collect(),
            ),
            QuestionKind::Predict { max, .. } => Answer::Predict(*max),
        };
        p.record(q.id, answer, correct(i));
    }
    p
}

fn value<'a>(values: &'a [(&'static str, String)], key: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn the_whole_of_the_real_progress_fits_in_suspend_data_and_comes_back() {
    let p = everything_done(|i| i % 2 == 0);
    let data = suspend_data(&p);
    assert!(data.len() <= SUSPEND_LIMIT, "{} characters", data.len());
    assert_eq!(restore(&data), Ok(p));
    assert_eq!(restore(""), Ok(Progress::default()));
    assert!(restore("not ours").is_err());
}

#[test]
fn score_is_the_share_of_all_self_checks_answered_correctly() {
    let s = study();
    let questions = s.questions.len();
    // The first question only, answered correctly: 1 of all.
    let mut p = Progress::default();
    p.record(s.questions[0].id, Answer::Choice("x".into()), true);
    let t = p.tally();
    let v12 = report(Standard::Scorm12, &t, false);
    let expected = charm_offensive::lms::report::ratio(100, questions as u64);
    assert_eq!(value(&v12, "cmi.core.score.raw"), Some(expected.as_str()));
    assert_eq!(value(&v12, "cmi.core.score.max"), Some("100"));
    assert_eq!(value(&v12, "cmi.core.lesson_status"), Some("incomplete"));
    let v04 = report(Standard::Scorm2004, &t, false);
    let scaled = charm_offensive::lms::report::ratio(1, questions as u64);
    assert_eq!(value(&v04, "cmi.score.scaled"), Some(scaled.as_str()));
    assert_eq!(value(&v04, "cmi.completion_status"), Some("incomplete"));
    assert_eq!(value(&v04, "cmi.progress_measure"), Some("0"));
}

#[test]
fn no_score_before_the_first_answer() {
    let t = Progress::default().tally();
    for standard in [Standard::Scorm12, Standard::Scorm2004] {
        let v = report(standard, &t, false);
        assert!(v.iter().all(|(k, _)| !k.contains("score")), "{v:?}");
    }
}

#[test]
fn completion_is_every_tour_step_seen_and_stays_once_recorded() {
    let steps = study().tour.len();
    let mut p = Progress::default();
    for n in 1..steps {
        p.see_step(n);
    }
    assert!(!completed(&p.tally()));
    let v = report(Standard::Scorm2004, &p.tally(), false);
    assert_eq!(value(&v, "cmi.completion_status"), Some("incomplete"));
    // An earlier session's completion stays.
    let v = report(Standard::Scorm12, &p.tally(), true);
    assert_eq!(value(&v, "cmi.core.lesson_status"), Some("completed"));
    p.see_step(steps);
    assert!(completed(&p.tally()));
    let v = report(Standard::Scorm2004, &p.tally(), false);
    assert_eq!(value(&v, "cmi.completion_status"), Some("completed"));
    assert_eq!(value(&v, "cmi.progress_measure"), Some("1"));
    // All answered, all correct: full marks.
    let all = everything_done(|_| true);
    let v = report(Standard::Scorm12, &all.tally(), false);
    assert_eq!(value(&v, "cmi.core.score.raw"), Some("100"));
}

fn any_progress() -> impl Strategy<Value = Progress> {
    let id = "[a-z0-9-]{1,80}";
    let answer = prop_oneof![
        id.prop_map(Answer::Choice),
        prop::collection::btree_map(id, id, 1..6)
            .prop_map(|m| Answer::Sort(m.into_iter().collect())),
        (-1_000_000i64..1_000_000).prop_map(|v| Answer::Predict(v as f64 / 1000.0)),
    ];
    (
        prop::collection::btree_set(1usize..=100, 0..30),
        prop::collection::btree_map(id, (answer, any::<bool>()), 0..80),
    )
        .prop_map(|(steps, answers)| {
            let mut p = Progress {
                steps: steps.into_iter().collect(),
                ..Progress::default()
            };
            for (id, (answer, correct)) in answers {
                p.record(&id, answer, correct);
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn suspend_data_never_exceeds_the_limit_and_reads_back_what_it_kept(p in any_progress()) {
        let data = suspend_data(&p);
        prop_assert!(data.len() <= SUSPEND_LIMIT, "{} characters", data.len());
        let back = restore(&data).expect("our own suspend_data reads back");
        prop_assert_eq!(&back.steps, &p.steps);
        // What was kept is exactly what was given; only whole answers are dropped, and only when too long.
        for (id, given) in &back.answers {
            prop_assert_eq!(Some(given), p.answers.get(id));
        }
        if p.encode().len() <= SUSPEND_LIMIT {
            prop_assert_eq!(back, p);
        }
    }
}

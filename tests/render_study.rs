//! Server-side rendering of the study and evidence parts (interactive and static page).
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::components::evidence::{status_badge, EvidencePart};
use charm_offensive::components::study::quiz::{question_markup, Draft};
use charm_offensive::components::study::StudyPart;
use charm_offensive::components::{Prerendered, PrerenderedProps};
use charm_offensive::model::study::{study, QuestionKind};
use charm_offensive::model::Part;
use charm_offensive::state::View;
use charm_offensive::text::{spans, Span};
use yew::prelude::*;

async fn render_study(static_page: bool) -> String {
    let view = View {
        part: Part::Study,
        ..View::default()
    };
    let children = html! { <StudyPart {view} /> };
    yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        on: static_page,
        children,
    })
    .render()
    .await
}

async fn render_evidence(static_page: bool) -> String {
    let view = View {
        part: Part::Evidence,
        ..View::default()
    };
    // As the app renders it: the static page is signalled by context.
    let children = html! { <EvidencePart {view} /> };
    yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        on: static_page,
        children,
    })
    .render()
    .await
}

/// Text as rendered: HTML escapes undone for comparing with content.
/// Whether the page shows this prose: every run of its text and every figure, term or link as worded
/// (a figure's source sits between the runs).
fn shows(html: &str, prose: &str) -> bool {
    spans(prose).iter().all(|s| match s {
        Span::Text(t) => html.contains(t.trim()),
        Span::Term { shown, .. } | Span::Card { shown, .. } | Span::Figure { shown, .. } => {
            html.contains(shown)
        }
    })
}

fn html_text(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_study_part_shows_one_question_at_a_time_with_every_number_and_part() {
    let html = html_text(&render_study(false).await);
    let s = study();
    let first = &s.questions[0];
    assert_eq!(
        html.matches("<fieldset").count(),
        1,
        "one question at a time"
    );
    assert!(shows(&html, &first.prompt), "starts at the first question");
    assert!(html.contains(&format!("Question 1 of {}", s.questions.len())));
    let part = s.parts.iter().find(|p| p.id == first.part).unwrap();
    assert!(html.contains(&format!("Part 1 of {}: {}", s.parts.len(), part.label)));
    assert_eq!(
        html.matches("class=\"check-number open\"").count(),
        s.questions.len(),
        "one number per question, none answered"
    );
    assert!(html.contains(&format!("0 of {} answered", s.questions.len())));
    assert!(html.contains(&format!("Show all {} questions at once", s.questions.len())));
    assert!(html.contains(&format!("{} steps through the essay", s.tour.len())));
    assert!(html.contains("Start the guided tour"));
    assert!(html.contains(&format!("0 of {} questions answered", s.questions.len())));
}

#[tokio::test]
async fn questions_show_their_controls_and_no_feedback_before_an_answer() {
    // The part shows one question at a time: render each question on its own.
    let mut html = String::new();
    for (index, q) in study().questions.iter().enumerate() {
        html += &question_markup(index, &Draft::start(q, None));
    }
    let html = html_text(&html);
    for q in study().questions {
        match &q.kind {
            QuestionKind::Choice { options, .. } => {
                for o in options.iter() {
                    assert!(
                        html.contains(&format!("id=\"{}-{}\"", q.id, o.id)),
                        "{}: radio {}",
                        q.id,
                        o.id
                    );
                }
            }
            QuestionKind::Sort { items, .. } => {
                for i in items.iter() {
                    assert!(
                        html.contains(&format!("<select id=\"{}-{}\"", q.id, i.id)),
                        "{}: select {}",
                        q.id,
                        i.id
                    );
                }
            }
            QuestionKind::Predict { .. } => {
                assert!(
                    html.contains(&format!("id=\"{}-slider\"", q.id))
                        && html.contains(&format!("id=\"{}-number\"", q.id)),
                    "{}",
                    q.id
                );
            }
        }
        assert!(
            !html.contains(q.feedback.correct) && !html.contains(q.feedback.incorrect),
            "{}: feedback shown unasked",
            q.id
        );
    }
}

#[tokio::test]
async fn the_static_page_lists_the_tour_and_questions_without_answers() {
    let html = html_text(&render_study(true).await);
    for step in study().tour {
        assert!(
            html.contains(step.title) && html.contains(step.look_for.text()),
            "{}",
            step.id
        );
    }
    let steps = html
        .split("<ol class=\"tour-steps static\">")
        .nth(1)
        .expect("the tour as an ordered list");
    assert_eq!(
        steps.split("</ol>").next().unwrap().matches("<h4>").count(),
        study().tour.len()
    );
    for q in study().questions {
        assert!(shows(&html, &q.prompt), "{}", q.id);
        if let QuestionKind::Choice { options, .. } = &q.kind {
            for o in options.iter() {
                assert!(shows(&html, &o.text), "{}: option {}", q.id, o.id);
            }
        }
        assert!(
            !html.contains(q.feedback.correct),
            "{}: answer revealed",
            q.id
        );
    }
    // The reading view has no self-check widgets; the app's view (shown only with JavaScript, kept by the app on
    // start) holds its first question.
    let app = html
        .find("<div class=\"check-body\" data-app=\"\">")
        .expect("the app's question, marked");
    let reading = html
        .find("<div data-no-js=\"\">")
        .expect("the questions, marked");
    let fieldset = html.find("<fieldset").expect("the app's first question");
    assert!(
        app < fieldset && fieldset < reading,
        "the one question is the app's"
    );
    assert!(
        html.matches("<fieldset").count() == 1
            && !html[reading..].contains(">Check<")
            && !html[reading..].contains(">Reveal<"),
        "no self-check widgets in the page's reading view"
    );
}

#[tokio::test]
async fn the_evidence_part_renders_every_note_with_its_status() {
    let html = html_text(&render_evidence(false).await);
    for e in study().evidence {
        let at = html
            .find(&format!("id=\"note-{}\"", e.id))
            .unwrap_or_else(|| panic!("{} missing", e.id));
        let note = &html[at..];
        let note = &note[..note.find("</article>").unwrap()];
        assert!(
            note.contains(e.title) && shows(note, &e.finding) && shows(note, &e.why_it_matters),
            "{}",
            e.id
        );
        assert!(
            note.contains(status_badge(e.status).0),
            "{}: status text",
            e.id
        );
        if let Some(q) = &e.quote {
            assert!(
                note.contains(&format!(
                    "“<span data-p=\"{}\">{}</span>”",
                    q.text.0, q.text
                )),
                "{}: quote marked",
                e.id
            );
        }
    }
    assert!(
        html.contains("aria-pressed=\"true\""),
        "the status filter starts at All"
    );
    assert!(html.contains(&format!(
        "Showing {0} of {0} notes.",
        study().evidence.len()
    )));
    for p in study().prompts {
        assert!(html.contains(p.text.text()), "{}", p.id);
    }
    // One note on percent against percentage points, with the worked example inside it (was a second,
    // near-duplicate section after the notes).
    assert!(!html.contains("Percent versus percentage points"));
    let note = &html[html
        .find(r#"id="note-ev-percentage-points""#)
        .expect("the note")..];
    let note = &note[..note.find("</article>").unwrap()];
    assert!(
        note.contains("a rise of 10 percentage points, which is 35.7% of the starting value"),
        "worked from figures.json, inside the note"
    );
}

#[tokio::test]
async fn the_static_evidence_page_cites_every_note_and_has_no_filter() {
    let html = render_evidence(true).await;
    // Only the filter's place, never seen and gone without JavaScript (the app puts its own there as it starts).
    assert_eq!(html.matches("status-filter").count(), 1);
    let at = html
        .find(r#"class="evidence-bar""#)
        .expect("the filter's place");
    let bar = &html[html[..at].rfind("<div").unwrap()..];
    let bar = &bar[..bar.find('>').unwrap()];
    assert!(
        bar.contains("data-needs-js")
            && bar.contains("inert")
            && bar.contains(r#"aria-hidden="true""#),
        "{bar}"
    );
    assert!(!render_evidence(false).await.contains("data-needs-js"));
    assert_eq!(html.matches("<article").count(), study().evidence.len());
    assert!(html.matches("cites-static").count() >= study().evidence.len());
}

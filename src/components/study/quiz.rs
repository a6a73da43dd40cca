//! Self-check questions: one shell for every kind (the prompt, the kind's controls, a Check or Reveal button
//! and the feedback area; choice here, sort and predict controls in their files) and the shared feedback
//! that says right or wrong in words and with an icon, explains why and cites.

use yew::prelude::*;

use super::progress_context::{use_progress, ProgressHandle};
use super::progress_model::{ProgressAction, StudyProgress};
use super::{predict, sort};
use crate::components::raw::{esc, raw};
use crate::components::{cite::Cites, figure::FigureValue, rich::rich_text};
use crate::content::content;
use crate::model::study::{study, Answer, Question, QuestionKind};
use crate::model::{format_number, Dataset, SortedMap};
use crate::text::plain;

/// Props of a question view: its index in `study().questions`, and the page's study progress (from the study
/// part; native tests may leave it out).
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionProps {
    pub index: usize,
    #[prop_or_default]
    pub progress: Option<ProgressHandle>,
}

/// The question at `index`.
pub fn question(index: usize) -> &'static Question {
    &study().questions[index]
}

/// A figure's value by id, for `Question::check`.
pub fn figure_value(id: &str) -> Option<f64> {
    content().figures.get(id).map(|f| f.value)
}

/// What a figure counts, in a few words: its republic, the regional total, or the essay's own number.
pub fn figure_label(id: &str) -> String {
    match content().figures.get(id) {
        Some(f) if f.layer == Dataset::Essay => "In the essay: ".into(),
        Some(f) if f.layer == Dataset::RegionTotal => "All five republics: ".into(),
        Some(f) => {
            let own = if f.layer == Dataset::TradeNationalStatistics {
                " (its own statistics)"
            } else {
                ""
            };
            f.country
                .map(|c| format!("{}{own}: ", c.label()))
                .unwrap_or_default()
        }
        None => String::new(),
    }
}

/// The answer saved for a question, if any.
pub fn saved(progress: &StudyProgress, q: &Question) -> Option<Answer> {
    progress
        .progress
        .answers
        .get(q.id)
        .map(|g| g.answer.clone())
}

/// Checks an answer and records it in the progress; returns whether it was correct.
pub fn check_and_record(progress: &ProgressHandle, q: &'static Question, answer: Answer) -> bool {
    let correct = q.check(&answer, figure_value).correct;
    progress.dispatch(ProgressAction::Record {
        id: q.id,
        answer,
        correct,
    });
    correct
}

/// What a question view holds: the answer as the reader is giving it (no option chosen is an empty choice),
/// whether its feedback is shown, and whether to ask for a choice first.
#[derive(Clone, PartialEq)]
struct Draft {
    answer: Answer,
    shown: bool,
    hint: bool,
}

impl Draft {
    /// Where a question starts: the saved answer of its kind with its feedback, else nothing chosen (a guess
    /// halfway along the slider).
    fn start(q: &Question, saved: Option<Answer>) -> Draft {
        let saved = match (&q.kind, saved) {
            (QuestionKind::Choice { .. }, Some(a @ Answer::Choice(_)))
            | (QuestionKind::Sort { .. }, Some(a @ Answer::Sort(_)))
            | (QuestionKind::Predict { .. }, Some(a @ Answer::Predict(_))) => Some(a),
            _ => None,
        };
        // A sort checked with nothing placed comes back unchecked.
        let shown = saved
            .as_ref()
            .is_some_and(|a| *a != Answer::Sort(SortedMap::new()));
        let answer = saved.unwrap_or_else(|| match &q.kind {
            QuestionKind::Choice { .. } => Answer::Choice(String::new()),
            QuestionKind::Sort { .. } => Answer::Sort(SortedMap::new()),
            QuestionKind::Predict { min, max, step, .. } => {
                Answer::Predict(((min + max) / 2.0 / step).round() * step)
            }
        });
        Draft {
            answer,
            shown,
            hint: false,
        }
    }
}

/// One question: a choice's radio group, a sort's bin selects or a guess's slider and number box, then
/// Check (Reveal for a guess) and the feedback; the static page shows its options without any answer. One
/// change handler on the fieldset reads whichever control changed.
#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    let q = question(props.index);
    if crate::components::use_static_page() {
        return static_question(q);
    }
    let progress = use_progress(props.progress.clone());
    // "Show on the map" keeps the embed settings of the view it is shown in.
    let crate::components::Dispatch(dispatch, within) = use_context().unwrap_or_default();
    let draft = use_state(|| Draft::start(q, saved(&progress, q)));
    let edit = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            match (&mut next.answer, &q.kind) {
                (Answer::Choice(chosen), _) => {
                    *chosen = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value()
                }
                (Answer::Sort(placed), _) => {
                    let select = e.target_unchecked_into::<web_sys::HtmlSelectElement>();
                    let id = select.id();
                    let Some(item) = id.strip_prefix(q.id).and_then(|i| i.strip_prefix('-')) else {
                        return;
                    };
                    sort::place(placed, item, select.value());
                }
                (Answer::Predict(guess), QuestionKind::Predict { min, max, .. }) => {
                    // value_as_number: the browser parses, so the wasm needs no float parser.
                    let v = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value_as_number();
                    if !v.is_finite() {
                        return;
                    }
                    *guess = v.clamp(*min, *max);
                }
                _ => return,
            }
            // A new answer clears the feedback and the "Choose an answer first" hint.
            (next.shown, next.hint) = (false, false);
            draft.set(next);
        })
    };
    let check = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            if next.answer == Answer::Choice(String::new()) {
                next.hint = true;
            } else {
                check_and_record(&progress, q, next.answer.clone());
                (next.hint, next.shown) = (false, true);
            }
            draft.set(next);
        })
    };
    let verdict = draft.shown.then(|| q.check(&draft.answer, figure_value));
    let (class, controls, first) = match &draft.answer {
        Answer::Choice(chosen) => ("question q-choice", choice_options(q, chosen), None),
        Answer::Sort(placed) => (
            "question q-sort",
            sort::rows(q, placed, verdict.as_ref()),
            verdict.as_ref().map(|v| sort::tally(q, placed, v)),
        ),
        Answer::Predict(guess) => (
            "question q-predict",
            predict::controls(q, *guess),
            verdict
                .as_ref()
                .map(|v| predict::reveal(q, *guess, v, &dispatch, within)),
        ),
    };
    let predicting = matches!(q.kind, QuestionKind::Predict { .. });
    // A guess updates as the slider moves; radios and selects report each change.
    let (onchange, oninput) = if predicting {
        (None, Some(edit.reform(Event::from)))
    } else {
        (Some(edit), None)
    };
    html! {
        <fieldset {class} id={q.id} {onchange} {oninput}>
            { raw(format!("<legend>{}</legend>", esc(&plain(&q.prompt)))) }
            { controls }
            <button type="button" class="secondary" onclick={check}>{ if predicting { "Reveal" } else { "Check" } }</button>
            <div class="feedback-area" aria-live="polite">
                if draft.hint { { raw(r#"<p class="hint">Choose an answer first.</p>"#) } }
                if let Some(v) = verdict { { feedback(props.index, v.correct, first.unwrap_or_default()) } }
            </div>
        </fieldset>
    }
}

/// A choice's radio group, `chosen` checked.
fn choice_options(q: &Question, chosen: &str) -> Html {
    let QuestionKind::Choice { options, .. } = &q.kind else {
        return Html::default();
    };
    let radios = options.iter().map(|o| {
        let id = format!("{}-{}", q.id, o.id);
        html! {
            <li key={o.id}>
                <input type="radio" id={id.clone()} name={q.id} value={o.id} checked={chosen == o.id} />
                { raw(format!(r#"<label for="{id}">{}</label>"#, esc(&plain(&o.text)))) }
            </li>
        }
    });
    html! { <ul class="options">{ for radios }</ul> }
}

/// The static (no-JavaScript, print) form of a question: its prompt and its options, no answer revealed.
fn static_question(q: &Question) -> Html {
    let body = match &q.kind {
        QuestionKind::Choice { options, .. } => html! {
            <ul class="options static">{ for options.iter().map(|o| html! { <li key={o.id.to_string()} data-p={o.text.key()}>{ rich_text(&o.text) }</li> }) }</ul>
        },
        QuestionKind::Sort { bins, items } => {
            let names: Vec<String> = bins.iter().map(|b| format!("“{}”", b.text)).collect();
            html! { <>
                <p>{ format!("Sort each into {}:", names.join(", ")) }</p>
                <ul class="sort-items static">{ for items.iter().map(|i| html! { <li key={i.id.to_string()}>{ rich_text(i.text) }</li> }) }</ul>
            </> }
        }
        QuestionKind::Predict { unit, min, max, .. } => html! {
            <p>{ format!("Your guess, between {} and {} {unit}.", format_number(*min, 1), format_number(*max, 1)) }</p>
        },
    };
    html! {
        <div class="question q-static">
            <p class="prompt" data-p={q.prompt.key()}>{ rich_text(&q.prompt) }</p>
            { body }
        </div>
    }
}

/// "✓ Correct" / "✗ Not quite" for question `index`, kind-specific lines (`first`), the explanation, the
/// figures with their sources and the citations. A plain function, not a component: it holds no state.
pub fn feedback(index: usize, correct: bool, first: Html) -> Html {
    let q = question(index);
    let (class, verdict, text) = if correct {
        (
            "qa-feedback correct",
            r#"<p class="verdict"><span class="icon" aria-hidden="true">✓</span>Correct.</p>"#,
            &q.feedback.correct,
        )
    } else {
        (
            "qa-feedback incorrect",
            r#"<p class="verdict"><span class="icon" aria-hidden="true">✗</span>Not quite.</p>"#,
            &q.feedback.incorrect,
        )
    };
    html! {
        <div {class}>
            { raw(verdict) }
            { first }
            <p>{ rich_text(text) }</p>
            if !q.figures.is_empty() {
                <ul class="feedback-figures">
                    { for q.figures.iter().map(|f| html! { <li key={*f}>{ figure_label(f) }<FigureValue id={*f} /></li> }) }
                </ul>
            }
            <Cites paragraphs={q.paragraphs} refs={q.refs} />
        </div>
    }
}

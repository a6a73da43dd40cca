//! Self-check questions: one view per kind (choice here; sort and predict in their files) and the shared
//! feedback that says right or wrong in words and with an icon, explains why and cites.

use yew::prelude::*;

use super::progress_context::{use_progress, ProgressHandle};
use super::progress_model::{ProgressAction, StudyProgress};
use super::{predict::PredictQuestion, sort::SortQuestion};
use crate::components::{cite::Cites, figure::FigureValue, rich::rich_text};
use crate::content::content;
use crate::model::study::{study, Answer, Question, QuestionKind};
use crate::model::{format_number, Dataset};
use crate::text::plain;

/// Props of a question view: its index in `study().questions`.
#[derive(Properties, PartialEq, Clone, Copy)]
pub struct QuestionProps {
    pub index: usize,
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

/// One question, by kind; the static page shows its options without any answer.
#[component]
pub fn QuestionView(props: &QuestionProps) -> Html {
    if crate::components::use_static_page() {
        return static_question(question(props.index));
    }
    match &question(props.index).kind {
        QuestionKind::Choice { .. } => html! { <ChoiceQuestion index={props.index} /> },
        QuestionKind::Sort { .. } => html! { <SortQuestion index={props.index} /> },
        QuestionKind::Predict { .. } => html! { <PredictQuestion index={props.index} /> },
    }
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
    let (class, icon, verdict, text) = if correct {
        ("qa-feedback correct", "✓", "Correct.", &q.feedback.correct)
    } else {
        (
            "qa-feedback incorrect",
            "✗",
            "Not quite.",
            &q.feedback.incorrect,
        )
    };
    html! {
        <div {class}>
            <p class="verdict"><span class="icon" aria-hidden="true">{ icon }</span>{ verdict }</p>
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

/// A multiple-choice question: a radio group, a Check button and feedback.
#[component]
pub fn ChoiceQuestion(props: &QuestionProps) -> Html {
    let progress = use_progress();
    let q = question(props.index);
    let QuestionKind::Choice { options, .. } = &q.kind else {
        return html! {};
    };
    let initial = match saved(&progress, q) {
        Some(Answer::Choice(o)) => Some(o),
        _ => None,
    };
    let verdict = use_state({
        let shown = initial
            .as_ref()
            .map(|o| q.check(&Answer::Choice(o.clone()), figure_value).correct);
        move || shown
    });
    let selected = use_state(move || initial);
    let hint = use_state(|| false);
    let radios = options.iter().map(|o| {
        let id = format!("{}-{}", q.id, o.id);
        let checked = selected.as_deref() == Some(o.id);
        let onchange = {
            let (selected, verdict, value) = (selected.clone(), verdict.clone(), o.id.to_string());
            Callback::from(move |_: Event| {
                selected.set(Some(value.clone()));
                verdict.set(None);
            })
        };
        html! {
            <li key={o.id.to_string()}>
                <input type="radio" id={id.clone()} name={q.id.to_string()} value={o.id.to_string()} {checked} {onchange} />
                <label for={id}>{ plain(&o.text) }</label>
            </li>
        }
    });
    let check = {
        let (selected, verdict, hint) = (selected.clone(), verdict.clone(), hint.clone());
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| match &*selected {
            Some(o) => {
                hint.set(false);
                verdict.set(Some(check_and_record(
                    &progress,
                    q,
                    Answer::Choice(o.clone()),
                )));
            }
            None => hint.set(true),
        })
    };
    html! {
        <fieldset class="question q-choice" id={q.id.to_string()}>
            <legend>{ plain(&q.prompt) }</legend>
            <ul class="options">{ for radios }</ul>
            <button type="button" class="secondary" onclick={check}>{ "Check" }</button>
            <div class="feedback-area" aria-live="polite">
                if *hint { <p class="hint">{ "Choose an answer first." }</p> }
                if let Some(correct) = *verdict { { feedback(props.index, correct, Html::default()) } }
            </div>
        </fieldset>
    }
}

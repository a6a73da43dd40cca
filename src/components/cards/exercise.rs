//! The two manipulable exercises: the alignment spectrum and the hard-or-soft sorter. Each item is a
//! radio group (keyboard and click, no drag); once placed, it says whether the essay agrees and why.

use yew::prelude::*;

use crate::components::cite::Cites;
use crate::components::raw::{raw, Markup};
use crate::components::rich::rich_text;
use crate::content::content;
use crate::model::{Placeable, Slot};

/// Which exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExerciseKind {
    Spectrum,
    Sorter,
}

impl ExerciseKind {
    /// The key used in element ids and class names.
    pub fn key(self) -> &'static str {
        match self {
            ExerciseKind::Spectrum => "spectrum",
            ExerciseKind::Sorter => "sorter",
        }
    }

    /// What the disclosure that holds the exercise says: "Place the 8 relationships".
    pub fn start_label(self, items: usize) -> String {
        match self {
            ExerciseKind::Spectrum => format!("Place the {items} relationships"),
            ExerciseKind::Sorter => format!("Sort the {items} instruments"),
        }
    }

    /// Heading, prompt, slots and items, from `content/interactives.json`.
    pub fn data(
        self,
    ) -> (
        &'static str,
        crate::prose::Prose,
        &'static [Slot],
        &'static [Placeable],
    ) {
        let i = &content().interactives;
        match self {
            ExerciseKind::Spectrum => (
                "The alignment spectrum",
                i.spectrum.prompt,
                i.spectrum.positions,
                i.spectrum.items,
            ),
            ExerciseKind::Sorter => (
                "Hard or soft power?",
                i.sorter.prompt,
                i.sorter.bins,
                i.sorter.items,
            ),
        }
    }
}

/// Props: which exercise. On the static page (no JavaScript) it shows the answers as a list.
#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub kind: ExerciseKind,
}

fn slot_label(slots: &'static [Slot], id: &str) -> &'static str {
    slots
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.label)
        .unwrap_or("(missing)")
}

/// The slot(s) the essay supports for an item: "Tactical convergence", or "Tactical convergence” or “No alignment".
fn answer_labels(slots: &'static [Slot], item: &Placeable) -> String {
    std::iter::once(item.answer)
        .chain(item.also.iter().copied())
        .map(|id| slot_label(slots, id))
        .collect::<Vec<_>>()
        .join("” or “")
}

/// One exercise: the board, one radio group per item with its feedback, a score and a reset button.
#[component]
pub fn Exercise(props: &ExerciseProps) -> Html {
    let kind = props.kind;
    let (title, prompt, slots, items) = kind.data();
    let placed = use_state(|| vec![None::<usize>; items.len()]);
    let heading_id = format!("{}-heading", kind.key());
    let static_page = crate::components::use_static_page();
    if static_page {
        let answers = items.iter().map(|item| html! {
            <li key={item.id}>
                <strong>{ item.label }</strong>{ format!(": {}. ", answer_labels(slots, item).replace(['“', '”'], "")) }
                <span data-p={item.explanation.key()}>{ rich_text(&item.explanation) }</span>
                <Cites paragraphs={item.paragraphs} />
            </li>
        });
        return html! {
            <section class={classes!("exercise", kind.key())} aria-labelledby={heading_id.clone()}>
                <h4 id={heading_id}>{ title }</h4>
                <p data-p={prompt.key()}>{ prompt.text() }</p>
                <details class="disclosure">
                    <summary><span class="disclosure-label">{ format!("The essay's answers ({})", items.len()) }</span></summary>
                    <ol class="exercise-answers">{ for answers }</ol>
                </details>
            </section>
        };
    }
    // The board and the items are drawn once the reader first opens the fold (the page the app starts on shows none).
    let started = use_state_eq(|| false);
    let start = {
        let started = started.clone();
        Callback::from(move |_: Event| started.set(true))
    };
    let matched = items
        .iter()
        .zip(placed.iter())
        .filter(|(item, p)| p.is_some_and(|s| item.accepts(slots[s].id)))
        .count();
    let done = placed.iter().filter(|p| p.is_some()).count();
    let rows = items.iter().enumerate().map(|(i, item)| {
        let choose = {
            let placed = placed.clone();
            Callback::from(move |slot: usize| {
                let mut next = (*placed).clone();
                next[i] = Some(slot);
                placed.set(next);
            })
        };
        item_row(kind, item, slots, placed[i], choose)
    });
    let reset = {
        let placed = placed.clone();
        // Reset disables itself: focus the first choice, where the exercise starts again.
        let first = items
            .first()
            .zip(slots.first())
            .map(|(item, slot)| format!("{}-{}-{}", kind.key(), item.id, slot.id));
        let heading = heading_id.clone();
        Callback::from(move |_: MouseEvent| {
            placed.set(vec![None; placed.len()]);
            crate::browser::refocus_if_lost(
                first.iter().cloned().chain([heading.clone()]).collect(),
            );
        })
    };
    // Heading and prompt: display only, written as markup (`crate::components::raw`).
    let mut head = Markup::default();
    head.tag("<h4")
        .attr("id", Some(&heading_id))
        .tag(">")
        .text(title)
        .tag("</h4><p")
        .prose(&prompt)
        .tag("</p>");
    html! {
        <section class={classes!("exercise", kind.key())} aria-labelledby={heading_id.clone()}>
            { raw(head) }
            // Folded until the reader starts, so the part stays short on a phone.
            <details class="disclosure exercise-fold" ontoggle={start.clone()}>
                <summary onclick={start.reform(Event::from)}><span class="disclosure-label">{ kind.start_label(items.len()) }</span>
                    if done > 0 { <span class="disclosure-count">{ format!("{done} placed") }</span> }
                </summary>
                if *started {
                    { board(slots, items, &placed) }
                    <ol class="exercise-items">{ for rows }</ol>
                    <div class="exercise-footer">
                        <p class="score" role="status">{ format!("Placed {done} of {}; {matched} match the essay.", items.len()) }</p>
                        <button type="button" class="secondary" onclick={reset} disabled={done == 0}>{ "Reset" }</button>
                    </div>
                }
            </details>
        </section>
    }
}

/// An item as a radio group of the slots, followed by the essay's verdict once placed.
fn item_row(
    kind: ExerciseKind,
    item: &'static Placeable,
    slots: &'static [Slot],
    chosen: Option<usize>,
    choose: Callback<usize>,
) -> Html {
    let name = format!("{}-{}", kind.key(), item.id);
    let radios = slots.iter().enumerate().map(|(s, slot)| {
        let id = format!("{name}-{}", slot.id);
        let onchange = choose.reform(move |_: Event| s);
        html! {
            <label key={slot.id} class="slot-choice" for={id.clone()}>
                <input type="radio" {id} name={name.clone()} value={slot.id} checked={chosen == Some(s)} {onchange} />
                { &slot.label }
            </label>
        }
    });
    let feedback = chosen.map(|s| {
        let right = item.accepts(slots[s].id);
        let verdict = if right {
            "✓ Matches the essay's reasoning. ".to_string()
        } else {
            format!(
                "✗ The essay puts this under “{}”. ",
                answer_labels(slots, item)
            )
        };
        html! {
            <div class={classes!("feedback", if right { "right" } else { "wrong" })}>
                <p><strong>{ verdict }</strong>{ rich_text(&item.explanation) }</p>
                <Cites paragraphs={item.paragraphs} />
            </div>
        }
    });
    html! {
        <li key={item.id} class={classes!("exercise-item", chosen.is_some().then_some("placed"))}>
            <fieldset>
                <legend>{ &item.label }</legend>
                <div class="slot-choices">{ for radios }</div>
            </fieldset>
            <div class="feedback-region" aria-live="polite">{ for feedback }</div>
        </li>
    }
}

/// The slots side by side with the items placed in them: a picture of the radio choices (hidden from
/// screen readers, which get the same information from the radio groups; display only: written as markup,
/// `crate::components::raw`).
fn board(slots: &'static [Slot], items: &'static [Placeable], placed: &[Option<usize>]) -> Html {
    let mut m = Markup::default();
    m.tag(r#"<ol aria-hidden="true" class="board">"#);
    for (s, slot) in slots.iter().enumerate() {
        m.tag(r#"<li class="board-slot"><span class="board-label">"#)
            .text(slot.label)
            .tag("</span>");
        if !slot.description.is_empty() {
            m.tag(r#"<span class="board-description">"#)
                .text(slot.description)
                .tag("</span>");
        }
        m.tag(r#"<ul class="chips">"#);
        for (item, _) in items.iter().zip(placed).filter(|(_, p)| **p == Some(s)) {
            m.tag(if item.accepts(slot.id) {
                r#"<li class="chip right">✓ "#
            } else {
                r#"<li class="chip wrong">✗ "#
            })
            .text(item.label)
            .tag("</li>");
        }
        m.tag("</ul></li>");
    }
    m.tag("</ol>");
    raw(m)
}

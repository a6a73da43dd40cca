//! A sourced figure: its value with qualifier and unit, and its source opened in place in one click.

use yew::prelude::*;

use super::raw::{raw, Markup};
use crate::content::content;
use crate::model::Figure;

/// Props: a figure id from `content/figures.json`.
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    pub id: AttrValue,
}

/// The value and a button that opens its source; a missing figure says so.
#[component]
pub fn FigureValue(props: &FigureProps) -> Html {
    // The static page (no JavaScript, and the page before the app starts) shows the source open.
    let static_page = super::use_static_page();
    let open = use_state(|| static_page);
    // Its source may be on its way (the served site's other parts: crate::prose).
    crate::prose::use_texts_while(*open && !static_page);
    let Some(f) = content().figures.get(&props.id) else {
        return html! { <span class="figure missing">{ format!("Figure “{}” is missing from the data", props.id) }</span> };
    };
    if static_page {
        // Without JavaScript a button would do nothing: the source is simply shown. No wrapper: no style or
        // script needs one on the static page (102 figures there; the value, its period and the block of its
        // source lay out the same in their list item or cell).
        return html! { <>{ value_and_period(f) }{ figure_source(f) }</> };
    }
    html! {
        <span class="figure">
            { value_and_period(f) }
            { source_toggle(f, &f.display(), &open) }
        </span>
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// A figure's value and its period, without its source (as `FigureValue` shows them): the static page's rows
/// for other layers (`crate::components::map`).
pub fn figure_brief(f: &Figure) -> Html {
    html! { <>
        <span class="figure-value">{ f.display() }</span>
        if let Some(period) = crate::data::period_words(f.year).filter(|_| f.unit != "day") {
            <span class="figure-year">{ format!(" ({period})") }</span>
        }
    </> }
}

/// A figure's value and its period (display only: written as markup, `super::raw`).
fn value_and_period(f: &Figure) -> Html {
    let mut m = Markup::default();
    value_and_period_markup(&mut m, f);
    raw(m)
}

/// `value_and_period`'s markup, written to `m` (the data panel's: `crate::components::data::panel`).
pub fn value_and_period_markup(m: &mut Markup, f: &Figure) {
    m.tag(r#"<span class="figure-value">"#)
        .text(&f.display())
        .tag("</span>");
    if let Some(period) = crate::data::period_words(f.year).filter(|_| f.unit != "day") {
        m.tag(r#"<span class="figure-year">"#)
            .text(&format!(" ({period})"))
            .tag("</span>");
    }
}

/// The "source" button for the figure shown as `of`, and, once opened, its source in place (closed, a
/// one-line source that only print shows).
fn source_toggle(f: &Figure, of: &str, open: &UseStateHandle<bool>) -> Html {
    let (toggle, onkeydown) = super::cite::toggle_callbacks(open);
    html! {
        <>
            <button type="button" class="source-toggle" aria-expanded={open.to_string()} onclick={toggle} {onkeydown}>
                { "source" }<span class="visually-hidden">{ format!(" of {of}") }</span>
            </button>
            if **open {
                { figure_source(f) }
            } else {
                <span class="print-only source-brief">{ format!(" [{}]", source_brief(f).trim_start()) }</span>
            }
        </>
    }
}

/// " Source: publisher, date": the source in a few words, for print and the page without JavaScript.
pub fn source_brief(f: &Figure) -> String {
    let publisher = if f.source_publisher.is_empty() {
        "the essay"
    } else {
        f.source_publisher.text()
    };
    match f.source_date {
        "" => format!(" Source: {publisher}"),
        date => format!(" Source: {publisher}, {date}"),
    }
}

/// A closed "source" button for the figure shown as `of`, made for a figure kept from the page
/// (`crate::components::cite::use_kept_toggles`): its name says whose source it is.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn source_button(of: &str) -> Option<web_sys::Element> {
    let b = super::cite::toggle_button("source-toggle")?;
    let _ = b.set_attribute("aria-label", &format!("source of {of}"));
    b.set_text_content(Some("source"));
    Some(b)
}

/// The figures in sentences under `root` kept from the page (`span[data-fig]`, as `InlineFigure` draws them on the
/// static page) made the app's: the page's words and brief source (the one print shows) kept, a closed "source"
/// button put between them, each added to `holes` (`crate::components::cite::use_kept_toggles`).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn keep_inline(
    root: &web_sys::Element,
    holes: &mut Vec<(web_sys::Element, super::cite::Opens)>,
) {
    for span in crate::browser::all_in(root, "[data-fig]") {
        let key = span.get_attribute("data-fig").unwrap_or_default();
        let id = crate::prose::figure_id(&key).to_string();
        let shown = span
            .first_child()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        let _ = span.remove_attribute("data-fig");
        span.set_class_name("figure inline");
        let brief = span.last_element_child();
        if let Some(brief) = &brief {
            brief.set_class_name("print-only source-brief");
        }
        if let Some(b) = source_button(&shown) {
            let _ = span.insert_before(&b, brief.as_ref().map(|b| b.as_ref()));
        }
        holes.push((span, super::cite::Opens::Source(id)));
    }
}

/// Props of a figure inside a sentence: its id and the words the sentence shows for it.
#[derive(Properties, PartialEq)]
pub struct InlineFigureProps {
    pub id: AttrValue,
    pub shown: AttrValue,
}

/// A figure as a sentence words it ("$3.7 billion"), with a button that opens its source in place.
#[component]
pub fn InlineFigure(props: &InlineFigureProps) -> Html {
    let open = use_state(|| false);
    crate::prose::use_texts_while(*open);
    let static_page = super::use_static_page();
    let Some(f) = content().figures.get(&props.id) else {
        // An unknown id is a content error (tests catch it): keep the words and say the source is missing.
        return html! { <span class="figure inline missing">{ props.shown.clone() }{ " (source missing)" }</span> };
    };
    if static_page {
        // Marked by its data-fig alone (what src/prose.rs reads; no style or script needs a class: 130 on the
        // static page), its source in brief too (`[data-fig] > span` in static/css/85-settings.css).
        return html! {
            <span data-fig={props.id.clone()}>{ props.shown.clone() }<span>{ format!(" [{}]", source_brief(f).trim_start()) }</span></span>
        };
    }
    html! {
        <span class="figure inline">
            <span class="figure-value">{ props.shown.clone() }</span>
            { source_toggle(f, &props.shown, &open) }
        </span>
    }
}

/// Publisher, date, title, link, excerpt, confidence and notes of one figure (a plain function: it holds
/// no state, and a component's own code costs about 1 KB of wasm; display only, so written as markup,
/// `super::raw`). One line per child span (`.figure-source>span` is a block: static/css/00-base.css), with
/// no class on each: 76 sources with 448 lines on the static page.
pub fn figure_source(f: &Figure) -> Html {
    let mut m = Markup::default();
    source_markup(&mut m, f);
    raw(m)
}

/// `figure_source`'s markup, written to `m` (the data panel's: `crate::components::data::panel`).
pub fn source_markup(m: &mut Markup, f: &Figure) {
    m.tag(r#"<span role="note" class="figure-source"><span><strong>Source: </strong>"#);
    if f.source_publisher.is_empty() {
        m.tag("the essay");
    } else {
        marked(m, "span", f.source_publisher);
    }
    if !f.source_date.is_empty() {
        m.text(&format!(", {}", f.source_date));
    }
    m.tag("</span>");
    if !f.source_title.is_empty() {
        m.tag("<span>");
        marked(m, "em", f.source_title);
        m.tag("</span>");
    }
    if !f.source_url.is_empty() {
        m.tag("<span><a")
            .attr("href", Some(f.source_url))
            .tag(r#" target="_blank">"#)
            .text(&super::cite::link_label(f.source_url))
            .tag("</a></span>");
    }
    if !f.excerpt.is_empty() {
        m.tag(r#"<span class="excerpt"><span class="visually-hidden">Excerpt: </span>“"#);
        marked(m, "span", f.excerpt);
        m.tag("”</span>");
    }
    m.tag("<span><strong>Confidence: </strong>")
        .text(f.confidence.label());
    if let Some(p) = &f.paragraph {
        m.text(&format!(" · essay paragraph {p}"));
    }
    m.tag("</span>");
    if !f.note.is_empty() {
        m.tag("<span><strong>Note: </strong>");
        marked(m, "span", f.note);
        m.tag("</span>");
    }
    m.tag("</span>");
}

/// `<TAG data-p="N">text</TAG>`: a display-only text, marked on the static page (`crate::prose`).
fn marked(m: &mut Markup, tag: &str, text: crate::prose::Prose) {
    m.tag("<").tag(tag).prose(&text).tag("</").tag(tag).tag(">");
}

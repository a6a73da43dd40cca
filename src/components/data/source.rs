//! A "Source" button that opens a figure's source in place (publisher, date, title, link, excerpt, confidence, notes).

use yew::prelude::*;

use crate::components::figure::figure_source;
use crate::components::raw::{raw, Markup};
use crate::model::Figure;

/// Props: the figure, what the button names for screen readers, and whether it starts open.
#[derive(Properties, PartialEq)]
pub struct SourceToggleProps {
    pub figure: &'static Figure,
    /// Read after "Source" by screen readers ("of Kazakhstan, 2024: $43.82bn").
    pub of: AttrValue,
    #[prop_or(AttrValue::Static("Source"))]
    pub text: AttrValue,
}

/// The button and, once pressed, the source beneath it.
#[component]
pub fn SourceToggle(props: &SourceToggleProps) -> Html {
    // The figure whose source is open: a row that now shows another figure (a layer switch) starts closed.
    let open_for = use_state(|| None::<&'static str>);
    // The static page shows the source in brief, without a button (publisher, date and link).
    let static_page = crate::components::use_static_page();
    let f = props.figure;
    let open = *open_for == Some(f.id);
    // Display only (no control inside): written as markup (`crate::components::raw`).
    let brief = |class: &'static str| {
        let mut m = Markup::default();
        m.tag(class).text(if f.source_publisher.is_empty() {
            "the essay"
        } else {
            f.source_publisher.text()
        });
        if !f.source_date.is_empty() {
            m.text(", ").text(f.source_date);
        }
        if !f.source_url.is_empty() {
            m.tag(" <a")
                .attr("href", Some(f.source_url))
                .tag(r#" target="_blank">"#)
                .text(&crate::components::cite::link_label(f.source_url))
                .tag("</a>");
        }
        m.tag("</span>");
        raw(m)
    };
    if static_page {
        return brief(r#"<span class="source-brief">"#);
    }
    let onclick = {
        let (open_for, id) = (open_for.clone(), f.id);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            open_for.set((!open).then_some(id));
        })
    };
    html! {
        <>
            <button type="button" class="source-toggle" aria-expanded={open.to_string()} {onclick}>
                { props.text.clone() }<span class="visually-hidden">{ format!(" of {}", props.of) }</span>
            </button>
            if open { { figure_source(props.figure) } } else { { brief(r#"<span class="source-brief print-only">"#) } }
        </>
    }
}

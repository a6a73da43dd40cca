//! Display-only SVG written as markup text (Yew's raw HTML node) instead of `html!`: the parts of the map that
//! never change and hold no control. An element built by `html!` costs about 100-300 B of wasm code; a line of
//! `write!` a few tens. The markup is the same as `html!` gives (the static page's outlines keep `data-geo`).

use yew::prelude::*;

/// `s` escaped for HTML text and double-quoted attribute values.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['&', '<', '>', '"']) {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .into()
    } else {
        s.into()
    }
}

/// Markup as a node (its text must come from `esc` where it is not the app's own).
pub fn raw(markup: impl Into<AttrValue>) -> Html {
    Html::from_html_unchecked(markup.into())
}

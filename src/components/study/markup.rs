//! Display-only parts of the study views (no control, no focus target) written as markup text, Yew's raw
//! HTML node, instead of `html!`: an element built by `html!` costs about 100-300 B of wasm code, a `write!`
//! a few tens. The markup is what `html!` gives, attribute for attribute. (The map does the same in
//! `components/map/markup.rs`.)

use std::borrow::Cow;

use yew::prelude::*;

/// `s` escaped for HTML text and double-quoted attribute values.
pub fn esc(s: &str) -> Cow<'_, str> {
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

/// Markup as a node; any text in it that is not the app's own must come from `esc`. It is drawn anew when it
/// changes, so it must hold nothing that keeps focus or state.
pub fn raw(markup: impl Into<AttrValue>) -> Html {
    Html::from_html_unchecked(markup.into())
}

//! Display-only markup written as text: one string shown as Yew's raw HTML node, instead of the code that
//! builds each element (an element written in `html!` costs about 370 bytes of wasm, a line of text a few).
//! Only for elements with no listeners and no components inside; every text and attribute value is escaped
//! as Yew's server rendering escapes it, so the pre-rendered page reads the same.

use std::borrow::Cow;

use yew::prelude::*;

/// Markup as nodes: built with `Markup`, which escapes what it is given, or a string whose content came from
/// `esc`. It is drawn anew whenever it changes, so it must hold nothing that keeps focus or state.
pub fn raw(markup: impl Into<AttrValue>) -> Html {
    Html::from_html_unchecked(markup.into())
}

impl From<Markup> for AttrValue {
    fn from(markup: Markup) -> Self {
        markup.0.into()
    }
}

/// `s` escaped for HTML text and double-quoted attribute values, for markup written with `write!`.
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

/// Fixed markup (no content in it) as nodes.
pub fn fixed(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
}

/// Markup under construction: tags written as they are, text and attribute values escaped.
#[derive(Default)]
pub struct Markup(pub String);

impl Markup {
    /// Writes markup as it is (tags and fixed words: never content).
    pub fn tag(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Writes text, with `&`, `<` and `>` escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        escape(&mut self.0, s, false);
        self
    }

    /// Ends an opening tag with the static page's mark for a `Prose` (` data-p="KEY">`, read back on start:
    /// src/prose.rs) and writes its text.
    pub fn prose(&mut self, text: &crate::prose::Prose) -> &mut Self {
        self.attr("data-p", text.key().as_deref())
            .tag(">")
            .text(text)
    }

    /// Writes ` name="value"`, the value escaped (`&`, `<`, `>`, `"`); nothing for `None`.
    pub fn attr(&mut self, name: &str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value, true);
            self.0.push('"');
        }
        self
    }
}

/// Writes `s` with `&`, `<`, `>` (and in an attribute `"`) escaped: the runs between them in one piece each (a
/// character at a time measured slower on every layer switch, which makes the controls' markup).
fn escape(out: &mut String, s: &str, attribute: bool) {
    let mut rest = s;
    while let Some(at) = rest.find(|c| matches!(c, '&' | '<' | '>') || (attribute && c == '"')) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::Markup;

    #[test]
    fn text_and_values_are_escaped_and_tags_are_not() {
        let mut m = Markup::default();
        m.tag("<p")
            .attr("title", Some("a \"b\" & <c>"))
            .attr("data-x", None)
            .tag(">");
        m.text("1 < 2 & \"3\" > 0").tag("</p>");
        assert_eq!(
            m.0,
            "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">1 &lt; 2 &amp; \"3\" &gt; 0</p>"
        );
    }
}

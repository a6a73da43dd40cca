//! The URL codec: `View` <-> query string. Pure; defaults are omitted; bad input falls back to defaults
//! and is reported, never panics.

use crate::model::{CardId, CountryId, Layer, Part, Period, Theme};
use crate::state::{Control, Hidden, View};

/// Longest value we accept for any parameter; longer ones are ignored as malformed.
pub const MAX_VALUE_LEN: usize = 120;
/// Most parameters we look at; the rest of a huge query is ignored.
pub const MAX_PAIRS: usize = 40;

/// What the codec must know about the content to accept ids.
pub struct Known<'a> {
    /// The card with this id, if it exists.
    pub card: &'a dyn Fn(&str) -> Option<CardId>,
    /// The number of tour steps.
    pub steps: usize,
}

/// The view a query asks for, and what was ignored, in words.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub view: View,
    pub ignored: Vec<String>,
}

/// `decode(query, known)` parses `?a=b&c=d` (the `?` optional) into a view; see module docs.
pub fn decode(query: &str, known: &Known) -> Decoded {
    let mut view = View::default();
    let mut ignored = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    for (i, raw) in query.split('&').filter(|s| !s.is_empty()).enumerate() {
        if i == MAX_PAIRS {
            ignored.push(format!(
                "the link has more than {MAX_PAIRS} parameters; the rest were ignored"
            ));
            break;
        }
        let (k, v) = raw.split_once('=').unwrap_or((raw, ""));
        let key = percent_decode(k).unwrap_or_default();
        let value = if v.len() > MAX_VALUE_LEN * 3 {
            None
        } else {
            percent_decode(v)
        };
        pairs.push((key, value));
    }
    for key in KEYS {
        let mut values = pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v);
        let (first, more) = (values.next(), values.count());
        match first {
            None => {}
            Some(_) if more > 0 => {
                ignored.push(format!("{key}: given {} times, so none was used", more + 1))
            }
            Some(Some(value)) if value.chars().count() <= MAX_VALUE_LEN => {
                if let Err(why) = apply(&mut view, key, value, known) {
                    ignored.push(format!("{key} “{}”: {why}", shown(value)));
                }
            }
            Some(_) => ignored.push(format!("{key}: the value is malformed or too long")),
        }
    }
    // A year only means something for the layer it belongs to.
    if let Some(year) = view.year {
        if !view.layer.years().contains(&year) {
            ignored.push(format!(
                "year “{}”: not a period of the {} layer",
                year.key(),
                view.layer.label()
            ));
            view.year = None;
        }
    }
    Decoded { view, ignored }
}

/// The keys a link may hold, in the order their notices are given (static/early.js gives its own in the same order).
pub const KEYS: &[&str] = &[
    "part", "theme", "card", "layer", "year", "pp", "country", "step", "embed", "hide",
];

/// Not generic over the value's type, so one copy serves every parameter.
fn unknown(what: &str) -> String {
    format!("not a {what} this explainer knows")
}

fn apply(view: &mut View, key: &str, value: &str, known: &Known) -> Result<(), String> {
    match key {
        "part" => view.part = Part::from_key(value).ok_or_else(|| unknown("part"))?,
        "theme" => view.theme = Some(Theme::from_key(value).ok_or_else(|| unknown("theme"))?),
        "card" => view.card = Some((known.card)(value).ok_or_else(|| unknown("card"))?),
        "layer" => view.layer = Layer::from_key(value).ok_or_else(|| unknown("layer"))?,
        "year" => view.year = Some(Period::from_key(value).ok_or_else(|| unknown("year"))?),
        "pp" if value == "1" => view.per_person = true,
        "country" => {
            view.country = Some(CountryId::from_key(value).ok_or_else(|| unknown("republic"))?)
        }
        "step" => match value.parse::<usize>() {
            Ok(n) if (1..=known.steps).contains(&n) => view.step = Some(n),
            _ => return Err(format!("the tour has steps 1 to {}", known.steps)),
        },
        "embed" if value == "1" => view.embed = true,
        "hide" => {
            let mut hidden = Hidden::NONE;
            for part in value.split(',').filter(|s| !s.is_empty()) {
                hidden = hidden.with(Control::from_key(part).ok_or_else(|| unknown("control"))?);
            }
            view.hidden = hidden;
        }
        _ => return Err("expected 1".to_string()),
    }
    Ok(())
}

/// `encode(view)` is the query string for a view, with defaults left out ("" for the default view).
pub fn encode(view: &View) -> String {
    let d = View::default();
    let mut out: Vec<(&str, String)> = Vec::new();
    if view.part != d.part {
        out.push(("part", view.part.key().into()));
    }
    if let Some(theme) = view.theme {
        out.push(("theme", theme.key().into()));
    }
    if let Some(card) = view.card {
        out.push(("card", percent_encode(card.as_str())));
    }
    if view.layer != d.layer {
        out.push(("layer", view.layer.key().into()));
    }
    if let Some(year) = view.year {
        if Some(year) != view.layer.default_year() {
            out.push(("year", percent_encode(year.key())));
        }
    }
    if view.per_person {
        out.push(("pp", "1".into()));
    }
    if let Some(country) = view.country {
        out.push(("country", country.key().into()));
    }
    if let Some(step) = view.step {
        out.push(("step", step.to_string()));
    }
    if view.embed {
        out.push(("embed", "1".into()));
    }
    if !view.hidden.is_empty() {
        let keys: Vec<&str> = view.hidden.iter().map(Control::key).collect();
        out.push(("hide", keys.join(",")));
    }
    if out.is_empty() {
        return String::new();
    }
    let body: Vec<String> = out.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", body.join("&"))
}

/// `href(view)` is the link to a view: its query, or "?" for the default view (an empty `href` would
/// keep the current address).
pub fn href(view: &View) -> String {
    let query = encode(view);
    if query.is_empty() {
        "?".to_string()
    } else {
        query
    }
}

/// The embed settings that every link made inside a view keeps (`embed=1`, `hide=...`), so that following a
/// link inside an embedded explainer stays embedded. Components read it from context.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Within {
    pub embed: bool,
    pub hidden: Hidden,
}

impl Within {
    /// The embed settings of `view`.
    pub fn of(view: &View) -> Self {
        Within {
            embed: view.embed,
            hidden: view.hidden,
        }
    }

    /// The link to `target` from inside a view with these settings (they replace `target`'s own).
    pub fn link(self, target: View) -> String {
        href(&View {
            embed: self.embed,
            hidden: self.hidden,
            ..target
        })
    }

    /// The link to a part.
    pub fn part(self, part: Part) -> String {
        self.link(View {
            part,
            ..View::default()
        })
    }

    /// The link to a card, shown open in the cards part.
    pub fn card(self, id: CardId) -> String {
        self.link(View {
            part: Part::Cards,
            card: Some(id),
            ..View::default()
        })
    }

    /// The link to a history card's event, selected on the timeline.
    pub fn event(self, id: CardId) -> String {
        self.link(View {
            part: Part::Timeline,
            card: Some(id),
            ..View::default()
        })
    }
}

/// Decodes `%XX` escapes and `+`; `None` for a broken escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push(hex_byte(s.get(i + 1..i + 3)?)?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The byte two characters after `%` give, as `u8::from_str_radix(hex, 16)` reads them (which also takes
/// "+f" as 15), without that function's general code.
fn hex_byte(hex: &str) -> Option<u8> {
    let digits = hex.strip_prefix('+').unwrap_or(hex);
    digits
        .chars()
        .try_fold(0u8, |n, c| Some(n * 16 + c.to_digit(16)? as u8))
        .filter(|_| !digits.is_empty())
}

/// Escapes everything but unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Longest part of an unknown value a notice quotes.
const QUOTED_CHARS: usize = 30;

/// `shown(value)` is an unknown value as a notice can quote it safely: invisible characters (controls,
/// formatting and bidi marks, unusual spaces) written as `U+XXXX`, shortened to about 30 characters with
/// "…", and isolated (U+2068…U+2069) so right-to-left text cannot reorder the sentence around it.
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let piece = if invisible(c) {
            format!("U+{:04X}", c as u32)
        } else {
            c.to_string()
        };
        let width = piece.chars().count();
        if used + width > QUOTED_CHARS {
            out.push('…');
            break;
        }
        // A visible code point next to text reads as part of it: keep it apart with spaces.
        if width > 1 && used > 0 && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(&piece);
        used += width;
        if width > 1 && chars.peek().is_some() {
            out.push(' ');
        }
    }
    format!("\u{2068}{out}\u{2069}")
}

/// Characters that show nothing, or change how the text around them is shown.
fn invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_byte_reads_what_from_str_radix_reads() {
        for a in 0u8..128 {
            for b in 0u8..128 {
                let hex = String::from_utf8(vec![a, b]).unwrap();
                assert_eq!(
                    super::hex_byte(&hex),
                    u8::from_str_radix(&hex, 16).ok(),
                    "{hex:?}"
                );
            }
        }
    }
}

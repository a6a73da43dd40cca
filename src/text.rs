//! Parses the inline markup of content prose: `[shown](term:ID)`, `[shown](card:ID)` and `[shown](fig:ID)`.
//! Pure.

/// One run of prose: plain text, a glossary term, a link to a card or a sourced figure (`shown` is the
/// figure as the sentence words it, "$3.7 billion"; its value and source come from `figures.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Term { shown: &'a str, id: &'a str },
    Card { shown: &'a str, id: &'a str },
    Figure { shown: &'a str, id: &'a str },
}

/// `spans(s)` splits prose into spans; anything that is not well-formed markup stays text.
pub fn spans(s: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut text_start = 0usize;
    let mut offset = 0usize;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let parsed = after.find("](").and_then(|close| {
            let shown = &after[..close];
            let target = &after[close + 2..];
            let end = target.find(')')?;
            let (kind, id) = target[..end].split_once(':')?;
            if shown.contains('[') || id.is_empty() {
                return None;
            }
            let span = match kind {
                "term" => Span::Term { shown, id },
                "card" => Span::Card { shown, id },
                "fig" => Span::Figure { shown, id },
                _ => return None,
            };
            Some((span, open + 1 + close + 2 + end + 1))
        });
        match parsed {
            Some((span, len)) => {
                let abs = offset + open;
                if abs > text_start {
                    out.push(Span::Text(&s[text_start..abs]));
                }
                out.push(span);
                offset += len;
                text_start = offset;
                rest = &s[offset..];
            }
            None => {
                offset += open + 1;
                rest = &s[offset..];
            }
        }
    }
    if text_start < s.len() {
        out.push(Span::Text(&s[text_start..]));
    }
    out
}

/// The prose with markup removed: what a reader reads.
pub fn plain(s: &str) -> String {
    spans(s)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => t,
            Span::Term { shown, .. } | Span::Card { shown, .. } | Span::Figure { shown, .. } => {
                shown
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_terms_and_cards_among_text() {
        let s = spans("China uses [soft power](term:soft-power) via [the SCO](card:sco).");
        assert_eq!(
            s,
            vec![
                Span::Text("China uses "),
                Span::Term {
                    shown: "soft power",
                    id: "soft-power"
                },
                Span::Text(" via "),
                Span::Card {
                    shown: "the SCO",
                    id: "sco"
                },
                Span::Text("."),
            ]
        );
    }

    #[test]
    fn malformed_markup_stays_text() {
        assert_eq!(
            plain("a [b](x:y) [c](term:) [d]"),
            "a [b](x:y) [c](term:) [d]"
        );
        assert_eq!(spans("[a"), vec![Span::Text("[a")]);
    }

    #[test]
    fn parses_figures() {
        assert_eq!(
            spans("a pledge of [$3.7 billion](fig:xian-pledge-2023)."),
            vec![
                Span::Text("a pledge of "),
                Span::Figure {
                    shown: "$3.7 billion",
                    id: "xian-pledge-2023"
                },
                Span::Text("."),
            ]
        );
        assert_eq!(plain("[90%](fig:x) of them"), "90% of them");
        assert_eq!(plain("[90%](fig:) of them"), "[90%](fig:) of them");
    }

    #[test]
    fn plain_strips_markup() {
        assert_eq!(
            plain("[soft power](term:soft-power) matters"),
            "soft power matters"
        );
    }
}

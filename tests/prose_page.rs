//! Display-only prose is shipped once, in the pre-rendered page (src/prose.rs): the browser build reads each
//! text back from its element marked `data-p`. These tests render the static page as the build does, read
//! every marked element back the way the browser does (text, and inline elements turned back into their
//! markup by `prose::inline_markup` and `prose::source_of`) and compare with the content: every text must be
//! on the page and read back exactly, inline markup included.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::prose::{self, Piece, Prose};
use charm_offensive::{App, AppProps};

async fn static_page() -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps {
        query: "".into(),
        static_page: true,
    })
    .hydratable(false)
    .render()
    .await
}

/// A piece of HTML as the browser's parser sees it (enough for Yew's server-side output).
#[derive(Debug)]
enum Token {
    Start {
        attrs: Vec<(String, String)>,
        closed: bool,
    },
    End,
    Text(String),
}

fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').expect("an entity ends with ;");
        let entity = &rest[1..end];
        let ch = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if entity.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&entity[2..], 16).unwrap()).unwrap()
            }
            _ if entity.starts_with('#') => {
                char::from_u32(entity[1..].parse::<u32>().unwrap()).unwrap()
            }
            _ => panic!("unknown entity &{entity};"),
        };
        out.push(ch);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

const VOID: [&str; 8] = ["br", "img", "input", "meta", "link", "hr", "wbr", "source"];

fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').expect("a tag ends");
            let inner = &tag[..end];
            rest = &tag[end + 1..];
            if inner.starts_with('/') {
                out.push(Token::End);
            } else if inner.starts_with('!') {
                // A comment or doctype: nothing to read.
            } else {
                let closed = inner.ends_with('/');
                let inner = inner.trim_end_matches('/');
                let (name, mut attrs_src) = inner.split_once(' ').unwrap_or((inner, ""));
                let mut attrs = Vec::new();
                loop {
                    attrs_src = attrs_src.trim_start();
                    if attrs_src.is_empty() {
                        break;
                    }
                    let name_end = attrs_src
                        .find(|c: char| c == '=' || c.is_whitespace())
                        .unwrap_or(attrs_src.len());
                    let attr = attrs_src[..name_end].to_string();
                    attrs_src = &attrs_src[name_end..];
                    if let Some(v) = attrs_src.strip_prefix("=\"") {
                        let close = v.find('"').expect("an attribute value ends");
                        attrs.push((attr, decode(&v[..close])));
                        attrs_src = &v[close + 1..];
                    } else {
                        attrs.push((attr, String::new()));
                    }
                }
                let closed = closed || VOID.contains(&name);
                out.push(Token::Start { attrs, closed });
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push(Token::Text(decode(&rest[..end])));
            rest = &rest[end..];
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The text of the element starting at `tokens[at]` (its index past the end, its first direct text).
fn element_text(tokens: &[Token], at: usize) -> (String, usize, String) {
    let mut all = String::new();
    let mut first = None;
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match &tokens[i] {
            Token::Start { closed, .. } => {
                if !closed {
                    depth += 1;
                }
            }
            Token::End => depth -= 1,
            Token::Text(t) => {
                if depth == 1 && first.is_none() {
                    first = Some(t.clone());
                }
                all.push_str(t);
            }
        }
        i += 1;
        if depth == 0 {
            return (all, i, first.unwrap_or_default());
        }
    }
}

/// Reads the element starting at `tokens[at]` as the browser build does (`prose::read_element`).
fn read_element(tokens: &[Token], at: usize) -> String {
    let mut pieces: Vec<(Option<(&'static str, String)>, String)> = Vec::new();
    let mut i = at + 1;
    loop {
        match &tokens[i] {
            Token::End => break,
            Token::Text(t) => {
                pieces.push((None, t.clone()));
                i += 1;
            }
            Token::Start { attrs, .. } => {
                let (all, next, first) = element_text(tokens, i);
                let markup = prose::inline_markup(
                    attr(attrs, "class"),
                    attr(attrs, "href"),
                    attr(attrs, "data-fig"),
                );
                match markup {
                    Some((kind, id)) => {
                        let shown = if kind == "fig" { first } else { all };
                        pieces.push((Some((kind, id.to_string())), shown));
                    }
                    None => pieces.push((None, all)),
                }
                i = next;
            }
        }
    }
    prose::source_of(pieces.iter().map(|(markup, text)| match markup {
        Some((kind, id)) => Piece::Inline {
            kind,
            id,
            shown: text,
        },
        None => Piece::Text(text),
    }))
}

#[tokio::test]
async fn every_display_only_text_is_on_the_page_and_reads_back_exactly() {
    let html = static_page().await;
    let tokens = tokens(&html);
    let mut seen = vec![0usize; prose::COUNT];
    let mut wrong = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Start { attrs, .. } = token else {
            continue;
        };
        let Some(key) = attr(attrs, "data-p") else {
            continue;
        };
        let at: u16 = key.parse().expect("data-p is a number");
        assert!(usize::from(at) < prose::COUNT, "data-p={at} out of range");
        seen[usize::from(at)] += 1;
        let read = read_element(&tokens, i);
        let source = Prose(at).text();
        if read != source {
            wrong.push(format!("data-p={at}\n  read:   {read}\n  source: {source}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} texts read back differently:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let missing: Vec<String> = (0..prose::COUNT)
        .filter(|&at| seen[at] == 0)
        .map(|at| format!("{at}: {}", Prose(at as u16).text()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} texts are not on the static page:\n{}",
        missing.len(),
        prose::COUNT,
        missing.join("\n")
    );
}

#[test]
fn the_page_reader_sees_markup_and_entities_as_the_browser_does() {
    let html = r##"<p data-p="0">A &amp; B <a class="term-link" href="#term-x">soft &lt;power&gt;</a> and <span class="figure inline" data-fig="f">$3</span> <em>it&#x27;s</em></p>"##;
    let tokens = tokens(html);
    assert_eq!(
        read_element(&tokens, 0),
        "A & B [soft <power>](term:x) and [$3](fig:f) it's"
    );
}

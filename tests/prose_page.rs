//! Display-only prose is shipped once, in the pre-rendered page (src/prose.rs): the browser build reads each
//! text back from its element marked `data-p`. These tests render the static page as the build does, read
//! every marked element back with the browser build's own reader (`prose::read_html`: text, and inline
//! elements turned back into their markup) and compare with the content: every marked text must read back
//! exactly, inline markup included, and the main kinds must all be on the page.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::prose::{self, Prose};
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

fn read(html: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    prose::read_html(html, |at, text| out.push((at, text)));
    out
}

#[tokio::test]
async fn every_marked_text_reads_back_exactly_and_the_main_kinds_are_on_the_page() {
    let html = static_page().await;
    let mut seen = vec![0usize; prose::COUNT];
    let mut wrong = Vec::new();
    for (at, text) in read(&html) {
        assert!(at < prose::COUNT, "data-p={at} out of range");
        seen[at] += 1;
        let source = Prose(at as u16).text();
        if text != source {
            wrong.push(format!("data-p={at}\n  read:   {text}\n  source: {source}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} texts read back differently:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // A text the page lacks is compiled into the wasm instead (build.rs), so nothing breaks; but these kinds
    // are all shown by the static page, and one going missing would quietly grow the wasm.
    let c = charm_offensive::content::content();
    let mut expected: Vec<Prose> = Vec::new();
    for card in c.cards {
        expected.extend([card.title, card.summary]);
        expected.extend(card.detail.iter().copied());
        expected.extend(card.quote.iter().flat_map(|q| [q.text, q.source]));
    }
    expected.extend(c.glossary.iter().map(|t| t.definition));
    expected.extend(c.references.entries.iter().map(|r| r.citation));
    let study = charm_offensive::model::study::study();
    for e in study.evidence {
        expected.extend([e.claim, e.finding, e.why_it_matters]);
    }
    for step in study.tour {
        expected.extend(step.body.iter().copied());
    }
    let missing: Vec<String> = expected
        .iter()
        .filter(|p| seen[usize::from(p.0)] == 0)
        .map(|p| format!("{}: {}", p.0, p.text()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} texts are not on the static page:\n{}",
        missing.len(),
        missing.join("\n")
    );
    let on_page = (0..prose::COUNT).filter(|&at| seen[at] > 0).count();
    eprintln!("{on_page} of {} texts are on the static page", prose::COUNT);
}

#[test]
fn the_reader_turns_inline_elements_back_into_markup_and_decodes_entities() {
    let html = r##"<li><p data-p="3" class="x">A &amp; B <a class="term-link" href="#term-x">soft &lt;power&gt;</a> and <span class="figure inline" data-fig="f">$3<span class="source-brief"> [Source: Y]</span></span> <em>it&#x27;s</em><br> &#8220;q&#x201D; &nbsp;</p><p data-p="4"><a class="card-link" href="#card-sco">the <b>SCO</b></a>.</p></li>"##;
    assert_eq!(
        read(html),
        vec![
            (
                3,
                "A & B [soft <power>](term:x) and [$3](fig:f) it's “q” \u{a0}".to_string()
            ),
            (4, "[the SCO](card:sco).".to_string())
        ]
    );
}

#[test]
fn bad_markup_is_skipped_without_a_panic() {
    for html in [
        r#"<p data-p="1">never closed"#,
        r#"<p data-p="x">not a number</p>"#,
        r#"text data-p="2" outside a tag <p data-p="5">ok &bogus; &amp</p>"#,
        r#"<p data-p="6"></b></b></p>"#,
        r##"<p data-p="7"><a class="term-link" href="#term-"##,
    ] {
        let got = read(html);
        assert!(got.iter().all(|(at, _)| *at == 5), "{html}: {got:?}");
    }
    assert_eq!(
        read(r#"text data-p="2" outside <p data-p="5">ok &bogus; &amp</p>"#),
        vec![(5, "ok &bogus; &amp".to_string())]
    );
}

//! The browser build reads display-only texts back from pre-rendered elements (src/prose.rs): here the
//! DOM reader, on nodes the browser built from the static page's markup.

use charm_offensive::prose::read_element;
use wasm_bindgen_test::*;

use crate::support::root;

#[wasm_bindgen_test]
fn a_rendered_text_reads_back_as_its_source_with_markup() {
    let el = root();
    el.set_inner_html(
        r##"<p data-p="3">A &amp; B <a class="term-link" href="#term-soft-power">soft power</a> via <a class="card-link" href="#card-sco">the SCO</a>, <span class="figure inline" data-fig="f1">$3.7 billion<span class="source-brief"> [Source: X]</span></span> <em>it's</em>.</p>"##,
    );
    let p = el.query_selector("[data-p]").unwrap().unwrap();
    assert_eq!(
        read_element(&p),
        "A & B [soft power](term:soft-power) via [the SCO](card:sco), [$3.7 billion](fig:f1) it's."
    );
    el.remove();
}
